// The JSON writer's string quoting: it scans sixteen bytes at a time (eight without SSE2)
// and the rest padded, so every position of a special byte within a block, and every
// length around a block, must come out right.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>

#include "domain/json_writer.hpp"

using kvalitet::JsonWriter;

namespace {
std::string escaped(std::string_view s) {
    std::string out;
    JsonWriter::quote_into(out, s);
    return out;
}
} // namespace

TEST_CASE("quoting escapes what JSON requires and nothing else") {
    CHECK(escaped("") == R"("")");
    CHECK(escaped("Klagefrist over afgørelsen") == "\"Klagefrist over afgørelsen\"");
    CHECK(escaped("a\"b\\c") == R"("a\"b\\c")");
    CHECK(escaped("linje\nlinje\ttab\r") == R"("linje\nlinje\ttab\r")");
    CHECK(escaped(std::string_view("\x01\x1f\x00", 3)) == R"("\u0001\u001f\u0000")");
    CHECK(escaped("/ æøå ~\x7f") == "\"/ æøå ~\x7f\"");
}

TEST_CASE("quoting round-trips random strings with special bytes at every position") {
    const std::string palette[] = {"a", "Z", " ", "\"", "\\", "\n", "\x01", "\x1f", " ", "æ", "ø", "å", "{", "§",
                                   std::string(1, '\0'), "\x7f", "\xc2\x9f", "\xef\xbf\xbf"};
    std::mt19937 rng(85);
    for (int n = 0; n < 5000; ++n) {
        std::string s;
        const int len = int(rng() % 70);
        for (int i = 0; i < len; ++i) s += palette[rng() % std::size(palette)];
        const std::string q = escaped(s);
        INFO(q);
        REQUIRE(std::all_of(q.begin(), q.end(), [](unsigned char c) { return c >= 0x20; }));
        REQUIRE(nlohmann::json::parse(q).get<std::string>() == s);
    }
}
