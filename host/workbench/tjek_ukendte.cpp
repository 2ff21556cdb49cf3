// The unknown-fact check (engine/ukendt_kontrol.hpp) over the municipality's own test
// cases: a rule that read a fact the case lacks and still answered must answer the same
// whatever the fact turns out to be. `kvalitet test` fails such a case too; the lint
// points at the rule, once per rule and fact.
#include <fmt/format.h>

#include <set>
#include <tuple>

#include "domain/danske_navne.hpp"
#include "engine/ukendt_kontrol.hpp"
#include "lua/error.hpp"
#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

void tjek_ukendte(Tjek& t) {
    std::size_t cases = 0, failed = 0;
    std::set<std::pair<const Regel*, std::string>> seen;
    std::set<std::tuple<std::string, int, std::string>> regel_fejl; // (file, line, message) reported
    bool stopped = false; // a rule ran out of time: every later case would wait as long
    for (const auto& test : t.testsager()) {
        if (stopped) break;
        std::vector<UsikkerRegel> found;
        try {
            found = kontroller_ukendte(t.standard, Sag::from_json(test.sag.dump()), test.dato);
        } catch (const ScriptError& e) {
            // A rule that fails on the municipality's own case fails on real ones too: a
            // finding at the rule, once per mistake, naming the first case that showed it.
            if (e.kind() == ScriptError::Kind::Syntax || e.kind() == ScriptError::Kind::Host) throw;
            const std::string besked = e.uden_sag(e.message());
            if (regel_fejl.insert({e.chunk(), e.line(), besked}).second)
                t.add("regel_fejler", e.chunk(), e.line(),
                      fmt::format("{} (testsagen \"{}\", {}:{})", besked, test.navn, test.fil, test.linje),
                      "ret fejlen i linjen; kvalitet test viser hver testsag, den rammer");
            ++failed;
            if (e.kind() == ScriptError::Kind::Budget) {
                stopped = true;
                t.noter.push_back("ukendte forhold: standsede ved den første testsag, der ramte tidsloftet; "
                                  "ret løkken og tjek igen");
            }
            continue;
        } catch (const std::exception&) {
            ++failed; // an invalid case: `kvalitet test` reports it
            continue;
        }
        ++cases;
        for (const auto& u : found) {
            if (!seen.insert({u.regel, u.forhold}).second) continue;
            t.add("ukendt_afgjort", u.regel->fil, u.regel->linje,
                  fmt::format("'{}' afgør noget, den ikke ved: uden '{}' gav den '{}', men med {} = {} giver den "
                              "'{}' (testsagen \"{}\", {}:{})",
                              u.regel->id, u.forhold, udfald_tekst(u.udfald), u.forhold, u.vaerdi,
                              udfald_tekst(u.udfald_med), test.navn, test.fil, test.linje),
                  "giv nil (ukendt), når svaret afhænger af et forhold, der mangler: skriv med og/eller/ikke/"
                  "mindst/hoejst (ikke(sag.forhold.x), ikke 'not sag.forhold.x' eller 'if sag.forhold.x then')");
        }
    }
    if (cases) t.noter.push_back(fmt::format("ukendte forhold: {} {} kontrolleret", cases, cases == 1 ? "testsag" : "testsager"));
    if (failed)
        t.noter.push_back(fmt::format("ukendte forhold: {} {} kunne ikke vurderes (kvalitet test viser hvorfor)", failed,
                                      failed == 1 ? "testsag" : "testsager"));
    if (!cases && !failed) t.noter.push_back("ukendte forhold: ingen testsager at kontrollere med (tests/ ved standarden)");
}

} // namespace kvalitet::workbench
