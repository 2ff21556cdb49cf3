// The trace you can choose through the C and C++ APIs (issue 17, target 3):
// kvalitet_assess_spor and Assessor::assess_json(…, SporNiveau).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

#include "example_case.hpp"
#include "kvalitet.h"
#include "kvalitet/engine.hpp"

using Json = nlohmann::json;

namespace {

// One assessment through the C API; REQUIREs success.
std::string assess(kvalitet_assessor* k, const std::string& sag, int format, int spor) {
    char* out = nullptr;
    size_t n = 0;
    const int rc = kvalitet_assess_spor(k, sag.data(), sag.size(), "2026-11-22", nullptr, format, spor, &out, &n);
    INFO(kvalitet_errjson(k));
    REQUIRE(rc == KVALITET_OK);
    std::string s(out, n);
    kvalitet_free(out);
    return s;
}

Json without_trace(Json j) {
    j.erase("spor");
    return j;
}

} // namespace

TEST_CASE("C API: kvalitet_assess_spor gives the three traces; fuld is kvalitet_assess byte for byte", "[c_api][spor]") {
    kvalitet_assessor* k = nullptr;
    REQUIRE(kvalitet_open_ex(nullptr, KVALITET_SOURCE_DIR, 0, &k) == KVALITET_OK);
    const std::string sag = example_case();
    char* plain = nullptr;
    size_t plain_n = 0;
    REQUIRE(kvalitet_assess(k, sag.data(), sag.size(), "2026-11-22", &plain, &plain_n) == KVALITET_OK);
    const std::string fuld_tekst = assess(k, sag, KVALITET_FORMAT_JSON, KVALITET_SPOR_FULD);
    CHECK(fuld_tekst == std::string(plain, plain_n));
    kvalitet_free(plain);

    const Json fuld = Json::parse(fuld_tekst);
    const Json kort = Json::parse(assess(k, sag, KVALITET_FORMAT_JSON, KVALITET_SPOR_KORT));
    const Json ingen = Json::parse(assess(k, sag, KVALITET_FORMAT_JSON, KVALITET_SPOR_INGEN));
    REQUIRE(fuld["spor"].size() > 3);
    CHECK(fuld["spor"][0].contains("resultat"));

    // kort: every rule, its outcome and its dates; none of the texts.
    REQUIRE(kort["spor"].size() == fuld["spor"].size());
    for (std::size_t i = 0; i < kort["spor"].size(); ++i) {
        const Json& p = kort["spor"][i];
        CHECK(p["regel"] == fuld["spor"][i]["regel"]);
        CHECK(p["udfald"] == fuld["spor"][i]["udfald"]);
        CHECK(p.value("datoer", Json()) == fuld["spor"][i].value("datoer", Json()));
        for (const char* key : {"resultat", "kilde", "vaerdier", "sammenligninger"}) CHECK_FALSE(p.contains(key));
    }
    // ingen: no trace entries, but the reasons and sources stay.
    CHECK(ingen["spor"] == Json::array());
    CHECK_FALSE(ingen["maalgruppe"]["begrundelser"].empty());
    CHECK(ingen["maalgruppe"]["begrundelser"][0].contains("kilde"));
    // The results are the same at every level.
    CHECK(without_trace(kort) == without_trace(fuld));
    CHECK(without_trace(ingen) == without_trace(fuld));

    // The trace is JSON only: the text is the same at every level.
    const std::string tekst = assess(k, sag, KVALITET_FORMAT_TEKST, KVALITET_SPOR_FULD);
    CHECK(assess(k, sag, KVALITET_FORMAT_TEKST, KVALITET_SPOR_INGEN) == tekst);

    // With a standard date, as kvalitet_assess_standard.
    char* std_out = nullptr;
    REQUIRE(kvalitet_assess_standard(k, sag.data(), sag.size(), "2026-11-22", "2026-11-22", KVALITET_FORMAT_JSON,
                                     &std_out, nullptr) == KVALITET_OK);
    char* spor_out = nullptr;
    REQUIRE(kvalitet_assess_spor(k, sag.data(), sag.size(), "2026-11-22", "2026-11-22", KVALITET_FORMAT_JSON,
                                 KVALITET_SPOR_FULD, &spor_out, nullptr) == KVALITET_OK);
    CHECK(std::string(std_out) == std::string(spor_out));
    kvalitet_free(std_out);
    kvalitet_free(spor_out);

    // An unknown level is misuse, in Danish, and no string is returned.
    char* out = reinterpret_cast<char*>(1);
    CHECK(kvalitet_assess_spor(k, sag.data(), sag.size(), "2026-11-22", nullptr, KVALITET_FORMAT_JSON, 3, &out,
                               nullptr) == KVALITET_MISUSE);
    CHECK(out == nullptr);
    CHECK(std::string(kvalitet_errmsg(k)).find("ukendt spor") != std::string::npos);
    CHECK(kvalitet_assess_spor(nullptr, sag.data(), sag.size(), "2026-11-22", nullptr, KVALITET_FORMAT_JSON,
                               KVALITET_SPOR_KORT, &out, nullptr) == KVALITET_MISUSE);
    kvalitet_close(k);
}

TEST_CASE("C++ API: assess_json with a trace level is the C API's, and fuld the plain overload's", "[api][spor]") {
    auto engine = kvalitet::Engine::from_directory(KVALITET_SOURCE_DIR);
    kvalitet::Assessor varde(engine, "varde");
    const std::string sag = example_case();
    const kvalitet::Dato d = *kvalitet::Dato::parse("2026-11-22");
    CHECK(varde.assess_json(sag, d, d, kvalitet::SporNiveau::Fuld) == varde.assess_json(sag, d));
    kvalitet_assessor* k = nullptr;
    REQUIRE(kvalitet_open("varde", KVALITET_SOURCE_DIR, &k) == KVALITET_OK);
    CHECK(varde.assess_json(sag, d, d, kvalitet::SporNiveau::Kort) == assess(k, sag, KVALITET_FORMAT_JSON, KVALITET_SPOR_KORT));
    CHECK(varde.assess_json(sag, d, d, kvalitet::SporNiveau::Ingen) ==
          assess(k, sag, KVALITET_FORMAT_JSON, KVALITET_SPOR_INGEN));
    CHECK(Json::parse(varde.assess_json(sag, d, d, kvalitet::SporNiveau::Ingen))["spor"].empty());
    // Only what is asked for is recorded: no entries for ingen, no texts or values for kort,
    // and the results as the full assessment's.
    const kvalitet::Sag s = kvalitet::Sag::from_json(sag);
    const kvalitet::Vurdering fuld = varde.assess(s, d, d);
    const kvalitet::Vurdering ingen = varde.assess(s, d, d, kvalitet::SporNiveau::Ingen);
    const kvalitet::Vurdering kort = varde.assess(s, d, d, kvalitet::SporNiveau::Kort);
    CHECK(ingen.spor.empty());
    REQUIRE(kort.spor.size() == fuld.spor.size());
    for (const auto& p : kort.spor) CHECK(p.vaerdier.empty());
    CHECK(ingen.i_maalgruppe == fuld.i_maalgruppe);
    CHECK(ingen.begrundelser.size() == fuld.begrundelser.size());
    kvalitet::Vurdering cut = fuld;
    cut.spor_niveau = kvalitet::SporNiveau::Kort;
    CHECK(kort.json() == cut.json());
    kvalitet_close(k);
}
