#include "bind/typed.hpp"

#include <lauxlib.h>

#include "lua/state.hpp"

namespace kvalitet::bind {

namespace {
lua::Host::Type& slot_of(lua_State* L, Typed slot) { return lua::State::host(L).types.at(std::size_t(slot)); }
} // namespace

void remember_type(lua_State* L, const char* name, Typed slot) {
    auto& t = slot_of(L, slot);
    luaL_getmetatable(L, name);
    t.metatable = lua_topointer(L, -1);
    t.ref = luaL_ref(L, LUA_REGISTRYINDEX);
}

void* to_typed(lua_State* L, int index, Typed slot) {
    // Any value may have a metatable (a string, a frozen table), but only these userdata
    // have one of the remembered ones: no test of the type first.
    if (!lua_getmetatable(L, index)) return nullptr;
    const bool same = lua_topointer(L, -1) == slot_of(L, slot).metatable;
    lua_pop(L, 1);
    return same ? lua_touserdata(L, index) : nullptr;
}

void set_typed_metatable(lua_State* L, Typed slot) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, slot_of(L, slot).ref);
    lua_setmetatable(L, -2);
}

} // namespace kvalitet::bind
