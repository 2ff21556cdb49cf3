#pragma once
// `kvalitet dokument`: the standard as the citizen and the committee read it, generated
// from the loaded script, so the published standard cannot drift from the one that runs.
#include "engine/standard.hpp"
#include "workbench/dokument_model.hpp"

namespace kvalitet::workbench {

Dokument standard_dokument(Standard& standard);

} // namespace kvalitet::workbench
