// A parameter no rule reads is a number the standard states that the script ignores (or a
// leftover after an edit). Reads are found in the script's text (workbench/laesninger.hpp).
#include <fmt/format.h>

#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

void tjek_parametre(Tjek& t) {
    for (const auto& p : t.standard.info().parametre) {
        if (!t.laesninger.af(p.id).empty()) continue;
        t.add("parameter_ulaest", p.fil, p.linje,
              fmt::format("parameteren '{}' læses ikke af nogen regel (ingen P.{} i scriptet{})", p.id, p.id,
                          p.kommunal ? "" : " eller i de nationale regler, standarden beholder"),
              fmt::format("brug den i reglen, den hører til (P.{}), eller slet den", p.id));
    }
}

} // namespace kvalitet::workbench
