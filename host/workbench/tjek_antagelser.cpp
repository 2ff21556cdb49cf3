// An assumption must say what the standard actually says, so the municipality can decide
// on it (workbench/antagelser.hpp says what counts as saying so).
#include <fmt/format.h>

#include "workbench/antagelser.hpp"
#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

void tjek_antagelser(Tjek& t) {
    for (const auto& a : antagelser(t.kilder, t.laesninger)) {
        if (a.forklaret()) continue;
        t.add("antagelse_uden_forklaring", a.fil, a.linje,
              fmt::format("{} '{}' er en antagelse, men scriptet siger ikke, hvad standarden selv siger", a.hvad, a.id),
              "skriv over erklæringen en kommentar som -- antagelse: standarden siger kun \"…\"; vores læsning er …");
    }
}

} // namespace kvalitet::workbench
