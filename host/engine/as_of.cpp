#include "engine/as_of.hpp"

#include <fmt/format.h>

namespace kvalitet {

namespace {

// One pass that either only looks (copy == nullptr) or also removes from the copy.
struct Pass {
    Dato dato;
    std::vector<Udeladt>& out;

    bool after(const std::optional<Dato>& d) const { return d && *d > dato; }

    void single(std::optional<Dato>& d, const char* sti) {
        if (!after(d)) return;
        out.push_back({sti, *d});
        d.reset();
    }

    template <class T, class Drop>
    void list(std::vector<T>& v, const char* navn, Drop drop) {
        std::vector<T> kept;
        kept.reserve(v.size());
        for (std::size_t i = 0; i < v.size(); ++i) {
            // counted from 0, as the case's JSON paths are everywhere else (felt, ignorerede_felter)
            if (auto why = drop(v[i])) out.push_back({fmt::format("{}[{}]", navn, i), v[i].dato, *why});
            else kept.push_back(std::move(v[i]));
        }
        v = std::move(kept);
    }

    void run(Sag& s) {
        // A follow-up before the grant's start does not belong to it, also when the grant itself
        // was decided after the date (below): it is an older grant's.
        // (Not a copied optional: GCC 12 warned it "may be used uninitialized".)
        const bool har_start = s.bevilling && s.bevilling->start;
        const Dato start = har_start ? *s.bevilling->start : Dato::from_days(0);
        // A grant decided after the date had not been granted: neither its dates nor its hours,
        // start and interval (as a VUM after the date takes its scores with it).
        if (s.bevilling && after(s.bevilling->afgoerelse_dato)) {
            out.push_back({"bevilling", *s.bevilling->afgoerelse_dato});
            s.bevilling.reset();
        }
        list(s.opfoelgninger, "opfoelgninger", [&](const Opfoelgning& o) -> std::optional<bool> {
            if (o.dato > dato) return false;
            if (har_start && o.dato < start) return true;
            return std::nullopt;
        });
        list(s.leverancer, "leverancer", [&](const Levering& l) { return l.dato > dato ? std::optional(false) : std::nullopt; });
        list(s.afbud, "afbud", [&](const Afbud& a) { return a.dato > dato ? std::optional(false) : std::nullopt; });
        if (s.vum && after(s.vum->dato)) {
            out.push_back({"vum", *s.vum->dato});
            s.vum.reset(); // the assessment had not been made: neither its date nor its scores
        }
        // A new decision on the complaint comes after the complaint: both or the decision go.
        const bool klage_later = after(s.klage_modtaget);
        single(s.klage_modtaget, "klage.modtaget");
        if (klage_later && s.klage_genvurderet && !after(s.klage_genvurderet)) {
            out.push_back({"klage.genvurderet", *s.klage_genvurderet});
            s.klage_genvurderet.reset();
        }
        single(s.klage_genvurderet, "klage.genvurderet");
        single(s.ansoegning_modtaget, "ansoegning.modtaget"); // an application not yet received
        single(s.indsatsplan_dato, "indsatsplan.dato");
        single(s.arbejdspladsvurdering_dato, "arbejdspladsvurdering.dato");
        if (s.bevilling) {
            single(s.bevilling->afgoerelse_dato, "bevilling.afgoerelse_dato");
            single(s.bevilling->afgoerelse_sendt, "bevilling.afgoerelse_sendt");
            single(s.bevilling->afgoerelse_modtaget, "bevilling.afgoerelse_modtaget");
        }
    }
};

bool anything_to_leave_out(const Sag& s, Dato d) {
    auto after = [&](const std::optional<Dato>& x) { return x && *x > d; };
    const std::optional<Dato> start = s.bevilling ? s.bevilling->start : std::nullopt;
    for (const auto& o : s.opfoelgninger)
        if (o.dato > d || (start && o.dato < *start)) return true;
    for (const auto& l : s.leverancer)
        if (l.dato > d) return true;
    for (const auto& a : s.afbud)
        if (a.dato > d) return true;
    if (s.vum && after(s.vum->dato)) return true;
    if (after(s.ansoegning_modtaget) || after(s.klage_modtaget) || after(s.klage_genvurderet) || after(s.indsatsplan_dato) ||
        after(s.arbejdspladsvurdering_dato))
        return true;
    if (s.bevilling && (after(s.bevilling->afgoerelse_dato) || after(s.bevilling->afgoerelse_sendt) ||
                        after(s.bevilling->afgoerelse_modtaget)))
        return true;
    return false;
}

} // namespace

SagPaaDato sag_paa_dato(const Sag& sag, Dato dato) {
    SagPaaDato r;
    if (!anything_to_leave_out(sag, dato)) return r;
    r.kopi = sag;
    Pass{dato, r.udeladt}.run(*r.kopi);
    return r;
}

} // namespace kvalitet
