// The standard's document: every section a published kvalitetsstandard has, filled from
// the loaded script. The order follows the host's evaluation (målgruppe → aktiviteter →
// pakker → frister → krav), which is also the order a reader asks in.
#include "workbench/dokument.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "workbench/antagelser.hpp"
#include "workbench/beskrivelse_orden.hpp"
#include "workbench/danske_ord.hpp"
#include "workbench/erstattede.hpp"
#include "workbench/regel_ord.hpp"

namespace kvalitet::workbench {

namespace {

// A sentence: the text with a full stop, unless it ends with one already.
std::string punktum(std::string s) {
    if (!s.empty() && s.back() != '.' && s.back() != '!' && s.back() != '?') s += '.';
    return s;
}

struct Bygger {
    Standard& standard;
    std::string_view fil; // as shown; empty: the standard's own
    Kildetekster kilder{standard};
    Parameterlaesninger laesninger{kilder};
    RegelOrd ord{standard, kilder, laesninger};
    Dokument d{};

    std::vector<const Rule*> of(Art art) const {
        std::vector<const Rule*> out;
        for (const auto& r : standard.rules())
            if (r.art == art) out.push_back(&r);
        return out;
    }

    // "Kilde: …", the rule's id, where it comes from and its assumption mark, after its text.
    void rule_tail(Linje& l, const Rule& r) {
        l.push_back(normal(" Kilde: " + punktum(r.regel->kilde.empty() ? std::string("(ingen angivet)") : r.regel->kilde)));
        l.push_back(svag(" Regel "));
        l.push_back(kode(r.regel->id));
        l.push_back(svag(", " + RegelOrd::oprindelse(*r.regel) + "."));
        if (r.regel->antagelse) {
            l.push_back(normal(" "));
            l.push_back(antagelse_maerke());
        }
        const auto ps = ord.parametre(r);
        if (!ps.empty()) l.push_back(svag(" Parametre: " + fmt::format("{}", fmt::join(ps, "; ")) + "."));
    }

    void head() {
        const auto& i = standard.info();
        d.titel = i.titel;
        d.overskrift(1, {normal(i.titel)}, "top");
        std::vector<Linje> meta;
        meta.push_back({fed("Kommune: "), kode(i.kommune)});
        meta.push_back({fed("Kilde: "), normal(i.kilde)});
        meta.push_back({fed("Godkendt: "), normal(i.godkendt ? i.godkendt->tekst() : "standarden angiver ingen dato")});
        meta.push_back({fed("Revision: "), normal(i.revideres.empty() ? "standarden siger intet om revision" : i.revideres)});
        if (i.gyldig_fra || i.gyldig_til)
            meta.push_back({fed("Gælder: "),
                            normal(i.gyldig_fra && i.gyldig_til
                                       ? fmt::format("fra {} til og med {}", i.gyldig_fra->tekst(), i.gyldig_til->tekst())
                                   : i.gyldig_fra ? fmt::format("fra {}", i.gyldig_fra->tekst())
                                                  : fmt::format("til og med {}", i.gyldig_til->tekst()))});
        meta.push_back({fed("Dannet af: "), kode(fil.empty() ? i.fil : std::string(fil)),
                        svag(" (sha256 " + i.sha256.substr(0, 16) + "…)")});
        d.punkter(std::move(meta));
        const auto n = antagelser(kilder, laesninger).size();
        d.afsnit({normal("Dette dokument er dannet af det script, Kvalitet vurderer sagerne efter. Hver regel nævner "
                         "afsnittet i standarden, den bygger på (kilde). Hvor standarden er uklar, har scriptet "
                         "en antagelse; den er markeret "),
                  antagelse_maerke(),
                  normal(fmt::format(" ({} i alt, samlet i afsnittet Antagelser).", n))});
    }

    void beskrivelse() {
        const auto sections = beskrivelse_i_orden(kilder);
        if (sections.empty()) return;
        d.overskrift(2, {normal("Om standarden")}, "beskrivelse");
        for (const auto& [heading, text] : sections) {
            d.overskrift(3, {normal(heading)});
            d.afsnit({normal(text)});
        }
    }

    void maalgruppe() {
        d.overskrift(2, {normal("Hvem kan få støtte")}, "maalgruppe");
        d.afsnit({normal("Borgeren er i målgruppen, når alle betingelser er opfyldt og ingen udelukkelse gælder. "
                         "En henvisning peger på en anden paragraf, som skal overvejes. Er en oplysning endnu ikke "
                         "vurderet, er svaret uafklaret, aldrig et stille ja.")});
        const std::pair<Art, const char*> groups[] = {{Art::Betingelse, "Betingelser (skal være opfyldt)"},
                                                      {Art::Udelukkelse, "Udelukkelser (udelukker, når de gælder)"},
                                                      {Art::Henvisning, "Henvisninger til anden lovgivning"}};
        for (const auto& [art, title] : groups) {
            const auto rules = of(art);
            if (rules.empty()) continue;
            d.overskrift(3, {normal(title)});
            std::vector<Linje> items;
            for (const Rule* r : rules) {
                Linje l{fed(punktum(r->regel->tekst))};
                l.push_back(normal(" Afgøres " + ord.afgoeres_af(*r) + "."));
                if (!r->til.empty() || r->til_fn)
                    l.push_back(normal(std::string(art == Art::Henvisning ? " Henviser til " : " Henvis til ") +
                                       ord.henvis_til(*r) + "."));
                rule_tail(l, *r);
                items.push_back(std::move(l));
            }
            d.punkter(std::move(items));
        }
    }

    void aktiviteter() {
        d.overskrift(2, {normal("Hvad støtten omfatter")}, "aktiviteter");
        d.afsnit({normal("Aktiviteterne i det nationale katalog og kommunens egne. \"Afhænger af sagen\": "
                         "scriptet afgør det ud fra sagen, som betingelsen siger.")});
        auto rules = of(Art::Aktivitet);
        auto rank = [](const Rule* r) { return r->omfattet_fn ? 1 : r->omfattet.value_or(false) ? 0 : 2; };
        std::stable_sort(rules.begin(), rules.end(), [&](auto* a, auto* b) { return rank(a) < rank(b); });
        std::vector<std::vector<Linje>> rows;
        for (const Rule* r : rules) {
            Linje what{normal(r->regel->tekst), svag(" "), kode(r->regel->id)};
            if (r->regel->antagelse) what.insert(what.end(), {normal(" "), antagelse_maerke()});
            Linje cond;
            if (!r->regel->betingelse.empty()) cond.push_back(normal(r->regel->betingelse));
            rows.push_back({what, {normal(RegelOrd::omfattet(*r))}, {normal(ord.henvis_til(*r))}, cond,
                            {normal(r->regel->kilde)}, {normal(RegelOrd::oprindelse(*r->regel))}});
        }
        d.tabel({{normal("Aktivitet")}, {normal("Omfattet")}, {normal("Henvises til")}, {normal("Betingelse")},
                 {normal("Kilde")}, {normal("Oprindelse")}},
                std::move(rows));
    }

    void pakker() {
        d.overskrift(2, {normal("Pakker og omfang")}, "pakker");
        const auto rules = of(Art::Pakke);
        if (rules.empty()) {
            d.afsnit({normal("Standarden graduerer ikke støtten i pakker; omfanget fastsættes i afgørelsen.")});
            return;
        }
        d.afsnit({normal("Pakkerne står i stigende orden; borgeren får den højeste pakke, hvis kriterier er opfyldt.")});
        std::vector<std::vector<Linje>> rows;
        for (const Rule* r : rules) {
            Linje name{normal(r->navn), svag(" "), kode(r->regel->id)};
            if (r->regel->antagelse) name.insert(name.end(), {normal(" "), antagelse_maerke()});
            rows.push_back({name, {normal(timer_tekst(r->timer) + " pr. " + (r->periode == "maaned" ? "måned" : r->periode))},
                            {normal(r->kriterier.empty() ? "afgøres " + ord.afgoeres_af(*r) : r->kriterier)},
                            {normal(r->regel->kilde)}});
        }
        d.tabel({{normal("Pakke")}, {normal("Timer")}, {normal("Kriterier")}, {normal("Kilde")}}, std::move(rows));
    }

    void frister() {
        d.overskrift(2, {normal("Frister")}, "frister");
        std::vector<Linje> items;
        for (const Rule* r : of(Art::Frist)) {
            Linje l{fed(punktum(r->regel->tekst))};
            l.push_back(normal(" Længde: " + punktum(ord.laengde(*r)) + " Regnes fra: " + punktum(ord.fra(*r)) +
                               " Opfyldt ved: " + punktum(ord.opfyldt_ved(*r)) + " Fristen påhviler " +
                               std::string(paahviler_tekst(r->paahviler)) + "."));
            if (auto naar = ord.gaelder_naar(*r); !naar.empty()) l.push_back(normal(" Fristen " + naar + "."));
            rule_tail(l, *r);
            items.push_back(std::move(l));
        }
        if (items.empty()) d.afsnit({normal("Standarden fastsætter ingen frister.")});
        d.punkter(std::move(items));
    }

    void krav() {
        d.overskrift(2, {normal("Krav til leverancen")}, "krav");
        std::vector<Linje> items;
        for (const Rule* r : of(Art::Krav)) {
            Linje l{fed(punktum(r->regel->tekst))};
            l.push_back(normal(" En afvigelse giver advarslen "));
            l.push_back(kode(r->regel->id));
            l.push_back(normal("."));
            rule_tail(l, *r);
            items.push_back(std::move(l));
        }
        if (items.empty()) d.afsnit({normal("Standarden stiller ingen krav, scriptet kan kontrollere.")});
        d.punkter(std::move(items));
    }

    void parametre() {
        d.overskrift(2, {normal("Parametre")}, "parametre");
        d.afsnit({normal("Tal og tekster, standarden fastsætter; reglerne læser dem ved navn.")});
        // which rules name each parameter
        std::map<std::string, std::vector<std::string>> read_by;
        for (const auto& r : standard.rules())
            for (const auto& p : laesninger.i(r.regel->fil, kilder.spaend(r))) {
                auto& v = read_by[p];
                if (std::find(v.begin(), v.end(), r.regel->id) == v.end()) v.push_back(r.regel->id);
            }
        std::vector<std::vector<Linje>> rows;
        for (const auto& p : standard.info().parametre) {
            Linje name{kode(p.id)};
            Linje source{normal(p.kilde)};
            if (p.antagelse) {
                source.insert(source.begin(), antagelse_maerke());
                if (!p.kilde.empty()) source.insert(source.begin() + 1, normal(" "));
            }
            Linje users;
            for (const auto& id : read_by[p.id]) {
                if (!users.empty()) users.push_back(normal(", "));
                users.push_back(kode(id));
            }
            const std::string enhed = p.enhed.empty() ? "" : " " + p.enhed;
            Linje value{kode(p.vaerdi), normal(enhed)};
            if (!p.perioder.empty()) { // a dated parameter: each value with its period
                value.clear();
                for (std::size_t i = 0; i < p.perioder.size(); ++i) {
                    if (i) value.push_back(normal("; "));
                    value.push_back(kode(p.perioder[i].vaerdi));
                    value.push_back(normal(enhed + " " + kvalitet::periode_tekst(p, i)));
                }
            }
            rows.push_back({name, value, {normal(p.tekst)},
                            source, {normal(p.kommunal ? (p.erstatter ? "kommunal; erstatter national" : "kommunal") : "national")},
                            users});
        }
        d.tabel({{normal("Parameter")}, {normal("Værdi")}, {normal("Betydning")}, {normal("Kilde")},
                 {normal("Oprindelse")}, {normal("Læses af")}},
                std::move(rows));
    }

    void antagelser_afsnit() {
        d.overskrift(2, {normal("Antagelser")}, "antagelser");
        const auto all = antagelser(kilder, laesninger);
        if (all.empty()) {
            d.afsnit({normal("Scriptet har ingen antagelser: hver regel og parameter har sin kilde i standarden.")});
            return;
        }
        d.afsnit({normal("Her er standarden uklar, og scriptet har valgt en læsning. Kommunen bør tage stilling til "
                         "hver af dem.")});
        std::vector<Linje> items;
        for (const auto& a : all) {
            Linje l{antagelse_maerke(), normal(" " + a.hvad + " "), kode(a.id), normal(fmt::format(": {}", punktum(a.tekst)))};
            for (const auto& f : a.forklaring) l.push_back(normal(fmt::format(" {}", punktum(f))));
            if (!a.via.empty())
                l.push_back(normal(" Bygger på " + std::string(a.via.size() == 1 ? "parameteren " : "parametrene ") +
                                   fmt::format("{}", fmt::join(a.via, ", ")) + "."));
            if (!a.forklaret()) l.push_back(svag(" (scriptet siger ikke, hvad standarden selv siger)"));
            l.push_back(svag(fmt::format(" {}:{}", a.fil, a.linje)));
            items.push_back(std::move(l));
        }
        d.punkter(std::move(items), true);
    }

    void nationalt() {
        d.overskrift(2, {normal("Nationalt grundlag")}, "nationalt");
        d.afsnit({normal("Standarden bygger på det nationale grundlag for § 85 (stdlib/). En kommunal regel med "
                         "samme id som en national erstatter den.")});
        const auto replaced = erstattede(kilder);
        std::vector<Linje> over, inherited;
        for (const auto& r : standard.rules()) {
            if (r.regel->erstatter) {
                Linje l{kode(r.regel->id), normal(" (" + std::string(art_navn(r.art)) + "): " + punktum(r.regel->tekst))};
                if (auto it = replaced.find(r.regel->id); it != replaced.end() && !it->second.tekst.empty())
                    l.push_back(svag(" Nationalt: " + punktum(it->second.tekst + (it->second.kilde.empty() ? "" : " (" + it->second.kilde + ")"))));
                over.push_back(std::move(l));
            } else if (!r.regel->kommunal) {
                inherited.push_back({kode(r.regel->id), normal(" (" + std::string(art_navn(r.art)) + "): " +
                                                               punktum(r.regel->tekst) + " Kilde: " + punktum(r.regel->kilde))});
            }
        }
        for (const auto& p : standard.info().parametre)
            if (p.erstatter) over.push_back({kode(p.id), normal(" (parameter): " + punktum(p.tekst))});
        d.overskrift(3, {normal(fmt::format("Erstatter {} nationale regler og parametre", over.size()))});
        if (over.empty()) d.afsnit({normal("Ingen.")});
        d.punkter(std::move(over));
        d.overskrift(3, {normal(fmt::format("Arver {} nationale regler", inherited.size()))});
        if (inherited.empty()) d.afsnit({normal("Ingen.")});
        d.punkter(std::move(inherited));
    }
};

} // namespace

Dokument standard_dokument(Standard& standard, std::string_view fil) {
    Bygger b{standard, fil};
    b.head();
    b.beskrivelse();
    b.maalgruppe();
    b.aktiviteter();
    b.pakker();
    b.frister();
    b.krav();
    b.parametre();
    b.antagelser_afsnit();
    b.nationalt();
    return std::move(b.d);
}

} // namespace kvalitet::workbench
