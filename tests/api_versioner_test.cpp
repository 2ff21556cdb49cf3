// The C and C++ APIs follow the versions of a standard (issue 14 §1): an assessment on a
// date uses the version in force on it, kvalitet_assess_standard and Assessor::assess with a
// standard date the version in force on that one, and no version in force is ukendt_version.
// On the fixture municipality testby (tests/fixtures/versioner: 2025-01-01 and 2026-01-01).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <string>

#include "kvalitet.h"
#include "kvalitet/engine.hpp"
#include "lua/error.hpp"

using namespace kvalitet;
namespace fs = std::filesystem;

namespace {

struct Home {
    fs::path root = fs::temp_directory_path() / ("kvalitet-api-versioner-" + std::to_string(::getpid()));
    Home() {
        fs::remove_all(root);
        fs::create_directories(root);
        fs::copy(KVALITET_SOURCE_DIR "/dsl", root / "dsl", fs::copy_options::recursive);
        fs::copy(KVALITET_SOURCE_DIR "/stdlib", root / "stdlib", fs::copy_options::recursive);
        fs::copy(KVALITET_SOURCE_DIR "/tests/fixtures/versioner/municipalities", root / "municipalities",
                 fs::copy_options::recursive);
    }
    ~Home() { fs::remove_all(root); }
};

const char* kSag = R"({"id":"v1","kommune":"testby","borger":{"alder":40},"forhold":{"motiveret":true},
  "bevilling":{"start":"2024-11-01"}})";

Dato D(const char* s) { return *Dato::parse(s); }

// The assessment JSON, or the error code, of one C call.
struct Svar {
    int rc = 0;
    std::string json, kode, besked;
};

Svar c_vurder(kvalitet_assessor* k, const char* dato, const char* standard_dato) {
    Svar s;
    char* out = nullptr;
    s.rc = kvalitet_assess_standard(k, kSag, std::strlen(kSag), dato, standard_dato, KVALITET_FORMAT_JSON, &out, nullptr);
    if (out) s.json = out;
    kvalitet_free(out);
    s.kode = kvalitet_errcode(k);
    s.besked = kvalitet_errmsg(k);
    return s;
}

bool har(const std::string& s, const char* del) { return s.find(del) != std::string::npos; }

} // namespace

TEST_CASE("C API: the version in force on the date, or on the standard date", "[versioner][c_api]") {
    Home home;
    for (const char* kommune : {"testby", static_cast<const char*>(nullptr)}) { // one municipality, and routing
        kvalitet_assessor* k = nullptr;
        REQUIRE(kvalitet_open_ex(kommune, home.root.c_str(), 0, &k) == KVALITET_OK);

        char* out = nullptr;
        REQUIRE(kvalitet_assess(k, kSag, std::strlen(kSag), "2025-12-31", &out, nullptr) == KVALITET_OK);
        CHECK(har(out, "\"gyldig_fra\":\"2025-01-01\""));
        kvalitet_free(out);
        REQUIRE(kvalitet_assess(k, kSag, std::strlen(kSag), "2026-01-01", &out, nullptr) == KVALITET_OK);
        CHECK(har(out, "\"gyldig_fra\":\"2026-01-01\""));
        kvalitet_free(out);

        // Today's assessment under the 2025 standard; NULL: the date's own version.
        auto s = c_vurder(k, "2026-06-01", "2025-06-01");
        REQUIRE(s.rc == KVALITET_OK);
        CHECK(har(s.json, "\"vurderingsdato\":\"2026-06-01\""));
        CHECK(har(s.json, "\"gyldig_fra\":\"2025-01-01\""));
        CHECK(har(c_vurder(k, "2026-06-01", nullptr).json, "\"gyldig_fra\":\"2026-01-01\""));

        // No version in force: its own code, and the message names what there is.
        s = c_vurder(k, "2026-06-01", "2024-12-31");
        CHECK(s.rc == KVALITET_INVALID_VERSION);
        CHECK((s.rc & 0xff) == KVALITET_INVALID);
        CHECK(s.kode == "ukendt_version");
        CHECK(har(s.besked, "testby"));
        CHECK(har(s.besked, "31. december 2024"));
        CHECK(har(s.besked, "versioner/2025-01-01.lua"));
        CHECK(har(kvalitet_errjson(k), "\"sag_id\":\"v1\""));

        s = c_vurder(k, "2026-06-01", "2025-13-01");
        CHECK(s.rc == KVALITET_INVALID_DATE);
        CHECK(s.kode == "ugyldig_dato");
        kvalitet_close(k);
    }
}

TEST_CASE("C API: kvalitet_open keeps its primary codes for a missing version", "[versioner][c_api]") {
    Home home;
    kvalitet_assessor* k = nullptr;
    REQUIRE(kvalitet_open("testby", home.root.c_str(), &k) == KVALITET_OK);
    char* out = nullptr;
    CHECK(kvalitet_assess(k, kSag, std::strlen(kSag), "2024-06-01", &out, nullptr) == KVALITET_INVALID);
    CHECK(out == nullptr);
    CHECK(std::string(kvalitet_errcode(k)) == "ukendt_version");
    CHECK(kvalitet_extended_errcode(k) == KVALITET_INVALID_VERSION);
    kvalitet_close(k);
}

TEST_CASE("C++ API: Assessor follows the versions", "[versioner][api]") {
    Home home;
    Assessor a(Engine::from_directory(home.root.string()), "testby");
    const Sag sag = Sag::from_json(kSag);
    CHECK(a.assess(sag, D("2025-12-31")).gyldig_fra == D("2025-01-01"));
    CHECK(a.assess(sag, D("2026-01-01")).gyldig_fra == D("2026-01-01"));
    const Vurdering v = a.assess(sag, D("2026-06-01"), D("2025-06-01"));
    CHECK(v.vurderingsdato == D("2026-06-01"));
    CHECK(v.gyldig_fra == D("2025-01-01"));
    CHECK(har(a.assess_json(kSag, D("2026-06-01"), D("2025-06-01")), "\"gyldig_fra\":\"2025-01-01\""));
    // The sha256 of standard.lua, the newest, whichever version assessed last.
    CHECK(a.standard_sha256() == a.assess(sag, D("2026-02-01")).sha256);
    try {
        a.assess(sag, D("2024-12-31"));
        FAIL("ingen fejl uden en version i kraft");
    } catch (const InputError& e) {
        CHECK(e.kode() == "ukendt_version");
    }
}
