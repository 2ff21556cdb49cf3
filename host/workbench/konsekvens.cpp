#include "workbench/konsekvens.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace kvalitet::workbench {

namespace {

constexpr std::size_t kMaxReglerIEksempel = 12;

Svar svar(const Vurdering& v) { return !v.i_maalgruppe ? Svar::Uafklaret : *v.i_maalgruppe ? Svar::Ja : Svar::Nej; }

std::string pakke_id(const Vurdering& v) { return v.pakke ? v.pakke->regel->id : std::string(); }
std::string pakke_navn(const std::string& id) { return id.empty() ? "ingen pakke" : id; }

std::string aktivitet_tilstand(const AktivitetResultat& a) {
    std::string s = !a.omfattet ? "uafklaret" : *a.omfattet ? "omfattet" : "ikke omfattet";
    if (a.henvis_til) s += " (" + *a.henvis_til + ")";
    return s;
}

using Art = std::pair<std::string, std::string>; // (art, hvad)

// An activity the case names but no standard knows is one kind, whatever its id: the ids come
// from the cases, and a kind per made-up id would let the input grow the report without end.
std::string aktivitet_navn(const AktivitetResultat& x) { return x.ukendt ? "(ukendt aktivitet)" : x.id; }

void aktiviteter(std::vector<Art>& out, const Vurdering& a, const Vurdering& b) {
    std::map<std::string, std::pair<std::string, std::string>> tilstand;
    for (const auto& x : a.aktiviteter) tilstand[aktivitet_navn(x)].first = aktivitet_tilstand(x);
    for (const auto& x : b.aktiviteter) tilstand[aktivitet_navn(x)].second = aktivitet_tilstand(x);
    for (const auto& [id, t] : tilstand)
        if (t.first != t.second)
            out.push_back({"aktivitet", fmt::format("aktivitet {}: {} → {}", id, t.first.empty() ? "ikke ansøgt" : t.first,
                                                    t.second.empty() ? "ikke ansøgt" : t.second)});
}

void henvisninger(std::vector<Art>& out, const Vurdering& a, const Vurdering& b) {
    const std::set<std::string> foer(a.henvis_til.begin(), a.henvis_til.end()), efter(b.henvis_til.begin(), b.henvis_til.end());
    for (const auto& h : efter)
        if (!foer.contains(h)) out.push_back({"henvisning", fmt::format("henvisning til {} tilføjet", h)});
    for (const auto& h : foer)
        if (!efter.contains(h)) out.push_back({"henvisning", fmt::format("henvisning til {} fjernet", h)});
}

// A breach the version dates before its own gyldig_fra: a change-over, which the standard does
// not settle (the earlier version governed that day).
bool overgang(const Vurdering& v, const FristResultat& f) {
    return f.status == FristStatus::Overskredet && v.gyldig_fra && f.dato < *v.gyldig_fra;
}

void frister(std::vector<Art>& out, const Vurdering& a, const Vurdering& b) {
    std::map<std::string, std::pair<const FristResultat*, const FristResultat*>> by_id;
    for (const auto& f : a.frister) by_id[f.regel->id].first = &f;
    for (const auto& f : b.frister) by_id[f.regel->id].second = &f;
    for (const auto& [id, p] : by_id) {
        const auto [x, y] = p;
        if (!x) out.push_back({"frist", fmt::format("frist {} tilføjet", id)});
        else if (!y) out.push_back({"frist", fmt::format("frist {} fjernet", id)});
        else {
            if (x->dato != y->dato)
                out.push_back({"frist", fmt::format("frist {} flyttet {}", id, y->dato < x->dato ? "frem" : "tilbage")});
            // A change-over is said, so a council does not read it as cases the municipality
            // already failed, and has its own art, so a program can tell it too.
            const bool foer_kraft = overgang(b, *y);
            if (x->status != y->status)
                out.push_back({foer_kraft ? "frist_overgang" : "frist", fmt::format("frist {}: {} → {}{}", id, status_navn(x->status), status_navn(y->status),
                                                    foer_kraft ? fmt::format(" før den nye version gælder (fristen falder "
                                                                             "før {})", b.gyldig_fra->tekst())
                                                               : std::string())});
        }
    }
}

// The change-overs (frister() names them): each raised one frist_overskredet, not counted as a
// warning added or removed.
int overgange(const Vurdering& v) {
    return int(std::count_if(v.frister.begin(), v.frister.end(), [&](const FristResultat& f) { return overgang(v, f); }));
}

void advarsler(std::vector<Art>& out, const Vurdering& a, const Vurdering& b) {
    std::map<std::string, std::pair<int, int>> antal;
    for (const auto& x : a.advarsler) ++antal[std::string(x.id)].first;
    for (const auto& x : b.advarsler) ++antal[std::string(x.id)].second;
    if (auto it = antal.find("frist_overskredet"); it != antal.end()) {
        it->second.first -= overgange(a);
        it->second.second -= overgange(b);
    }
    for (const auto& [id, n] : antal) {
        if (n.second > n.first) out.push_back({"advarsel", fmt::format("advarsel {} tilføjet", id)});
        if (n.second < n.first) out.push_back({"advarsel", fmt::format("advarsel {} fjernet", id)});
    }
}

// The rules whose outcome differed: each trace entry by (step, rule, occurrence).
std::vector<RegelUdfald> spor_forskel(const Vurdering& a, const Vurdering& b) {
    using Noegle = std::tuple<std::string, std::string, int>;
    std::map<Noegle, std::pair<std::string, std::string>> poster;
    std::vector<Noegle> orden;
    auto add = [&](const Vurdering& v, bool efter) {
        std::map<std::pair<std::string, std::string>, int> set;
        for (const auto& p : v.spor) {
            const std::string trin(trin_navn(p.trin)), id = p.regel ? p.regel->id : std::string();
            const Noegle k{trin, id, set[{trin, id}]++};
            std::string udfald = p.resultat.empty() ? std::string(p.udfald) : p.resultat;
            auto [it, ny] = poster.try_emplace(k);
            if (ny) orden.push_back(k);
            (efter ? it->second.second : it->second.first) = std::move(udfald);
        }
    };
    add(a, false);
    add(b, true);
    std::vector<RegelUdfald> out;
    for (const auto& k : orden) {
        const auto& [x, y] = poster[k];
        if (x == y) continue;
        out.push_back({std::get<0>(k), std::get<1>(k), x, y});
        if (out.size() == kMaxReglerIEksempel) break;
    }
    return out;
}

// Whether some kind of change among `arter` still wants an example case.
bool vil_have_eksempel(const Optaelling& t, const std::vector<Art>& arter, std::size_t eksempler) {
    return std::any_of(arter.begin(), arter.end(), [&](const Art& art) {
        const auto it = t.aendringer.find(art);
        return (it == t.aendringer.end() ? 0 : it->second.eksempler.size()) < eksempler;
    });
}

// The example's trace diff, from the full trace (assessed again if `foer` and `efter` lack it).
std::vector<RegelUdfald> eksempel_forskel(const Vurdering& foer, const Vurdering& efter, const FuldtPar& fuldt) {
    if (!fuldt) return spor_forskel(foer, efter);
    const auto [a, b] = fuldt();
    return spor_forskel(a, b);
}

} // namespace

std::string_view svar_navn(Svar s) {
    switch (s) {
    case Svar::Ja: return "ja";
    case Svar::Nej: return "nej";
    case Svar::Uafklaret: return "uafklaret";
    }
    return "uafklaret";
}

double ugetimer(const Sag& sag, const Vurdering& v) {
    if (v.i_maalgruppe != true) return 0;
    auto pr_uge = [](double timer, std::string_view periode) { return periode == "maaned" ? timer * 12 / 52 : timer; };
    if (v.pakke) return pr_uge(v.pakke->timer, v.pakke->periode);
    if (sag.bevilling && sag.bevilling->timer) return pr_uge(*sag.bevilling->timer, sag.bevilling->periode.value_or("uge"));
    return 0;
}

void sammenlign_sag(Optaelling& t, std::size_t nr, const Sag& sag, const Vurdering& foer, const Vurdering& efter,
                    std::size_t eksempler, const FuldtPar& fuldt) {
    const Svar a = svar(foer), b = svar(efter);
    const std::string pa = pakke_id(foer), pb = pakke_id(efter);
    const double ha = ugetimer(sag, foer), hb = ugetimer(sag, efter);
    std::vector<Art> arter;
    if (a != b) arter.push_back({"maalgruppe", fmt::format("målgruppe {} → {}", svar_navn(a), svar_navn(b))});
    if (pa != pb) arter.push_back({"pakke", fmt::format("pakke {} → {}", pakke_navn(pa), pakke_navn(pb))});
    if (ha != hb) arter.push_back({"timer", hb > ha ? "flere timer pr. uge" : "færre timer pr. uge"});
    henvisninger(arter, foer, efter);
    aktiviteter(arter, foer, efter);
    frister(arter, foer, efter);
    advarsler(arter, foer, efter);
    // The example first: if assessing it again fails, nothing of the case is counted.
    std::optional<Eksempel> eksempel;
    if (vil_have_eksempel(t, arter, eksempler)) eksempel = Eksempel{nr, sag.id, eksempel_forskel(foer, efter, fuldt)};

    ++t.sager;
    ++t.maalgruppe[std::size_t(a)][std::size_t(b)];
    ++t.pakker[{pa, pb}];
    t.mikrotimer_foer += std::llround(ha * 1e6);
    t.mikrotimer_efter += std::llround(hb * 1e6);
    if (arter.empty()) return;
    ++t.sager_aendret;
    for (auto& art : arter) {
        Aendring& x = t.aendringer[art];
        if (x.antal++ == 0) x.art = art.first, x.hvad = art.second;
        if (x.eksempler.size() < eksempler) x.eksempler.push_back(*eksempel);
    }
}

void saml(Konsekvens& k, std::vector<Optaelling>& dele) {
    Optaelling& t = k.i_alt;
    for (auto& d : dele) {
        t.sager += d.sager;
        t.sager_aendret += d.sager_aendret;
        for (std::size_t i = 0; i < 3; ++i)
            for (std::size_t j = 0; j < 3; ++j) t.maalgruppe[i][j] += d.maalgruppe[i][j];
        for (const auto& [p, n] : d.pakker) t.pakker[p] += n;
        t.mikrotimer_foer += d.mikrotimer_foer;
        t.mikrotimer_efter += d.mikrotimer_efter;
        for (auto& [key, a] : d.aendringer) {
            Aendring& x = t.aendringer[key];
            x.art = a.art, x.hvad = a.hvad;
            x.antal += a.antal;
            for (auto& e : a.eksempler) x.eksempler.push_back(std::move(e));
        }
    }
    for (auto& [key, a] : t.aendringer) {
        std::sort(a.eksempler.begin(), a.eksempler.end(), [](const Eksempel& x, const Eksempel& y) { return x.nr < y.nr; });
        if (a.eksempler.size() > k.max_eksempler) a.eksempler.resize(k.max_eksempler);
    }
}

std::vector<const Aendring*> Konsekvens::aendringer() const {
    std::vector<const Aendring*> out;
    for (const auto& [key, a] : i_alt.aendringer) out.push_back(&a);
    std::stable_sort(out.begin(), out.end(), [](const Aendring* x, const Aendring* y) { return x->antal > y->antal; });
    return out;
}

std::vector<std::string> Konsekvens::pakke_ids() const {
    std::set<std::string> ids;
    for (const auto& [p, n] : i_alt.pakker) ids.insert(p.first), ids.insert(p.second);
    std::vector<std::string> out;
    for (const auto& id : ids)
        if (!id.empty()) out.push_back(id);
    if (ids.contains("")) out.push_back("");
    return out;
}

Konsekvens::PakkeTabel Konsekvens::pakke_tabel(std::size_t max) const {
    const auto ids = pakke_ids();
    PakkeTabel out;
    out.ids = ids;
    if (ids.size() > max) {
        std::map<std::string, std::size_t> antal;
        for (const auto& [par, n] : i_alt.pakker) antal[par.first] += n, antal[par.second] += n;
        std::stable_sort(out.ids.begin(), out.ids.end(), [&](const auto& a, const auto& b) { return antal[a] > antal[b]; });
        out.ids.resize(max - 1);
        std::sort(out.ids.begin(), out.ids.end(), [&](const auto& a, const auto& b) {
            return std::find(ids.begin(), ids.end(), a) < std::find(ids.begin(), ids.end(), b);
        });
        out.andre = ids.size() - out.ids.size();
    }
    const std::size_t n = out.ids.size() + (out.andre ? 1 : 0);
    auto plads = [&](const std::string& id) {
        const auto it = std::find(out.ids.begin(), out.ids.end(), id);
        return it != out.ids.end() ? std::size_t(it - out.ids.begin()) : n - 1;
    };
    out.m.assign(n, std::vector<std::size_t>(n));
    for (const auto& [par, antal_sager] : i_alt.pakker) out.m[plads(par.first)][plads(par.second)] += antal_sager;
    return out;
}

} // namespace kvalitet::workbench
