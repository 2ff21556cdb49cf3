#pragma once
// `kvalitet dokument`: the standard as the citizen and the committee read it, generated
// from the loaded script, so the published standard cannot drift from the one that runs.
#include "engine/standard.hpp"
#include "workbench/dokument_model.hpp"

namespace kvalitet::workbench {

// `fil`: the file as the reader knows it (a draft's own path, --fil), when the standard was
// loaded from a temporary tree; else the standard's own file.
Dokument standard_dokument(Standard& standard, std::string_view fil = {});

} // namespace kvalitet::workbench
