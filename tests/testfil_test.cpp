// Test files may name a case file only inside their own folder (finding 8 of issue 18:
// `sag = "/tmp/secret.json"` was read, and the failure output showed its id).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

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

TEST_CASE("testfil: an absolute path, '..' or a link out of the folder is refused, naming file and line") {
    Tree t; // Lua shortens a long chunk name from the front: "...x/tests/t.lua:1:"
    using Catch::Contains;
    CHECK_THROWS_WITH(t.load("'" + (t.root / "secret.json").string() + "'"),
                      Contains("/tests/t.lua:1:") && Contains("skal ligge i testfilens mappe") &&
                          Contains("absolut sti") && !Contains("HEMMELIG"));
    CHECK_THROWS_WITH(t.load("'../../../secret.json'"), Contains("/tests/t.lua:1:") && Contains("'..' er ikke tilladt"));
    CHECK_THROWS_WITH(t.load("'sager/../../../../secret.json'"), Contains("'..' er ikke tilladt"));
    CHECK_THROWS_WITH(t.load("''"), Contains("navnet er tomt"));
    fs::create_symlink(t.root / "secret.json", t.tests / "sager" / "link.json");
    CHECK_THROWS_WITH(t.load("'sager/link.json'"), Contains("/tests/t.lua:1:") && Contains("fører uden for testfilens mappe"));
    fs::create_directory_symlink(t.root, t.tests / "op");
    CHECK_THROWS_WITH(t.load("'op/secret.json'"), Contains("fører uden for testfilens mappe"));
    CHECK_THROWS_AS(t.load("'op/secret.json'"), ScriptError);
}

TEST_CASE("testfil: a link that stays inside the folder is followed; a broken case file does not echo its text") {
    Tree t;
    fs::create_symlink(t.tests / "sager" / "ok.json", t.tests / "alias.json");
    CHECK(t.load("'alias.json'")[0].sag["id"] == "ok");
    Tree::write(t.tests / "sager" / "bad.json", "HEMMELIG tekst");
    auto bad = t.load("'sager/bad.json'");
    CHECK_THAT(bad[0].sag_fejl, Catch::Contains("er ikke gyldig JSON") && !Catch::Contains("HEMMELIG") &&
                                    !Catch::Contains("'H'"));
    Tree::write(t.tests / "sager" / "stor.json", R"({"a": 1e400})");
    CHECK_THAT(t.load("'sager/stor.json'")[0].sag_fejl, Catch::Contains("er ikke gyldig JSON"));
    CHECK_THAT(t.load("'sager/findes_ikke.json'")[0].sag_fejl, Catch::Contains("findes ikke"));
}
