#include "workbench/konstant_varighed.hpp"

#include "bind/bind.hpp"
#include "lua/error.hpp"

namespace kvalitet::workbench {

namespace {
// Calls the frist's length function with the case `push_case` pushes and no date: the length
// it gives, or nothing when it fails (it reads what the stand-in lacks) or gives none.
template <class PushCase>
std::optional<Varighed> length_for(Standard& standard, const Rule& frist, PushCase push_case) {
    if (!frist.varighed_fn) return std::nullopt;
    lua_State* L = standard.state();
    lua::StackGuard guard(L);
    frist.varighed_fn.push();
    push_case(L);
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
} // namespace

std::optional<Varighed> konstant_varighed(Standard& standard, const Rule& frist) {
    if (frist.varighed) return frist.varighed;
    return length_for(standard, frist, [](lua_State* L) { lua_pushnil(L); }); // a function of parameters only
}

std::optional<Varighed> hoejst_varighed(Standard& standard, const Rule& frist) {
    return length_for(standard, frist, [](lua_State* L) { // a case whose grant sets no interval: { bevilling = {} }
        lua_createtable(L, 0, 1);
        lua_newtable(L);
        lua_setfield(L, -2, "bevilling");
    });
}

} // namespace kvalitet::workbench
