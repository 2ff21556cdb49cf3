#pragma once
// How the REPL shows a value: text quoted, a date in words, a deadline with its status on
// the session's date, and tables and case views with their contents, one field a line,
// indented (a view's absent facts as `ukendt`, the word med() takes).
//
// Inside a protected call only: __tostring, __pairs and Frist:status run here, and any of
// them may raise (a view kept from an earlier case, a date outside the calendar).
#include <lua.h>

#include <string>

#include "domain/dato.hpp"

namespace kvalitet::repl {

std::string vis(lua_State* L, int index, Dato dato);

} // namespace kvalitet::repl
