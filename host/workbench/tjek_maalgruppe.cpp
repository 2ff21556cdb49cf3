// A target-group rule is shadowed when it never makes a difference: every case it excludes
// (or refers elsewhere) another rule excludes (or refers to the same paragraph) as well.
// Found by assessing a sample of cases: each fact the target-group rules read (forhold,
// from the text and from what an assessment with all facts missing names) yes, no and not
// assessed; ages around the usual limits; VUM absent, flat 0–4, and one theme high. Other
// parts of the case are not varied, so a rule that tells cases apart only by them is
// never reported.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <set>

#include "domain/sag.hpp"
#include "workbench/danske_ord.hpp"
#include "workbench/regel_ord.hpp"
#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

namespace {

// The forhold the target-group rules read.
std::vector<std::size_t> facts(Tjek& t) {
    std::set<std::size_t> out;
    for (const auto& r : t.standard.rules()) {
        if (r.trin != Trin::Maalgruppe) continue;
        if (r.forhold >= 0) out.insert(std::size_t(r.forhold));
        for (const auto& f : sagsfelter(field_value(t.kilder.fil(r.regel->fil), r.regel->linje, art_navn(r.art), "naar")))
            if (f.starts_with("forhold."))
                if (auto i = Forhold::index(std::string_view(f).substr(8))) out.insert(*i);
    }
    Sag s;
    s.alder = 40;
    const Vurdering v = t.standard.vurder(s, t.dato);
    for (const auto& p : v.spor)
        for (const auto& m : p.mangler)
            if (auto i = Forhold::index(m)) out.insert(*i);
    return {out.begin(), out.end()};
}

std::vector<std::optional<Vum>> vum_samples(Dato dato) {
    std::vector<std::optional<Vum>> out{std::nullopt};
    for (int flat = 0; flat <= 4; ++flat) {
        Vum v;
        v.dato = dato;
        v.score.fill(std::int8_t(flat));
        out.push_back(v);
    }
    for (int high : {3, 4}) {
        Vum v;
        v.dato = dato;
        v.score.fill(0);
        v.score[0] = std::int8_t(high);
        out.push_back(v);
    }
    return out;
}

struct Effekt {
    std::vector<bool> ud;  // the rule excludes this case
    std::vector<bool> ref; // the rule refers this case to its paragraph
    std::string til;
    std::size_t n_ud = 0, n_ref = 0;
};

bool subset(const std::vector<bool>& a, const std::vector<bool>& b) {
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] && !b[i]) return false;
    return true;
}

// Adds one case's column to every rule's effects, from its assessment's trace.
void record(const Vurdering& v, const std::vector<const Rule*>& rules, std::vector<Effekt>& e) {
    for (auto& x : e) {
        x.ud.push_back(false);
        x.ref.push_back(false);
    }
    for (const auto& p : v.spor) {
        if (p.trin != Trin::Maalgruppe) continue;
        auto it = std::find_if(rules.begin(), rules.end(), [&](const Rule* r) { return r->regel == p.regel; });
        if (it == rules.end()) continue;
        auto& x = e[std::size_t(it - rules.begin())];
        const bool applies = (*it)->art == Art::Udelukkelse && p.udfald == "gaelder";
        if (p.udfald == "ikke_opfyldt" || applies) {
            x.ud.back() = true;
            ++x.n_ud;
        }
        if (p.udfald == "henviser" || (applies && !x.til.empty())) {
            x.ref.back() = true;
            ++x.n_ref;
        }
    }
}

// Every combination of yes/no/not assessed is tried for up to kAlleForhold facts (3^6 x 64
// = 46,656 cases, half a second); past that, kUdvalg combinations spread over all of them
// (a stride not divisible by 3 visits each at most once), so a standard that reads every
// forhold is checked in seconds, not 3^9 x 64 = 1.26 million assessments (hours). And never
// longer than kMaxSekunder: a rule that takes 20 ms would still take long.
constexpr std::size_t kAlleForhold = 6, kUdvalg = 729;
constexpr double kMaxSekunder = 30;

struct Udsnit {
    std::size_t cases = 0, combos = 0, tried = 0; // tried: combinations assessed
    bool stopped = false;                         // by time
};

// Every rule's effects over the sample.
Udsnit sample(Tjek& t, const std::vector<const Rule*>& rules, const std::vector<std::size_t>& fs,
              std::vector<Effekt>& e) {
    const auto vums = vum_samples(t.dato);
    const std::optional<int> ages[] = {std::nullopt, 17, 18, 30, 64, 65, 66, 90};
    Udsnit u;
    u.combos = 1;
    for (std::size_t i = 0; i < fs.size(); ++i) u.combos *= 3;
    const bool all = fs.size() <= kAlleForhold;
    const std::size_t n = all ? u.combos : kUdvalg;
    std::size_t stride = u.combos / n + 1;
    while (stride % 3 == 0) ++stride;
    const auto start = std::chrono::steady_clock::now();
    std::size_t& cases = u.cases;
    for (std::size_t i = 0; i < n && !u.stopped; ++i, ++u.tried) {
        const std::size_t c = all ? i : (i * stride) % u.combos;
        if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > kMaxSekunder) {
            u.stopped = true;
            break;
        }
        for (const auto& age : ages)
            for (const auto& vum : vums) {
                Sag s;
                s.id = "tjek-maalgruppe";
                s.alder = age;
                s.vum = vum;
                for (std::size_t k = 0, x = c; k < fs.size(); ++k, x /= 3) // digit 0 yes, 1 no, 2 not assessed
                    if (x % 3 < 2) s.forhold.vaerdi[fs[k]] = x % 3 == 0;
                record(t.standard.vurder(s, t.dato), rules, e);
                ++cases;
            }
    }
    return u;
}

// The rule that does whatever `a` does wherever it does it, or none. Of two rules that
// do exactly the same, the later is the one reported.
std::optional<std::size_t> shadow_of(const std::vector<Effekt>& e, std::size_t a) {
    const bool excludes = e[a].n_ud > 0, refers = e[a].n_ref > 0;
    if (!excludes && !refers) return std::nullopt;
    for (std::size_t b = 0; b < e.size(); ++b) {
        if (a == b) continue;
        if (excludes && !subset(e[a].ud, e[b].ud)) continue;
        if (refers && (e[b].til != e[a].til || !subset(e[a].ref, e[b].ref))) continue;
        const bool same = (!excludes || subset(e[b].ud, e[a].ud)) && (!refers || subset(e[b].ref, e[a].ref)) &&
                          (e[b].n_ud > 0) == excludes && (e[b].n_ref > 0) == refers;
        if (same && a < b) continue;
        return b;
    }
    return std::nullopt;
}

} // namespace

void tjek_maalgruppe(Tjek& t) {
    std::vector<const Rule*> rules;
    for (const auto& r : t.standard.rules())
        if (r.trin == Trin::Maalgruppe) rules.push_back(&r);
    if (rules.size() < 2) return;
    const auto fs = facts(t);
    std::vector<Effekt> e(rules.size());
    for (std::size_t i = 0; i < rules.size(); ++i) e[i].til = rules[i]->til;
    const Udsnit u = sample(t, rules, fs, e);
    const std::size_t cases = u.cases;
    std::string udvalg;
    if (u.tried < u.combos)
        udvalg = fmt::format("; {} af de {} kombinationer af ja, nej og ikke vurderet{}", antal_tekst(u.tried),
                             antal_tekst(u.combos),
                             u.stopped ? fmt::format(", stoppet efter {:.0f} sekunder", kMaxSekunder)
                                       : std::string(", et jævnt spredt udvalg"));
    t.noter.push_back(fmt::format("målgruppe: {} sager vurderet for skyggede regler ({} forhold varieret{})",
                                  antal_tekst(cases), fs.size(), udvalg));
    for (std::size_t a = 0; a < rules.size(); ++a) {
        const auto b = shadow_of(e, a);
        if (!b) continue;
        const Regel& g = *rules[a]->regel;
        const Regel& h = *rules[*b]->regel;
        const bool excludes = e[a].n_ud > 0;
        t.add("regel_skygget", g.fil, g.linje,
              fmt::format("{} '{}' gør aldrig en forskel: i alle {} af de {} prøvede sager, hvor den {}, gør {} '{}' "
                          "({}:{}) det også",
                          art_navn(rules[a]->art), g.id, antal_tekst(excludes ? e[a].n_ud : e[a].n_ref),
                          antal_tekst(cases), excludes ? "udelukker" : "henviser til " + e[a].til,
                          art_navn(rules[*b]->art), h.id, h.fil, h.linje),
              "slet den ene, eller ret betingelsen, hvis de skal dække forskellige borgere");
    }
}

} // namespace kvalitet::workbench
