#include "workbench/danske_ord.hpp"

#include <fmt/format.h>

#include <utility>

namespace kvalitet::workbench {

std::string_view paahviler_tekst(Paahviler p) { return p == Paahviler::Borger ? "borgeren" : "kommunen"; }

std::string antal_tekst(std::size_t n) {
    std::string s = std::to_string(n);
    for (int i = int(s.size()) - 3; i > 0; i -= 3) s.insert(std::size_t(i), 1, '.');
    return s;
}

std::string timer_tekst(double timer) {
    std::string n = fmt::format("{:.2f}", timer);
    while (n.back() == '0') n.pop_back();
    if (n.back() == '.') n.pop_back();
    for (auto& c : n)
        if (c == '.') c = ',';
    return n + (timer == 1 ? " time" : " timer");
}

std::string periode_tekst(std::string_view periode) {
    if (periode == "uge") return "ugen";
    if (periode == "maaned") return "måneden";
    return std::string(periode);
}

} // namespace kvalitet::workbench
