#pragma once
// The unknown-fact check: a rule that read a fact the case does not have and still gave a
// definite answer must give the same answer whatever the fact turns out to be. Kleene-sound
// rules (`eller(true, ukendt)`) pass; `if sag.forhold.x then` on an absent x does not.
// Found by assessing again with the fact set each way it can be; run by `kvalitet test`
// on every test case, and by the tests over generated cases.
#include <string>
#include <vector>

#include "engine/standard.hpp"

namespace kvalitet {

struct UsikkerRegel {
    const Regel* regel = nullptr;
    std::string forhold;    // the absent fact, as named in `mangler`
    std::string udfald;     // the rule's answer without it
    std::string vaerdi;     // a value the fact can take ("true", "4", "\"administrativ\"")
    std::string udfald_med; // the rule's answer with it

    // In Danish, naming the rule's file and line and what to do.
    std::string besked() const;
};

// The facts the check can set, each with the values it tries (forhold ids, yes/no and
// enumerated case fields, VUM theme scores); others (dates, numbers) are not varied.
bool kan_varieres(std::string_view forhold);

std::vector<UsikkerRegel> kontroller_ukendte(Standard& standard, const Sag& sag, Dato dato);

} // namespace kvalitet
