// The contract names the event that meets most deadlines (klage.genvurderet meets
// genvurdering). A frist with such an id but no `opfyldt_ved` can only come due or be
// overdue, never met: a reminder that never goes away. A deadline that starts at its own
// event (the next follow-up counts from the latest one) is met by moving, and is fine;
// that shows in its `fra`, read from the text.
#include <fmt/format.h>

#include <algorithm>

#include "workbench/danske_ord.hpp"
#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

namespace {

struct Haendelse {
    std::string_view frist, sti;
    std::vector<std::string_view> ord; // names in a `fra` function that show it starts at the event
};

const std::vector<Haendelse>& contract_events() {
    static const std::vector<Haendelse> events = {
        {"sagsbehandling", "bevilling.afgoerelse_dato", {"afgoerelse_dato"}},
        {"klage", "klage.modtaget", {"klage"}},
        {"genvurdering", "klage.genvurderet", {"genvurderet"}},
        {"foerste_opfoelgning", "opfoelgninger.foerste", {"opfoelgninger", "seneste_opfoelgning_eller_start", "seneste_moede_eller_start"}},
        {"naeste_opfoelgning", "opfoelgninger.seneste", {"opfoelgninger", "seneste_opfoelgning_eller_start", "seneste_moede_eller_start"}},
        {"indsatsplan", "indsatsplan.dato", {"indsatsplan"}},
        {"arbejdspladsvurdering", "arbejdspladsvurdering.dato", {"arbejdspladsvurdering"}},
    };
    return events;
}

} // namespace

void tjek_frister(Tjek& t) {
    for (const auto& r : t.standard.rules()) {
        if (r.art != Art::Frist || r.opfyldt_ved || r.opfyldt_fn) continue;
        const auto& events = contract_events();
        auto e = std::find_if(events.begin(), events.end(), [&](const Haendelse& h) { return h.frist == r.regel->id; });
        if (e == events.end()) continue;
        if (r.fra_navn == e->sti) continue;
        const auto code = field_value(t.kilder.fil(r.regel->fil), r.regel->linje, "frist", "fra");
        const bool rolling = std::any_of(code.begin(), code.end(), [&](const Token& tok) {
            return tok.art == Token::Art::Navn && std::find(e->ord.begin(), e->ord.end(), tok.tekst) != e->ord.end();
        });
        if (rolling) continue;
        t.add("frist_uden_haendelse", r.regel->fil, r.regel->linje,
              fmt::format("fristen '{}' har intet opfyldt_ved, så den kan aldrig blive opfyldt; kontrakten har "
                          "hændelsen '{}' ({})",
                          r.regel->id, e->sti, datosti_tekst(e->sti)),
              fmt::format("tilføj opfyldt_ved = \"{}\"", e->sti));
    }
}

} // namespace kvalitet::workbench
