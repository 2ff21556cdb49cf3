// konsekvens as Danish text for a terminal: the counts, the transition tables, the hours,
// then each kind of change with its first example cases and the rules that decided otherwise.
#include <fmt/format.h>

#include <functional>

#include "domain/tekst.hpp"
#include "workbench/konsekvens.hpp"
#include "workbench/konsekvens_tal.hpp"

namespace kvalitet::workbench {

namespace {

constexpr std::size_t kReglerPrEksempel = 3;

std::string pakke(const std::string& id) { return id.empty() ? "ingen" : id; }

// A table of counts with row and column headings, right-aligned.
std::string tabel(const std::string& hjoerne, const std::vector<std::string>& navne,
                  const std::function<std::size_t(std::size_t, std::size_t)>& antal) {
    std::size_t bredde = hjoerne.size();
    for (const auto& n : navne) bredde = std::max(bredde, n.size());
    std::string out = fmt::format("  {:<{}}", hjoerne, bredde);
    for (const auto& n : navne) out += fmt::format(" {:>{}}", n, std::max<std::size_t>(n.size(), 7));
    out += "\n";
    for (std::size_t i = 0; i < navne.size(); ++i) {
        out += fmt::format("  {:<{}}", navne[i], bredde);
        for (std::size_t j = 0; j < navne.size(); ++j)
            out += fmt::format(" {:>{}}", heltal_dk(antal(i, j)), std::max<std::size_t>(navne[j].size(), 7));
        out += "\n";
    }
    return out;
}

std::string eksempel(const Eksempel& e) {
    std::string out = fmt::format("      sag {}", e.sag_id.empty() ? fmt::format("nr. {} (uden id)", e.nr) : printable_line(e.sag_id));
    if (e.regler.empty()) return out + "\n";
    out += ":";
    for (std::size_t i = 0; i < e.regler.size() && i < kReglerPrEksempel; ++i) {
        const auto& r = e.regler[i];
        out += fmt::format("{} {} ({}): {} → {}", i ? ";" : "", printable(r.regel), r.trin,
                           r.foer.empty() ? "ikke vurderet" : printable(r.foer),
                           r.efter.empty() ? "ikke vurderet" : printable(r.efter));
    }
    if (e.regler.size() > kReglerPrEksempel) out += fmt::format("; og {} regler mere", e.regler.size() - kReglerPrEksempel);
    return out + "\n";
}

} // namespace

std::string flere_fejl(const Konsekvens& k) {
    return fmt::format("… og {} mere; kvalitet vurder --ndjson på de samme sager viser hver fejl med sin linje",
                       sager_dk(k.fejl - k.fejl_eksempler.size()));
}

std::string konsekvens_tekst(const Konsekvens& k) {
    const Optaelling& t = k.i_alt;
    std::string out = fmt::format("Konsekvens for {}: {} vurderet den {} efter begge versioner\n",
                                  printable(k.kommune), sager_dk(t.sager), k.dato.tekst());
    out += fmt::format("  før:   {}\n  efter: {}\n", printable(k.foer_navn), printable(k.efter_navn));
    // Cases that failed first: every number below counts only the others, and "no change"
    // must not read as "no consequence" when the new version fails on cases.
    if (k.fejl)
        out += fmt::format("  {} af {} kunne ikke vurderes (se nederst); tallene nedenfor gælder kun de {} andre.\n",
                           heltal_dk(k.fejl), sager_dk(t.sager + k.fejl), heltal_dk(t.sager));
    out += fmt::format("  {} ({}) får en anden vurdering.\n", sager_dk(t.sager_aendret),
                       procent_dk(t.sager_aendret, t.sager));

    out += "\nMålgruppe (rækker: før, kolonner: efter)\n";
    const std::vector<std::string> svar = {"ja", "nej", "uafklaret"};
    out += tabel("før \\ efter", svar, [&](std::size_t i, std::size_t j) { return t.maalgruppe[i][j]; });

    const auto ids = k.pakke_ids();
    if (ids.size() > 1 || (ids.size() == 1 && !ids[0].empty())) {
        out += "\nPakker (rækker: før, kolonner: efter)\n";
        const auto pt = k.pakke_tabel();
        std::vector<std::string> navne;
        for (const auto& id : pt.ids) navne.push_back(pakke(id));
        if (pt.andre) navne.push_back(fmt::format("andre ({} pakker)", pt.andre));
        out += tabel("før \\ efter", navne, [&](std::size_t i, std::size_t j) { return pt.m[i][j]; });
    }

    out += "\nTimer pr. uge, bevilget i alt (pakkens timer, ellers bevillingens; kun sager i målgruppen)\n";
    out += fmt::format("  før: {}   efter: {}   forskel: {}", tal_dk(t.timer_foer()), tal_dk(t.timer_efter()),
                       fortegn_dk(t.timer_efter() - t.timer_foer()));
    if (t.timer_foer() > 0) out += fmt::format(" ({} %)", fortegn_dk(100 * (t.timer_efter() - t.timer_foer()) / t.timer_foer()));
    out += "\n";

    const auto aendringer = k.aendringer();
    out += aendringer.empty() ? (k.fejl ? "\nIngen af de vurderede sager får en anden vurdering.\n"
                                        : "\nIngen sager får en anden vurdering.\n")
                              : fmt::format("\nÆndringer (antal sager; de første {} som eksempler, med de regler, "
                                            "der gav et andet udfald)\n",
                                            k.max_eksempler);
    for (const Aendring* a : aendringer) {
        out += fmt::format("  {:>7}  {}\n", heltal_dk(a->antal), printable(a->hvad));
        for (const auto& e : a->eksempler) out += eksempel(e);
    }

    if (k.fejl || k.andre_kommuner) {
        out += "\n";
        if (k.andre_kommuner)
            out += fmt::format("{} fra andre kommuner er sprunget over.\n", sager_dk(k.andre_kommuner));
        if (k.fejl) {
            std::string koder;
            for (const auto& [kode, n] : k.fejl_koder) koder += fmt::format("{}{}: {}", koder.empty() ? "" : ", ", kode, n);
            out += fmt::format("{} kunne ikke vurderes ({}):\n", sager_dk(k.fejl), koder);
            for (const auto& [hvor, besked] : k.fejl_eksempler)
                out += fmt::format("  {}: {}\n", printable_line(hvor), printable(besked));
            if (k.fejl > k.fejl_eksempler.size()) out += fmt::format("  {}\n", flere_fejl(k));
        }
    }
    return out;
}

} // namespace kvalitet::workbench
