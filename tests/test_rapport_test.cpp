// A failing test explains itself (issue 20): expected and actual side by side for each
// differing path, and under it the trace lines of the rules that decided that part.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "harness/koersel.hpp"
#include "harness/testfil.hpp"
#include "test_rapport.hpp"

using namespace kvalitet;
using nlohmann::json;
using Catch::Contains;

namespace {

// An assessment's JSON as the engine writes it, reduced to what the selection reads.
const json kVurdering = json::parse(R"json({
  "maalgruppe": {"i_maalgruppe": false, "mangler": [], "henvis_til": []},
  "advarsler": [{"id": "frist_overskredet", "tekst": "t"}, {"id": "mange_afbud", "tekst": "t"}],
  "spor": [
    {"trin": "maalgruppe", "regel": "alder", "udfald": "ikke_opfyldt", "resultat": "ikke opfyldt",
     "datoer": {"borger.foedselsdato": "2010-01-01"}},
    {"trin": "maalgruppe", "regel": "funktionsevne", "udfald": "opfyldt", "resultat": "opfyldt"},
    {"trin": "maalgruppe", "regel": "motiveret", "udfald": "ukendt", "resultat": "ukendt", "mangler": ["motiveret"]},
    {"trin": "aktiviteter", "regel": "oekonomi", "udfald": "omfattet", "resultat": "omfattet"},
    {"trin": "pakke", "regel": "pakke_1", "udfald": "ikke_opfyldt", "resultat": "ikke opfyldt",
     "vaerdier": {"vum.sum": 11, "pakke_fra_vum_sum[1]": 12},
     "sammenligninger": ["vum.sum 11 < 12 (pakke_fra_vum_sum[1])"]},
    {"trin": "frister", "regel": "klage", "udfald": "overskredet", "resultat": "2026-11-23 overskredet"},
    {"trin": "frister", "regel": "naeste_opfoelgning", "udfald": "kommende", "resultat": "2027-01-05 kommende"},
    {"trin": "krav", "regel": "mange_afbud", "udfald": "afvigelse", "resultat": "1 afvigelse"},
    {"trin": "krav", "regel": "timer_opsparet", "udfald": "overholdt", "resultat": "overholdt"}
  ]})json");

std::vector<std::string> rules(const std::vector<const json*>& posts) {
    std::vector<std::string> out;
    for (const auto* p : posts) out.push_back((*p)["regel"].get<std::string>());
    return out;
}

using V = std::vector<std::string>;

} // namespace

TEST_CASE("test report: the rules that decided each part of the assessment") {
    using cli::afgoerende_spor;
    // Out of the target group: the requirement that failed, not those that held.
    CHECK(rules(afgoerende_spor(kVurdering, "maalgruppe.i_maalgruppe")) == V{"alder"});
    CHECK(rules(afgoerende_spor(kVurdering, "maalgruppe.mangler")) == V{"motiveret"});
    CHECK(rules(afgoerende_spor(kVurdering, "maalgruppe.begrundelser.funktionsevne.opfyldt")) == V{"funktionsevne"});
    CHECK(rules(afgoerende_spor(kVurdering, "aktiviteter.oekonomi.omfattet")) == V{"oekonomi"});
    CHECK(rules(afgoerende_spor(kVurdering, "frister.klage.status")) == V{"klage"});
    CHECK(rules(afgoerende_spor(kVurdering, "pakke.id")) == V{"pakke_1"});
    // A warning: its requirement, or the overdue deadline behind frist_overskredet.
    CHECK(rules(afgoerende_spor(kVurdering, "advarsler.mange_afbud")) == V{"mange_afbud"});
    // The warnings that differ decide: given mange_afbud and the overdue deadline, a test that
    // expected only mange_afbud is shown the deadline, not mange_afbud itself (and the other way round).
    CHECK(rules(afgoerende_spor(kVurdering, "advarsler", R"(["mange_afbud"])")) == V{"klage"});
    CHECK(rules(afgoerende_spor(kVurdering, "advarsler", R"(["frist_overskredet"])")) == V{"mange_afbud"});
    // The same ones given (the texts differ): all of them.
    CHECK(rules(afgoerende_spor(kVurdering, "advarsler", R"(["frist_overskredet", "mange_afbud"])")) ==
          V{"klage", "mange_afbud"});
    json none = kVurdering;
    none["advarsler"] = json::array();
    CHECK(rules(afgoerende_spor(none, "advarsler", R"(["frist_overskredet"])")) == V{"klage", "naeste_opfoelgning"});
    // Expected and not given: the rule that would have raised it, as it came out, beside the
    // rules of the two given that were not expected.
    CHECK(rules(afgoerende_spor(kVurdering, "advarsler", R"(["timer_opsparet"])")) ==
          V{"klage", "mange_afbud", "timer_opsparet"});
    CHECK(afgoerende_spor(kVurdering, "ignorerede_felter").empty());
}

TEST_CASE("test report: a trace line carries the dates and values the rule read") {
    const auto line = harness::spor_linje(kVurdering["spor"][4]);
    CHECK_THAT(line, Contains("pakke_1") && Contains("ikke opfyldt") && Contains("vum.sum = 11") &&
                         Contains("pakke_fra_vum_sum[1] = 12") &&
                         Contains("sammenlignet: vum.sum 11 < 12 (pakke_fra_vum_sum[1])"));
    CHECK_THAT(harness::spor_linje(kVurdering["spor"][0]), Contains("borger.foedselsdato 2010-01-01"));
    CHECK_THAT(harness::spor_linje(kVurdering["spor"][2]), Contains("mangler: motiveret"));
}

TEST_CASE("test report: columns side by side, counted in characters, long cells wrapped") {
    const auto blocks = cli::side_om_side({{"sti", "forventet", "fik"}, {"frister.klage.dato", "\"2026-11-23\"", "\"2026-11-24\""},
                                           {"ø", std::string(30, 'x'), "y"}},
                                          20, "  ");
    REQUIRE(blocks.size() == 3);
    // Each column starts at the same character in every row: "ø" is two bytes, one character.
    auto column = [](const std::string& line, std::size_t byte) {
        std::size_t chars = 0;
        for (std::size_t i = 0; i < byte; ++i) chars += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
        return chars;
    };
    const auto first = blocks[0].substr(0, blocks[0].find('\n'));
    const auto second = blocks[1].substr(0, blocks[1].find('\n'));
    const auto third = blocks[2].substr(0, blocks[2].find('\n'));
    CHECK(column(first, first.find("forventet")) == column(second, second.find("\"2026-11-23\"")));
    CHECK(column(second, second.find("\"2026-11-23\"")) == column(third, third.find('x')));
    // The 30 x's wrap at 20 within their column; "y" stays on the first line.
    CHECK(std::count(blocks[2].begin(), blocks[2].end(), '\n') == 2);
    CHECK_THAT(third, Contains(std::string(20, 'x') + "  y"));
    // A list of ids breaks after a comma, not inside a name.
    const auto ids = cli::side_om_side({{"advarsler", R"(["frist_overskredet","levering_uden_for_dagtimer"])"}}, 40, "");
    REQUIRE(ids.size() == 1);
    CHECK_THAT(ids[0], Contains("[\"frist_overskredet\",\n"));
    CHECK_THAT(ids[0], Contains("\"levering_uden_for_dagtimer\"]\n"));
}

TEST_CASE("test report: a failure shows path, expected and actual on one line, then the deciding rule") {
    harness::TestSag t;
    t.navn = "Forventer det modsatte";
    t.fil = "x.lua";
    t.linje = 3;
    t.kommune = "varde";
    harness::Resultat r;
    r.test = &t;
    r.vurdering_json = kVurdering;
    r.forskelle = {{"maalgruppe.i_maalgruppe", "true", "false"}};
    const auto out = cli::fejlrapport(r, false);
    CHECK_THAT(out, Contains("FEJL  x.lua:3  [varde] Forventer det modsatte\n"));
    std::string row;
    for (std::size_t a = 0, b; (b = out.find('\n', a)) != std::string::npos; a = b + 1)
        if (out.compare(a, 6 + 23, "      maalgruppe.i_maalgruppe") == 0) row = out.substr(a, b - a);
    REQUIRE_FALSE(row.empty());
    CHECK(row.find("true") < row.find("false")); // expected, then actual, on the path's line
    CHECK(out.find("alder") > out.find(row));
    CHECK_THAT(out, Contains("afgjort af:") && !Contains("funktionsevne"));
}
