#pragma once
#include <string>
#include <string_view>

namespace kvalitet::lua {
// Lua's own (English) error texts in plain Danish, for policy staff. Unknown text passes
// through. "<eof>" is kept: the REPL reads it to detect incomplete input.
std::string danish(std::string_view lua_message);
} // namespace kvalitet::lua
