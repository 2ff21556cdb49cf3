#include "workbench/tjek.hpp"

#include <algorithm>
#include <tuple>

#include "lua/error.hpp"

namespace kvalitet::workbench {

std::vector<Fund> tjek_alt(Tjek& t) {
    for (auto check : {tjek_kilder, tjek_parametre, tjek_antagelser, tjek_antaget_brugt, tjek_aktiviteter, tjek_forhold, tjek_frister,
                       tjek_datoer, tjek_tekst_tal, tjek_maalgruppe, tjek_pakker, tjek_ukendte}) {
        // A rule that fails on the cases a check assesses is a finding, and the other checks
        // still run: one typo in a rule must not hide what else the lint has to say.
        try {
            check(t);
        } catch (const ScriptError& e) {
            if (e.kind() == ScriptError::Kind::Syntax || e.kind() == ScriptError::Kind::Host) throw;
            // the cases a check assesses are its own: their ids mean nothing to the reader
            const std::string besked = e.uden_sag(e.message());
            const bool set = std::any_of(t.fund.begin(), t.fund.end(), [&](const Fund& f) {
                return f.kode == "regel_fejler" && f.fil == e.chunk() && f.linje == e.line() && f.besked == besked;
            });
            if (!set)
                t.add("regel_fejler", e.chunk(), e.line(), besked,
                      "ret fejlen i linjen; reglen fejler, når den vurderes, så også på rigtige sager "
                      "(kvalitet test viser den på kommunens testsager)");
        }
    }
    auto out = t.fund;
    std::stable_sort(out.begin(), out.end(), [](const Fund& a, const Fund& b) {
        return std::tie(a.fil, a.linje, a.kode) < std::tie(b.fil, b.linje, b.kode);
    });
    return out;
}

} // namespace kvalitet::workbench
