#pragma once
// The national declarations a municipality replaced. The loaded standard keeps only the
// municipal rule (the register swaps it in place), so the national one is found again in
// stdlib's text: a declaration `art { id = "x", … }` whose id a municipal rule now holds.
// Its code no longer runs (what it reads does not count), and the document quotes it.
#include <map>
#include <string>

#include "workbench/kildetekster.hpp"

namespace kvalitet::workbench {

struct Erstattet {
    std::string fil;
    Spaend spaend;
    std::string tekst, kilde; // as written there, when written as plain strings
};

// By rule id, for every rule of the standard with erstatter = true whose national
// declaration is written with a literal id in a stdlib/ file the standard uses.
std::map<std::string, Erstattet> erstattede(Kildetekster& kilder);

} // namespace kvalitet::workbench
