#pragma once
// "Mente du …?": the known name closest to a misspelt one, so that a message about an
// unknown field, fact, function, parameter or municipality can name the one the author
// most likely meant. One measure for all of them, so the same slip always gets the same
// hint.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kvalitet {

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// neighbouring characters each cost 1 ("mindts" is 1 from "mindst"). Counted in bytes:
// the names compared are ASCII identifiers.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The name in `known` closest to `wrong` when it is close enough to be a slip: at most a
// third of the longer name's length apart (at least 1, and less than all of `wrong`), or
// equal but for upper/lower case.
// Ties go to the name first in byte order, so the hint never depends on the order `known`
// comes in. Names longer than 64 bytes get no hint (a message, not a search engine).
std::optional<std::string_view> closest_name(std::string_view wrong,
                                             std::span<const std::string_view> known);

// " — mente du 'x'?" for the closest name, or "" when none is close.
std::string mente_du(std::string_view wrong, std::span<const std::string_view> known);

} // namespace kvalitet
