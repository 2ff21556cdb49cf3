// Properties of the real municipal scripts that a table of test cases cannot show.
#include <catch2/catch.hpp>

#include <random>

#include "engine/standard.hpp"

using namespace kvalitet;

namespace {

Sources checkout() { return Sources::directory(KVALITET_SOURCE_DIR); }

int package_number(const Vurdering& v) {
    if (!v.pakke) return 0;
    return v.pakke->regel->id.back() - '0'; // pakke_1 … pakke_6
}

} // namespace

TEST_CASE("kerteminde: a more impaired citizen never gets a lower package") {
    const Sources sources = checkout();
    auto standard = Standard::load(sources, "kerteminde");
    const Dato dato = *Dato::parse("2026-11-22");
    std::mt19937 rng(85);
    std::uniform_int_distribution<int> score(0, 4), bump(0, 2);
    Sag a;
    a.id = "a";
    a.alder = 40;
    a.forhold.vaerdi[*Forhold::index("saerlige_sociale_problemer")] = true;
    a.forhold.vaerdi[*Forhold::index("kan_deltage_aktivt")] = true;
    for (auto f : {"kan_afhjaelpes_med_hjaelpemidler", "kan_afhjaelpes_med_traening", "kan_afhjaelpes_efter_anden_lovgivning"})
        a.forhold.vaerdi[*Forhold::index(f)] = false; // a settled target group: a package is chosen
    Sag b = a;
    b.id = std::string(1, 'b');
    int compared = 0, differed = 0;
    for (int i = 0; i < 2000; ++i) {
        Vum va, vb;
        for (std::size_t t = 0; t < Vum::kTemaer; ++t) {
            va.score[t] = std::int8_t(score(rng));
            vb.score[t] = std::int8_t(std::min(4, va.score[t] + bump(rng) * (bump(rng) == 0)));
        }
        a.vum = va;
        b.vum = vb;
        const int pa = package_number(standard->vurder(a, dato));
        const int pb = package_number(standard->vurder(b, dato));
        REQUIRE(pa >= 1);
        REQUIRE(pa <= pb); // b scores at least as high in every theme
        ++compared;
        differed += pa != pb;
    }
    CHECK(compared == 2000);
    CHECK(differed > 100); // the property was not vacuous
}

TEST_CASE("kerteminde: the six packages rise in hours and are marked as assumptions") {
    const Sources sources = checkout();
    auto standard = Standard::load(sources, "kerteminde");
    double last = 0;
    int n = 0;
    for (const Rule& r : standard->rules()) {
        if (r.art != Art::Pakke) continue;
        ++n;
        CHECK(r.timer > last);
        CHECK(r.regel->antagelse);
        last = r.timer;
    }
    CHECK(n == 6);
}

TEST_CASE("every municipality of the contract loads and names its sources") {
    const Sources sources = checkout();
    for (const char* id : {"gentofte", "ishoej", "lejre", "varde", "kerteminde"}) {
        INFO(id);
        auto s = Standard::load(sources, id);
        CHECK(s->info().kommune == id);
        CHECK(!s->info().titel.empty());
        CHECK(!s->info().kilde.empty());
        for (const Rule& r : s->rules()) CHECK(!r.regel->kilde.empty());
    }
}
