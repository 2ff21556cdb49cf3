#include "bind/type_text.hpp"

#include <lauxlib.h>

#include <string_view>

#include "lua/danish.hpp"

namespace kvalitet::bind {

std::string type_text(lua_State* L, int index) {
    const int t = lua_type(L, index);
    if ((t == LUA_TUSERDATA || t == LUA_TTABLE) && luaL_getmetafield(L, index, "__name") == LUA_TSTRING) {
        const std::string name = lua_tostring(L, -1);
        lua_pop(L, 1);
        if (name == "Dato") return "en dato";
        if (name == "Varighed") return "en varighed";
        return "en værdi af typen " + name;
    }
    return lua::a_value(lua_typename(L, t)); // "no value" for an argument not given
}

} // namespace kvalitet::bind
