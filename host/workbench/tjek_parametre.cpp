// A parameter no rule reads is a number the standard states that the script ignores (or a
// leftover after an edit). A read of a name no parameter has fails when the line runs,
// which may be never in the tests; usually it is a declared parameter misspelt, and then
// that one is not also reported as unread. Reads are found in the script's text
// (workbench/laesninger.hpp).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "domain/mente_du.hpp"
#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

void tjek_parametre(Tjek& t) {
    std::vector<std::string_view> declared;
    for (const auto& p : t.standard.info().parametre) declared.push_back(p.id);
    std::set<std::string_view> misspelt; // declared ids read only under a near, wrong name
    for (const auto& [navn, steder] : t.laesninger.alle()) {
        if (std::find(declared.begin(), declared.end(), navn) != declared.end()) continue;
        const auto near = closest_name(navn, declared);
        for (const auto& st : steder)
            t.add("ukendt_parameter", st.fil, st.linje, fmt::format("parameteren '{}' findes ikke (P.{})", navn, navn),
                  near ? fmt::format("mente du P.{}? Ellers erklær '{}' i parametre {{ }}", *near, navn)
                       : fmt::format("erklær '{}' i parametre {{ }}, eller ret navnet; parametrene er: {}", navn,
                                     fmt::join(declared, ", ")));
        if (near) misspelt.insert(*near);
    }
    for (const auto& p : t.standard.info().parametre) {
        if (!t.laesninger.af(p.id).empty()) continue;
        if (misspelt.count(p.id)) continue; // one mistake, one finding: at the misspelling
        t.add("parameter_ulaest", p.fil, p.linje,
              fmt::format("parameteren '{}' læses ikke af nogen regel (ingen P.{} i scriptet{})", p.id, p.id,
                          p.kommunal ? "" : " eller i de nationale regler, standarden beholder"),
              fmt::format("brug den i reglen, den hører til (P.{}), eller slet den", p.id));
    }
}

} // namespace kvalitet::workbench
