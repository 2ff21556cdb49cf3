#include "workbench/tjek.hpp"

#include <algorithm>
#include <tuple>

namespace kvalitet::workbench {

std::vector<Fund> tjek_alt(Tjek& t) {
    for (auto check : {tjek_kilder, tjek_parametre, tjek_antagelser, tjek_aktiviteter, tjek_forhold, tjek_frister,
                       tjek_maalgruppe, tjek_pakker, tjek_ukendte})
        check(t);
    auto out = t.fund;
    std::stable_sort(out.begin(), out.end(), [](const Fund& a, const Fund& b) {
        return std::tie(a.fil, a.linje, a.kode) < std::tie(b.fil, b.linje, b.kode);
    });
    return out;
}

} // namespace kvalitet::workbench
