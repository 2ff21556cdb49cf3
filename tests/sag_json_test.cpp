#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <sys/resource.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "../repl/line_reader.hpp"
#include "domain/fejl_json.hpp"
#include "domain/sag.hpp"
#include "lua/error.hpp"
#include "malformed_cases.hpp"

using namespace kvalitet;
using kvalitet::testdata::kMalformedCases;

namespace {
std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
} // namespace

TEST_CASE("the example case parses into every field") {
    Sag s = Sag::from_json(read(KVALITET_SOURCE_DIR "/docs/eksempler/sag.json"));
    CHECK(s.id == "eksempel-1");
    CHECK(s.alder_paa(*Dato::parse("2026-11-22")) == 34);
    REQUIRE(s.vum);
    CHECK(s.vum->tema(*Vum::tema_index("socialt_liv")) == 3);
    CHECK(s.vum->max() == 3);
    CHECK(s.forhold.vaerdi[*Forhold::index("saerlige_sociale_problemer")] == true);
    CHECK_FALSE(s.forhold.vaerdi[*Forhold::index("motiveret")].has_value());
    REQUIRE(s.bevilling);
    CHECK(s.bevilling->timer == 3.0);
    CHECK(s.bevilling->naert_beslaegtet == false);
    CHECK(s.leverancer.size() == 3);
    CHECK(s.leverancer[0].start_minut == 9 * 60 + 30);
    CHECK(s.klage_modtaget == Dato::parse("2026-10-20"));
}

TEST_CASE("unknown fields are kept and ignored; null counts as absent") {
    Sag s = Sag::from_json(R"({"id":"a","ukendt":{"x":1},"borger":{"alder":null,"navn":"x"},
                              "forhold":{"motiveret":null,"andet":true}})");
    CHECK_FALSE(s.alder.has_value());
    CHECK_FALSE(s.forhold.vaerdi[*Forhold::index("motiveret")].has_value());
}

TEST_CASE("birth date gives the age at the evaluation date") {
    Sag s = Sag::from_json(R"({"id":"a","borger":{"foedselsdato":"2008-11-23","alder":40}})");
    CHECK(s.alder_paa(*Dato::parse("2026-11-22")) == 17);
    CHECK(s.alder_paa(*Dato::parse("2026-11-23")) == 18);
}

TEST_CASE("malformed cases give a Danish error naming the JSON path") {
    for (const auto& c : kMalformedCases) {
        INFO(c.json);
        try {
            Sag::from_json(c.json);
            FAIL("accepted a malformed case");
        } catch (const InputError& e) {
            CHECK_THAT(e.what(), Catch::Contains(c.error));
        }
    }
}

// ---- Hardening (issue 18): only InputError, with kode, felt or line and column ----------

namespace {

struct Refusal {
    std::string kode, felt, besked;
};

// What from_json says about `text`; FAILs if it accepts it or lets anything but an
// InputError out.
Refusal refusal(std::string_view text, const SagGraenser& g = {}) {
    try {
        Sag::from_json(text, g);
    } catch (const InputError& e) {
        return {e.kode(), e.felt(), e.what()};
    }
    FAIL("accepted: " << text.substr(0, 200));
    return {};
}

long peak_rss_kb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

} // namespace

TEST_CASE("a field error carries its kode and the path the message names") {
    for (const auto& c : kMalformedCases) {
        INFO(c.json);
        const Refusal r = refusal(c.json);
        const std::string_view msg = r.besked;
        if (msg.rfind("feltet '", 0) != 0) {
            CHECK(r.kode == "ugyldig_json");
            continue;
        }
        const auto end = msg.find('\'', 8);
        REQUIRE(end != std::string_view::npos);
        CHECK(r.felt == msg.substr(8, end - 8));
        CHECK(r.kode == (msg.find("står to gange") != std::string_view::npos ? "dubleret_felt" : "ugyldigt_felt"));
    }
}

TEST_CASE("a number too big for a double is a Danish error naming line, column and field") {
    // Was: nlohmann's out_of_range escaped the syntax-error fallback: SIGABRT.
    Refusal r = refusal(R"({"a":1e400})");
    CHECK(r.kode == "ugyldig_json");
    CHECK(r.felt == "a");
    CHECK_THAT(r.besked, Catch::StartsWith("ugyldig JSON i linje 1, kolonne 6 (feltet 'a'): tallet 1e400 er for stort"));

    r = refusal("{\"id\": \"x\",\n \"borger\": {\"alder\": 123456789012345678901234567890}}");
    CHECK(r.felt == "borger.alder");
    CHECK_THAT(r.besked, Catch::Contains("linje 2, kolonne 22") && Catch::Contains("er for stort"));

    // An NDJSON line is its own document: the position counts from the line it is on.
    SagGraenser paa_linje_7;
    paa_linje_7.foerste_linje = 7;
    r = refusal(R"({"a":1e400})", paa_linje_7);
    CHECK_THAT(r.besked, Catch::StartsWith("ugyldig JSON i linje 7, kolonne 6 (feltet 'a')"));
    CHECK_THAT(refusal(R"({"id": "a",)", paa_linje_7).besked,
               Catch::Contains("linje 7, kolonne 12") && Catch::Contains("objektet fra linje 7, kolonne 1"));
    // an array's element that starts at column 5: only positions on its first line move
    paa_linje_7.foerste_kolonne = 5;
    CHECK_THAT(refusal("{\"a\":1e400,\n \"b\":1e400}", paa_linje_7).besked, Catch::Contains("linje 7, kolonne 10"));
    CHECK_THAT(refusal("{\"a\":1,\n \"b\":1e400}", paa_linje_7).besked, Catch::Contains("linje 8, kolonne 6"));

    r = refusal(R"({"ydelser": [{"paragraf": -99999999999999999999}]})");
    CHECK(r.felt == "ydelser[0].paragraf");

    // Too small is no error: it is zero, as simdjson reads it.
    CHECK_NOTHROW(Sag::from_json(R"({"a": 1e-400, "b": -0.0})"));
}

TEST_CASE("an out-of-range number is reported as written, not after a cast") {
    // Was "fik 131": -1e300 cast into range.
    Refusal r = refusal(R"({"borger": {"alder": -1e300}})");
    CHECK(r.felt == "borger.alder");
    CHECK_THAT(r.besked, Catch::EndsWith("skal være mellem 0 og 130, fik -1e+300"));
    r = refusal(R"({"borger": {"alder": 18446744073709551615}})");
    CHECK_THAT(r.besked, Catch::EndsWith("fik 18446744073709551615"));
    r = refusal(R"({"bevilling": {"opfoelgning_interval_maaneder": 1e19}})");
    CHECK_THAT(r.besked, Catch::EndsWith("fik 1e+19"));
}

TEST_CASE("syntax errors give line and column in characters, and what is wrong") {
    Refusal r = refusal("{\n  \"id\": \"a\",\n  \"borger\": {\"alder\": 3,}\n}");
    CHECK(r.kode == "ugyldig_json");
    CHECK(r.felt == "borger");
    CHECK(r.besked ==
          "ugyldig JSON i linje 3, kolonne 25 (feltet 'borger'): uventet tegn '}'; forventede et feltnavn i "
          "anførselstegn (et komma for meget?): ret syntaksen i sagen");
    // Columns count characters: æ, ø and å are two bytes each.
    r = refusal(R"({"æøå": tru})");
    CHECK_THAT(r.besked, Catch::StartsWith("ugyldig JSON i linje 1, kolonne 9 (feltet 'æøå'): ukendt ord 'tru'"));
    r = refusal(R"({"id": "a",)");
    CHECK_THAT(r.besked, Catch::Contains("sagen slutter, før objektet fra linje 1, kolonne 1 er lukket"));
    r = refusal(R"({"a": [1, 2})");
    CHECK(r.felt == "a");
    CHECK_THAT(r.besked, Catch::Contains("kolonne 12") && Catch::Contains("forventede ',' eller ']'"));
    r = refusal(R"({"a": 01})");
    CHECK_THAT(r.besked, Catch::Contains("'01' er ikke et gyldigt tal"));
    r = refusal("{\"a\": \"x\ty\"}");
    CHECK_THAT(r.besked, Catch::Contains("kolonne 9") && Catch::Contains("tegnet U+0009 skal skrives som escape-sekvens"));
    r = refusal("{\"a\": \"\xff\"}");
    CHECK_THAT(r.besked, Catch::Contains("byte 0xFF er ikke gyldig UTF-8"));
    r = refusal(R"({"a": "\ud800"})");
    CHECK_THAT(r.besked, Catch::Contains("halv UTF-16-surrogat"));
    r = refusal(R"({} {})");
    CHECK_THAT(r.besked, Catch::Contains("kolonne 4") && Catch::Contains("efter sagens afslutning"));
    CHECK_THAT(refusal("").besked, Catch::Contains("sagen er tom"));
    CHECK_THAT(refusal("  \n ").besked, Catch::Contains("linje 2, kolonne 2: sagen er tom"));
}

TEST_CASE("a message shows control characters from the input as escapes, never raw") {
    const Refusal r = refusal(R"({"vum": {"temaer": {"x\u001b[31m": 1}}})");
    CHECK(r.felt == "vum.temaer.x\x1b[31m"); // the path itself is exact; JSON output escapes it
    CHECK_THAT(r.besked, Catch::Contains("feltet 'vum.temaer.x\\u001B[31m'"));
    CHECK(r.besked.find('\x1b') == std::string::npos);
}

TEST_CASE("a UTF-8 byte order mark before the case is skipped") {
    // Was "ugyldig JSON: ret syntaksen" with no place.
    const Sag s = Sag::from_json("\xEF\xBB\xBF" + read(KVALITET_SOURCE_DIR "/docs/eksempler/sag.json"));
    CHECK(s.id == "eksempel-1");
    CHECK_THAT(refusal("\xEF\xBB\xBF\xEF\xBB\xBF{}").besked, Catch::Contains("uventet tegn U+FEFF"));
}

TEST_CASE("nesting deeper than the limit is refused, naming the limit and where") {
    // Exactly at the limit is fine, one deeper is not, whatever the innermost value:
    // simdjson counts levels differently, so both paths are held to the same rule here.
    const SagGraenser g;
    for (const char* inner : {"1", "[]", "{}", "\"x\""}) {
        INFO(inner);
        auto nested = [&](std::size_t levels) { // the case object and levels - 1 lists
            return "{\"a\":" + repeat("[", levels - 1) + inner + repeat("]", levels - 1) + "}";
        };
        const bool container = inner[0] == '[' || inner[0] == '{';
        const std::size_t ok = container ? g.max_dybde - 1 : g.max_dybde;
        CHECK_NOTHROW(Sag::from_json(nested(ok)));
        const Refusal r = refusal(nested(ok + 1));
        CHECK(r.kode == "for_dyb");
        CHECK_THAT(r.besked, Catch::Contains("grænsen på 32 niveauer"));
        CHECK_THAT(r.felt, Catch::StartsWith("a[0]"));
    }
    const Refusal r = refusal(repeat("[", 100000), SagGraenser{.max_bytes = 1u << 20});
    CHECK(r.kode == "for_dyb");
    CHECK(r.felt == repeat("[0]", 32));
    CHECK_THAT(r.besked, Catch::EndsWith("(linje 1, kolonne 33)"));
}

TEST_CASE("the document size is checked before parsing, and no error path grows with the input") {
    // Was: 20 MB of '[' → 1.6 GB resident while nlohmann looked for the error position.
    const std::string brackets(20u << 20, '[');
    const long before = peak_rss_kb();
    Refusal r = refusal(brackets);
    CHECK(r.kode == "for_stor");
    CHECK(r.besked == "sagen fylder mere end grænsen på 1048576 bytes (1 MiB)");
    // Even with the size limit lifted the scan stops at the depth limit, in O(depth) memory.
    SagGraenser lifted;
    lifted.max_bytes = 64u << 20;
    r = refusal(brackets, lifted);
    CHECK(r.kode == "for_dyb");
    CHECK(peak_rss_kb() - before < 400 * 1024); // simdjson's index of 20 M brackets is 80 MB

    // Was 2.7 GB for a 100 M-element ignored array: refused by size without being read.
    r = refusal(R"({"id": "a", "ukendt": [)" + repeat("0,", 1u << 20) + "0]}");
    CHECK(r.kode == "for_stor");
}

TEST_CASE("lists, objects and texts are bounded, unknown fields too") {
    // Was 318 MB and 77 MB of output for 200,000 unknown activities (2.4 MB).
    const std::string many = R"({"ansoegte_aktiviteter": [)" + repeat(R"("ukendt_aktivitet_nr",)", 200000) + R"("x"]})";
    CHECK(refusal(many).kode == "for_stor");
    SagGraenser lifted;
    lifted.max_bytes = 16u << 20;
    Refusal r = refusal(many, lifted);
    CHECK(r.kode == "for_lang_liste");
    CHECK(r.felt == "ansoegte_aktiviteter");
    CHECK(r.besked == "feltet 'ansoegte_aktiviteter': listen har flere end 10000 elementer, som er grænsen");

    r = refusal(R"({"ukendt": {"liste": [)" + repeat("1,", 10000) + "1]}}");
    CHECK(r.kode == "for_lang_liste");
    CHECK(r.felt == "ukendt.liste");
    // The same limit when the document also has a syntax error further on (the scan's path).
    r = refusal(R"({"ukendt": {"liste": [)" + repeat("1,", 10000) + "1]} oops");
    CHECK(r.kode == "for_lang_liste");
    CHECK_THAT(r.besked, Catch::StartsWith("feltet 'ukendt.liste': listen har flere end 10000 elementer"));

    std::string fields = "{";
    for (int i = 0; i <= 1000; ++i) fields += fmt::format("\"f{}\": {},", i, i);
    fields.back() = '}';
    r = refusal(R"({"x": )" + fields + "}");
    CHECK(r.kode == "for_mange_felter");
    CHECK(r.felt == "x");

    r = refusal(R"({"id": ")" + std::string(1001, 'x') + "\"}");
    CHECK(r.kode == "for_lang_tekst");
    CHECK(r.felt == "id");
    CHECK(r.besked == "feltet 'id': teksten er længere end grænsen på 1000 tegn");
    CHECK(Sag::from_json(R"({"id": ")" + repeat("æ", 1000) + "\"}").id.size() == 2000); // characters, not bytes
    r = refusal(R"({"borger": {")" + std::string(1001, 'k') + "\": 1}}");
    CHECK(r.kode == "for_lang_tekst");
    CHECK(r.felt == "borger");
    CHECK_THAT(r.besked, Catch::Contains("et feltnavn er længere"));

    SagGraenser small;
    small.max_liste = 2;
    CHECK(refusal(R"({"ydelser": [{"paragraf": "83"}, {"paragraf": "84"}, {"paragraf": "85"}]})", small).felt == "ydelser");
}

TEST_CASE("a key given twice is an error wherever it is") {
    Refusal r = refusal(R"({"borger": {"alder": 30, "alder": 40}})");
    CHECK(r.kode == "dubleret_felt");
    CHECK(r.felt == "borger.alder");
    CHECK_THAT(r.besked, Catch::StartsWith("feltet 'borger.alder' står to gange"));
    CHECK(refusal(R"({"id": "a", "kommune": "varde", "id": "b"})").felt == "id");
    CHECK(refusal(R"({"ukendt": [{"x": {"y": 1, "y": 1}}]})").felt == "ukendt[0].x.y");
    CHECK(refusal(R"({"a": 1, "\u0061": 2})").felt == "a"); // the same key, escaped
    // Many keys: found by a hash set, not by comparing each with each.
    std::string big = "{";
    for (int i = 0; i < 100000; ++i) big += fmt::format("\"k{}\":0,", i);
    big += "\"k99999\":1}";
    SagGraenser lifted;
    lifted.max_bytes = 4u << 20;
    lifted.max_felter = 200000;
    r = refusal(big, lifted);
    CHECK(r.kode == "dubleret_felt");
    CHECK(r.felt == "k99999");
}

TEST_CASE("hostile inputs give an InputError, never another exception") {
    const std::string inputs[] = {
        std::string("{\"a\":\0}", 7), "\x00", "{\"a\":\"\\u0000\"}", "[", "]", "{\"", "{\"a\"", "{\"a\":", "{\"a\":-",
        "{\"a\":1e", "{\"a\":1.5e+}", "\"\\", "\"\\u12", "{\"a\":\"\\ud800\\u0041\"}", "{\"a\":\"\xc0\xaf\"}",
        "{\"a\":\"\xed\xa0\x80\"}", "{\"a\":\"\xf4\x90\x80\x80\"}", "nul", "truex", "{\"a\":1}}", "\xef\xbb", "18446744073709551616",
        "{\"id\": 1e400}", "{\"id\": 18446744073709551615}", "{\"borger\":{\"alder\":1.7976931348623159e308}}"};
    for (const auto& s : inputs) {
        INFO(s);
        try {
            Sag::from_json(s);
        } catch (const InputError& e) {
            CHECK(!e.kode().empty());
            CHECK(std::string_view(e.what()).find("ugyldig JSON: ") == std::string_view::npos); // the scan found where
        }
    }
    CHECK(Sag::from_json(R"({"id": 18446744073709551615})").id == "18446744073709551615");
}

TEST_CASE("sag_id_of reads the id as far as the text goes") {
    CHECK(sag_id_of(R"({"id": "a", "borger": {"alder": 1e400}})") == "a");
    CHECK(sag_id_of(R"({"kommune": "varde", "vum": [1, {"x": 2}], "id": "b")") == "b");
    CHECK(sag_id_of(R"({"id": "\u00e6-1"})") == "æ-1");
    CHECK(sag_id_of(R"({"id": 42, "x": )") == "42");
    CHECK(sag_id_of("\xEF\xBB\xBF{\"id\":\"c\"}") == "c");
    CHECK_FALSE(sag_id_of(R"({"x": {"id": "nested"}})"));
    CHECK_FALSE(sag_id_of(R"([{"id": "a"}])"));
    CHECK_FALSE(sag_id_of(R"({"x": tru, "id": "a"})"));
    CHECK_FALSE(sag_id_of(R"({"id": null})"));
    CHECK_FALSE(sag_id_of(R"({"id": ")" + std::string(2000, 'x') + "\"}"));
}

// Well-formed JSON that cannot be read (the case is refused) still has its id: the contract
// wants sag_id "whenever the input had an id". Not when the id itself is what cannot be read.
TEST_CASE("sag_id_of passes over a number too big and a byte that is not UTF-8 before the id") {
    CHECK(sag_id_of(R"({"borger": {"alder": 1e400}, "id": "a"})") == "a");
    CHECK(sag_id_of(R"({"x": [99999999999999999999999, -1e999], "id": 7})") == "7");
    CHECK(sag_id_of("{\"bevilling\": {\"pakke\": \"a\xff\"}, \"id\": \"b\"}") == "b");
    CHECK_FALSE(sag_id_of(R"({"id": 1e400})"));
    CHECK_FALSE(sag_id_of(R"({"id": 99999999999999999999999})"));
    CHECK_FALSE(sag_id_of("{\"id\": \"a\xff" "b\"}")); // split: "\xffb" would be one escape
    CHECK_FALSE(sag_id_of(R"({"x": 1e400, "y": tru, "id": "a"})")); // a syntax error still ends the search
    // A text, a field name or nesting over the case's limits before the id: the case is
    // refused for it (for_lang_tekst, for_dyb), but its id is still read.
    CHECK(sag_id_of(R"({"x": ")" + std::string(2000, 'a') + R"(", "id": "lang"})") == "lang");
    CHECK(sag_id_of(R"({")" + std::string(2000, 'k') + R"(": 1, "id": "noegle"})") == "noegle");
    CHECK(sag_id_of(R"({"x": )" + std::string(40, '[') + std::string(40, ']') + R"(, "id": "dyb"})") == "dyb");
    CHECK_FALSE(sag_id_of(R"({"x": )" + std::string(5000, '[') + std::string(5000, ']') + R"(, "id": "for_dyb"})"));
    // a byte that is not UTF-8 in a field name ends the search, past the limit on texts too
    CHECK_FALSE(sag_id_of("{\"" + std::string(1005, 'k') + "\xff\": 1, \"id\": \"sen\"}"));
    // The error itself is unchanged: the first problem, in document order.
    CHECK_THROWS_WITH(Sag::from_json(R"({"borger": {"alder": 1e400}, "id": "a"})"), Catch::Contains("1e400"));
}

TEST_CASE("the line reader keeps no more than the limit of a line, and goes on after it") {
    const std::string input = "kort\r\n" + std::string(100, 'x') + "\n\nnæste\nsidste uden linjeskift";
    std::FILE* f = fmemopen(const_cast<char*>(input.data()), input.size(), "r");
    REQUIRE(f);
    cli::LineReader reader(f, 10, 7); // blocks of 7 bytes: lines span reads
    std::string line;
    std::vector<std::pair<std::string, bool>> got;
    while (reader.next(line)) got.emplace_back(line, reader.overlong());
    std::fclose(f);
    const std::vector<std::pair<std::string, bool>> expected{
        {"kort", false}, {std::string(11, 'x'), true}, {"", false}, {"næste", false}, {"sidste uden", true}};
    CHECK(got == expected);
}

TEST_CASE("the error object has the contract's shape and key order") {
    CHECK(fejl_json({"ugyldigt_felt", "feltet 'vum': forventede et objekt, fik et heltal", "vum", 2, "s-1"}) ==
          R"({"fejl":{"kode":"ugyldigt_felt","besked":"feltet 'vum': forventede et objekt, fik et heltal","felt":"vum"},)"
          R"("linje":2,"sag_id":"s-1"})");
    CHECK(fejl_json({"ugyldig_json", "x", "", std::nullopt, ""}) == R"({"fejl":{"kode":"ugyldig_json","besked":"x"}})");
}
