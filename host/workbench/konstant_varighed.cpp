#include "workbench/konstant_varighed.hpp"

#include "bind/bind.hpp"
#include "lua/error.hpp"

namespace kvalitet::workbench {

std::optional<Varighed> konstant_varighed(Standard& standard, const Rule& frist) {
    if (frist.varighed) return frist.varighed;
    if (!frist.varighed_fn) return std::nullopt;
    lua_State* L = standard.state();
    lua::StackGuard guard(L);
    frist.varighed_fn.push();
    lua_pushnil(L);
    lua_pushnil(L);
    try {
        standard.state().call(2, 1);
    } catch (const ScriptError&) {
        return std::nullopt; // it reads the case (or the date)
    }
    std::optional<Varighed> out;
    if (const Varighed* v = bind::to_varighed(L, -1)) out = *v;
    lua_pop(L, 1);
    return out;
}

std::optional<Varighed> hoejst_varighed(Standard& standard, const Rule& frist) {
    if (!frist.varighed_fn) return std::nullopt;
    lua_State* L = standard.state();
    lua::StackGuard guard(L);
    frist.varighed_fn.push();
    lua_createtable(L, 0, 1); // a case whose grant sets no interval: { bevilling = {} }
    lua_newtable(L);
    lua_setfield(L, -2, "bevilling");
    lua_pushnil(L);
    try {
        standard.state().call(2, 1);
    } catch (const ScriptError&) {
        return std::nullopt;
    }
    std::optional<Varighed> out;
    if (const Varighed* v = bind::to_varighed(L, -1)) out = *v;
    lua_pop(L, 1);
    return out;
}

} // namespace kvalitet::workbench
