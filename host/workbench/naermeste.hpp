#pragma once
// The known name nearest to a wrong one, however far: "mente du" (domain/mente_du.hpp)
// stays quiet when nothing is close, but the lint always names the nearest id there is.
#include <span>
#include <string>
#include <string_view>

namespace kvalitet::workbench {

std::string naermeste(std::string_view wrong, std::span<const std::string_view> known);

} // namespace kvalitet::workbench
