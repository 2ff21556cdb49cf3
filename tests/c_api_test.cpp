#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "example_case.hpp"
#include "kvalitet.h"

TEST_CASE("C API: assess a case, caller frees the result") {
    kvalitet_assessor* k = nullptr;
    REQUIRE(kvalitet_open("lejre", KVALITET_SOURCE_DIR, &k) == KVALITET_OK);
    CHECK(std::strlen(kvalitet_standard_sha256(k)) == 64);
    const std::string sag = example_case();
    char* out = nullptr;
    size_t n = 0;
    REQUIRE(kvalitet_assess(k, sag.data(), sag.size(), "2026-11-22", &out, &n) == KVALITET_OK);
    CHECK(std::string(out, n).rfind(R"({"kommune":"lejre","sag_id":"eksempel-1")", 0) == 0);
    CHECK(std::string(kvalitet_errmsg(k)).empty());
    kvalitet_free(out);
    kvalitet_close(k);
}

TEST_CASE("C API: every failure is a code and a Danish message, never an exception") {
    CHECK(kvalitet_open("varde", nullptr, nullptr) == KVALITET_MISUSE);
    kvalitet_assessor* k = nullptr;
    CHECK(kvalitet_open("aarhus", KVALITET_SOURCE_DIR, &k) == KVALITET_INVALID);
    REQUIRE(k);
    CHECK_THAT(kvalitet_errmsg(k), Catch::Contains("ukendt kommune 'aarhus'"));
    char* out = nullptr;
    CHECK(kvalitet_assess(k, "{}", 2, "2026-11-22", &out, nullptr) == KVALITET_MISUSE);
    kvalitet_close(k);

    REQUIRE(kvalitet_open("varde", KVALITET_SOURCE_DIR, &k) == KVALITET_OK);
    const char bad[] = R"({"vum": {"temaer": {"socialt_liv": 9}}})";
    CHECK(kvalitet_assess(k, bad, sizeof bad - 1, "2026-11-22", &out, nullptr) == KVALITET_INVALID);
    CHECK(out == nullptr);
    CHECK_THAT(kvalitet_errmsg(k), Catch::Contains("vum.temaer.socialt_liv"));
    CHECK(kvalitet_assess(k, "{}", 2, "2026-02-30", &out, nullptr) == KVALITET_INVALID);
    CHECK_THAT(kvalitet_errmsg(k), Catch::Contains("2026-02-30"));
    CHECK(kvalitet_assess(k, "{", 1, "2026-11-22", &out, nullptr) == KVALITET_INVALID);
    CHECK(kvalitet_assess(k, nullptr, 0, "2026-11-22", &out, nullptr) == KVALITET_MISUSE);
    // Without a handle too, *out is NULL on failure: a caller that frees it must not free junk.
    char junk = 0;
    out = &junk;
    std::size_t out_len = 7;
    CHECK(kvalitet_assess(nullptr, "{}", 2, "2026-11-22", &out, &out_len) == KVALITET_MISUSE);
    CHECK(out == nullptr);
    CHECK(out_len == 0);
    out = &junk;
    CHECK(kvalitet_kommuner(nullptr, &out, nullptr) == KVALITET_MISUSE);
    CHECK(out == nullptr);
    CHECK(kvalitet_assess(k, "{}", 2, "2026-11-22", &out, nullptr) == KVALITET_OK); // still usable
    kvalitet_free(out);
    kvalitet_close(k);
    kvalitet_close(nullptr);
}

TEST_CASE("C API: a date outside the calendar is the date's error, not a rule's") {
    kvalitet_assessor* k = nullptr;
    REQUIRE(kvalitet_open("varde", nullptr, &k) == KVALITET_OK);
    char* out = nullptr;
    const char* sag = R"({"id":"d"})";
    for (const char* dato : {"1800-01-01", "9999-12-31"}) {
        CHECK(kvalitet_assess(k, sag, std::strlen(sag), dato, &out, nullptr) == KVALITET_INVALID);
        CHECK_THAT(kvalitet_errmsg(k), Catch::Contains("uden for de datoer"));
        CHECK(out == nullptr);
    }
    kvalitet_close(k);
}

namespace {
bool valid_utf8_without_controls(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\n' && c != '\t') return false;
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t j = 1; j < n; ++j)
            if ((static_cast<unsigned char>(s[i + j]) >> 6) != 0x2) return false;
        if (n == 2 && c < 0xC2) return false; // overlong
        i += n;
    }
    return true;
}
} // namespace

// The caller's kommune and date are in the messages: shown, not sent. errjson stays valid
// UTF-8 JSON and errmsg has no ESC to repaint a log viewer; a megabyte stays out.
TEST_CASE("C API: a kommune or date with control characters or stray bytes is shown, not passed on") {
    kvalitet_assessor* k = nullptr;
    CHECK((kvalitet_open_ex("var\x1b[2J\xff", KVALITET_SOURCE_DIR, 0, &k) & 0xff) == KVALITET_INVALID);
    CHECK(valid_utf8_without_controls(kvalitet_errmsg(k)));
    CHECK(valid_utf8_without_controls(kvalitet_errjson(k)));
    CHECK_THAT(kvalitet_errmsg(k), Catch::Contains("var\\u{1B}[2J\\x{FF}"));
    kvalitet_close(k);
    REQUIRE(kvalitet_open("varde", KVALITET_SOURCE_DIR, &k) == KVALITET_OK);
    char* out = nullptr;
    CHECK(kvalitet_assess(k, "{}", 2, "\x1b]0;pwned\x07\xc0\xaf", &out, nullptr) == KVALITET_INVALID);
    CHECK(valid_utf8_without_controls(kvalitet_errmsg(k)));
    CHECK(valid_utf8_without_controls(kvalitet_errjson(k)));
    const std::string lang(1 << 20, '9');
    CHECK(kvalitet_assess(k, "{}", 2, lang.c_str(), &out, nullptr) == KVALITET_INVALID);
    CHECK(std::strlen(kvalitet_errmsg(k)) < 5000);
    CHECK(std::strlen(kvalitet_errjson(k)) < 5000);
    kvalitet_close(k);
}
