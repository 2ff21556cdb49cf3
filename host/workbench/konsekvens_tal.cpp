#include "workbench/konsekvens_tal.hpp"

#include <fmt/format.h>

#include <cmath>

namespace kvalitet::workbench {

namespace {

// "1234567" → "1.234.567" (built anew: GCC 12 warns falsely about insert into itself)
std::string grupper(const std::string& heltal) {
    std::string out;
    for (std::size_t i = 0; i < heltal.size(); ++i) {
        if (i > 0 && (heltal.size() - i) % 3 == 0) out += '.';
        out += heltal[i];
    }
    return out;
}

} // namespace

std::string heltal_dk(std::size_t n) { return grupper(std::to_string(n)); }

std::string sager_dk(std::size_t n) { return heltal_dk(n) + (n == 1 ? " sag" : " sager"); }

std::string tal_dk(double x, int decimaler) {
    std::string s = fmt::format("{:.{}f}", std::fabs(x), decimaler);
    std::string hel = s, brok;
    if (const auto punkt = s.find('.'); punkt != std::string::npos) hel = s.substr(0, punkt), brok = s.substr(punkt + 1);
    while (!brok.empty() && brok.back() == '0') brok.pop_back();
    std::string out = (x < 0 && s.find_first_not_of("0.") != std::string::npos ? "−" : "") + grupper(hel);
    return brok.empty() ? out : out + "," + brok;
}

std::string fortegn_dk(double x, int decimaler) {
    const std::string s = tal_dk(x, decimaler);
    return x > 0 && s != "0" ? "+" + s : s;
}

std::string procent_dk(std::size_t del, std::size_t af) {
    return af == 0 ? std::string("0 %") : tal_dk(100.0 * double(del) / double(af)) + " %";
}

} // namespace kvalitet::workbench
