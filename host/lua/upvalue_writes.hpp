#pragma once
// Which variables a Lua function assigns that outlive one call of it (its own upvalues,
// assigned by it or by a function nested in it). Rules must not remember between cases.
#include <lua.h>

#include <string>
#include <vector>

namespace kvalitet::lua {

struct UpvalueWrite {
    int line;         // where the assigning function is defined
    std::string name; // the variable
};

// For the Lua function at `index` (C functions: none). Throws std::runtime_error when the
// compiled code is not in the format this was written for.
std::vector<UpvalueWrite> upvalue_writes(lua_State* L, int index);

} // namespace kvalitet::lua
