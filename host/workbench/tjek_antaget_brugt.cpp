// A rule that reads a parameter marked as an assumption gives a result that rests on it, so
// the rule must say so (antagelse = true): otherwise its reason, deadline or warning shows
// the script's reading as the standard's own words. Which parameters a rule reads is found
// by assessing the municipality's own test cases with the full trace, where each rule's
// entry names what it read; a rule no test case reaches is not judged.
#include <fmt/format.h>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "bind/bind.hpp"
#include "domain/modtagelse.hpp"
#include "lua/error.hpp"
#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

namespace {

// "dagtimer.fra" and "satser[2]" are reads of dagtimer and satser; a dated parameter's
// name in the trace is "navn (gælder fra …)".
std::string_view parameter_of(std::string_view laest) { return laest.substr(0, laest.find_first_of(".[ ")); }

} // namespace

void tjek_antaget_brugt(Tjek& t) {
    std::map<std::string_view, const Parameter*, std::less<>> antaget;
    for (const auto& p : t.standard.info().parametre)
        if (p.antagelse) antaget[p.id] = &p;
    antaget.erase(kFysiskPostParameter); // read by the host, which marks the deadline itself
    if (antaget.empty()) return;
    std::set<std::pair<const Regel*, std::string_view>> seen;
    // Every read, not the trace's first hundred of a rule: an assumed parameter read late is
    // still read. The time budget still bounds a case.
    auto& ctx = t.standard.context();
    struct Restore {
        bind::CaseContext& ctx;
        bind::CaseContext::Bounds was;
        ~Restore() { ctx.bounds = was; }
    } restore{ctx, ctx.bounds};
    ctx.bounds = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
    for (const auto& test : t.testsager()) {
        std::optional<Vurdering> v;
        try {
            v = t.standard.vurder(Sag::from_json(test.sag.dump()), test.dato, test.dato, SporNiveau::Fuld);
        } catch (const ScriptError& e) {
            if (e.kind() == ScriptError::Kind::Budget) return; // tjek_ukendte stops there too, and says so
            continue; // a rule that fails: tjek_ukendte and kvalitet test report it
        } catch (const std::exception&) {
            continue;
        }
        for (const auto& post : v->spor) {
            if (!post.regel || post.regel->antagelse) continue;
            for (const auto& laest : post.vaerdier) {
                const auto it = antaget.find(parameter_of(laest.first));
                if (it == antaget.end() || !seen.insert({post.regel, it->first}).second) continue;
                t.add("antagelse_ikke_markeret", post.regel->fil, post.regel->linje,
                      fmt::format("'{}' læser parameteren '{}', som er en antagelse, men reglen er ikke selv "
                                  "markeret som antagelse, så dens resultat ser ud til at stå i standarden "
                                  "(testsagen \"{}\", {}:{})",
                                  post.regel->id, it->first, test.navn, test.fil, test.linje),
                      "skriv antagelse = true i reglen (med en kommentar om hvorfor), så begrundelsen, fristen "
                      "eller advarslen siger, at den hviler på en antagelse");
            }
        }
    }
}

} // namespace kvalitet::workbench
