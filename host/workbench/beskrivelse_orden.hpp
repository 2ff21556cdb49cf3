#pragma once
// The standard's description sections in the order the script writes them (the order of
// the standard itself); the loaded standard keeps them sorted by heading, as a Lua table
// has no order.
#include <string>
#include <utility>
#include <vector>

#include "workbench/kildetekster.hpp"

namespace kvalitet::workbench {

std::vector<std::pair<std::string, std::string>> beskrivelse_i_orden(Kildetekster& kilder);

} // namespace kvalitet::workbench
