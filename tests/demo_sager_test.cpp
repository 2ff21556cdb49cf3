// The main job's synthetic cases look like a § 85 caseload a caseworker would recognise:
// adults of working age mostly, support delivered as granted in weekday daytime, a minority
// of deviations and complaints; and the same seed gives the same cases. Limits are wide
// bands around what a real caseload shows, so a generator gone wild (every case deviating,
// every delivery at night) fails, and tuning within reason does not. (That the same seed
// gives the same cases: store_test.cpp.)
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <map>
#include <memory>
#include <set>

#include "domain/kalender.hpp"
#include "domain/sag.hpp"
#include "engine/standard.hpp"
#include "store/demo_sager.hpp"

using namespace kvalitet;

namespace {

constexpr int kAntal = 1000;
const Dato kRef = Dato::ymd(2026, 11, 22);

double share(int n, int of) { return of ? double(n) / double(of) : 0; }

} // namespace

TEST_CASE("demo: ages, VUM profiles, deliveries and complaints spread like a § 85 caseload") {
    int voksne = 0, arbejdsalder = 0, med_vum = 0, leverancer = 0, i_dagtimer = 0, klager = 0, bevilget = 0;
    int socialt_liv = 0, mobilitet = 0;
    for (int i = 0; i < kAntal; ++i) {
        const Sag s = Sag::from_json(demo_sag(85, std::uint64_t(i), kRef));
        const int alder = s.alder_paa(kRef).value_or(-1);
        voksne += alder >= 18;
        arbejdsalder += alder >= 18 && alder < 65;
        if (s.vum) {
            ++med_vum;
            socialt_liv += s.vum->tema(*Vum::tema_index("socialt_liv")).value_or(0);
            mobilitet += s.vum->tema(*Vum::tema_index("mobilitet")).value_or(0);
        }
        bevilget += s.bevilling.has_value();
        klager += s.klage_modtaget.has_value();
        for (const auto& l : s.leverancer) {
            ++leverancer;
            i_dagtimer += kalender::arbejdsdag(l.dato) && l.start_minut >= 8 * 60 && l.start_minut + l.minutter <= 16 * 60;
        }
    }
    CHECK(share(voksne, kAntal) > 0.95);
    CHECK(share(arbejdsalder, kAntal) > 0.7);
    CHECK(share(arbejdsalder, kAntal) < 0.95); // and some pensioners
    CHECK(share(med_vum, kAntal) > 0.85);
    CHECK(socialt_liv > mobilitet * 3 / 2); // social life is where § 85 citizens struggle
    CHECK(share(bevilget, kAntal) > 0.75);
    CHECK(share(klager, kAntal) > 0.02);
    CHECK(share(klager, kAntal) < 0.15);
    REQUIRE(leverancer > kAntal * 10);
    CHECK(share(i_dagtimer, leverancer) > 0.97);
}

TEST_CASE("demo: under each standard, most cases are in the target group and a minority has warnings") {
    const Sources sources = Sources::directory(KVALITET_SOURCE_DIR);
    std::map<std::string, std::unique_ptr<Standard>> standarder;
    std::map<std::string, int> sager, i_maalgruppe, med_advarsler;
    std::map<std::string, std::map<std::string, int>> pr_advarsel; // cases with each warning
    for (int i = 0; i < kAntal; ++i) {
        const Sag s = Sag::from_json(demo_sag(85, std::uint64_t(i), kRef));
        auto& std_ = standarder[*s.kommune];
        if (!std_) std_ = Standard::load(sources, *s.kommune);
        const Vurdering v = std_->vurder(s, kRef);
        const std::string& k = *s.kommune;
        ++sager[k];
        i_maalgruppe[k] += v.i_maalgruppe.value_or(false);
        // Gentofte's standard_ikke_revideret is about the standard (not revised since 2014),
        // on every case alike; the caseload's warnings are the others.
        std::set<std::string_view> ids;
        for (const auto& a : v.advarsler)
            if (a.id != "standard_ikke_revideret") ids.insert(a.id);
        med_advarsler[k] += !ids.empty();
        for (auto id : ids) ++pr_advarsel[k][std::string(id)];
    }
    REQUIRE(sager.size() == 5);
    for (const auto& [k, n] : sager) {
        INFO(k);
        CHECK(share(i_maalgruppe[k], n) > 0.6);
        CHECK(share(med_advarsler[k], n) < 0.5);
        for (const auto& [id, m] : pr_advarsel[k]) {
            INFO(id);
            CHECK(share(m, n) < 0.25); // no single warning on a quarter of the caseload
        }
    }
}
