// What the REPL shows (issue 20): tables and case views with their contents, :json, `sag`
// before a case, :sag following the case's municipality, :frister with the deadlines only.
#include <catch2/catch.hpp>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/standard.hpp"
#include "repl_test_session.hpp"

using namespace kvalitet;
using Catch::Contains;
using Catch::StartsWith;

namespace {

using test::Repl, test::kExample, test::example;

// The example case as another municipality's, in a file of its own.
struct CaseFile {
    std::filesystem::path path;
    explicit CaseFile(const std::string& kommune) {
        path = std::filesystem::temp_directory_path() / ("kvalitet-vis-" + kommune + "-" + std::to_string(::getpid()) + ".json");
        auto j = example();
        j["kommune"] = kommune;
        std::ofstream(path) << j.dump();
    }
    ~CaseFile() { std::filesystem::remove(path); }
};

} // namespace

TEST_CASE("repl: a case view prints its fields, indented, with absent facts as ukendt") {
    Repl r;
    REQUIRE_THAT(r(":sag " + kExample), StartsWith("sag 'eksempel-1' indlæst"));
    const auto forhold = r("sag.forhold");
    CHECK_THAT(forhold, !Contains("<sag.forhold>"));
    CHECK_THAT(forhold, StartsWith("{\n") && Contains("\n  motiveret = ukendt,\n"));
    const auto sag = example();  // a named copy: items() of a temporary would dangle in the loop
    for (const auto& [id, v] : sag["forhold"].items())
        CHECK_THAT(forhold, Contains("\n  " + id + " = " + (v.get<bool>() ? "true" : "false") + ",\n"));
    // Nested: the case's own sub-objects and lists, each one level further in.
    const auto whole = r("sag");
    CHECK_THAT(whole, Contains("\n  borger = {\n    alder = ") && Contains("\n  forhold = {\n    saerlige_sociale_problemer"));
    CHECK_THAT(r("sag.leverancer"), Contains("\n  [1] = {\n    dato = "));
    CHECK(r("{ b = { 1 } }") == "{\n  b = {\n    [1] = 1,\n  },\n}\n");
}

TEST_CASE("repl :json prints a value as JSON: the case exactly, a view through its fields") {
    Repl r;
    REQUIRE_THAT(r(":sag " + kExample), StartsWith("sag 'eksempel-1' indlæst"));
    CHECK(nlohmann::json::parse(r(":json sag")) == example());
    CHECK(nlohmann::json::parse(r(":json sag.forhold")) == example()["forhold"]);
    CHECK(nlohmann::json::parse(r(":json sag.ansoegte_aktiviteter")) == example()["ansoegte_aktiviteter"]);
    CHECK(nlohmann::json::parse(r(":json { a = 1, b = { true, 'x' }, d = Dato(2026, 3, 1) }")) ==
          nlohmann::json::parse(R"({"a": 1, "b": [true, "x"], "d": "2026-03-01"})"));
    CHECK_THAT(r(":json print"), StartsWith("fejl: ") && Contains("JSON"));
    CHECK_THAT(r(":json"), StartsWith("fejl: et udtryk mangler"));
}

TEST_CASE("repl: `sag` before a case says how to load one") {
    Repl r;
    const std::string want = "fejl: ingen sag indlæst — brug :sag FIL|ID\n";
    CHECK(r("sag") == want);
    CHECK(r("sag.borger.alder") == want);
    CHECK(r("#sag") == want);
    CHECK(r(":json sag") == want);
    CHECK(r("med(sag, {})") == want);
    CHECK_THAT(r(":vurder"), Contains("ingen sag indlæst — brug :sag FIL|ID"));
    CHECK_THAT(r(":frister"), Contains("ingen sag indlæst — brug :sag FIL|ID"));
}

TEST_CASE("repl :sag takes the municipality from the case's kommune and says so") {
    Repl r("varde");
    const CaseFile kerteminde("kerteminde");
    const auto loaded = r(":sag " + kerteminde.path.string());
    CHECK_THAT(loaded, Contains("sag 'eksempel-1' indlæst") && Contains("kerteminde") && Contains("varde"));
    CHECK(r.session.prompt() == "kerteminde> ");
    const auto titel = Standard::load(Sources::directory(KVALITET_SOURCE_DIR), "kerteminde")->info().titel;
    CHECK_THAT(r(":vurder"), Contains(titel));
    // Its own municipality already: nothing to say about it.
    CHECK_THAT(r(":sag " + kerteminde.path.string()), !Contains("standarden er skiftet"));
    // Chosen by hand afterwards: the case stays, and the session says whose case it is.
    CHECK_THAT(r(":kommune lejre"), Contains("sagen hører til kerteminde"));
    CHECK(r("sag.kommune") == "\"kerteminde\"\n");
    // A municipality without a standard here: said, and the standard stays.
    const CaseFile aarhus("aarhus");
    CHECK_THAT(r(":sag " + aarhus.path.string()), Contains("'aarhus' har ingen standard her"));
    CHECK(r.session.prompt() == "lejre> ");
}

TEST_CASE("repl :frister shows the deadlines and nothing else") {
    Repl r;
    REQUIRE_THAT(r(":sag " + kExample), StartsWith("sag 'eksempel-1' indlæst"));
    const auto frister = r(":frister");
    CHECK_THAT(frister, !Contains("Vurdering af sag") && !Contains("Målgruppe") && !Contains("Advarsler"));
    auto standard = Standard::load(Sources::directory(KVALITET_SOURCE_DIR), "varde");
    const auto v = standard->vurder(Sag::from_json(example().dump()), *Dato::parse("2026-11-22"));
    REQUIRE_FALSE(v.frister.empty());
    std::size_t lines = 0;
    for (char c : frister) lines += c == '\n';
    CHECK(lines == v.frister.size());
    for (const auto& f : v.frister) CHECK_THAT(frister, Contains(f.regel->id) && Contains(f.dato.lang()));
}
