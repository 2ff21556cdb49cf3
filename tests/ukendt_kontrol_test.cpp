// The unknown-fact check (engine/ukendt_kontrol.hpp): a rule that decides on a fact the
// case lacks is found, a Kleene-sound one is not; and no rule of the five municipalities
// does it, on their test cases or on those cases with each fact removed in turn.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <map>
#include <optional>

#include "engine/standard.hpp"
#include "test_tree.hpp"
#include "engine/ukendt_kontrol.hpp"
#include "harness/koersel.hpp"
#include "harness/testfil.hpp"

using namespace kvalitet;

namespace {

Dato D(const char* s) { return *Dato::parse(s); }

const char* kCase = R"({"id":"k","borger":{"alder":40},"vum":{"temaer":{"sundhed":3}},
  "forhold":{"saerlige_sociale_problemer":true},"ansoegte_aktiviteter":["husdyr","post"],
  "bevilling":{"start":"2026-01-05"},"opfoelgninger":[{"dato":"2026-06-01"}]})";

} // namespace

TEST_CASE("a rule that decides on an absent fact is found, with its line and a counterexample") {
    test::TestTree t("ukendt");
    auto s = Standard::load(t.write("t", R"(
udelukkelse { id = "hjaelpemidler", tekst = "T", kilde = "T 1",
  naar = function(sag) if sag.forhold.kan_afhjaelpes_med_hjaelpemidler then return true end return false end }
aktivitet { id = "husdyr", tekst = "Husdyr", kilde = "T 2",
  omfattet = function(sag) return sag.forhold.kan_deltage_aktivt == true end }
krav { id = "administrativ", tekst = "T", kilde = "T 3",
  afvigelser = function(sag)
    for _, o in ipairs(sag.opfoelgninger) do if o.form == "administrativ" then return "adm" end end
    return {}
  end }
)"), "t");
    auto fund = kontroller_ukendte(*s, Sag::from_json(kCase), D("2026-11-22"));
    REQUIRE(fund.size() == 3);
    CHECK(fund[0].regel->id == "hjaelpemidler");
    CHECK(fund[0].forhold == "kan_afhjaelpes_med_hjaelpemidler");
    CHECK(fund[0].udfald == "gaelder_ikke");
    CHECK(fund[0].udfald_med == "gaelder");
    CHECK(fund[0].besked().rfind("municipalities/t/standard.lua:4: 'hjaelpemidler' gav 'gælder ikke'", 0) == 0);
    CHECK(fund[1].regel->id == "husdyr");
    CHECK(fund[1].forhold == "kan_deltage_aktivt");
    CHECK(fund[2].regel->id == "administrativ");
    CHECK(fund[2].forhold == "opfoelgninger[].form");
    CHECK(fund[2].udfald_med == "afvigelse");
}

// `kvalitet test` says one mistake once: the finding is the test's rule mistake (regelfejl)
// when the test has no other difference, and is shown in full with a test that has one.
TEST_CASE("a test's unknown-fact finding is its rule mistake unless the test also differs") {
    test::TestTree t("ukendt_koersel");
    const Sources sources = t.write("t", R"(
udelukkelse { id = "hjaelpemidler", tekst = "T", kilde = "T 1",
  naar = function(sag) return not sag.forhold.kan_afhjaelpes_med_hjaelpemidler end }
)");
    harness::Koersel koersel(sources);
    harness::TestSag test;
    test.navn = "uden hjælpemidler";
    test.fil = "t.lua";
    test.kommune = "t";
    test.dato = D("2026-11-22");
    test.sag = nlohmann::json::parse(R"({"id":"k","borger":{"alder":40}})");
    test.forvent = nlohmann::json::parse(R"({"maalgruppe":{"i_maalgruppe":false}})");
    auto r = koersel.run(test);
    CHECK(r.forskelle.empty());
    CHECK_THAT(r.fejl, Catch::Contains("'hjaelpemidler' gav 'gælder' uden at kende 'kan_afhjaelpes_med_hjaelpemidler'") &&
                           Catch::Contains("ikke 'not sag.forhold.x'"));
    CHECK(r.regelfejl == r.fejl);
    test.forvent = nlohmann::json::parse(R"({"maalgruppe":{"i_maalgruppe":true}})");
    r = koersel.run(test);
    CHECK_FALSE(r.forskelle.empty());
    CHECK_FALSE(r.fejl.empty());
    CHECK(r.regelfejl.empty());
}

TEST_CASE("Kleene-sound rules pass the check, though they read absent facts") {
    test::TestTree t("ukendt");
    auto s = Standard::load(t.write("t", R"(
udelukkelse { id = "hjaelpemidler", tekst = "T", kilde = "T 1",
  naar = function(sag) return og(sag.forhold.kan_afhjaelpes_med_hjaelpemidler, sag.forhold.motiveret) end }
aktivitet { id = "husdyr", tekst = "Husdyr", kilde = "T 2",
  omfattet = function(sag) return eller(true, sag.forhold.kan_deltage_aktivt) end }
)"), "t");
    const Sag sag = Sag::from_json(R"({"id":"k","borger":{"alder":40},"vum":{"temaer":{"sundhed":3}},
      "forhold":{"motiveret":false},"ansoegte_aktiviteter":["husdyr"]})");
    Vurdering v = s->vurder(sag, D("2026-11-22"));
    // The exclusion read an absent fact and still said no: og(nil, false) is false.
    bool read_absent = false;
    for (const auto& p : v.spor)
        if (p.regel->id == "hjaelpemidler") read_absent = !p.mangler.empty() && p.udfald == "gaelder_ikke";
    CHECK(read_absent);
    CHECK(kontroller_ukendte(*s, sag, D("2026-11-22")).empty());
}

namespace {

// Removes one fact from a case JSON; false when the case does not have it.
using Json = nlohmann::json;
bool remove(Json& sag, const std::vector<std::string>& path) {
    Json* at = &sag;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        if (!at->is_object() || !at->contains(path[i])) return false;
        at = &(*at)[path[i]];
    }
    return at->is_object() && at->erase(path.back()) > 0;
}

// Every case with each fact the check can vary removed in turn: forhold, yes/no and
// enumerated fields, each VUM theme, the form of each follow-up.
std::vector<std::pair<std::string, Json>> with_each_fact_removed(const Json& sag) {
    std::vector<std::pair<std::string, Json>> out;
    auto try_path = [&](const std::vector<std::string>& path, const std::string& name) {
        Json c = sag;
        if (remove(c, path)) out.emplace_back(name, std::move(c));
    };
    for (auto id : Forhold::ids) try_path({"forhold", std::string(id)}, std::string(id));
    for (auto id : Vum::tema_ids) try_path({"vum", "temaer", std::string(id)}, "vum.temaer." + std::string(id));
    try_path({"ansoegning", "akut"}, "ansoegning.akut");
    try_path({"bevilling", "foerstegangs"}, "bevilling.foerstegangs");
    try_path({"bevilling", "form"}, "bevilling.form");
    try_path({"bevilling", "periode"}, "bevilling.periode");
    try_path({"bevilling", "afgoerelse_kanal"}, "bevilling.afgoerelse_kanal");
    try_path({"bevilling", "leverandoer", "naert_beslaegtet"}, "bevilling.leverandoer.naert_beslaegtet");
    if (sag.contains("opfoelgninger") && sag["opfoelgninger"].is_array())
        for (std::size_t i = 0; i < sag["opfoelgninger"].size(); ++i) {
            Json c = sag;
            if (c["opfoelgninger"][i].is_object() && c["opfoelgninger"][i].erase("form") > 0)
                out.emplace_back("opfoelgninger[" + std::to_string(i + 1) + "].form", std::move(c));
        }
    return out;
}

} // namespace

TEST_CASE("no rule of the five standards decides on a fact the case lacks") {
    const Sources sources = Sources::directory(KVALITET_SOURCE_DIR);
    std::map<std::string, std::unique_ptr<Standard>> standards;
    std::size_t cases = 0;
    for (const auto& f : harness::find_test_files(sources, {})) {
        for (const auto& t : harness::load_test_file(sources, f.fil, f.tekst)) {
            if (!t.sag_fejl.empty()) continue;
            auto& s = standards[t.kommune];
            if (!s) s = Standard::load(sources, t.kommune);
            std::vector<std::pair<std::string, Json>> variants{{"", t.sag}};
            for (auto& v : with_each_fact_removed(t.sag)) variants.push_back(std::move(v));
            for (const auto& [removed, json] : variants) {
                std::optional<Sag> sag;
                try {
                    sag = Sag::from_json(json.dump());
                } catch (const InputError&) {
                    continue; // a test of a case the parser refuses: nothing to assess
                }
                ++cases;
                for (const auto& u : kontroller_ukendte(*s, *sag, t.dato)) {
                    INFO(fmt::format("{}:{} {} (uden {}): {}", t.fil, t.linje, t.navn, removed.empty() ? "—" : removed,
                                     u.besked()));
                    CHECK(false);
                }
            }
        }
    }
    CHECK(standards.size() == 5);
    CHECK(cases > 400); // the loop really ran over the municipalities' cases
}
