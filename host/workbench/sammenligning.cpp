#include "workbench/sammenligning.hpp"

#include <fmt/format.h>

#include <functional>
#include <memory>

#include "workbench/antagelser.hpp"
#include "workbench/danske_ord.hpp"
#include "workbench/regel_ord.hpp"

namespace kvalitet::workbench {

namespace {

// What one standard's column needs: the standard with its scanned text.
struct Kolonne {
    Standard& standard;
    Kildetekster kilder{standard};
    Parameterlaesninger laesninger{kilder};
    RegelOrd ord{standard, kilder, laesninger};
};

// Items of a cell, one per line, each after a bullet when there are several; "—" when
// there are none.
Linje cell(const std::vector<Linje>& items) {
    Linje out;
    for (const auto& item : items) {
        if (!out.empty()) out.push_back(normal("\n"));
        if (items.size() > 1) out.push_back(normal("• "));
        out.insert(out.end(), item.begin(), item.end());
    }
    if (out.empty()) out.push_back(svag("—"));
    return out;
}

void mark(Linje& l, bool antagelse) {
    if (antagelse) l.insert(l.end(), {normal(" "), antagelse_maerke()});
}

std::vector<Linje> rules(Kolonne& k, std::function<bool(const Rule&)> which, std::function<Linje(const Rule&)> show) {
    std::vector<Linje> out;
    for (const auto& r : k.standard.rules())
        if (which(r)) {
            Linje l = show(r);
            mark(l, r.regel->antagelse);
            out.push_back(std::move(l));
        }
    return out;
}

// The rule's text, and where it refers to when the text does not say so itself.
std::string with_referral(const Rule& r) {
    if (r.til.empty() || r.regel->tekst.find(r.til) != std::string::npos) return r.regel->tekst;
    return r.regel->tekst + " → " + r.til;
}

bool is_follow_up(const Rule& r) {
    return r.art == Art::Frist && (r.regel->id == "foerste_opfoelgning" || r.regel->id == "naeste_opfoelgning");
}

} // namespace

Dokument sammenligning(const std::vector<Standard*>& standarder) {
    std::vector<std::unique_ptr<Kolonne>> ks;
    // in place: the column's parts refer to each other
    for (Standard* s : standarder) ks.push_back(std::unique_ptr<Kolonne>(new Kolonne{*s}));

    using Raekke = std::function<std::vector<Linje>(Kolonne&)>;
    const std::vector<std::pair<std::string, Raekke>> raekker = {
        {"Standard", [](Kolonne& k) {
             const auto& i = k.standard.info();
             return std::vector<Linje>{{normal(i.titel), normal("\n"),
                                        svag("godkendt " + (i.godkendt ? i.godkendt->tekst() : std::string("(ikke angivet)")))}};
         }},
        {"Målgruppe: betingelser", [](Kolonne& k) {
             return rules(k, [](const Rule& r) { return r.art == Art::Betingelse; },
                          [&](const Rule& r) { return Linje{normal(r.regel->tekst)}; });
         }},
        {"Målgruppe: udelukkelser", [](Kolonne& k) {
             return rules(k, [](const Rule& r) { return r.art == Art::Udelukkelse; },
                          [&](const Rule& r) { return Linje{normal(with_referral(r))}; });
         }},
        {"Målgruppe: henvisninger", [](Kolonne& k) {
             return rules(k, [](const Rule& r) { return r.art == Art::Henvisning; },
                          [&](const Rule& r) { return Linje{normal(with_referral(r))}; });
         }},
        {"Aktiviteter omfattet", [](Kolonne& k) {
             return rules(k, [](const Rule& r) { return r.art == Art::Aktivitet && r.omfattet == true; },
                          [&](const Rule& r) { return Linje{kode(r.regel->id)}; });
         }},
        {"Aktiviteter, der afhænger af sagen", [](Kolonne& k) {
             return rules(k, [](const Rule& r) { return r.art == Art::Aktivitet && bool(r.omfattet_fn); },
                          [&](const Rule& r) {
                              const std::string til = k.ord.henvis_til(r);
                              return Linje{kode(r.regel->id), normal(til.empty() ? "" : " (ellers → " + til + ")")};
                          });
         }},
        {"Aktiviteter ikke omfattet (henvises)", [](Kolonne& k) {
             return rules(k, [](const Rule& r) { return r.art == Art::Aktivitet && r.omfattet == false; },
                          [&](const Rule& r) {
                              const std::string til = k.ord.henvis_til(r);
                              return Linje{kode(r.regel->id), normal(til.empty() ? "" : " → " + til)};
                          });
         }},
        {"Frister", [](Kolonne& k) {
             return rules(k, [](const Rule& r) { return r.art == Art::Frist && !is_follow_up(r); }, [&](const Rule& r) {
                 const std::string laengde = k.ord.laengde(r);
                 return Linje{kode(r.regel->id),
                              normal(": " + laengde.substr(0, laengde.find(';')) + " fra " + k.ord.fra(r) + " (" +
                                     std::string(paahviler_tekst(r.paahviler)) + ")")};
             });
         }},
        {"Opfølgning", [](Kolonne& k) {
             return rules(k, is_follow_up, [&](const Rule& r) {
                 return Linje{kode(r.regel->id), normal(": " + k.ord.laengde(r) + " fra " + k.ord.fra(r))};
             });
         }},
        {"Pakker", [](Kolonne& k) {
             return rules(k, [](const Rule& r) { return r.art == Art::Pakke; }, [&](const Rule& r) {
                 return Linje{normal(r.navn + ": " + timer_tekst(r.timer) + " pr. " +
                                     (r.periode == "maaned" ? std::string("måned") : r.periode))};
             });
         }},
        {"Krav til leverancen", [](Kolonne& k) {
             return rules(k, [](const Rule& r) { return r.art == Art::Krav; },
                          [&](const Rule& r) { return Linje{kode(r.regel->id)}; });
         }},
        {"Antagelser", [](Kolonne& k) {
             std::vector<Linje> out;
             for (const auto& a : antagelser(k.kilder, k.laesninger))
                 out.push_back({antagelse_maerke(), normal(" " + a.hvad + " "), kode(a.id)});
             return out;
         }},
    };

    Dokument d;
    d.bred = true;
    d.titel = "Kvalitetsstandarderne for § 85 side om side";
    d.overskrift(1, {normal(d.titel)}, "top");
    d.afsnit({normal("Dannet af de scripts, Kvalitet vurderer sagerne efter. Antagelser (hvor en standard er uklar, og "
                     "scriptet har valgt en læsning) er markeret "),
              antagelse_maerke(), normal(".")});
    std::vector<Linje> head{{normal("")}};
    for (auto& k : ks) head.push_back({fed(k->standard.info().kommune)});
    std::vector<std::vector<Linje>> rows;
    for (const auto& [label, fn] : raekker) {
        std::vector<Linje> row{{fed(label)}};
        for (auto& k : ks) row.push_back(cell(fn(*k)));
        rows.push_back(std::move(row));
    }
    d.tabel(std::move(head), std::move(rows));
    return d;
}

} // namespace kvalitet::workbench
