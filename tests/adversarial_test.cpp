// The hostile scripts of tests/adversarial/: every reproducer of the hardening review,
// each loaded as a municipality's standard on top of the real dsl/ and stdlib/, through
// the C++ engine and through the C API. Each file says in its header when it must fail
// (fase: indlaesning | vurdering) and with what words (forventet: ...), or that it must
// load and assess cleanly (fase: ok; its rule "k" then gives an afvigelse if the guard
// under test did not hold). None may crash, hang or abort the process.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "domain/tekst.hpp"
#include "engine/standard.hpp"
#include "kvalitet.h"
#include "test_tree.hpp"

using namespace kvalitet;
namespace fs = std::filesystem;

namespace {

struct Script {
    std::string id, fase, forventet, body;
    bool own_header = false;
};

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string header(const std::string& body, const std::string& key) {
    std::smatch m;
    if (std::regex_search(body, m, std::regex("-- " + key + ": ([^\n]*)"))) return m[1];
    return {};
}

std::vector<Script> scripts() {
    std::vector<Script> out;
    for (const auto& e : fs::directory_iterator(KVALITET_SOURCE_DIR "/tests/adversarial")) {
        if (e.path().extension() != ".lua" || e.path().stem() == "hjaelp") continue;
        Script s;
        s.id = e.path().stem().string();
        s.body = std::regex_replace(read(e.path()), std::regex("KOMMUNE"), s.id);
        s.fase = header(s.body, "fase");
        s.forventet = header(s.body, "forventet");
        s.own_header = s.body.find("-- ingen_standard_linje") != std::string::npos;
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.id < b.id; });
    return out;
}

// A throwaway home with the real dsl/ and stdlib/ and every script as a municipality.
struct Home {
    fs::path root = fs::temp_directory_path() / ("kvalitet-advers-" + std::to_string(::getpid()));
    explicit Home(const std::vector<Script>& all) {
        fs::remove_all(root);
        fs::create_directories(root);
        fs::copy(KVALITET_SOURCE_DIR "/dsl", root / "dsl", fs::copy_options::recursive);
        fs::copy(KVALITET_SOURCE_DIR "/stdlib", root / "stdlib", fs::copy_options::recursive);
        for (const auto& s : all) {
            const fs::path dir = root / "municipalities" / s.id;
            fs::create_directories(dir);
            fs::copy_file(KVALITET_SOURCE_DIR "/tests/adversarial/hjaelp.lua", dir / "hjaelp.lua");
            std::ofstream out(dir / "standard.lua");
            if (!s.own_header)
                out << "brug \"stdlib.sel85\"\nkvalitetsstandard { kommune = \"" << s.id
                    << "\", titel = \"T\", kilde = \"K\" }\n";
            out << s.body;
        }
    }
    ~Home() { fs::remove_all(root); }
};

const char* kSag = R"({"id":"advers-1","borger":{"alder":40},"forhold":{"motiveret":true},
  "ansoegte_aktiviteter":["netvaerk"],"bevilling":{"start":"2026-01-05"}})";

} // namespace

TEST_CASE("adversarial scripts are refused safely, through the engine") {
    const auto all = scripts();
    REQUIRE(all.size() >= 30);
    Home home(all);
    const Sources sources = Sources::directory(home.root);
    const Dato dato = *Dato::parse("2026-11-22");
    for (const auto& s : all) {
        INFO(s.id);
        REQUIRE((s.fase == "indlaesning" || s.fase == "vurdering" || s.fase == "ok"));
        if (s.fase != "ok") REQUIRE(!s.forventet.empty());
        if (s.fase == "indlaesning") {
            try {
                Standard::load(sources, s.id);
                FAIL("the standard loaded");
            } catch (const ScriptError& e) {
                CHECK_THAT(e.what(), Catch::Contains(s.forventet));
                CHECK_THAT(e.what(), Catch::Contains("municipalities/" + s.id + "/standard.lua:"));
            }
            continue;
        }
        auto standard = Standard::load(sources, s.id);
        const Sag sag = Sag::from_json(kSag);
        if (s.fase == "ok") {
            const Vurdering v = standard->vurder(sag, dato);
            for (const auto& a : v.advarsler) CHECK(a.id != "k");
            CHECK(standard->vurder(sag, dato).json() == v.json());
            continue;
        }
        for (int i = 0; i < 2; ++i) { // the same answer again: the state is still usable
            try {
                standard->vurder(sag, dato);
                FAIL("the assessment did not fail");
            } catch (const ScriptError& e) {
                CHECK_THAT(e.what(), Catch::Contains(s.forventet));
                CHECK_THAT(e.what(), Catch::Contains("(sag 'advers-1')"));
                CHECK(std::string_view(e.what()).size() < 4096); // bounded, whatever the script raised
            }
        }
    }
}

TEST_CASE("adversarial scripts never abort the C API") {
    const auto all = scripts();
    Home home(all);
    for (const auto& s : all) {
        INFO(s.id);
        kvalitet_assessor* k = nullptr;
        const int open = kvalitet_open(s.id.c_str(), home.root.c_str(), &k);
        REQUIRE(k != nullptr);
        if (s.fase == "indlaesning") {
            CHECK(open == KVALITET_INVALID);
            CHECK_THAT(kvalitet_errmsg(k), Catch::Contains(s.forventet));
        } else {
            REQUIRE(open == KVALITET_OK);
            char* out = nullptr;
            size_t n = 0;
            const int rc = kvalitet_assess(k, kSag, std::strlen(kSag), "2026-11-22", &out, &n);
            if (s.fase == "ok") {
                CHECK(rc == KVALITET_OK);
                CHECK(n > 0);
            } else {
                CHECK(rc == KVALITET_INVALID);
                CHECK_THAT(kvalitet_errmsg(k), Catch::Contains(s.forventet));
            }
            kvalitet_free(out);
        }
        kvalitet_close(k);
    }
}

TEST_CASE("the same case gives one answer, interleaved 1000 times with other cases") {
    const Sources sources = Sources::embedded();
    const char* cases[] = {
        kSag,
        R"({"id":"b","borger":{"alder":17},"forhold":{"motiveret":false},"ansoegte_aktiviteter":["bpa"]})",
        R"({"id":"c","borger":{"alder":70},"vum":{"dato":"2026-01-01","temaer":{"sundhed":4,"mobilitet":3}},
            "opfoelgninger":[{"dato":"2026-03-01","form":"administrativ"}],"bevilling":{"start":"2025-01-01","timer":3,"periode":"uge"},
            "leverancer":[{"dato":"2026-10-06","start":"19:30","minutter":90,"art":"ansigt_til_ansigt"}]})",
    };
    std::vector<Sag> sager;
    for (const char* c : cases) sager.push_back(Sag::from_json(c));
    for (const auto& kommune : kommuner(sources)) {
        INFO(kommune);
        auto s = Standard::load(sources, kommune);
        const Dato dato = *Dato::parse("2026-11-22");
        std::vector<std::string> first;
        for (const auto& sag : sager) first.push_back(s->vurder(sag, dato).json());
        for (int i = 0; i < 1000; ++i) {
            const std::size_t k = std::size_t(i * 7 % 3);
            REQUIRE(s->vurder(sager[k], dato).json() == first[k]);
        }
    }
}

TEST_CASE("text output shows control characters from a case, never sends them to the terminal") {
    auto s = Standard::load(Sources::embedded(), "varde");
    const Sag sag = Sag::from_json(R"({"id":"a\u001b[2Jb","ansoegte_aktiviteter":["x\u001b]0;titel\u0007"]})");
    const std::string tekst = s->vurder(sag, *Dato::parse("2026-11-22")).tekst();
    CHECK(tekst.find('\x1b') == std::string::npos);
    CHECK(tekst.find('\x07') == std::string::npos);
    CHECK_THAT(tekst, Catch::Contains("a\\u{1B}[2Jb"));
}

// From an attack: a line break in the case's id or an unknown field's name started a line of
// its own in the caseworker's note ("[ja] Borgeren er i målgruppen", "Advarsler: ingen").
TEST_CASE("text output shows a line break from a case, and every line is one of its own") {
    auto s = Standard::load(Sources::embedded(), "varde");
    const Sag sag = Sag::from_json(R"({"id":"42\nMålgruppe\n  [ja] falsk\u2028x","x\nAdvarsler: FALSK":1,"borger":{"alder":40}})");
    Vurdering v = s->vurder(sag, *Dato::parse("2026-11-22"));
    v.ignorerede_felter = sag.ignorerede_felter;
    const std::string tekst = v.tekst();
    CHECK_THAT(tekst, Catch::Contains("sag 42\\u{0A}Målgruppe\\u{0A}  [ja] falsk\\u{2028}x efter"));
    CHECK_THAT(tekst, Catch::Contains("  ? x\\u{0A}Advarsler: FALSK"));
    CHECK(tekst.find("\n  [ja] falsk") == std::string::npos);
    CHECK(tekst.find("\nAdvarsler: FALSK") == std::string::npos);
}

// A bidi override (U+202E) shows the rest of its line reversed: in a rule's text it is
// refused as the other control characters are, and from a case it is shown, not sent.
TEST_CASE("a bidi override is refused in a script's text and shown in text output") {
    test::TestTree tree{"adversarial_rlo"};
    const Sources sources = tree.write("rlo", "betingelse { id = 'x', tekst = 'Mindst 1-ges \\u{202E}1-ges', kilde = 'K', forhold = 'motiveret' }");
    CHECK_THROWS_WITH(Standard::load(sources, "rlo"), Catch::Contains("styretegn (U+202E"));
    auto s = Standard::load(Sources::embedded(), "varde");
    const Sag sag = Sag::from_json(R"({"id":"a\u202eb\u2066c"})");
    const std::string tekst = s->vurder(sag, *Dato::parse("2026-11-22")).tekst();
    CHECK(tekst.find("\u202e") == std::string::npos);
    CHECK_THAT(tekst, Catch::Contains("a\\u{202E}b\\u{2066}c"));
    CHECK(printable_line("nl\nFALSK\tX") == "nl\\u{0A}FALSK\\u{09}X");
}

// Every message that cuts a text short cuts it here: never inside a character, or the
// cut text is not UTF-8 and a JSON writer or terminal shows garbage.
TEST_CASE("utf8_prefix cuts between characters, never inside one") {
    CHECK(utf8_prefix("abc", 10) == "abc");
    CHECK(utf8_prefix("abc", 2) == "ab");
    CHECK(utf8_prefix("a\u00f8b", 2) == "a");      // ø is 2 bytes: byte 2 is inside it
    CHECK(utf8_prefix("a\u00f8b", 3) == "a\u00f8");
    CHECK(utf8_prefix("\u20ac", 2).empty());        // € is 3 bytes: nothing fits
    CHECK(utf8_prefix("", 0).empty());
    for (std::size_t n = 0; n <= 9; ++n) CHECK(!text_problem(utf8_prefix("\u00e6\u00f8\u00e5\u20ac", n), 100));
}

TEST_CASE("a case date outside the calendar is the field's error; a deadline past it is left out, with the reason") {
    try {
        Sag::from_json(R"({"id":"x","bevilling":{"afgoerelse_modtaget":"9999-12-31"}})");
        FAIL("the date was accepted");
    } catch (const InputError& e) {
        CHECK(e.felt() == "bevilling.afgoerelse_modtaget");
        CHECK_THAT(e.what(), Catch::Contains("uden for de datoer"));
    }
    auto s = Standard::load(Sources::embedded(), "varde");
    const Sag sag = Sag::from_json(R"({"id":"x","bevilling":{"afgoerelse_modtaget":"2200-12-20"}})");
    const Vurdering v = s->vurder(sag, *Dato::parse("2200-12-21"));
    CHECK(std::none_of(v.frister.begin(), v.frister.end(), [](const auto& f) { return f.regel->id == "klage"; }));
    const auto post = std::find_if(v.spor.begin(), v.spor.end(), [](const SporPost& p) { return p.regel->id == "klage"; });
    REQUIRE(post != v.spor.end());
    CHECK(post->udfald == "udeladt");
    CHECK_THAT(post->resultat, Catch::Contains("fristen kan ikke beregnes") && Catch::Contains("uden for"));
}
