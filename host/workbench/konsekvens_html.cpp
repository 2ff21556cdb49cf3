// konsekvens as a page for the committee: what was compared, the charts (target-group
// transitions, package shift, hours) each with its table, and every kind of change with
// its first example cases. Written through the workbench's document (dokument_model.hpp).
#include <fmt/format.h>

#include "workbench/dokument_model.hpp"
#include "workbench/konsekvens.hpp"
#include "workbench/konsekvens_svg.hpp"
#include "workbench/konsekvens_tal.hpp"

namespace kvalitet::workbench {

namespace {

std::vector<std::vector<std::size_t>> as_rows(const std::array<std::array<std::size_t, 3>, 3>& m) {
    std::vector<std::vector<std::size_t>> out(3, std::vector<std::size_t>(3));
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 3; ++j) out[i][j] = m[i][j];
    return out;
}

void overgangstabel(Dokument& d, const std::vector<std::string>& navne, const std::vector<std::vector<std::size_t>>& m) {
    std::vector<Linje> kolonner = {{normal("før \\ efter")}};
    for (const auto& n : navne) kolonner.push_back({normal(n)});
    std::vector<std::vector<Linje>> raekker;
    for (std::size_t i = 0; i < navne.size(); ++i) {
        std::vector<Linje> r = {{normal(navne[i])}};
        for (std::size_t j = 0; j < navne.size(); ++j)
            r.push_back({i == j ? svag(heltal_dk(m[i][j])) : normal(heltal_dk(m[i][j]))});
        raekker.push_back(std::move(r));
    }
    d.tabel(std::move(kolonner), std::move(raekker));
}

Linje eksempler(const Aendring& a) {
    Linje l;
    for (const auto& e : a.eksempler) {
        if (!l.empty()) l.push_back(normal("\n"));
        l.push_back(kode(e.sag_id.empty() ? fmt::format("nr. {}", e.nr) : e.sag_id));
        for (std::size_t i = 0; i < e.regler.size() && i < 3; ++i) {
            const auto& r = e.regler[i];
            l.push_back(normal(i ? "; " : ": "));
            l.push_back(kode(r.regel));
            l.push_back(svag(fmt::format(" {} → {}", r.foer.empty() ? "ikke vurderet" : r.foer,
                                         r.efter.empty() ? "ikke vurderet" : r.efter)));
        }
    }
    if (l.empty()) l.push_back(svag("—"));
    return l;
}

} // namespace

std::string konsekvens_html(const Konsekvens& k) {
    const Optaelling& t = k.i_alt;
    Dokument d;
    d.titel = fmt::format("Konsekvens af ændringen af standarden for {}", k.kommune);
    d.overskrift(1, {normal(d.titel)});
    d.afsnit({normal("Hver sag er vurderet den "), fed(k.dato.tekst()), normal(" efter begge versioner af standarden.")});
    d.punkter({{normal("Før: "), kode(k.foer_navn)}, {normal("Efter: "), kode(k.efter_navn)}});
    if (k.fejl)
        d.afsnit({fed(fmt::format("{} af {} kunne ikke vurderes", heltal_dk(k.fejl), sager_dk(t.sager + k.fejl))),
                  normal(fmt::format(" (se nederst); tallene nedenfor gælder kun de {} andre.", heltal_dk(t.sager)))});
    d.afsnit({fed(heltal_dk(t.sager_aendret)), normal(fmt::format(" af {} ({}) får en anden vurdering.",
                                                                 sager_dk(t.sager), procent_dk(t.sager_aendret, t.sager)))});

    d.overskrift(2, {normal("Målgruppe")}, "maalgruppe");
    const std::vector<std::string> svar = {"ja", "nej", "uafklaret"};
    const auto mg = as_rows(t.maalgruppe);
    d.figur(svg_overgange("Målgruppe før og efter", svar, mg),
            {normal("Sager efter svaret på, om borgeren er i målgruppen, før (rækker) og efter (kolonner). Grå: "
                    "uændret; blå: ændret.")});
    overgangstabel(d, svar, mg);

    const auto ids = k.pakke_ids();
    if (ids.size() > 1 || (ids.size() == 1 && !ids[0].empty())) {
        d.overskrift(2, {normal("Pakker")}, "pakker");
        const auto tabel = k.pakke_tabel();
        std::vector<std::string> navne;
        for (const auto& id : tabel.ids) navne.push_back(id.empty() ? "ingen" : id);
        if (tabel.andre) navne.push_back(fmt::format("andre ({} pakker)", tabel.andre));
        const auto& m = tabel.m;
        d.figur(svg_overgange("Pakker før og efter", navne, m),
                {normal("Sager efter pakke før (rækker) og efter (kolonner). Grå: samme pakke; blå: en anden pakke.")});
        overgangstabel(d, navne, m);
    }

    d.overskrift(2, {normal("Timer pr. uge")}, "timer");
    d.figur(svg_foer_efter("Bevilgede timer pr. uge i alt, før og efter", t.timer_foer(), t.timer_efter(), "timer"),
            {normal("Timer pr. uge i alt: pakkens timer, hvor standarden har pakker, ellers bevillingens; kun sager i "
                    "målgruppen tæller.")});
    std::string forskel = fortegn_dk(t.timer_efter() - t.timer_foer());
    if (t.timer_foer() > 0) forskel += fmt::format(" ({} %)", fortegn_dk(100 * (t.timer_efter() - t.timer_foer()) / t.timer_foer()));
    d.afsnit({normal(fmt::format("Før {} timer, efter {} timer pr. uge: ", tal_dk(t.timer_foer()), tal_dk(t.timer_efter()))),
              fed(forskel), normal(" timer pr. uge.")});

    d.overskrift(2, {normal("Ændringer")}, "aendringer");
    const auto aendringer = k.aendringer();
    if (aendringer.empty())
        d.afsnit({normal(k.fejl ? "Ingen af de vurderede sager får en anden vurdering." : "Ingen sager får en anden vurdering.")});
    else {
        d.afsnit({normal(fmt::format("Hver slags ændring med antal sager og de første {} som eksempler, med de regler, "
                                     "der gav et andet udfald (før → efter).",
                                     k.max_eksempler))});
        std::vector<std::vector<Linje>> raekker;
        for (const Aendring* a : aendringer)
            raekker.push_back({{normal(a->hvad)}, {normal(heltal_dk(a->antal))}, eksempler(*a)});
        d.tabel({{normal("Ændring")}, {normal("Sager")}, {normal("Eksempler")}}, std::move(raekker));
    }

    if (k.fejl || k.andre_kommuner) {
        d.overskrift(2, {normal("Ikke vurderet")}, "ikke-vurderet");
        std::vector<Linje> p;
        if (k.andre_kommuner) p.push_back({normal(fmt::format("{} fra andre kommuner", sager_dk(k.andre_kommuner)))});
        for (const auto& [kode_, n] : k.fejl_koder) p.push_back({kode(kode_), normal(": " + sager_dk(n))});
        for (const auto& [hvor, besked] : k.fejl_eksempler) p.push_back({kode(hvor), normal(": " + besked)});
        if (k.fejl > k.fejl_eksempler.size()) p.push_back({normal(flere_fejl(k))});
        d.punkter(std::move(p));
    }
    return html(d);
}

} // namespace kvalitet::workbench
