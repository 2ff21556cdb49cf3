#include "harness/daekning.hpp"

namespace kvalitet::harness {

std::vector<std::string_view> possible_outcomes(const Rule& r) {
    switch (r.art) {
    case Art::Betingelse: return {"opfyldt", "ikke_opfyldt", "ukendt"};
    case Art::Udelukkelse: return {"gaelder", "gaelder_ikke"};
    case Art::Henvisning: return {"henviser", "ingen"};
    case Art::Aktivitet:
        if (!r.omfattet_fn) return {*r.omfattet ? "omfattet" : "ikke_omfattet"};
        return {"omfattet", "ikke_omfattet"};
    case Art::Pakke: return {"opfyldt", "ikke_opfyldt", "valgt"};
    case Art::Frist:
        if (r.paahviler == Paahviler::Borger) {
            if (r.opfyldt_senest) return {"kommende", "udloebet", "opfyldt", "ukendt"}; // never late: not decided
            if (r.opfyldt_ved || r.opfyldt_fn) return {"kommende", "udloebet", "opfyldt", "for_sent"};
            return {"kommende", "udloebet"};
        }
        if (r.opfyldt_senest) return {"kommende", "overskredet", "opfyldt", "ukendt"};
        if (r.opfyldt_ved || r.opfyldt_fn) return {"kommende", "overskredet", "opfyldt"};
        return {"kommende", "overskredet"};
    case Art::Krav: return {"overholdt", "afvigelse"};
    }
    return {};
}

void Daekning::record(const Vurdering& v) {
    for (const auto& p : v.spor) {
        auto it = seen_.find(p.regel->id);
        if (it == seen_.end()) it = seen_.emplace(p.regel->id, std::set<std::string>{}).first;
        it->second.emplace(p.udfald);
    }
}

std::vector<Daekning::Linje> Daekning::report(const Standard& standard) const {
    std::vector<Linje> out;
    for (const Rule& r : standard.rules()) {
        Linje l{std::string(art_navn(r.art)), r.regel->id, r.regel->kilde, {}, false};
        auto it = seen_.find(r.regel->id);
        for (auto u : possible_outcomes(r)) {
            bool hit = it != seen_.end() && it->second.count(std::string(u));
            l.udfald.emplace_back(u, hit);
            l.afproevet = l.afproevet || hit;
        }
        out.push_back(std::move(l));
    }
    return out;
}

} // namespace kvalitet::harness
