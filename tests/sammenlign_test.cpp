#include <catch2/catch.hpp>

#include "harness/sammenlign.hpp"

using kvalitet::harness::sammenlign;
using nlohmann::json;

namespace {
const json kVurdering = json::parse(R"({
  "maalgruppe": {"i_maalgruppe": null, "mangler": ["motiveret"], "henvis_til": [],
                 "begrundelser": [{"regel": "alder", "opfyldt": true}]},
  "frister": [{"id": "klage", "dato": "2026-11-23", "status": "kommende"}],
  "advarsler": [{"id": "mange_afbud", "tekst": "x"}, {"id": "frist_overskredet", "tekst": "y"}],
  "pakke": null
})");
}

TEST_CASE("sammenlign: only the named fields count") {
    CHECK(sammenlign(json::parse(R"({"maalgruppe": {"i_maalgruppe": null}})"), kVurdering).empty());
    CHECK(sammenlign(json::parse(R"({"maalgruppe": {"henvis_til": {}}})"), kVurdering).empty());
    auto d = sammenlign(json::parse(R"({"maalgruppe": {"i_maalgruppe": true}})"), kVurdering);
    REQUIRE(d.size() == 1);
    CHECK(d[0].sti == "maalgruppe.i_maalgruppe");
    CHECK(d[0].forventet == "true");
    CHECK(d[0].fik == "null");
}

TEST_CASE("sammenlign: records by id, absence with false") {
    CHECK(sammenlign(json::parse(R"({"frister": {"klage": {"status": "kommende"}}})"), kVurdering).empty());
    CHECK(sammenlign(json::parse(R"({"maalgruppe": {"begrundelser": {"alder": {"opfyldt": true}}}})"), kVurdering).empty());
    CHECK(sammenlign(json::parse(R"({"frister": {"genvurdering": false}})"), kVurdering).empty());
    auto d = sammenlign(json::parse(R"({"frister": {"klage": false, "henvendelse": {"status": "opfyldt"}}})"), kVurdering);
    REQUIRE(d.size() == 2);
    CHECK(d[0].sti == "frister.henvendelse");
    CHECK(d[0].fik == "ikke til stede");
    CHECK(d[1].sti == "frister.klage");
    CHECK(d[1].forventet == "ikke til stede");
}

TEST_CASE("sammenlign: a list of ids against records compares the ids in any order") {
    CHECK(sammenlign(json::parse(R"({"advarsler": ["frist_overskredet", "mange_afbud"]})"), kVurdering).empty());
    CHECK(sammenlign(json::parse(R"({"advarsler": ["mange_afbud"]})"), kVurdering).size() == 1);
    CHECK(sammenlign(json::parse(R"({"advarsler": []})"), kVurdering).size() == 1);
}

TEST_CASE("sammenlign: plain lists match element by element") {
    CHECK(sammenlign(json::parse(R"({"maalgruppe": {"mangler": ["motiveret"]}})"), kVurdering).empty());
    CHECK(sammenlign(json::parse(R"({"maalgruppe": {"mangler": ["vum"]}})"), kVurdering).size() == 1);
    CHECK(sammenlign(json::parse(R"({"maalgruppe": {"mangler": []}})"), kVurdering).size() == 1);
    CHECK(sammenlign(json::parse(R"({"ukendt_felt": 1})"), kVurdering).at(0).fik == "feltet findes ikke i vurderingen");
    CHECK(sammenlign(json::parse(R"({"pakke": {"id": "p1"}})"), kVurdering).size() == 1);
}

// A misspelt id expected absent (`{ sagsbehandlin = false }`) would pass for ever: with the
// standard's ids given, it is a difference of its own, with the id meant.
TEST_CASE("sammenlign: an id the standard does not have is a difference, with the closest one") {
    const std::vector<std::string_view> ids{"klage", "mange_afbud", "frist_overskredet", "sagsbehandling"};
    auto d = sammenlign(json::parse(R"({"frister": {"sagsbehandlin": false}})"), kVurdering, ids);
    REQUIRE(d.size() == 1);
    CHECK(d[0].sti == "frister.sagsbehandlin");
    CHECK(d[0].ukendt_id);
    CHECK_THAT(d[0].fik, Catch::Contains("ingen regel eller advarsel i standarden hedder 'sagsbehandlin'") &&
                             Catch::Contains("mente du 'sagsbehandling'?"));
    // expected present, too
    auto p = sammenlign(json::parse(R"({"advarsler": {"mange_afbyd": {"tekst": "x"}}})"), kVurdering, ids);
    REQUIRE(p.size() == 1);
    CHECK(p[0].ukendt_id);
    // a known id that is absent is what `false` says; without ids, the old answer
    CHECK(sammenlign(json::parse(R"({"frister": {"sagsbehandling": false}})"), kVurdering, ids).empty());
    CHECK(sammenlign(json::parse(R"({"frister": {"sagsbehandlin": false}})"), kVurdering).empty());
}

// The list form names ids as well: a misspelt one only differed from the list, without the
// one meant, and against an empty list it read as a warning that did not come.
TEST_CASE("sammenlign: an unknown id in a list of ids is said with the closest one; facts and texts are no ids") {
    const std::vector<std::string_view> ids{"klage", "mange_afbud", "frist_overskredet", "standard_ikke_revideret"};
    auto d = sammenlign(json::parse(R"({"advarsler": ["standard_ikke_revideet", "mange_afbud"]})"), kVurdering, ids);
    REQUIRE(d.size() == 1);
    CHECK(d[0].sti == "advarsler.standard_ikke_revideet");
    CHECK(d[0].ukendt_id);
    CHECK_THAT(d[0].fik, Catch::Contains("mente du 'standard_ikke_revideret'?"));
    const json tom = json::parse(R"({"advarsler": [], "maalgruppe": {"mangler": [], "henvis_til": []}})");
    CHECK(sammenlign(json::parse(R"({"advarsler": ["mange_afbyd"]})"), tom, ids).at(0).ukendt_id);
    // known ids compare as before
    CHECK(sammenlign(json::parse(R"({"advarsler": ["frist_overskredet", "mange_afbud"]})"), kVurdering, ids).empty());
    // mangler and henvis_til hold facts and texts, not the standard's ids
    auto m = sammenlign(json::parse(R"({"maalgruppe": {"mangler": ["motiveret"], "henvis_til": ["SEL § 83"]}})"), tom, ids);
    REQUIRE(m.size() == 2);
    CHECK_FALSE(m[0].ukendt_id);
    CHECK_FALSE(m[1].ukendt_id);
}

// From a policy officer (3/12): a warning text whose number changed 250 bytes in showed the
// same first 200 bytes on both sides. Long texts that begin alike are shown from just before
// where they differ; a cut never splits a UTF-8 character.
TEST_CASE("sammenlign: two long texts are shown around where they differ") {
    const std::string head(250, 'x');
    const json vurdering = {{"advarsler", {{{"id", "k"}, {"tekst", head + "æ tolerance 45 minutter pr. uge"}}}}};
    auto d = sammenlign(json::parse(R"({"advarsler": {"k": {"tekst": ")" + head + R"(æ tolerance 30 minutter pr. uge"}}})"),
                        vurdering);
    REQUIRE(d.size() == 1);
    CHECK(d[0].sti == "advarsler.k.tekst");
    CHECK_THAT(d[0].forventet, Catch::StartsWith("…") && Catch::Contains("tolerance 30 minutter"));
    CHECK_THAT(d[0].fik, Catch::StartsWith("…") && Catch::Contains("tolerance 45 minutter"));
    // a long text on its own is cut at a character, with "…"
    const std::string lang(199, 'y');
    auto e = sammenlign(json::parse(R"({"advarsler": {"k": {"tekst": "kort"}}})"),
                        json{{"advarsler", {{{"id", "k"}, {"tekst", lang + "ææææ"}}}}});
    REQUIRE(e.size() == 1);
    CHECK(e[0].forventet == "\"kort\"");
    CHECK_THAT(e[0].fik, Catch::EndsWith("…"));
    CHECK(e[0].fik.find("\xC3\xA6") == std::string::npos); // no half æ either: cut before the first
}
