// The REPL changes a case (issue 20): :saet checked like case JSON, the next :vurder says
// what changed, :nulstil, and med(sag, {...}) from the test files.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "saet.hpp"
#include "repl_test_session.hpp"

using namespace kvalitet;
using Catch::Contains;
using Catch::StartsWith;

namespace {

using test::Repl, test::kExample, test::example;

} // namespace

TEST_CASE("repl :saet: a boolean, a score and a date change the case the session reads") {
    Repl r;
    REQUIRE_THAT(r(":sag " + kExample), StartsWith("sag 'eksempel-1' indlæst"));
    REQUIRE(!example()["forhold"].contains("motiveret")); // the example leaves motivation open
    CHECK(r("sag.forhold.motiveret") == "ukendt\n");
    CHECK_THAT(r(":saet forhold.motiveret false"), Contains("forhold.motiveret") && Contains("false"));
    CHECK(r("sag.forhold.motiveret") == "false\n");
    CHECK_THAT(r(":saet vum.temaer.sundhed 3"), Contains("vum.temaer.sundhed"));
    CHECK(r("sag.vum.temaer.sundhed") == "3\n");
    CHECK_THAT(r(":saet bevilling.start 2026-03-01"), Contains("bevilling.start"));
    CHECK(r("sag.bevilling.start == Dato(2026, 3, 1)") == "true\n");
    // `ukendt` takes a fact away again: not yet assessed.
    CHECK_THAT(r(":saet forhold.motiveret ukendt"), Contains("ukendt"));
    CHECK(r("sag.forhold.motiveret") == "ukendt\n");
}

TEST_CASE("repl :saet: a wrong value is the case reader's Danish error with the field, and nothing changes") {
    Repl r;
    REQUIRE_THAT(r(":sag " + kExample), StartsWith("sag 'eksempel-1' indlæst"));
    const auto before = r("sag.vum.temaer.sundhed");
    const auto score = r(":saet vum.temaer.sundhed 9");
    CHECK_THAT(score, StartsWith("fejl: ") && Contains("'vum.temaer.sundhed'") && Contains("ikke ændret"));
    CHECK(r("sag.vum.temaer.sundhed") == before);
    CHECK_THAT(r(":saet bevilling.start 2026-02-30"), StartsWith("fejl: ") && Contains("bevilling.start"));
    CHECK_THAT(r(":saet forhold.motiveret maaske"), StartsWith("fejl: ") && Contains("forhold.motiveret"));
    // A misspelt field is not silently added: the case's own fields say which one was meant.
    CHECK_THAT(r(":saet forhold.motivret true"), StartsWith("fejl: ") && Contains("motivret") && Contains("motiveret"));
    CHECK_THAT(r(":saet forhold.motiveret"), StartsWith("fejl: værdien mangler"));
    // The example in the message is a value of the field's kind.
    CHECK_THAT(r(":saet bevilling.start"), Contains(":saet bevilling.start 2026-03-01 "));
    CHECK_THAT(r(":saet vum.temaer.sundhed"), Contains(":saet vum.temaer.sundhed 3 "));
    CHECK_THAT(r(":saet ydelser[7].paragraf 83"), StartsWith("fejl: ") && Contains("ydelser"));
}

TEST_CASE("repl :saet before a case is loaded says how to load one") {
    Repl r;
    CHECK(r(":saet forhold.motiveret true") == "fejl: ingen sag indlæst — brug :sag FIL|ID\n");
    CHECK(r(":nulstil") == "fejl: ingen sag indlæst — brug :sag FIL|ID\n");
}

TEST_CASE("repl :vurder after :saet says what changed against the previous assessment") {
    Repl r;
    REQUIRE_THAT(r(":sag " + kExample), StartsWith("sag 'eksempel-1' indlæst"));
    const auto first = r(":vurder");
    REQUIRE_THAT(first, Contains("mangler om borgeren er motiveret for støtten (forhold.motiveret)")); // not assessed
    CHECK_THAT(first, !Contains("Siden forrige vurdering"));
    CHECK_THAT(r(":vurder"), !Contains("Siden forrige vurdering")); // nothing changed in between
    r(":saet forhold.motiveret true");
    const auto second = r(":vurder");
    CHECK_THAT(second, Contains("Siden forrige vurdering (forhold.motiveret: ukendt → true)"));
    CHECK_THAT(second, Contains("målgruppe: uafklaret → i målgruppen"));
    CHECK_THAT(second, Contains("mangler: motiveret → ingen"));
    // A later start date moves the indsatsplan deadline (1 month after the start).
    r(":saet bevilling.start 2026-03-01");
    CHECK_THAT(r(":vurder"), Contains("frist indsatsplan: ") && Contains("→ 2026-04-01"));
    // The same again changes nothing in the assessment, and says so.
    r(":saet bevilling.start 2026-03-01");
    CHECK_THAT(r(":vurder"), Contains("vurderingen er den samme"));
}

TEST_CASE("repl :nulstil returns to the case as loaded") {
    Repl r;
    REQUIRE_THAT(r(":sag " + kExample), StartsWith("sag 'eksempel-1' indlæst"));
    CHECK(r(":nulstil") == "(sagen er allerede som indlæst)\n");
    r(":saet forhold.motiveret true");
    r(":saet vum.temaer.sundhed 4");
    CHECK_THAT(r(":nulstil"), Contains("som indlæst fra " + kExample));
    CHECK(r("sag.forhold.motiveret") == "ukendt\n");
    CHECK(r("sag.vum.temaer.sundhed") == std::to_string(example()["vum"]["temaer"]["sundhed"].get<int>()) + "\n");
    CHECK(nlohmann::json::parse(r(":json sag")) == example());
}

TEST_CASE("repl med(sag, {...}) works as in the test files, and :vurder takes such a case") {
    Repl r;
    REQUIRE_THAT(r(":sag " + kExample), StartsWith("sag 'eksempel-1' indlæst"));
    CHECK(r("m = med(sag, { forhold = { motiveret = false }, borger = { alder = 40 } })") == "");
    CHECK(r("m.forhold.motiveret") == "false\n");
    CHECK(r("m.borger.alder") == "40\n");
    CHECK(r("m.forhold.kan_deltage_aktivt") == "true\n"); // the rest of the case stays
    CHECK(r("med(sag, { borger = ukendt }).borger") == "ukendt\n");
    CHECK(r("med({ a = 1 }, { b = 2 }).b") == "2\n");
    // A table in itself is said at the caller's line, not as Lua's stack overflow inside med
    CHECK(r("ring = {} ring.a = ring") == "");
    for (const char* kald : {"med(ring, {})", "med({}, ring)", "med({ a = {} }, { a = ring })"}) {
        INFO(kald);
        CHECK_THAT(r(kald), StartsWith("fejl: med: tabellerne er indlejret mere end 40 niveauer dybt") && !Contains("rekursion"));
    }
    // One 1 MB text in 3,000 places (3 GB as JSON, std::bad_alloc) and a table in 2^30 places
    // are refused by size, and the session answers after.
    CHECK(r("mb = string.rep('x', 1000000) mange = {} for i = 1, 3000 do mange[i] = mb end") == "");
    CHECK_THAT(r(":json mange"), StartsWith("fejl: ") && Contains("fylder mere end 64 MiB"));
    CHECK_THAT(r(":vurder med(sag, { ansoegte_aktiviteter = mange })"), StartsWith("fejl: ") && Contains("fylder mere end 64 MiB"));
    CHECK(r("delt = {} for i = 1, 30 do delt = { a = delt, b = delt } end") == "");
    CHECK_THAT(r(":json delt"), StartsWith("fejl: ") && Contains("mere end 1000000 dele"));
    CHECK(r("1 + 1") == "2\n");
    // Assessed beside the loaded case, which stays as it is.
    const auto out = r(":vurder med(sag, { forhold = { motiveret = true } })");
    CHECK_THAT(out, Contains("I forhold til den indlæste sag") && Contains("målgruppe: uafklaret → i målgruppen"));
    CHECK(r("sag.forhold.motiveret") == "ukendt\n");
    CHECK_THAT(r(":vurder med(sag, { vum = { temaer = { sundhed = 7 } } })"), StartsWith("fejl: ") && Contains("vum.temaer.sundhed"));
}

TEST_CASE("saet: paths and values as the caseworker types them") {
    using repl::Json;
    const Json sag = Json::parse(R"({"forhold": {"motiveret": true}, "ydelser": [{"paragraf": "83"}]})");
    CHECK(repl::med_aendring(sag, "forhold.motiveret", repl::vaerdi_af("false"))["forhold"]["motiveret"] == false);
    // as a caseworker writes it
    CHECK(repl::med_aendring(sag, "forhold.motiveret", repl::vaerdi_af("nej"))["forhold"]["motiveret"] == false);
    CHECK(repl::med_aendring(sag, "forhold.motiveret", repl::vaerdi_af("ja"))["forhold"]["motiveret"] == true);
    CHECK(repl::med_aendring(sag, "vum.temaer.sundhed", repl::vaerdi_af("3"))["vum"]["temaer"]["sundhed"] == 3);
    CHECK(repl::med_aendring(sag, "bevilling.start", repl::vaerdi_af("2026-03-01"))["bevilling"]["start"] == "2026-03-01");
    CHECK(repl::med_aendring(sag, "ydelser[0].paragraf", repl::vaerdi_af("\"84\""))["ydelser"][0]["paragraf"] == "84");
    CHECK(repl::med_aendring(sag, "ydelser[1]", repl::vaerdi_af(R"({"paragraf": "86"})"))["ydelser"].size() == 2);
    CHECK_FALSE(repl::med_aendring(sag, "forhold.motiveret", repl::vaerdi_af("ukendt"))["forhold"].contains("motiveret"));
    CHECK_THROWS_WITH(repl::med_aendring(sag, "ydelser[5].paragraf", repl::vaerdi_af("1")), Contains("tæl fra 0"));
    CHECK_THROWS_WITH(repl::med_aendring(sag, "forhold.motiveret.x", repl::vaerdi_af("1")), Contains("som ikke er et objekt"));
    CHECK_THROWS(repl::sti_led("forhold..motiveret"));
    CHECK_THROWS(repl::sti_led("ydelser[x]"));
    CHECK_THROWS(repl::sti_led(""));
}

TEST_CASE("repl: hostile lines for the new commands, and the session still answers") {
    Repl r;
    const std::vector<std::string> lines = {
        ":saet", ":saet x", ":saet . 1", ":saet [0] 1", ":saet a[ 1", ":saet a[99999999999] 1", ":nulstil", ":json",
        ":json sag", ":sager", ":sager %", ":vurder sag", ":vurder 1", ":vurder {}", ":vurder nil", ":vurder print",
        "med()", "med(1)", "med(sag)", "med(dato, {})", ":sag " + kExample, ":saet id 17", ":saet kommune aarhus",
        ":saet borger 1", ":saet borger.alder.x 1", ":saet ydelser[0] ukendt", ":saet leverancer[0].start 25:99",
        ":saet vum {\"temaer\": {\"sundhed\": 5}}", ":saet forhold.motiveret \"", ":saet forhold.motiveret {",
        ":saet ansoegte_aktiviteter[0] 1", ":saet ansoegte_aktiviteter []", ":json med(sag, { x = print })",
        ":json { [1] = 1, x = 2 }", ":json { 1, nil, 3 }", ":vurder med(sag, { borger = { alder = 'x' } })",
        "t = {} t.t = t", ":json t", "t", "med(t, t)", ":json sag.leverancer[1]", "b = sag.borger", ":saet borger.alder 50",
        ":json b", "med(b, {})", ":vurder med(b, {})", "sag.forhold", ":nulstil", ":nulstil", ":vurder", ":frister",
    };
    for (const auto& line : lines) {
        INFO(line);
        (void)r(line);
        if (r.session.continuing()) r.session.cancel_input();
    }
    CHECK_FALSE(r.session.ended());
    CHECK(r("6 * 7") == "42\n");
    CHECK(r("sag.id") == "\"eksempel-1\"\n");
}
