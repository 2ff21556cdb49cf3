#pragma once
// What a change of the standard does to the cases (`kvalitet konsekvens`): each case is
// assessed under the old and the new version, and the two assessments are compared here:
// target group, package, activities, deadlines, warnings and weekly hours. Each worker
// tallies its own cases (Optaelling); the tallies are merged at the end, and the examples
// kept are the first cases in input order, so any thread count gives the same report.
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "domain/sag.hpp"
#include "domain/vurdering.hpp"

namespace kvalitet::workbench {

// A rule whose outcome differed for the example case: the trace diff.
struct RegelUdfald {
    std::string trin, regel, foer, efter; // "" when the rule was not evaluated on that side
};

struct Eksempel {
    std::size_t nr = 0; // where the case is: its NDJSON line, or its nr in the store; examples are the first ones
    std::string sag_id;
    std::vector<RegelUdfald> regler;
};

// One kind of change ("målgruppe ja → nej", "frist naeste_opfoelgning flyttet") with how
// many cases it happened to, and the first of them.
struct Aendring {
    std::string art;  // maalgruppe, pakke, timer, aktivitet, henvisning, frist, frist_overgang, advarsel
    std::string hvad; // in Danish
    std::size_t antal = 0;
    std::vector<Eksempel> eksempler;
};

// The three answers to "in the target group?": ja, nej, uafklaret.
enum class Svar { Ja, Nej, Uafklaret };
std::string_view svar_navn(Svar s);

struct Optaelling {
    std::size_t sager = 0, sager_aendret = 0;
    std::array<std::array<std::size_t, 3>, 3> maalgruppe{}; // [før][efter], by Svar
    std::map<std::pair<std::string, std::string>, std::size_t> pakker; // (før, efter) package id, "" none
    // Weekly hours of all cases, in millionths: integers add up the same in any order, so
    // the total does not depend on how the cases were split between threads.
    std::int64_t mikrotimer_foer = 0, mikrotimer_efter = 0;
    double timer_foer() const { return double(mikrotimer_foer) / 1e6; }
    double timer_efter() const { return double(mikrotimer_efter) / 1e6; }
    std::map<std::pair<std::string, std::string>, Aendring> aendringer; // by (art, hvad)
};

// The case's two assessments with their full trace, for an example's trace diff: the counts
// need only the results, so the cases can be assessed without a trace and only the few
// examples again with it. Empty: `foer` and `efter` carry the full trace themselves.
using FuldtPar = std::function<std::pair<Vurdering, Vurdering>()>;

// Compares one case's two assessments and adds them to `t`, with at most `eksempler` example
// cases per kind of change (the first ones `t` sees; call in input order per worker). If
// `fuldt` throws, `t` is left as it was.
void sammenlign_sag(Optaelling& t, std::size_t nr, const Sag& sag, const Vurdering& foer, const Vurdering& efter,
                    std::size_t eksempler, const FuldtPar& fuldt = {});

// The weekly hours an assessment grants: none outside the target group (or undetermined);
// the package's hours where the standard grades support in packages, else the grant's
// (bevilling.timer); a month counts as 52/12 weeks.
double ugetimer(const Sag& sag, const Vurdering& v);

struct Konsekvens {
    std::string kommune, foer_navn, efter_navn;
    Dato dato;
    Optaelling i_alt;
    std::size_t fejl = 0, andre_kommuner = 0;        // cases not assessed
    std::map<std::string, std::size_t> fejl_koder;   // by kode
    std::vector<std::pair<std::string, std::string>> fejl_eksempler; // (sag_id or line, message), the first few
    std::size_t max_eksempler = 5;

    // The kinds of change, the most frequent first (then by art and text).
    std::vector<const Aendring*> aendringer() const;
    // The package ids seen on either side, in order ("" last: no package).
    std::vector<std::string> pakke_ids() const;
    // Cases by package before (rows) and after (columns): a row and a column for each of the
    // `max` - 1 packages with most cases, in pakke_ids() order, and one for all the others
    // (`andre` of them) when there are more than `max`. 1,000 packages were a million cells.
    struct PakkeTabel {
        std::vector<std::string> ids; // the rows' ids; with andre > 0, one row more for the rest
        std::size_t andre = 0;
        std::vector<std::vector<std::size_t>> m;
    };
    PakkeTabel pakke_tabel(std::size_t max = 20) const;
};

// Merges the workers' tallies into `k.i_alt`, keeping the first `k.max_eksempler` examples.
void saml(Konsekvens& k, std::vector<Optaelling>& dele);

std::string konsekvens_tekst(const Konsekvens& k);
// After the examples of cases that could not be assessed: how many more, and where to see them.
std::string flere_fejl(const Konsekvens& k);
std::string konsekvens_json(const Konsekvens& k);
// One self-contained page for the committee: tables and inline SVG charts (package shift,
// target-group transitions, hours before and after), no scripts, no external resources.
std::string konsekvens_html(const Konsekvens& k);

} // namespace kvalitet::workbench
