// Fields the case schema does not know (issue 20, "strict input when asked"): listed in the
// assessment's ignorerede_felter, or with strict reading the case's error with a path and
// a "mente du". The reader's list of known fields is held to docs/schema/sag.schema.json.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "domain/naermeste_navn.hpp"
#include "domain/sag.hpp"
#include "domain/sag_felter.hpp"
#include "engine/standard.hpp"
#include "lua/error.hpp"

using namespace kvalitet;
using nlohmann::json;

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Every property path of a JSON Schema object, list items written "[]".
void schema_paths(const json& node, const std::string& prefix, std::set<std::string>& out) {
    if (node.contains("items")) {
        schema_paths(node["items"], prefix + "[]", out);
        return;
    }
    if (!node.contains("properties")) return;
    for (const auto& [name, sub] : node["properties"].items()) {
        const std::string path = prefix.empty() ? name : prefix + "." + name;
        out.insert(path);
        schema_paths(sub, path, out);
    }
}

InputError strict_error(const std::string& text) {
    try {
        Sag::from_json(text, {}, UkendteFelter::Afvis);
    } catch (const InputError& e) {
        return e;
    }
    FAIL("expected ukendt_felt for " << text);
    return InputError("");
}

} // namespace

TEST_CASE("sag-felter: the reader knows exactly the schema's fields") {
    std::set<std::string> from_schema;
    schema_paths(json::parse(read(KVALITET_SOURCE_DIR "/docs/schema/sag.schema.json")), "", from_schema);
    const auto known = detail::kendte_sagsfelter();
    const std::set<std::string> from_reader(known.begin(), known.end());
    CHECK(from_reader.size() == known.size()); // no field twice
    for (const auto& p : from_schema) CHECK(from_reader.count(p) == 1);
    for (const auto& p : from_reader) CHECK(from_schema.count(p) == 1);
    CHECK(from_reader.count("forhold.motiveret") == 1);
    CHECK(from_reader.count("leverancer[].art") == 1);
}

TEST_CASE("unknown fields are listed by path, in document order; known ones are not") {
    const Sag s = Sag::from_json(R"({"id": "u1", "alder": 30, "forhold": {"motivret": true, "motiveret": false},
        "ydelser": [{"paragraf": "83"}, {"paragraff": "85", "paragraf": "85"}],
        "bevilling": {"leverandoer": {"naert_beslaegtet": true, "cvr": null}}, "vum": {"temaer": {"sundhed": 2}},
        "ansoegte_aktiviteter": ["netvaerk"], "ekstra": {"dybt": {"nede": 1}}})");
    const std::vector<std::string> expected{"alder", "forhold.motivret", "ydelser[1].paragraff",
                                            "bevilling.leverandoer.cvr", "ekstra"};
    CHECK(s.ignorerede_felter == expected);
    CHECK(s.forhold.vaerdi[*Forhold::index("motiveret")] == false); // the known one still counts
    CHECK(Sag::from_json(read(KVALITET_SOURCE_DIR "/docs/eksempler/sag.json")).ignorerede_felter.empty());
}

TEST_CASE("the list of ignored fields is bounded") {
    std::string text = "{";
    for (int i = 0; i < 500; ++i) text += (i ? "," : "") + std::string("\"x") + std::to_string(i) + "\": 1";
    text += "}";
    const Sag s = Sag::from_json(text);
    REQUIRE(s.ignorerede_felter.size() == Sag::kMaxIgnorerede);
    CHECK(s.ignorerede_felter.front() == "x0");
    CHECK(s.ignorerede_felter.back() == "x" + std::to_string(Sag::kMaxIgnorerede - 1));
}

TEST_CASE("strict reading: an unknown field is ukendt_felt, with its path and the closest name") {
    auto e = strict_error(R"({"id": "s", "forhold": {"motivret": true}})");
    CHECK(e.kode() == "ukendt_felt");
    CHECK(e.felt() == "forhold.motivret");
    CHECK_THAT(e.what(), Catch::Contains("'forhold.motivret'") && Catch::Contains("mente du 'forhold.motiveret'?"));

    e = strict_error(R"({"ydelser": [{"paragraf": "83"}, {"paragraff": "85"}]})");
    CHECK(e.felt() == "ydelser[1].paragraff");
    CHECK_THAT(e.what(), Catch::Contains("mente du 'ydelser[1].paragraf'?"));

    // The right name on the wrong level.
    e = strict_error(R"({"alder": 30})");
    CHECK(e.felt() == "alder");
    CHECK_THAT(e.what(), Catch::Contains("mente du 'borger.alder'?"));

    // Nothing close: the names that are known there.
    e = strict_error(R"({"borger": {"skostoerrelse": 42}})");
    CHECK(e.felt() == "borger.skostoerrelse");
    CHECK_THAT(e.what(), Catch::Contains("felterne her er: alder, foedselsdato"));
    CHECK_THAT(e.what(), !Catch::Contains("mente du"));

    // A key that could repaint a terminal is shown, not obeyed.
    e = strict_error("{\"\\u001b[2J\": 1}");
    CHECK_THAT(e.what(), Catch::Contains("\\u001B"));

    CHECK_NOTHROW(Sag::from_json(read(KVALITET_SOURCE_DIR "/docs/eksempler/sag.json"), {}, UkendteFelter::Afvis));
}

TEST_CASE("the assessment lists ignored fields last; every other byte is as without them") {
    const Sources sources = Sources::directory(KVALITET_SOURCE_DIR);
    auto varde = Standard::load(sources, "varde");
    const Dato dato = *Dato::parse("2026-11-22");
    Sag sag = Sag::from_json(R"({"id": "i", "borger": {"alder": 30}, "forhold": {"motivret": true}})");
    REQUIRE(sag.ignorerede_felter == std::vector<std::string>{"forhold.motivret"});
    Vurdering v = varde->vurder(sag, dato);
    CHECK(v.ignorerede_felter == sag.ignorerede_felter); // the engine names them, whoever calls it
    v.ignorerede_felter.clear();
    const std::string none = v.json();
    v.ignorerede_felter = sag.ignorerede_felter;
    const std::string some = v.json();
    const std::string tail_none = R"(,"ignorerede_felter":[]})", tail_some = R"(,"ignorerede_felter":["forhold.motivret"]})";
    REQUIRE(none.size() > tail_none.size());
    REQUIRE(some.size() > tail_some.size());
    CHECK(none.substr(none.size() - tail_none.size()) == tail_none);
    CHECK(some.substr(some.size() - tail_some.size()) == tail_some);
    CHECK(none.substr(0, none.size() - tail_none.size()) == some.substr(0, some.size() - tail_some.size()));
    // The typo left motiveret unassessed; the ignored list is what says why.
    CHECK(json::parse(some)["maalgruppe"]["mangler"].dump().find("motiveret") != std::string::npos);
    CHECK_THAT(v.tekst(), Catch::Contains("Ignorerede felter") && Catch::Contains("forhold.motivret"));
}

TEST_CASE("naermeste_navn: typos find their name, strangers find none") {
    const std::vector<std::string> kommuner{"gentofte", "ishoej", "kerteminde", "lejre", "varde"};
    CHECK(naermeste_navn("vadre", kommuner) == "varde");     // two letters swapped
    CHECK(naermeste_navn("kertminde", kommuner) == "kerteminde");
    CHECK(naermeste_navn("ishøj", kommuner) == "ishoej");   // 'ø' (two bytes) for "oe"
    CHECK(naermeste_navn("aarhus", kommuner) == std::nullopt);
    CHECK(naermeste_navn("varde", kommuner) == std::nullopt); // not a typo
    CHECK(redigeringsafstand("motivret", "motiveret") == 1);
    CHECK(redigeringsafstand("", "abc") == 3);
    CHECK(redigeringsafstand("ab", "ba") == 1);
}
