#pragma once
// Every assumption of a standard (a parameter or rule marked `antagelse = true`) with what
// the script says about it. By the house convention (docs/dsl.md) an assumption is
// explained where it is made: a comment in or directly above the declaration
// ("-- antagelse: standarden siger kun …"), or its own text ("(antagelse: …)", or the
// standard's words in quotes). A rule with no words of its own is explained by the
// explained assumption parameters it reads (Kerteminde's packages by their thresholds).
#include <string>
#include <vector>

#include "workbench/kildetekster.hpp"
#include "workbench/laesninger.hpp"

namespace kvalitet::workbench {

struct Antagelse {
    bool er_parameter = false;
    std::string hvad; // "parameter", "betingelse", "pakke" …
    std::string id, fil, tekst;
    int linje = 0;
    std::vector<std::string> forklaring; // the explaining comments and texts, as written
    std::vector<std::string> via;        // explained assumption parameters the rule reads
    bool forklaret() const { return !forklaring.empty() || !via.empty(); }
};

// Parameters first (by id), then rules in evaluation order.
std::vector<Antagelse> antagelser(Kildetekster& kilder, const Parameterlaesninger& laesninger);

// Does a comment explain an assumption: it says "antagelse", speaks of the standard
// ("standarden siger …"), or quotes it?
bool forklarer(std::string_view kommentar);
// Does a declaration's own text: "(antagelse: …)", or the standard's words in quotes?
bool forklarer_selv(std::string_view tekst);

} // namespace kvalitet::workbench
