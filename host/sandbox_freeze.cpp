// Rules cannot remember. After a standard has loaded, everything its rules can reach is
// sealed: every table reachable from a rule function (through its upvalues, and from there
// through tables and other functions) is frozen in place, and a function that assigns to a
// variable living from call to call is refused at load time with the rule and variable
// named. So an assessment depends only on the case, the date and the standard, whatever
// cases came before it and whichever thread runs it.
//
// A frozen table keeps its identity (every reference to it sees the frozen one): its
// contents move to a hidden table behind __index, and __newindex refuses. ipairs, #, and
// the sandbox's pairs see the contents as before. Tables that already have a metatable
// were made by the host or the DSL (scripts cannot set metatables) and are left alone;
// functions from dsl/ are the host's own and are not walked.
#include <fmt/format.h>
#include <lauxlib.h>

#include <utility>

#include "lua/state.hpp"
#include "lua/upvalue_writes.hpp"
#include "sandbox.hpp"

namespace kvalitet::sandbox {

namespace {

const char kContents = 0; // its address keys the hidden contents in a frozen metatable

int frozen_write(lua_State* L) {
    return luaL_error(L, "tabellen kan ikke ændres: data i en standard er skrivebeskyttede, så ingen regel kan "
                         "huske noget fra en sag til den næste (brug en lokal tabel inde i funktionen)");
}

int frozen_len(lua_State* L) {
    frozen_contents(L, 1);
    lua_pushinteger(L, lua_Integer(luaL_len(L, -1)));
    return 1;
}

// Moves the contents of the table at `t` (no metatable) into a hidden table and puts the
// frozen metatable on it. Pushes the hidden table.
void freeze_one(lua_State* L, int t) {
    lua_newtable(L);
    const int contents = lua_gettop(L);
    lua::copy_fields(L, t, contents);
    // Assigning nil to a field that exists is allowed while traversing.
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_pushnil(L);
        lua_rawset(L, t);
    }
    lua_createtable(L, 0, 5);
    lua_pushvalue(L, contents);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, frozen_write);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, frozen_len);
    lua_setfield(L, -2, "__len");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pushvalue(L, contents);
    lua_rawsetp(L, -2, &kContents);
    lua_setmetatable(L, t);
}

struct Walk {
    lua_State* L;
    int seen;                 // stack index of a table: object -> true
    std::string_view owner;   // "krav 'x'", for messages
    bool data_only;           // parameters: functions are not data
    int depth = 0;            // tables and functions inside one another, here
    std::string file = {};    // the innermost function walked, for a message
    int line = 0;
};

// A script can nest a table 200,000 deep in a loop; each level is a C call and stack
// slots here, so past this the walk stops with the rule named instead of overflowing.
// No standard's data comes near it (parameters nest three or four deep).
constexpr int kMaxDepth = 100;

void descend(Walk& w) {
    if (++w.depth <= kMaxDepth && lua_checkstack(w.L, 8)) return;
    throw ScriptError(ScriptError::Kind::Runtime,
                      w.data_only // the DSL names the parameter
                          ? fmt::format("værdien har tabeller i tabeller mere end {} niveauer dybt; gør den fladere", kMaxDepth)
                          : fmt::format("{}: en tabel, reglen kan nå, har tabeller i tabeller mere end {} niveauer dybt; "
                                        "gør den fladere", w.owner, kMaxDepth),
                      w.file, w.line);
}

bool first_visit(Walk& w, int i) {
    lua_pushvalue(w.L, i);
    if (lua_rawget(w.L, w.seen) != LUA_TNIL) {
        lua_pop(w.L, 1);
        return false;
    }
    lua_pop(w.L, 1);
    lua_pushvalue(w.L, i);
    lua_pushboolean(w.L, 1);
    lua_rawset(w.L, w.seen);
    return true;
}

std::string function_place(lua_State* L, int i, int* line) {
    lua_Debug ar;
    lua_pushvalue(L, i);
    lua_getinfo(L, ">S", &ar);
    *line = ar.linedefined;
    return ar.source[0] == '@' ? std::string(ar.source + 1) : std::string(ar.short_src);
}

void walk(Walk& w, int i);

void walk_table(Walk& w, int t) {
    lua_State* L = w.L;
    if (lua_getmetatable(L, t)) {
        lua_pop(L, 1);
        return; // the host's or the DSL's own (or frozen already, contents walked then)
    }
    freeze_one(L, t);
    const int contents = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, contents)) {
        walk(w, lua_gettop(L) - 1);
        walk(w, lua_gettop(L));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

void walk_function(Walk& w, int f) {
    lua_State* L = w.L;
    if (lua_iscfunction(L, f)) return;
    int line = 0;
    const std::string file = function_place(L, f, &line);
    if (file.starts_with("dsl/")) return;
    if (w.data_only)
        throw ScriptError(ScriptError::Kind::Runtime,
                          "'vaerdi' må kun indeholde data (tal, tekster, tabeller), ikke funktioner",
                          file, line);
    std::vector<lua::UpvalueWrite> writes;
    try {
        writes = lua::upvalue_writes(L, f);
    } catch (const std::exception& e) {
        throw ScriptError(ScriptError::Kind::Host, fmt::format("{}: {}", w.owner, e.what()), file, line);
    }
    if (!writes.empty())
        throw ScriptError(ScriptError::Kind::Runtime,
                          fmt::format("{}: funktionen ændrer variablen '{}', som lever fra sag til sag; en regel må ikke "
                                      "huske noget mellem sager — gør variablen lokal inde i funktionen",
                                      w.owner, writes.front().name),
                          file, writes.front().line);
    const auto outer_file = std::exchange(w.file, file);
    const auto outer_line = std::exchange(w.line, line);
    for (int n = 1; lua_getupvalue(L, f, n); ++n) {
        walk(w, lua_gettop(L));
        lua_pop(L, 1);
    }
    w.file = outer_file;
    w.line = outer_line;
}

void walk(Walk& w, int i) {
    i = lua_absindex(w.L, i);
    const int t = lua_type(w.L, i);
    if (t != LUA_TTABLE && t != LUA_TFUNCTION) return;
    if (!first_visit(w, i)) return;
    descend(w);
    if (t == LUA_TTABLE) walk_table(w, i);
    else walk_function(w, i);
    --w.depth;
}

} // namespace

void frozen_contents(lua_State* L, int index) {
    index = lua_absindex(L, index);
    if (lua_getmetatable(L, index)) {
        if (lua_rawgetp(L, -1, &kContents) == LUA_TTABLE) {
            lua_remove(L, -2);
            return;
        }
        lua_pop(L, 2);
    }
    lua_pushvalue(L, index);
}

void seal(lua_State* L, int index, int seen, std::string_view owner) {
    Walk w{L, lua_absindex(L, seen), owner, false};
    walk(w, index);
}

void freeze_data(lua_State* L, int index, std::string_view owner) {
    lua_newtable(L);
    Walk w{L, lua_gettop(L), owner, true};
    walk(w, index);
    lua_pop(L, 1);
}


} // namespace kvalitet::sandbox
