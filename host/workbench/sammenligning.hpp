#pragma once
// `kvalitet sammenlign`: the standards side by side in one table, a column each: target
// group, activities covered and referred, deadlines, follow-up intervals, packages,
// requirements, assumptions. Built from the loaded scripts like the document.
#include <vector>

#include "engine/standard.hpp"
#include "workbench/dokument_model.hpp"

namespace kvalitet::workbench {

Dokument sammenligning(const std::vector<Standard*>& standarder);

} // namespace kvalitet::workbench
