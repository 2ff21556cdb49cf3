#pragma once
// What kind of value a script passed, in Danish with its article, for a message that says
// what was expected instead: "en tekst", "en tabel", "en dato", "en værdi af typen perioder".
#include <lua.h>

#include <string>

namespace kvalitet::bind {

std::string type_text(lua_State* L, int index);

} // namespace kvalitet::bind
