#pragma once
// What changed between two assessments of the same case, in Danish, one line per change:
// target group, missing facts and referrals, package, activities, deadlines, warnings.
// After :saet, :nulstil, :dato or :genindlaes, the next :vurder shows these lines, so the
// caseworker sees what a fact or an edit of the standard does.
#include <string>
#include <vector>

#include "lua_json.hpp"

namespace kvalitet::repl {

// Both are the contract's assessment JSON. Empty when nothing of the above changed.
std::vector<std::string> vurdering_forskel(const Json& foer, const Json& efter);

} // namespace kvalitet::repl
