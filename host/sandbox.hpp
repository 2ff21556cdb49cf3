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

// True for a name `brug` accepts: lower-case ASCII words joined by dots, first word one
// of dsl, stdlib, municipalities.
bool valid_module_name(std::string_view name);

} // namespace kvalitet::sandbox
