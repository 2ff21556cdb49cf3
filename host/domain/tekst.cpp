#include "domain/tekst.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>
#include <utility>

namespace kvalitet {

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0. Overlong forms, surrogates and code
// points above U+10FFFF are invalid.
std::size_t utf8_length(std::string_view s, std::size_t i, char32_t* cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    std::size_t n;
    char32_t v;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        v = (v << 6) | (b(i + k) & 0x3F);
    }
    if ((n == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)))
        return 0;
    *cp = v;
    return n;
}

// C0 and C1, and the bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069): one RLO
// in a rule's text shows the rest of its line reversed ("1-ges" as "seg-1"), in a document
// a committee approves. The marks U+200E/U+200F, which right-to-left names need, stay.
bool control(char32_t cp) {
    // U+2028 and U+2029 break a line as \n does (an editor, a browser, a JSON-reading script)
    return (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

// The end of the run of printable ASCII (0x20-0x7E) from i, eight bytes at a time: nearly
// all of a rule's text, checked for every warning a case gets (5 % of an assessment, one
// byte at a time). A word with any other byte stops the run before it.
std::size_t printable_ascii_run(std::string_view s, std::size_t i) {
    constexpr std::uint64_t k01 = 0x0101010101010101ull, k80 = 0x8080808080808080ull;
    while (i + 8 <= s.size()) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        const std::uint64_t del = w ^ (k01 * 0x7F);          // a zero byte where w has 0x7F
        const std::uint64_t below_space = (w - k01 * 0x20) & ~w & k80; // some byte < 0x20 (exact as a whole)
        const std::uint64_t is_del = (del - k01) & ~del & k80;
        if ((w & k80) | below_space | is_del) break;
        i += 8;
    }
    return i;
}

} // namespace

std::optional<std::string> text_problem(std::string_view s, std::size_t max_bytes) {
    if (s.size() > max_bytes)
        return fmt::format("teksten er på {} bytes; højst {} er tilladt", s.size(), max_bytes);
    for (std::size_t i = 0; i < s.size();) {
        i = printable_ascii_run(s, i);
        if (i == s.size()) break;
        char32_t cp = 0;
        const std::size_t n = utf8_length(s, i, &cp);
        if (n == 0) return fmt::format("teksten er ikke gyldig UTF-8 (byte {})", i + 1);
        if (control(cp)) return fmt::format("teksten indeholder et styretegn (U+{:04X}, byte {})", unsigned(cp), i + 1);
        i += n;
    }
    return std::nullopt;
}

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t n = utf8_length(s, i, &cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string printable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t n = utf8_length(s, i, &cp);
        if (n == 0) {
            out += fmt::format("\\x{{{:02X}}}", static_cast<unsigned char>(s[i]));
            ++i;
            continue;
        }
        if (control(cp)) out += fmt::format("\\u{{{:02X}}}", unsigned(cp));
        else out.append(s.substr(i, n));
        i += n;
    }
    return out;
}

std::string printable_line(std::string_view s) {
    std::string out = printable(s);
    for (auto [c, shown] : {std::pair{'\n', "\\u{0A}"}, std::pair{'\t', "\\u{09}"}})
        for (std::size_t at = out.find(c); at != std::string::npos; at = out.find(c, at)) out.replace(at, 1, shown);
    return out;
}

std::string_view utf8_prefix(std::string_view s, std::size_t n) {
    if (n >= s.size()) return s;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n; // a continuation byte
    return s.substr(0, n);
}

} // namespace kvalitet
