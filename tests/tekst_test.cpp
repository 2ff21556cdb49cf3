// text_problem reads printable ASCII eight bytes at a time: its answers (the first problem and
// its byte) must be those of reading one character at a time, which this test does itself.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <random>
#include <string>

#include "domain/tekst.hpp"

namespace {

// One character at a time, as the contract words it: valid UTF-8 (no overlong forms, no
// surrogates, nothing past U+10FFFF) and no control characters but newline and tab, nor
// U+2028-U+202E and U+2066-U+2069.
std::optional<std::string> reference(std::string_view s) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = b(i);
        std::size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        char32_t v = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        bool ok = n != 0 && i + n <= s.size();
        for (std::size_t k = 1; ok && k < n; ++k) {
            ok = (b(i + k) & 0xC0) == 0x80;
            v = (v << 6) | (b(i + k) & 0x3F);
        }
        if (ok && n == 3) ok = v >= 0x800 && !(v >= 0xD800 && v <= 0xDFFF);
        if (ok && n == 4) ok = v >= 0x10000 && v <= 0x10FFFF;
        if (!ok) return fmt::format("teksten er ikke gyldig UTF-8 (byte {})", i + 1);
        if ((v < 0x20 && v != '\n' && v != '\t') || (v >= 0x7F && v <= 0x9F) || (v >= 0x2028 && v <= 0x202E) ||
            (v >= 0x2066 && v <= 0x2069))
            return fmt::format("teksten indeholder et styretegn (U+{:04X}, byte {})", unsigned(v), i + 1);
        i += n;
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("text_problem finds the first problem at its byte, as reading one character at a time") {
    // Mostly printable ASCII, as rule texts are, with each kind of byte that stops a run.
    const std::string pieces[] = {"a", "Z", " ", "~", "{", "0", "æ", "ø", "å", "§", "\n", "\t", std::string(1, '\0'),
                                  "\x1F", "\x7F", "\x80", "\xC2\x85", "\xE2\x80\xAE", "\xE2\x81\xA6", "\xE2\x80\x8E",
                                  "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF0\x9F\x98\x80", "\xFF", "\xE2\x82"};
    std::mt19937 rng(85);
    std::uniform_int_distribution<std::size_t> which(0, std::size(pieces) - 1), plain(0, 5), length(0, 40);
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        for (std::size_t n = length(rng), k = 0; k < n; ++k) s += plain(rng) ? pieces[which(rng) % 6] : pieces[which(rng)];
        INFO(kvalitet::printable(s));
        CHECK(kvalitet::text_problem(s, 1000) == reference(s));
    }
    // each position of a bad byte in and around a word of eight
    for (std::size_t at = 0; at < 20; ++at)
        for (const char* bad : {"\x7F", "\x1F", "\x80", "\n"}) {
            std::string s(20, 'x');
            s.replace(at, 1, bad);
            CHECK(kvalitet::text_problem(s, 1000) == reference(s));
        }
    CHECK(kvalitet::text_problem(std::string(17, 'x') + "\x7F", 1000) ==
          std::optional<std::string>("teksten indeholder et styretegn (U+007F, byte 18)"));
}
