#pragma once
// A case in the target group, for the analyses that vary one part of a case and assess it
// again (the VUM vector for the packages). Age 40, every fact known: first the answers a
// § 85 citizen typically has (særlige sociale problemer, motiveret, kan deltage aktivt,
// nothing that can be remedied otherwise), else the first of all 256 combinations that
// puts the citizen in the group.
#include <optional>

#include "domain/sag.hpp"
#include "engine/standard.hpp"

namespace kvalitet::workbench {

std::optional<Sag> grundsag(Standard& standard, Dato dato, const Vum& vum);

} // namespace kvalitet::workbench
