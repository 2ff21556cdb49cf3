#include "workbench/beskrivelse_orden.hpp"

#include <algorithm>
#include <array>

#include "lua/field_line.hpp"

namespace kvalitet::workbench {

std::vector<std::pair<std::string, std::string>> beskrivelse_i_orden(Kildetekster& kilder) {
    const auto& info = kilder.standard().info();
    auto out = info.beskrivelse;
    int at = 0; // the line of `kvalitetsstandard {`
    const auto& ts = kilder.fil(info.fil).tokens;
    for (std::size_t i = 0; i + 1 < ts.size() && !at; ++i)
        if (ts[i].art == Token::Art::Navn && ts[i].tekst == "kvalitetsstandard" && ts[i + 1].tekst == "{") at = ts[i].linje;
    if (!at) return out;
    const std::string& source = kilder.raa(info.fil);
    auto line_of = [&](const std::string& heading) {
        const std::array<std::string_view, 2> path{"beskrivelse", heading};
        const int l = lua::field_line(source, at, path);
        return l ? l : 1 << 30; // not written literally: after the rest, by heading
    };
    std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return line_of(a.first) < line_of(b.first); });
    return out;
}

} // namespace kvalitet::workbench
