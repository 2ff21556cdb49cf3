// CLI11 in Danish (issue 20): every kind of parse error CLI11 raises, and its help, as a
// command line like the program's own gives them, without an English word left.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli_dansk.hpp"

using Catch::Contains;

namespace {

// Words CLI11 writes in its help and errors; none of them is Danish.
const std::regex kEngelsk(
    R"(\b(Usage|OPTIONS|SUBCOMMANDS?|Options|Positionals|Subcommands|Print|help message|exit|REQUIRED|TEXT|INT|UINT|FLOAT|)"
    R"(NUMBER|BOOLEAN|following|arguments|expected|required|Requires|missing|Could|convert|Value|not in|)"
    R"(range|Expected|least|most|Run with|information|Excludes|Needs|Error|ERROR|Display|version information)\b)");

bool english(const std::string& s) { return std::regex_search(s, kEngelsk); }

// A small program shaped like kvalitet: a sub-command with a required option, a checked
// value, a number in a range, one positional; and one with sub-commands of its own.
struct Program {
    CLI::App app{"Et program", "kvalitet"};
    std::string kommune, format, fil;
    unsigned traade = 0;
    Program() {
        kvalitet::cli::dansk(app, "kvalitet 1");
        auto* v = app.add_subcommand("vurder", "Vurder en sag");
        v->add_option("--kommune", kommune, "Kommunen")->required();
        v->add_option("--format", format, "Uddata")->check(CLI::IsMember({"json", "tekst"}));
        v->add_option("--traade", traade, "Tråde")->check(CLI::Range(1u, 256u));
        v->add_option("FIL", fil, "Sagen");
        auto* db = app.add_subcommand("db", "Sagsdatabasen");
        db->require_subcommand(1);
        db->add_subcommand("init", "Opret");
    }
    // The failure message for these arguments, as the program prints it.
    std::string fejl(std::vector<std::string> args) {
        std::vector<const char*> argv{"kvalitet"};
        for (auto& a : args) argv.push_back(a.c_str());
        try {
            app.parse(int(argv.size()), argv.data());
        } catch (const CLI::ParseError& e) {
            std::ostringstream out, err;
            app.exit(e, out, err);
            return out.str() + err.str();
        }
        return "";
    }
};

} // namespace

TEST_CASE("cli in Danish: each kind of usage error") {
    struct Case {
        std::vector<std::string> args;
        std::string danish;
    };
    const std::vector<Case> cases = {
        {{"vurder", "--kommune", "varde", "--foo"}, "ukendt tilvalg '--foo'"},
        {{"vurder", "--kommune"}, "--kommune mangler sin værdi"},
        {{"vurder"}, "--kommune skal angives"},
        {{"vurder", "--kommune", "varde", "--format", "xml"}, "'xml' er ikke en af {json,tekst}"},
        {{"vurder", "--kommune", "varde", "--traade", "0"}, "'0' skal være et tal fra 1 til 256"},
        {{"vurder", "--kommune", "varde", "a", "b"}, "uventet argument 'b'"},
        {{"foo"}, "ukendt kommando 'foo'"},
        {{"vuder", "sag.json"}, "ukendt kommando 'vuder' — mente du 'vurder'?"},
        {{"db"}, "vælg en kommando: init"},
        {{"vurder", "--kommune", "varde", "--kommune", "lejre"}, "--kommune må kun gives én gang, fik 2 værdier"},
    };
    for (const auto& c : cases) {
        Program p;
        const auto out = p.fejl(c.args);
        INFO(out);
        CHECK_THAT(out, Contains(c.danish));
        CHECK_THAT(out, Contains("--help"));
        CHECK_FALSE(english(out));
    }
}

TEST_CASE("cli in Danish: help of the program and of a sub-command") {
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--help"}, {"vurder", "--help"}, {"db", "--help"}}) {
        Program p;
        const auto out = p.fejl(args);
        INFO(out);
        CHECK_THAT(out, Contains("Brug: kvalitet") && Contains("Vis denne hjælp og afslut"));
        CHECK_FALSE(english(out));
    }
    Program p;
    CHECK_THAT(p.fejl({"vurder", "--help"}), Contains("--traade TAL (1–256)") && Contains("Argumenter:") &&
                                                  Contains("--format {json,tekst}") && Contains("(skal angives)"));
}

TEST_CASE("cli in Danish: type names") {
    using kvalitet::cli::dansk_type;
    CHECK(dansk_type("TEXT") == "TEKST");
    CHECK(dansk_type("UINT:INT in [1 - 256]") == "TAL (1–256)");
    CHECK(dansk_type("TEXT:{json,tekst}") == "{json,tekst}");
    CHECK(dansk_type("TEXT:FILE") == "TEKST"); // a validator text we do not know is left out
    CHECK(dansk_type("") == "");
}
