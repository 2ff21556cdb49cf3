// "Mente du …?": one measure of closeness, and every place a misspelt name is met says
// which known name was meant (issue 20).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string_view>
#include <unistd.h>
#include <vector>

#include "bind/bind.hpp"
#include "domain/mente_du.hpp"
#include "engine/standard.hpp"
#include "sandbox.hpp"

using namespace kvalitet;
namespace fs = std::filesystem;

namespace {

// A project tree of the real dsl/ and stdlib/ and one test municipality.
struct Tree {
    fs::path root = fs::temp_directory_path() / ("kvalitet-mente-du-" + std::to_string(::getpid()));
    Tree() {
        fs::remove_all(root);
        fs::create_directories(root / "municipalities");
        fs::copy(KVALITET_SOURCE_DIR "/dsl", root / "dsl", fs::copy_options::recursive);
        fs::copy(KVALITET_SOURCE_DIR "/stdlib", root / "stdlib", fs::copy_options::recursive);
    }
    ~Tree() { fs::remove_all(root); }
    Sources write(const std::string& kommune, const std::string& body) {
        fs::create_directories(root / "municipalities" / kommune);
        std::ofstream(root / "municipalities" / kommune / "standard.lua")
            << "brug \"stdlib.sel85\"\n"
            << "kvalitetsstandard { kommune = \"" << kommune
            << "\", titel = \"T\", kilde = \"K\" }\n"
            << body;
        return Sources::directory(root);
    }
};

std::string load_error(const Sources& sources, const std::string& kommune) {
    try {
        Standard::load(sources, kommune);
    } catch (const ScriptError& e) {
        return e.what();
    } catch (const InputError& e) {
        return e.what();
    }
    return "(indlæst uden fejl)";
}

std::string assess_error(Standard& s, const char* sag) {
    try {
        s.vurder(Sag::from_json(sag), *Dato::parse("2026-11-22"));
    } catch (const ScriptError& e) {
        return e.what();
    }
    return "(vurderet uden fejl)";
}

const std::vector<std::string_view> kFelter{"id",    "tekst",   "kilde", "navn",
                                            "timer", "periode", "naar",  "kriterier"};

} // namespace

TEST_CASE("edit distance counts a swap of neighbours as one edit") {
    CHECK(edit_distance("mindts", "mindst") == 1);
    CHECK(edit_distance("kriterie", "kriterier") == 1);
    CHECK(edit_distance("summ", "sum") == 1);
    CHECK(edit_distance("vard", "varde") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("abc", "abc") == 0);
    CHECK(edit_distance("ca", "abc") == 3); // optimal string alignment: no edit of a swapped pair
}

TEST_CASE("the closest name is offered only when it is close") {
    CHECK(closest_name("kriterie", kFelter) == "kriterier");
    CHECK(closest_name("tmer", kFelter) == "timer");
    CHECK(closest_name("Navn", kFelter) == "navn"); // case apart wins
    CHECK_FALSE(closest_name("farve", kFelter));    // nothing like it
    CHECK_FALSE(closest_name("x", kFelter));        // one letter is no slip of another
    CHECK_FALSE(closest_name("id", kFelter));       // the name itself is no hint
    CHECK_FALSE(closest_name(std::string(65, 'a'), kFelter));
    // A tie goes to the name first in byte order, whatever order the names come in.
    const std::vector<std::string_view> ab{"tal", "tak"}, ba{"tak", "tal"};
    CHECK(closest_name("taj", ab) == "tak");
    CHECK(closest_name("taj", ba) == "tak");
    CHECK(mente_du("kriterie", kFelter) == " — mente du 'kriterier'?");
    CHECK(mente_du("farve", kFelter).empty());
}

TEST_CASE("an unknown field of a declaration is reported at its own line, with the name meant") {
    Tree t;
    const auto src = t.write("p", "pakke {\n"
                                  "  id = \"pakke_1\", tekst = \"P\", kilde = \"K\",\n"
                                  "  navn = \"Pakke 1\", timer = 1, periode = \"uge\",\n"
                                  "  naar = function(sag) return true end,\n"
                                  "  kriterie = \"VUM-sum mindst 6\",\n"
                                  "}\n");
    CHECK(load_error(src, "p") == "municipalities/p/standard.lua:7: pakke 'pakke_1': ukendt felt "
                                  "'kriterie' — mente du 'kriterier'?");
}

TEST_CASE("a field with no close name lists the fields there are") {
    Tree t;
    const auto src = t.write("k", "krav {\n  id = 'k', tekst = 'K', kilde = 'K',\n  afvigelser = "
                                  "function() return {} end,\n  farve = 'roed',\n}\n");
    CHECK(
        load_error(src, "k") ==
        "municipalities/k/standard.lua:6: krav 'k': ukendt felt 'farve' (felterne er: afvigelser, "
        "antagelse, id, kilde, note, tekst)");
}

TEST_CASE(
    "a wrong value is reported at its field's line, and an unknown forhold gets the name meant") {
    Tree t;
    const auto src = t.write("f", "betingelse {\n  id = 'b', tekst = 'B', kilde = 'K',\n"
                                  "  forhold = 'saerlige_social_problemer',\n}\n");
    CHECK(load_error(src, "f") == "municipalities/f/standard.lua:5: betingelse 'b': feltet "
                                  "'forhold' skal være et forhold-id fra "
                                  "kontrakten (f.eks. \"saerlige_sociale_problemer\"), ikke "
                                  "'saerlige_social_problemer' — mente "
                                  "du 'saerlige_sociale_problemer'?");
}

TEST_CASE("an unknown field of kvalitetsstandard and of a parameter gets the name meant") {
    Tree t;
    fs::create_directories(t.root / "municipalities/s");
    std::ofstream(t.root / "municipalities/s/standard.lua")
        << "kvalitetsstandard {\n  kommune = 's', titel = 'T',\n  kilde = 'K',\n  godkend = "
           "'2024-01-01',\n}\n";
    CHECK(load_error(Sources::directory(t.root), "s") ==
          "municipalities/s/standard.lua:4: kvalitetsstandard: ukendt felt 'godkend' — mente du "
          "'godkendt'?");
    const auto src = t.write("q", "local P = parametre {\n  graense = {\n    vaerdi = 3, tekst = "
                                  "'G',\n    kilder = 'K',\n  },\n}\n");
    CHECK(load_error(src, "q") == "municipalities/q/standard.lua:6: parameter 'graense': ukendt "
                                  "felt 'kilder' — mente du 'kilde'?");
}

TEST_CASE("a misspelt case fact or method names the one meant") {
    Tree t;
    auto s = Standard::load(
        t.write("c", "betingelse { id = 'b', tekst = 'B', kilde = 'K',\n"
                     "  naar = function(sag) return sag.forhold.saerlige_social_problemer end }\n"
                     "betingelse { id = 'v', tekst = 'V', kilde = 'K',\n"
                     "  naar = function(sag) return mindst(sag.vum:summ(), 3) end }\n"),
        "c");
    CHECK_THAT(
        assess_error(*s, R"({"id":"s1"})"),
        Catch::Contains("standard.lua:4: betingelse 'b' (sag 's1'): sag.forhold har ikke feltet "
                        "'saerlige_social_problemer' — mente du 'saerlige_sociale_problemer'?"));
    auto s2 = Standard::load(
        t.write("m", "betingelse { id = 'v', tekst = 'V', kilde = 'K',\n"
                     "  naar = function(sag) return mindst(sag.vum:summ(), 3) end }\n"),
        "m");
    CHECK_THAT(
        assess_error(*s2, R"({"id":"s2"})"),
        Catch::Contains("sag.vum har ingen metode 'summ' — mente du 'sum' (sag.vum:sum(…))?"));
}

TEST_CASE("a field of the case with no close name lists the fields") {
    Tree t;
    auto s = Standard::load(t.write("l", "betingelse { id = 'b', tekst = 'B', kilde = 'K',\n"
                                         "  naar = function(sag) return sag.klage.afgjort end }\n"),
                            "l");
    CHECK_THAT(assess_error(*s, R"({"id":"s3"})"),
               Catch::Contains(
                   "sag.klage har ikke feltet 'afgjort' (felterne er: modtaget, genvurderet)"));
}

TEST_CASE("a misspelt DSL or stdlib function, or local, names the one meant") {
    Tree t;
    CHECK(load_error(t.write("g", "local x = mindts(3, 2)\n"), "g") ==
          "municipalities/g/standard.lua:3: ukendt navn 'mindts' — mente du 'mindst'?");
    CHECK(load_error(t.write("h", "local graense = 3\nlocal x = grense + 1\n"), "h") ==
          "municipalities/h/standard.lua:4: ukendt navn 'grense' — mente du 'graense'?");
    // P written p where a declaration reads a parameter: case apart is the likeliest slip.
    CHECK(load_error(
              t.write("u",
                      "local P = parametre { timer = { vaerdi = 3, tekst = 'T', kilde = 'K' } }\n"
                      "pakke { id = 'p1', tekst = 'P', kilde = 'K', navn = 'P', periode = 'uge',\n"
                      "  timer = p.timer, naar = function() return true end }\n"),
              "u") == "municipalities/u/standard.lua:5: ukendt navn 'p' — mente du 'P'?");
    // Nothing close: the old advice stands.
    CHECK_THAT(load_error(t.write("n", "local x = qqqqqq\n"), "n"),
               Catch::EndsWith("ukendt navn 'qqqqqq' (stavefejl? eller mangler 'local'?)"));
}

TEST_CASE("a misspelt parameter names the one meant") {
    Tree t;
    auto s = Standard::load(
        t.write("r", "local P = parametre { graense = { vaerdi = 3, tekst = 'G', kilde = 'K' } }\n"
                     "betingelse { id = 'b', tekst = 'B', kilde = 'K',\n"
                     "  naar = function(sag) return mindst(sag.vum:max(), P.grense) end }\n"),
        "r");
    CHECK_THAT(assess_error(*s, R"({"id":"s5"})"),
               Catch::Contains("standard.lua:5: betingelse 'b' (sag 's5'): ukendt parameter "
                               "'grense' — mente du 'graense'?"));
}

TEST_CASE("a misspelt municipality names the one meant, and an empty home says it is empty") {
    Tree t;
    t.write("varde", "");
    t.write("lejre", "");
    CHECK(load_error(Sources::directory(t.root), "vard") ==
          "ukendt kommune 'vard' — mente du 'varde'? (kendte: lejre, varde)");
    CHECK(load_error(Sources::directory(t.root), "aarhus") ==
          "ukendt kommune 'aarhus' (kendte: lejre, varde)");
    const fs::path empty = t.root / "tom";
    fs::create_directories(empty);
    CHECK(load_error(Sources::directory(empty), "varde") ==
          "ukendt kommune 'varde': der er ingen kommuner i " + empty.string() +
              " (mappen municipalities/ mangler eller er tom)");
}
