#include "domain/json_writer.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace kvalitet {

JsonWriter& JsonWriter::value(double d) {
    sep();
    number_into(out_, d);
    return *this;
}

void JsonWriter::number_into(std::string& out, double d) {
    if (!std::isfinite(d)) {
        out += "null";
    } else if (d == std::floor(d) && std::fabs(d) < 1e15) {
        out += std::to_string(static_cast<long long>(d));
    } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", d);
        out += buf;
    }
}

namespace {

bool special(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// Index of the first byte that needs escaping, from `i`; s.size() when none. Looks at
// eight bytes at a time (a trace is ~6 KB of text per case with almost nothing to
// escape; a byte at a time cost ~8 instructions per byte). A word that may hold one is
// then looked at byte by byte, so a false alarm only costs that.
std::size_t next_special(std::string_view s, std::size_t i) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    auto zero_byte = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        if (((w - 0x20 * ones) & ~w & highs) | zero_byte(w ^ ('"' * ones)) | zero_byte(w ^ ('\\' * ones)))
            for (std::size_t j = i; j < i + 8; ++j)
                if (special(static_cast<unsigned char>(s[j]))) return j;
    }
    for (; i < s.size(); ++i)
        if (special(static_cast<unsigned char>(s[i]))) return i;
    return s.size();
}

} // namespace

void JsonWriter::quote_into(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0;
    for (std::size_t i = next_special(s, 0); i < s.size(); i = next_special(s, run)) {
        out.append(s.data() + run, i - run);
        run = i + 1;
        const auto c = static_cast<unsigned char>(s[i]);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

} // namespace kvalitet
