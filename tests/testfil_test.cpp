// Test files may name a case file only inside their own folder (finding 8 of issue 18:
// `sag = "/tmp/secret.json"` was read, and the failure output showed its id).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "domain/sag.hpp"
#include "harness/koersel.hpp"
#include "harness/testfil.hpp"
#include "lua/error.hpp"

using namespace kvalitet;
namespace fs = std::filesystem;

namespace {

// A temporary tree: <root>/municipalities/x/tests/ with a case beside the test file, and a
// secret outside the municipality.
struct Tree {
    fs::path root;
    fs::path tests;
    Tree() {
        std::random_device rd;
        root = fs::temp_directory_path() / ("kvalitet-testfil-" + std::to_string(rd()));
        tests = root / "municipalities" / "x" / "tests";
        fs::create_directories(tests / "sager");
        write(tests / "sager" / "ok.json", R"({"id":"ok"})");
        write(root / "secret.json", R"({"id":"HEMMELIG"})");
    }
    ~Tree() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    static void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

    // Loads a test file holding one test whose `sag` is the Lua expression `sag`. An error
// names the line the test starts on (Lua knows no line per table field).
    std::vector<harness::TestSag> load(const std::string& sag) {
        const std::string text = "test {\n  navn = 'n', dato = '2026-11-22',\n  sag = " + sag + ",\n  forvent = {},\n}\n";
        const fs::path file = tests / "t.lua";
        write(file, text);
        return harness::load_test_file(Sources::embedded(), file.string(), text);
    }
};

} // namespace

TEST_CASE("testfil: a case file beside the test file is read") {
    Tree t;
    auto tests = t.load("'sager/ok.json'");
    REQUIRE(tests.size() == 1);
    CHECK(tests[0].sag_fejl.empty());
    CHECK(tests[0].sag["id"] == "ok");
    CHECK(t.load("'./sager/ok.json'")[0].sag["id"] == "ok");
}

TEST_CASE("testfil: an absolute path, '..' or a link out of the folder fails that test, and nothing outside is read") {
    Tree t;
    using Catch::Contains;
    auto fejl = [&](const std::string& sag) {
        const auto tests = t.load(sag);
        REQUIRE(tests.size() == 1);
        CHECK(tests[0].sag.empty()); // nothing read
        CHECK(tests[0].linje == 1);  // the report names file and line
        return tests[0].sag_fejl;
    };
    CHECK_THAT(fejl("'" + (t.root / "secret.json").string() + "'"),
               Contains("skal ligge i testfilens mappe") && Contains("absolut sti") && !Contains("HEMMELIG"));
    CHECK_THAT(fejl("'../../../secret.json'"), Contains("'..' er ikke tilladt"));
    CHECK_THAT(fejl("'sager/../../../../secret.json'"), Contains("'..' er ikke tilladt"));
    CHECK_THAT(fejl("''"), Contains("navnet er tomt"));
    fs::create_symlink(t.root / "secret.json", t.tests / "sager" / "link.json");
    CHECK_THAT(fejl("'sager/link.json'"), Contains("fører uden for testfilens mappe") && !Contains("HEMMELIG"));
    fs::create_directory_symlink(t.root, t.tests / "op");
    CHECK_THAT(fejl("'op/secret.json'"), Contains("fører uden for testfilens mappe"));
    CHECK_THAT(fejl("'sager'"), Contains("er ikke en almindelig fil"));
    // the file's other tests still run
    const std::string text = "test { navn = 'ude', dato = '2026-11-22', sag = '../../../secret.json', forvent = {} }\n"
                             "test { navn = 'god', dato = '2026-11-22', sag = 'sager/ok.json', forvent = {} }\n";
    const fs::path file = t.tests / "to.lua";
    Tree::write(file, text);
    const auto to = harness::load_test_file(Sources::embedded(), file.string(), text);
    REQUIRE(to.size() == 2);
    CHECK_THAT(to[0].sag_fejl, Contains("'..' er ikke tilladt"));
    CHECK(to[1].sag_fejl.empty());
    CHECK(to[1].sag["id"] == "ok");
}

TEST_CASE("testfil: a link that stays inside the folder is followed; a broken case file does not echo its text") {
    Tree t;
    fs::create_symlink(t.tests / "sager" / "ok.json", t.tests / "alias.json");
    CHECK(t.load("'alias.json'")[0].sag["id"] == "ok");
    Tree::write(t.tests / "sager" / "bad.json", "HEMMELIG tekst");
    auto bad = t.load("'sager/bad.json'");
    CHECK_THAT(bad[0].sag_fejl, Catch::Contains("er ikke gyldig JSON") && !Catch::Contains("HEMMELIG") &&
                                    !Catch::Contains("'H'"));
    // 100,000 '[' in a case file: refused while parsing (the dump recursed over it and crashed)
    Tree::write(t.tests / "sager" / "dyb.json", std::string(100000, '[') + std::string(100000, ']'));
    const auto dyb = t.load("'sager/dyb.json'");
    CHECK_THAT(dyb[0].sag_fejl, Catch::Contains("er indlejret dybere end 64 niveauer"));
    Tree::write(t.tests / "sager" / "stor.json", R"({"a": 1e400})");
    CHECK_THAT(t.load("'sager/stor.json'")[0].sag_fejl, Catch::Contains("er ikke gyldig JSON"));
    CHECK_THAT(t.load("'sager/findes_ikke.json'")[0].sag_fejl, Catch::Contains("findes ikke"));
}

// One test written wrong (a date that does not exist, a misspelt field) fails on its own with
// what is wrong; the file's other tests still load and run.
TEST_CASE("testfil: a test written wrong fails alone, saying what is wrong") {
    Tree t;
    const std::string text = R"(test { navn = 'god', dato = '2026-11-22', sag = {}, forvent = {} }
test { navn = 'dato', dato = '2026-02-30', sag = {}, forvent = {} }
test { navn = 'felt', dato = '2026-11-22', sag = {}, forvnt = {} }
test { navn = 'blandet', dato = '2026-11-22', sag = { ydelser = { 1, x = 2 } }, forvent = {} }
test { dato = '2026-11-22', sag = {}, forvent = {} }
test { navn = 'ogsaa god', dato = '2026-11-22', sag = {}, forvent = {} }
test { navn = 'år 1', dato = '0001-01-01', sag = {}, forvent = {} }
test { navn = 'år 9999', dato = '9999-12-31', sag = {}, forvent = {} }
test { navn = 'fem', dato = '2026-11-22', sag = {}, forvent = 5 }
local ring = {} ring.pakke = ring
test { navn = 'ring', dato = '2026-11-22', sag = {}, forvent = ring }
local dyb = {} for i = 1, 50 do dyb = { a = dyb } end
local delt = {} for i = 1, 30 do delt = { a = delt, b = delt } end
test { navn = 'dyb', dato = '2026-11-22', sag = { forhold = dyb }, forvent = {} }
test { navn = 'delt', dato = '2026-11-22', sag = {}, forvent = { maalgruppe = delt } }
local mb = string.rep('x', 1000000) local mange = {} for i = 1, 3000 do mange[i] = mb end
test { navn = 'lang tekst', dato = '2026-11-22', sag = { ansoegte_aktiviteter = mange }, forvent = {} }
)";
    const fs::path file = t.tests / "t.lua";
    Tree::write(file, text);
    const auto tests = harness::load_test_file(Sources::embedded(), file.string(), text);
    REQUIRE(tests.size() == 13);
    CHECK(tests[0].sag_fejl.empty());
    CHECK_THAT(tests[1].sag_fejl, Catch::Contains("'dato' er \"2026-02-30\", som ikke er en rigtig dato"));
    CHECK_THAT(tests[2].sag_fejl, Catch::Contains("ukendt felt 'forvnt' — mente du 'forvent'?"));
    CHECK_THAT(tests[3].sag_fejl, Catch::Contains("'sag.ydelser' blander en liste"));
    CHECK(tests[4].navn == "(test uden navn, linje 5)");
    CHECK_THAT(tests[4].sag_fejl, Catch::Contains("feltet 'navn' mangler"));
    CHECK(tests[5].sag_fejl.empty());
    CHECK(tests[5].linje == 6);
    // A table in itself, or tables nested past what a C function's stack holds, is that
    // test's error: it crashed the whole run (segfault) before.
    // A date the calendar cannot count from is the test's error, as `vurder --dato`'s, not a rule's.
    CHECK_THAT(tests[6].sag_fejl, Catch::Contains("feltet 'dato' er 0001-01-01, som ligger uden for de datoer"));
    CHECK_THAT(tests[7].sag_fejl, Catch::Contains("feltet 'dato' er 9999-12-31, som ligger uden for de datoer"));
    // forvent = 5 is there, but no table: not "missing"
    CHECK_THAT(tests[8].sag_fejl, Catch::Contains("feltet 'forvent' er et tal; det skal være en tabel") &&
                                      !Catch::Contains("mangler"));
    CHECK_THAT(tests[9].sag_fejl, Catch::Contains("'forvent.pakke.pakke.pakke") && Catch::Contains("er for dybt indlejret"));
    CHECK_THAT(tests[10].sag_fejl, Catch::Contains("'sag.forhold.a.a") && Catch::Contains("er for dybt indlejret"));
    // one table used twice at each of 30 levels is 2^30 copies: refused by count, at once
    CHECK_THAT(tests[11].sag_fejl, Catch::Contains("testen har mere end 100000 værdier"));
    // and one 1 MB text in 3,000 places, 3 GB as JSON (std::bad_alloc): refused by its bytes
    CHECK_THAT(tests[12].sag_fejl, Catch::Contains("testens tekster fylder mere end 16 MiB i alt"));
}

// A test file is one call with 10 s of CPU, not an assessment's 1 s: converting a test at the
// value limit under a sanitizer took more than 1 s and failed the file. A loop still ends.
TEST_CASE("testfil: a test file has 10 s of CPU, and a loop in it still ends") {
    Tree t;
    const std::string text = "local n = 0\nwhile true do n = n + 1 end\n";
    const fs::path file = t.tests / "evig.lua";
    Tree::write(file, text);
    CHECK_THROWS_WITH(harness::load_test_file(Sources::embedded(), file.string(), text),
                      Catch::Contains("evig.lua:2: scriptet kørte længere end 10 sekunder"));
}

// In a case, {} is an empty object (forhold = {}: nothing assessed yet), except for the
// contract's lists.
TEST_CASE("testfil: an empty table in a case is an object, or a list where the case has one") {
    Tree t;
    const auto tests = t.load("{ forhold = {}, bevilling = {}, ydelser = {}, leverancer = {}, afbud = {}, "
                              "opfoelgninger = {}, ansoegte_aktiviteter = {}, vum = { temaer = {} } }");
    REQUIRE(tests.size() == 1);
    const auto& sag = tests[0].sag;
    CHECK(sag["forhold"].is_object());
    CHECK(sag["bevilling"].is_object());
    CHECK(sag["vum"]["temaer"].is_object());
    for (const char* l : {"ydelser", "leverancer", "afbud", "opfoelgninger", "ansoegte_aktiviteter"}) {
        INFO(l);
        CHECK(sag[l].is_array());
    }
    CHECK_NOTHROW(Sag::from_json(sag.dump(), {}, UkendteFelter::Afvis));
}

// A misspelt field in a test's case would be ignored and the test pass without testing
// what it says: in a test, the case is read strictly, and the known ids are checked.
TEST_CASE("koersel: a test's case with an unknown field fails, naming it and the field meant") {
    const Sources sources = Sources::directory(KVALITET_SOURCE_DIR);
    harness::Koersel koersel(sources);
    harness::TestSag t;
    t.navn = "stavefejl";
    t.fil = "x.lua";
    t.kommune = "lejre";
    t.dato = *Dato::parse("2026-03-01");
    t.sag = nlohmann::json::parse(R"({"id":"t","borger":{"aldr":70}})");
    t.forvent = nlohmann::json::object();
    auto r = koersel.run(t);
    CHECK_FALSE(r.vurdering);
    CHECK_THAT(r.fejl, Catch::Contains("'borger.aldr'") && Catch::Contains("mente du 'borger.alder'?"));
    t.sag = nlohmann::json::parse(R"({"id":"t","borger":{"alder":70}})");
    t.forvent = nlohmann::json::parse(R"({"frister":{"sagsbehandlin":false}})");
    r = koersel.run(t);
    REQUIRE(r.forskelle.size() == 1);
    CHECK(r.forskelle[0].ukendt_id);
    t.forvent = nlohmann::json::parse(R"({"frister":{"sagsbehandling":false}})"); // no application: no deadline
    CHECK(koersel.run(t).forskelle.empty());
    // an empty expectation tests nothing: said, not a dump of the whole assessment
    t.forvent = nlohmann::json::object();
    r = koersel.run(t);
    CHECK(r.forskelle.empty());
    CHECK_THAT(r.fejl, Catch::StartsWith("testen forventer intet (forvent = {})"));
}
