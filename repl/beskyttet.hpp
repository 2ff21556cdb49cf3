#pragma once
// Running the session's own Lua work inside a protected call. Outside one a Lua error is
// a panic, and any API call that allocates can raise one once memory is at the cap; inside
// one it becomes a ScriptError the session reports, and goes on.
#include <lua.h>

#include <exception>
#include <string>

#include "lua/error.hpp"
#include "lua/state.hpp"

namespace kvalitet::repl {

template <class F>
int trampoline(lua_State* L) {
    F& f = *static_cast<F*>(lua_touserdata(L, 1));
    lua_remove(L, 1);
    std::string error;
    try {
        f(L);
        return 0;
    } catch (const std::exception& e) { // a Lua error is no std::exception: it passes on
        error = e.what();
    }
    lua_pushlstring(L, error.data(), error.size());
    return lua_error(L);
}

// Runs f(L) inside a protected call (State::call: message handler, time budget), with the
// `nargs` values on top of the stack as its arguments 1..nargs; they are consumed.
template <class F>
void run_protected(lua::State& st, F& f, int nargs = 0) {
    lua_State* L = st;
    if (!lua_checkstack(L, 2)) {
        lua_pop(L, nargs);
        throw ScriptError(ScriptError::Kind::Memory, "ikke plads på Lua-stakken");
    }
    lua_pushcfunction(L, trampoline<F>);
    lua_insert(L, -nargs - 1);
    lua_pushlightuserdata(L, &f);
    lua_insert(L, -nargs - 1);
    st.call(nargs + 1, 0);
}

} // namespace kvalitet::repl
