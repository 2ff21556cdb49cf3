#include "domain/json_writer.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kvalitet {

void JsonWriter::integer(std::int64_t n) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    put(buf, std::size_t(r.ptr - buf));
}

JsonWriter& JsonWriter::value(std::int64_t n) {
    sep();
    integer(n);
    return whole();
}

namespace {
// A number written as a whole number: finite, whole and small enough to be exact.
bool written_whole(double d) { return std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15; }
} // namespace

JsonWriter& JsonWriter::value(double d) {
    sep();
    string_number(d);
    return whole();
}

JsonWriter& JsonWriter::string_number(double d) {
    if (written_whole(d)) { // the common case
        integer(std::int64_t(d));
    } else if (!std::isfinite(d)) {
        put("null", 4);
    } else { // %.17g: every digit a double has, and nothing to escape. fmt, not snprintf:
        // snprintf follows the locale, and a process embedding us under a Danish one got
        // "timer":2,5 (3 million doubles give the same bytes both ways, bench/README).
        char buf[40];
        const auto end = fmt::format_to_n(buf, sizeof buf, "{:.17g}", d).out;
        put(buf, std::size_t(end - buf));
    }
    return *this;
}

void JsonWriter::number_into(std::string& out, double d) {
    JsonWriter w(out);
    w.string_number(d);
    w.spill();
}

namespace {

[[maybe_unused]] bool special(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// Index of the first byte that needs escaping, from `i`; s.size() when none. Looks at
// many bytes at a time (a trace is ~6 KB of text per case with almost nothing to escape;
// a byte at a time cost ~8 instructions per byte), the last few too: most strings written
// (keys, ids, dates) are short. Without SSE2, eight at a time in a word; a word that may
// hold one is then looked at byte by byte, so a false alarm only costs that.
std::size_t next_special(std::string_view s, std::size_t i) {
#if defined(__SSE2__)
    // Sixteen bytes at a time where the CPU has SSE2 (every x86-64): a byte is special when
    // it is a quote, a backslash, or at most 0x1F (unsigned: its minimum with 0x1F is itself).
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), ctl = _mm_set1_epi8(0x1F);
    auto mask = [&](__m128i x) {
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                                         _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x));
        return static_cast<unsigned>(_mm_movemask_epi8(hit));
    };
    for (; i + 16 <= s.size(); i += 16)
        if (unsigned m = mask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i))))
            return i + static_cast<std::size_t>(__builtin_ctz(m));
    if (i < s.size()) { // the rest, padded with a byte that is never special
        alignas(16) char tail[16];
        std::memset(tail, 'a', sizeof tail);
        std::memcpy(tail, s.data() + i, s.size() - i);
        if (unsigned m = mask(_mm_load_si128(reinterpret_cast<const __m128i*>(tail))))
            return i + static_cast<std::size_t>(__builtin_ctz(m));
    }
    return s.size();
#else
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    auto zero_byte = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    auto may_hold = [&](std::uint64_t w) {
        return ((w - 0x20 * ones) & ~w & highs) | zero_byte(w ^ ('"' * ones)) | zero_byte(w ^ ('\\' * ones));
    };
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        if (may_hold(w))
            for (std::size_t j = i; j < i + 8; ++j)
                if (special(static_cast<unsigned char>(s[j]))) return j;
    }
    if (i < s.size()) { // the rest, padded with a byte that is never special
        std::uint64_t w = 'a' * ones;
        std::memcpy(&w, s.data() + i, s.size() - i);
        if (may_hold(w))
            for (; i < s.size(); ++i)
                if (special(static_cast<unsigned char>(s[i]))) return i;
    }
    return s.size();
#endif
}

} // namespace

bool JsonWriter::literal_key_ok(std::string_view k) { return next_special(k, 0) == k.size(); }

void JsonWriter::escaped(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    std::size_t run = 0;
    for (std::size_t i = next_special(s, 0); i < s.size(); i = next_special(s, run)) {
        put(s.data() + run, i - run);
        run = i + 1;
        const auto c = static_cast<unsigned char>(s[i]);
        switch (c) {
        case '"': put("\\\"", 2); break;
        case '\\': put("\\\\", 2); break;
        case '\n': put("\\n", 2); break;
        case '\r': put("\\r", 2); break;
        case '\t': put("\\t", 2); break;
        default: {
            const char u[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            put(u, sizeof u);
        }
        }
    }
    put(s.data() + run, s.size() - run);
}

void JsonWriter::quote_into(std::string& out, std::string_view s) {
    JsonWriter w(out);
    w.quote(s);
    w.spill();
}

} // namespace kvalitet
