// The packages' criteria over every VUM vector (workbench/pakke_analyse.hpp): a gap, an
// overlap, a package never chosen, each shown with a vector a person can try.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "workbench/danske_ord.hpp"
#include "workbench/pakke_analyse.hpp"
#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

namespace {

std::string ids(const PakkeAnalyse& a, const std::vector<std::size_t>& which) {
    std::vector<std::string> out;
    for (auto i : which) out.push_back("'" + a.pakker[i]->regel->id + "'");
    return fmt::format("{}", fmt::join(out, ", "));
}

std::string tal(std::size_t n) { return antal_tekst(n); }

} // namespace

void tjek_pakker(Tjek& t) {
    const PakkeAnalyse a = analyser_pakker(t.standard, t.dato, t.pakke_sekunder);
    if (a.pakker.empty()) return;
    const Regel& first = *a.pakker.front()->regel;
    if (!a.grundsag) {
        t.noter.push_back("pakkerne er ikke undersøgt: ingen sag med alle forhold kendt kom i målgruppen");
        return;
    }
    std::string sekunder = fmt::format("{:.1f}", a.sekunder);
    std::replace(sekunder.begin(), sekunder.end(), '.', ','); // "2,1 s"
    t.noter.push_back(fmt::format("pakker: {} VUM-vektorer vurderet på {} s ({} uden for målgruppen)", tal(a.vektorer),
                                  sekunder, tal(a.uden_for_maalgruppen)));
    if (a.afbrudt) {
        std::size_t alle = 1; // five scores (0–4) in each theme
        for (std::size_t i = 0; i < Vektor{}.size(); ++i) alle *= 5;
        t.noter.push_back(fmt::format("pakker: analysen stoppede efter {} s ved {} af {} VUM-vektorer, fordi "
                                      "reglerne er langsomme; huller og overlap er kun søgt blandt dem, og om en pakke "
                                      "aldrig vælges, er ikke afgjort",
                                      sekunder, tal(a.vektorer), tal(alle)));
    }
    const std::size_t in_group = a.vektorer - a.uden_for_maalgruppen;
    if (a.huller)
        t.add("pakke_hul", first.fil, first.linje,
              fmt::format("{} af {} VUM-vektorer i målgruppen opfylder ingen pakkes kriterier, f.eks. {}", tal(a.huller),
                          tal(in_group), vektor_tekst(*a.hul)),
              "lad den laveste pakke gælde fra bunden, eller udvid kriterierne, så hver borger i målgruppen får en pakke");
    if (a.overlap) {
        const Regel& at = *a.pakker[a.overlap_pakker.back()]->regel;
        std::string what;
        if (a.enkelt)
            what = fmt::format("pakkerne er hverken trin (hver pakke kræver de lavere) eller adskilte bånd: {} opfylder "
                               "{}, mens {} kun opfylder '{}'",
                               vektor_tekst(*a.overlap), ids(a, a.overlap_pakker), vektor_tekst(*a.enkelt),
                               a.pakker[a.enkelt_pakke]->regel->id);
        else {
            std::vector<std::size_t> between; // below the highest met, and not met
            for (std::size_t i = 0; i < a.overlap_pakker.back(); ++i)
                if (std::find(a.overlap_pakker.begin(), a.overlap_pakker.end(), i) == a.overlap_pakker.end())
                    between.push_back(i);
            what = fmt::format("kriterierne for {} overlapper uden at være trin: {} opfylder dem alle, men ikke {} "
                               "under dem ({} sådanne vektorer); den højeste vinder i stilhed",
                               ids(a, a.overlap_pakker), vektor_tekst(*a.overlap), ids(a, between),
                               tal(a.overlap_antal));
        }
        t.add("pakke_overlap", at.fil, at.linje, what,
              "gør kriterierne til trin (mindst …, stigende) eller til bånd, der ikke overlapper");
    }
    for (std::size_t j = 0; j < a.pakker.size() && !a.afbrudt; ++j) { // "never" needs every vector
        if (a.valgt[j]) continue;
        const Regel& g = *a.pakker[j]->regel;
        if (!a.opfyldt[j]) {
            t.add("pakke_aldrig_valgt", g.fil, g.linje,
                  fmt::format("pakke '{}' kan aldrig vælges: dens kriterier er ikke opfyldt for nogen af de {} "
                              "VUM-vektorer i målgruppen",
                              g.id, tal(in_group)),
                  "ret kriterierne, eller slet pakken");
            continue;
        }
        std::vector<std::size_t> winners(a.valgt_i_stedet[j].begin(), a.valgt_i_stedet[j].end());
        t.add("pakke_skygget", g.fil, g.linje,
              fmt::format("pakke '{}' vælges aldrig: overalt hvor dens kriterier er opfyldt (f.eks. {}), er "
                          "kriterierne for {} det også, og den højeste vinder",
                          g.id, vektor_tekst(*a.opfyldt_ved[j]), ids(a, winners)),
              "adskil kriterierne fra de højere pakkers, eller slet pakken");
    }
}

} // namespace kvalitet::workbench
