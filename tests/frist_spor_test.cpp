// A deadline's trace says what it was computed from: the condition that made it apply, the
// start a function chose, and how a receipt was derived (channel and national parameter).
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/standard.hpp"

using namespace kvalitet;

namespace {

const SporPost& entry(const Vurdering& v, std::string_view id) {
    auto it = std::find_if(v.spor.begin(), v.spor.end(),
                           [&](const SporPost& p) { return p.trin == Trin::Frister && p.regel->id == id; });
    REQUIRE(it != v.spor.end());
    return *it;
}

template <class V>
const V* value(const SporPost& p, std::string_view key) {
    for (const auto& [k, v] : p.vaerdier)
        if (k == key) return std::get_if<V>(&v);
    return nullptr;
}

std::optional<Dato> date(const SporPost& p, std::string_view key) {
    for (const auto& [k, d] : p.datoer)
        if (k == key) return d;
    return std::nullopt;
}

} // namespace

TEST_CASE("deadline trace: condition, chosen start and derived receipt are among what it read") {
    const Sources sources = Sources::directory(KVALITET_SOURCE_DIR);
    auto lejre = Standard::load(sources, "lejre");
    const Sag sag = Sag::from_json(R"({"id":"l1","borger":{"alder":40},
      "ansoegning":{"modtaget":"2026-02-02","akut":true},
      "bevilling":{"afgoerelse_sendt":"2026-01-20","afgoerelse_kanal":"fysisk","foerstegangs":true,"start":"2026-02-01"},
      "opfoelgninger":[{"dato":"2026-06-01","form":"personlig"}]})");
    const Vurdering v = lejre->vurder(sag, *Dato::parse("2026-11-30"));

    const auto& klage = entry(v, "klage");
    REQUIRE(value<std::string>(klage, "bevilling.afgoerelse_kanal"));
    CHECK(*value<std::string>(klage, "bevilling.afgoerelse_kanal") == "fysisk");
    REQUIRE(value<double>(klage, "fysisk_post_hverdage"));
    CHECK(*value<double>(klage, "fysisk_post_hverdage") == 6);

    const auto& akut = entry(v, "akut_ivaerksaettelse");
    REQUIRE(value<bool>(akut, "ansoegning.akut"));
    CHECK(*value<bool>(akut, "ansoegning.akut"));
    CHECK(akut.mangler.empty());

    const auto& foerste = entry(v, "foerste_opfoelgning");
    REQUIRE(value<bool>(foerste, "bevilling.foerstegangs"));

    // Counted from the latest follow-up, which a function chose: named as "fra".
    CHECK(date(entry(v, "naeste_opfoelgning"), "fra") == Dato::parse("2026-06-01"));

    // A receipt that is known reads no channel and no parameter.
    Sag kendt = sag;
    kendt.bevilling->afgoerelse_modtaget = *Dato::parse("2026-01-22");
    const Vurdering v2 = lejre->vurder(kendt, *Dato::parse("2026-11-30"));
    const auto& k2 = entry(v2, "klage");
    CHECK_FALSE(value<std::string>(k2, "bevilling.afgoerelse_kanal"));
    CHECK_FALSE(value<double>(k2, "fysisk_post_hverdage"));
}
