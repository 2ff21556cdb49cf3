// The activity catalogue (stdlib/aktiviteter.lua, the contract's list) names what a case may
// ask for. A municipal activity with another id replaces nothing and is never asked for:
// usually a misspelt catalogue id, and then the national rule still decides.
#include <fmt/format.h>

#include "domain/mente_du.hpp"
#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

// What "the catalogue and the contract" mean to a policy officer: the catalogue is shared by
// every municipality, the contract is the list of ids the case systems send.
constexpr const char* kNy =
    "En helt ny aktivitet skal i kataloget, som alle kommuner deler (de andre svarer da for den efter SEL § 85, "
    "som en antagelse), og i kontrakten med sagssystemerne (listen over de aktivitets-id'er, de sender); aftal "
    "det med dem, der driver Kvalitet";

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
              !near ? std::string("brug et id fra kataloget (stdlib/aktiviteter.lua), hvis et af dem dækker "
                                  "aktiviteten. ") + kNy
                    : fmt::format("mente du '{}'? Med katalogets id erstatter reglen den nationale. {}", *near, kNy));
    }
}

} // namespace kvalitet::workbench
