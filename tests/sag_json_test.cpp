#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "domain/sag.hpp"
#include "malformed_cases.hpp"
#include "lua/error.hpp"

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
