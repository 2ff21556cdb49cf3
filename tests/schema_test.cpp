// The shipped JSON Schemas (docs/schema/) against the code: the bundled example and every
// municipal test case must conform, and so must every assessment the engine writes for
// them; every malformed case the parser rejects for its shape, the schema rejects too.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "domain/sag.hpp"
#include "engine/standard.hpp"
#include "harness/koersel.hpp"
#include "json_schema.hpp"
#include "malformed_cases.hpp"

using namespace kvalitet;
using kvalitet::testing::validate;
using nlohmann::json;

namespace {

json read_json(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return json::parse(ss.str());
}

const json& sag_schema() {
    static const json s = read_json(KVALITET_SOURCE_DIR "/docs/schema/sag.schema.json");
    return s;
}
const json& vurdering_schema() {
    static const json s = read_json(KVALITET_SOURCE_DIR "/docs/schema/vurdering.schema.json");
    return s;
}

} // namespace

TEST_CASE("schema: the example case and its assessment in every municipality conform") {
    const json example = read_json(KVALITET_SOURCE_DIR "/docs/eksempler/sag.json");
    CHECK(validate(sag_schema(), example).empty());
    const Sources sources = Sources::directory(KVALITET_SOURCE_DIR);
    const Sag sag = Sag::from_json(example.dump());
    for (const auto& id : kommuner(sources)) {
        INFO(id);
        auto v = Standard::load(sources, id)->vurder(sag, *Dato::parse("2026-11-22"));
        const auto errors = validate(vurdering_schema(), json::parse(v.json()));
        CHECK(errors.empty());
        for (const auto& e : errors) UNSCOPED_INFO(e);
    }
}

TEST_CASE("schema: every municipal test case and its assessment conform") {
    const Sources sources = Sources::directory(KVALITET_SOURCE_DIR);
    harness::Koersel koersel(sources);
    int n = 0;
    for (const auto& f : harness::find_test_files(sources, {})) {
        for (const auto& t : harness::load_test_file(sources, f.fil, f.tekst)) {
            INFO(t.fil << ":" << t.linje << " " << t.navn);
            CHECK(validate(sag_schema(), t.sag).empty());
            auto r = koersel.run(t);
            REQUIRE(r.vurdering);
            const auto errors = validate(vurdering_schema(), json::parse(r.vurdering->json()));
            for (const auto& e : errors) UNSCOPED_INFO(e);
            CHECK(errors.empty());
            ++n;
        }
    }
    CHECK(n >= 100);
}

TEST_CASE("schema: what the parser rejects for its shape, the schema rejects") {
    int seen = 0;
    for (const auto& c : testdata::kMalformedCases) {
        if (!c.schema_sees_it) continue;
        INFO(c.json);
        CHECK_FALSE(validate(sag_schema(), json::parse(c.json)).empty());
        ++seen;
    }
    CHECK(seen >= 30);
}

TEST_CASE("schema: the checker itself finds what is wrong") {
    CHECK(validate(sag_schema(), json::parse(R"({"vum": {"temaer": {"socialt_liv": 5}}})")).at(0) ==
          "/vum/temaer/socialt_liv: maximum 4");
    CHECK_FALSE(validate(vurdering_schema(), json::parse(R"({"kommune": "varde"})")).empty());
    CHECK_THROWS(validate(json::parse(R"({"oneOf": []})"), json::object()));
    // a full trace's entry that read nothing still carries vaerdier (the contract), and the
    // schema holds the code to it
    const Sources sources = Sources::directory(KVALITET_SOURCE_DIR);
    const Sag sag = Sag::from_json(read_json(KVALITET_SOURCE_DIR "/docs/eksempler/sag.json").dump());
    json v = json::parse(Standard::load(sources, "varde")->vurder(sag, *Dato::parse("2026-11-22")).json());
    json* tom = nullptr;
    for (auto& p : v.at("spor"))
        if (p.at("vaerdier").empty()) tom = &p;
    REQUIRE(tom);
    tom->erase("vaerdier");
    const auto errors = validate(vurdering_schema(), v);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("resultat requires \"vaerdier\"") != std::string::npos);
}
