#include "domain/json_writer.hpp"

#include <cmath>
#include <cstdio>

namespace kvalitet {

JsonWriter& JsonWriter::value(double d) {
    sep();
    if (!std::isfinite(d)) {
        out_ += "null";
    } else if (d == std::floor(d) && std::fabs(d) < 1e15) {
        out_ += std::to_string(static_cast<long long>(d));
    } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", d);
        out_ += buf;
    }
    return *this;
}

void JsonWriter::quote_into(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    // Copy runs of plain bytes at once; only quotes, backslashes and controls are escaped.
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
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
