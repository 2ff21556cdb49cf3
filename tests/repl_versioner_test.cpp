// The REPL follows the versions of a standard (issue 14 §1): :kommune ID DATO loads the
// version in force on DATO and holds it there, :kommune ID the one in force on the
// assessment date (following :dato), :kommune alone says which is loaded, and completion
// offers the ids and then the dates the versions take effect. On the fixture municipality
// testby (tests/fixtures/versioner: 2025-01-01 and 2026-01-01), whose versions differ in
// their title, so the assessment's first line shows which one assessed.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "session.hpp"

using namespace kvalitet;
namespace fs = std::filesystem;
using Catch::Contains;

namespace {

struct Home {
    fs::path root = fs::temp_directory_path() / ("kvalitet-repl-versioner-" + std::to_string(::getpid()));
    Home() {
        fs::remove_all(root);
        fs::create_directories(root);
        fs::copy(KVALITET_SOURCE_DIR "/dsl", root / "dsl", fs::copy_options::recursive);
        fs::copy(KVALITET_SOURCE_DIR "/stdlib", root / "stdlib", fs::copy_options::recursive);
        fs::copy(KVALITET_SOURCE_DIR "/tests/fixtures/versioner/municipalities", root / "municipalities",
                 fs::copy_options::recursive);
        std::ofstream(root / "sag.json") << R"({"id":"r1","kommune":"testby","borger":{"alder":40},)"
                                         << R"("forhold":{"motiveret":true},"bevilling":{"start":"2024-11-01"}})";
    }
    ~Home() { fs::remove_all(root); }
};

struct Repl {
    Home home;
    Sources sources = Sources::directory(home.root);
    std::string printed;
    repl::Session session;
    explicit Repl(const char* dato)
        : session(sources, "", *Dato::parse(dato), "/nonexistent/kvalitet-test.db",
                  [this](std::string_view s) { printed.append(s); }) {}
    std::string operator()(std::string_view line) { return session.handle_line(line); }
};

constexpr const char* k2025 = "efter Testby Kommune: kvalitetsstandard 2025";
constexpr const char* k2026 = "efter Testby Kommune: kvalitetsstandard 2026";

} // namespace

TEST_CASE("repl: :kommune ID DATO loads the version in force on DATO", "[versioner][repl]") {
    Repl r("2026-06-01");
    CHECK_THAT(r(":kommune"), Contains("ingen standard er indlæst") && Contains("testby"));

    // Without a date: the version in force on the assessment date, said since there are two.
    CHECK_THAT(r(":kommune testby"), Contains("municipalities/testby/standard.lua (fra 1. januar 2026)"));
    REQUIRE_THAT(r(":sag " + (r.home.root / "sag.json").string()), Contains("indlæst"));
    CHECK_THAT(r(":vurder"), Contains(k2026));

    // With a date: that version, held there; today's assessment date is kept.
    const std::string held = r(":kommune testby 2025-03-01");
    CHECK_THAT(held, Contains("versioner/2025-01-01.lua (fra 1. januar 2025 til og med 31. december 2025)") &&
                         Contains("gælder den 1. marts 2025"));
    const std::string v = r(":vurder");
    CHECK_THAT(v, Contains(k2025));
    CHECK_THAT(r(":kommune"), Contains("versioner/2025-01-01.lua") && Contains("sha256"));
    CHECK_THAT(r(":dato 2026-07-01"), !Contains("standarden følger datoen"));
    CHECK_THAT(r(":vurder"), Contains(k2025));
    CHECK_THAT(r(":genindlaes"), !Contains("fejl"));
    CHECK_THAT(r(":vurder"), Contains(k2025));

    // No version in force on the date: said, with the versions, and the loaded one kept.
    CHECK_THAT(r(":kommune testby 2024-12-31"),
               Contains("ingen version af standarden for testby er i kraft den 31. december 2024") &&
                   Contains("beholder testby, municipalities/testby/versioner/2025-01-01.lua"));
    CHECK_THAT(r(":kommune testby 2025-13-01"), Contains("'2025-13-01' er ikke en dato"));
    CHECK_THAT(r(":kommune testby 1800-01-01"), Contains("1800-01-01 ligger uden for de datoer, der kan regnes med"));
    CHECK(r.printed.empty());
}

TEST_CASE("repl: a version not held to a date follows :dato", "[versioner][repl]") {
    Repl r("2025-06-01");
    CHECK_THAT(r(":kommune testby"), Contains("versioner/2025-01-01.lua"));
    REQUIRE_THAT(r(":sag " + (r.home.root / "sag.json").string()), Contains("indlæst"));
    CHECK_THAT(r(":vurder"), Contains(k2025));
    CHECK_THAT(r(":dato 2026-01-01"), Contains("standarden følger datoen: municipalities/testby/standard.lua"));
    CHECK_THAT(r(":vurder"), Contains(k2026));
    CHECK_THAT(r(":dato 2024-06-01"), Contains("ingen version af standarden for testby er i kraft den 1. juni 2024") &&
                                          Contains("vurderingen bruger stadig municipalities/testby/standard.lua"));
}

TEST_CASE("repl: completion after :kommune offers ids, then the versions' dates", "[versioner][repl]") {
    Repl r("2026-06-01");
    CHECK(r.session.complete(":kommune ", "test") == std::vector<std::string>{"testby"});
    CHECK(r.session.complete(":kommune testby ", "") == std::vector<std::string>{"2025-01-01", "2026-01-01"});
    CHECK(r.session.complete(":kommune testby ", "2025") == std::vector<std::string>{"2025-01-01"});
    CHECK(r.session.complete(":kommune nix ", "").empty());
}
