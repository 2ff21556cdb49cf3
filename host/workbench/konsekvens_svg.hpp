#pragma once
// The charts of the konsekvens page as inline SVG: sizes and colours fixed here, every text
// escaped, nothing fetched. Each returns one <svg> element with a width, a height and a
// viewBox, so it has a size wherever it is placed.
#include <cstddef>
#include <string>
#include <vector>

namespace kvalitet::workbench {

// A transition table as coloured squares: rows before, columns after. The diagonal (no
// change) is grey; a change is blue, darker the more cases it moved.
std::string svg_overgange(const std::string& titel, const std::vector<std::string>& navne,
                          const std::vector<std::vector<std::size_t>>& antal);

// Two horizontal bars, before and after, with their values written beside them.
std::string svg_foer_efter(const std::string& titel, double foer, double efter, const std::string& enhed);

} // namespace kvalitet::workbench
