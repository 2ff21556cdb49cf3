#pragma once
// The sandbox every script runs in. All of it is in sandbox.cpp, to be audited in one read.
#include <string>
#include <string_view>

#include "lua/state.hpp"
#include "sources.hpp"

namespace kvalitet::sandbox {

enum class Env {
    Standard, // municipality scripts and stdlib: assigning a global is an error
    Trusted,  // dsl/ modules: as Standard, plus the host's internals in `_vaert`
    Repl,     // an interactive session: globals may be created
};

// Opens the allowed libraries, builds the read-only base environment and `brug`.
// `sources` must outlive the state.
void open(lua::State& state, const Sources& sources);

// Pops the value on top of the stack and makes it a global every script sees.
void expose(lua_State* L, const char* name);
// Pops the value on top of the stack into `_vaert.<name>`, seen only by dsl/ modules.
void expose_trusted(lua_State* L, const char* name);

// Pushes a fresh environment table of the given kind.
void push_env(lua_State* L, Env kind);

// Compiles `source` as text and gives it a fresh environment; pushes the function.
void load(lua::State& state, std::string_view source, const std::string& chunkname, Env kind);

// The module behind `brug "name"`: loads it once per state and pushes its value.
// Throws ScriptError/InputError for a bad name or a missing module.
void require_module(lua::State& state, std::string_view name);

// After a standard has loaded: `brug` returns only modules already loaded, and every
// loaded module's value is sealed (see seal). Runs inside a protected call.
void close(lua::State& state);

// ---- sandbox_limits.cpp: budgets that hold inside C functions -------------------------
// Replaces the library functions that can run long or show addresses (string.rep, the
// pattern functions, string.format, table.move, tostring, pairs) in the real tables.
void install_limits(lua_State* L, int globals);
// Pushes what the sandbox's tostring gives the value at `index` (never an address).
void push_tostring(lua_State* L, int index);
// A key for an error message: that text, cut to 100 bytes (pushed, so it lives as long as
// the stack slot; for luaL_error's "%s").
const char* key_text(lua_State* L, int index);

// ---- sandbox_freeze.cpp: rules cannot remember ----------------------------------------
// Walks the value at `index` (a rule function) and everything it reaches: freezes every
// table in place and refuses (ScriptError naming `owner`, file and line) a function that
// assigns to a variable that lives from call to call. `seen` is a table on the stack that
// records what was walked, shared between the rules of one standard.
void seal(lua_State* L, int index, int seen, std::string_view owner);
// Freezes the data at `index` in place, deep; a function inside is an error naming `owner`.
void freeze_data(lua_State* L, int index, std::string_view owner);
// Pushes the contents of a frozen table (hidden behind its metatable), or the table itself.
void frozen_contents(lua_State* L, int index);

// True for a name `brug` accepts: lower-case ASCII words joined by dots, first word one
// of dsl, stdlib, municipalities.
bool valid_module_name(std::string_view name);

} // namespace kvalitet::sandbox
