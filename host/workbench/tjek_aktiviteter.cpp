// The activity catalogue (stdlib/aktiviteter.lua, the contract's list) names what a case may
// ask for. A municipal activity with another id replaces nothing and is never asked for:
// usually a misspelt catalogue id, and then the national rule still decides.
#include <fmt/format.h>

#include "domain/mente_du.hpp"
#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

void tjek_aktiviteter(Tjek& t) {
    std::vector<std::string_view> catalogue;
    for (const auto& r : t.standard.rules())
        if (r.art == Art::Aktivitet && (!r.regel->kommunal || r.regel->erstatter)) catalogue.push_back(r.regel->id);
    for (const auto& r : t.standard.rules()) {
        if (r.art != Art::Aktivitet || !r.regel->kommunal || r.regel->erstatter) continue;
        // Only a near name is a guess worth making ('hundeluftning' is no misspelt 'genoptraening').
        const auto near = closest_name(r.regel->id, catalogue);
        t.add("ukendt_aktivitet", r.regel->fil, r.regel->linje,
              fmt::format("aktiviteten '{}' findes ikke i aktivitetskataloget (stdlib/aktiviteter.lua)", r.regel->id),
              !near ? std::string("brug et id fra kataloget (stdlib/aktiviteter.lua); en ny aktivitet skal først i "
                                  "kataloget og kontrakten")
                    : fmt::format("mente du '{}'? Med katalogets id erstatter reglen den nationale; en ny "
                                  "aktivitet skal først i kataloget og kontrakten",
                                  *near));
    }
}

} // namespace kvalitet::workbench
