// The sandbox: what a script may see and do. Built from an allow-list, never a deny-list
// (a deny-list leaks: package.loaded.os still holds os).
//
//  - Libraries: base (subset below), string (no dump), table, math (no random), utf8.
//    Not opened at all: io, os, debug, package, coroutine.
//  - Library tables are read-only proxies; the string metatable is locked and its
//    __index (the real string table) has no dump.
//  - No load/loadfile/dofile/require, no get/setmetatable, no raw*, no pcall/xpcall
//    (rules are pure; nothing may swallow a budget error), no collectgarbage and no next
//    (memory in use and hash order differ between runs, so no rule may read them).
//  - Library functions that could run long in C or show addresses are bounded or
//    replaced (sandbox_limits.cpp); after a standard loads, what its rules can reach is
//    frozen (sandbox_freeze.cpp).
//  - Chunks come from text only: State::load compiles text (mode "t"), or loads the
//    bytecode it made itself from the very same text earlier in the process.
//  - Every chunk gets its own environment; reading an unknown global is an error, and in
//    a loaded standard so is creating one.
//  - Modules only through `brug "a.b"`, resolved by Sources inside dsl/, stdlib/,
//    municipalities/: no '/', no '..', nothing absolute.
//  - Limits: the instruction budget and memory cap live in lua::State.
#include "sandbox.hpp"

#include <fmt/format.h>
#include <lualib.h>

#include <array>
#include <stdexcept>
#include <vector>

#include "domain/mente_du.hpp"
#include "domain/tekst.hpp"

namespace kvalitet::sandbox {

namespace {

constexpr const char* kBase = "kvalitet.base";       // registry: what every script sees
constexpr const char* kTrusted = "kvalitet.trusted"; // registry: base + _vaert, for dsl/
constexpr const char* kModules = "kvalitet.modules"; // registry: name -> loaded value
constexpr const char* kSources = "kvalitet.sources"; // registry: light userdata Sources*
constexpr const char* kClosed = "kvalitet.closed";   // registry: true once a standard has loaded

// pairs and tostring are the sandbox's own (sandbox_limits.cpp); next is left out: the
// order of a table's hash part differs from state to state.
constexpr std::array kBaseFunctions{"assert", "error",    "ipairs", "pairs",
                                    "select", "tonumber", "tostring", "type"};
constexpr std::array kLibraries{"string", "table", "math", "utf8"};
constexpr std::array kRemoved{"string.dump", "math.random", "math.randomseed"};

// Names a reader of global `name` could have meant: the base environment's (the DSL's
// words, the libraries), and the calling function's locals, upvalues and, at the REPL,
// the globals it made. At most `kMaxNames`: a hint, not a census.
std::vector<std::string> names_in_scope(lua_State* L, int base) {
    constexpr std::size_t kMaxNames = 10000;
    std::vector<std::string> names;
    const auto add_keys = [&](int t) {
        lua_pushnil(L);
        while (names.size() < kMaxNames && lua_next(L, t)) {
            if (lua_type(L, -2) == LUA_TSTRING) names.emplace_back(lua_tostring(L, -2));
            lua_pop(L, 1);
        }
    };
    add_keys(base);
    lua_Debug ar;
    if (!lua_getstack(L, 1, &ar) || !lua_getinfo(L, "f", &ar)) return names;
    const int fn = lua_gettop(L);
    for (int n = 1; const char* local = lua_getlocal(L, &ar, n); ++n) {
        if (local[0] != '(') names.emplace_back(local);
        lua_pop(L, 1);
    }
    for (int n = 1; const char* up = lua_getupvalue(L, fn, n); ++n) {
        if (std::string_view(up) == "_ENV" && lua_istable(L, -1)) add_keys(lua_gettop(L));
        else if (up[0] != '\0') names.emplace_back(up);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return names;
}

int unknown_global(lua_State* L) {
    const std::string name = sandbox::key_text(L, 2);
    const auto names = names_in_scope(L, 1);
    const std::vector<std::string_view> known(names.begin(), names.end());
    std::string hint = mente_du(name, known);
    if (hint.empty()) hint = " (stavefejl? eller mangler 'local'?)";
    throw std::runtime_error(fmt::format("ukendt navn '{}'{}", name, hint));
}

int no_new_global(lua_State* L) {
    const char* name = sandbox::key_text(L, 2);
    return luaL_error(L,
                      "kan ikke oprette den globale variabel '%s'; skriv 'local %s = ...' "
                      "eller brug en erklæring",
                      name, name);
}

int read_only(lua_State* L) {
    return luaL_error(L, "'%s' kan ikke ændres (skrivebeskyttet)", sandbox::key_text(L, 2));
}

// Writes go through the host's print sink (the REPL's terminal); the library never prints.
int print(lua_State* L) {
    auto& host = lua::State::host(L);
    if (!host.print) return 0;
    std::string line;
    for (int i = 1, n = lua_gettop(L); i <= n; ++i) {
        if (i > 1) line += '\t';
        push_tostring(L, i);
        line += lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    host.print(line);
    return 0;
}

// `brug` as scripts see it: the DSL's modules are the host's own (a script uses their
// words directly), and once the standard has loaded only modules loaded already are
// given, so nothing a rule does at assessment time loads (and runs) new code.
// The whole name, a NUL byte included: "stdlib.sel85\0x" is no module name (it loaded
// stdlib.sel85).
std::string module_arg(lua_State* L) {
    std::size_t n = 0;
    const char* p = luaL_checklstring(L, 1, &n);
    return std::string(p, n);
}

int brug(lua_State* L) {
    std::string name = module_arg(L);
    if (name.starts_with("dsl."))
        throw InputError(fmt::format("brug \"{}\": dsl-modulerne er værtens egne; et script bruger deres ord "
                                     "direkte (f.eks. krav {{ ... }})",
                                     printable_line(name)));
    lua::State& state = lua::State::of(L);
    lua_getfield(L, LUA_REGISTRYINDEX, kClosed);
    const bool closed = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (closed) {
        lua_getfield(L, LUA_REGISTRYINDEX, kModules);
        lua_pushlstring(L, name.data(), name.size());
        const bool loaded = lua_rawget(L, -2) != LUA_TNIL && !lua_islightuserdata(L, -1);
        lua_remove(L, -2);
        if (loaded) return 1;
        throw InputError(fmt::format("brug \"{}\": moduler hentes øverst i scriptet, ikke inde i en regel", printable_line(name)));
    }
    require_module(state, name);
    return 1;
}

// `brug` as the DSL's own modules see it: any module, dsl/ included.
int brug_trusted(lua_State* L) {
    std::string name = module_arg(L);
    require_module(lua::State::of(L), name);
    return 1;
}

// _vaert.lukket(): whether the standard has loaded (declarations are then refused).
int host_lukket(lua_State* L) {
    lua_getfield(L, LUA_REGISTRYINDEX, kClosed);
    lua_pushboolean(L, lua_toboolean(L, -1));
    return 1;
}

// _vaert.frys(t): freezes a parameter's value in place. Returns nil, or what is wrong
// with it (a function inside), for the DSL to report at the parameter's line.
int host_frys(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    std::string problem;
    try {
        freeze_data(L, 1, "parameteren");
        return 0;
    } catch (const ScriptError& e) {
        problem = e.message();
    }
    lua_pushlstring(L, problem.data(), problem.size());
    return 1;
}

// Wraps the table at `index` in a read-only proxy; pushes the proxy.
void push_read_only(lua_State* L, int index) {
    index = lua_absindex(L, index);
    lua_newtable(L);
    lua_createtable(L, 0, 3);
    lua_pushvalue(L, index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, read_only);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

// Runs inside lua_pcall: under a memory cap any allocating API call may raise.
int open_protected(lua_State* L) {
    const auto* sources = static_cast<const Sources*>(lua_touserdata(L, 1));
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    lua_settop(L, 1);

    lua_pushglobaltable(L); // 2: the real globals, never given to a script
    for (const char* path : kRemoved) {
        std::string_view p(path);
        auto dot = p.find('.');
        lua_getfield(L, 2, std::string(p.substr(0, dot)).c_str());
        lua_pushnil(L);
        lua_setfield(L, -2, std::string(p.substr(dot + 1)).c_str());
        lua_pop(L, 1);
    }
    install_limits(L, 2);
    // The string metatable's __index is the real string table (now without dump).
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);

    lua_newtable(L); // 3: base, what every script sees; misses raise "ukendt navn"
    for (const char* f : kBaseFunctions) {
        lua_getfield(L, 2, f);
        lua_setfield(L, 3, f);
    }
    lua_getfield(L, 2, "_VERSION");
    lua_setfield(L, 3, "_VERSION");
    lua_getfield(L, 2, "table");
    lua_getfield(L, -1, "unpack");
    lua_setfield(L, 3, "unpack");
    lua_pop(L, 1);
    for (const char* lib : kLibraries) {
        lua_getfield(L, 2, lib);
        push_read_only(L, -1);
        lua_setfield(L, 3, lib);
        lua_pop(L, 1);
    }
    lua_pushcfunction(L, print);
    lua_setfield(L, 3, "print");
    lua_pushcfunction(L, lua::guarded<brug>);
    lua_setfield(L, 3, "brug");
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, lua::guarded<unknown_global>);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, 3);
    lua_pushvalue(L, 3);
    lua_setfield(L, LUA_REGISTRYINDEX, kBase);

    // Remove what a script must never reach, in case a future change leaks _G.
    for (const char* g : {"load", "loadfile", "dofile", "require", "setmetatable",
                          "getmetatable", "rawget", "rawset", "rawequal", "rawlen",
                          "collectgarbage", "pcall", "xpcall"}) {
        lua_pushnil(L);
        lua_setfield(L, 2, g);
    }

    // trusted: _vaert, then everything in base.
    lua_newtable(L);
    lua_newtable(L);
    lua_setfield(L, -2, "_vaert");
    lua_pushcfunction(L, lua::guarded<brug_trusted>);
    lua_setfield(L, -2, "brug");
    lua_getfield(L, -1, "_vaert");
    lua_pushcfunction(L, host_lukket);
    lua_setfield(L, -2, "lukket");
    lua_pushcfunction(L, host_frys);
    lua_setfield(L, -2, "frys");
    lua_pop(L, 1);
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, 3);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, kTrusted);

    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, kModules);
    lua_pushlightuserdata(L, const_cast<Sources*>(sources));
    lua_setfield(L, LUA_REGISTRYINDEX, kSources);
    return 0;
}

} // namespace

void open(lua::State& state, const Sources& sources) {
    lua_State* L = state;
    lua::StackGuard guard(L);
    lua_pushcfunction(L, open_protected);
    lua_pushlightuserdata(L, const_cast<Sources*>(&sources));
    state.call(1, 0);
}

void expose(lua_State* L, const char* name) {
    lua_getfield(L, LUA_REGISTRYINDEX, kBase);
    lua_insert(L, -2);
    lua_setfield(L, -2, name); // base has no __newindex: the host may write it
    lua_pop(L, 1);
}

void expose_trusted(lua_State* L, const char* name) {
    lua_getfield(L, LUA_REGISTRYINDEX, kTrusted);
    lua_getfield(L, -1, "_vaert");
    lua_rotate(L, -3, -1); // trusted _vaert value
    lua_setfield(L, -2, name);
    lua_pop(L, 2);
}

void push_env(lua_State* L, Env kind) {
    lua_newtable(L);
    lua_createtable(L, 0, 3);
    lua_getfield(L, LUA_REGISTRYINDEX, kind == Env::Trusted ? kTrusted : kBase);
    lua_setfield(L, -2, "__index");
    if (kind != Env::Repl) {
        lua_pushcfunction(L, no_new_global);
        lua_setfield(L, -2, "__newindex");
    }
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

void load(lua::State& state, std::string_view source, const std::string& chunkname, Env kind) {
    lua_State* L = state;
    // Notepad and other Windows editors begin a UTF-8 file with a byte order mark, which Lua
    // would read as the start of a name (with an æ, ø or å in it, said the message).
    if (source.starts_with("\xEF\xBB\xBF")) source.remove_prefix(3);
    state.load(source, chunkname);
    push_env(L, kind);
    if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1); // _ENV is a text chunk's first upvalue
}

void close(lua::State& state) {
    lua_State* L = state;
    lua::StackGuard guard(L);
    lua_pushboolean(L, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, kClosed);
    lua_getfield(L, LUA_REGISTRYINDEX, kModules);
    const int modules = lua_gettop(L);
    lua_newtable(L);
    const int seen = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, modules)) {
        const std::string owner = fmt::format("modulet '{}'", lua_tostring(L, -2));
        if (!std::string_view(lua_tostring(L, -2)).starts_with("dsl.")) seal(L, -1, seen, owner);
        lua_pop(L, 1);
    }
    lua_pop(L, 2);
}

bool valid_module_name(std::string_view name) {
    if (name.empty() || name.size() > 200) return false;
    bool word_start = true;
    for (char c : name) {
        if (c == '.') {
            if (word_start) return false;
            word_start = true;
            continue;
        }
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
        word_start = false;
    }
    if (word_start) return false;
    auto first = name.substr(0, name.find('.'));
    return (first == "dsl" || first == "stdlib" || first == "municipalities") &&
           name.find('.') != std::string_view::npos;
}

void require_module(lua::State& state, std::string_view name) {
    lua_State* L = state;
    if (!valid_module_name(name))
        throw InputError(fmt::format(
            "brug \"{}\": ugyldigt modulnavn; skriv f.eks. brug \"stdlib.sel85\" (små bogstaver, "
            "ord adskilt af punktum, under dsl, stdlib eller municipalities)",
            printable_line(name)));
    lua_getfield(L, LUA_REGISTRYINDEX, kModules);
    lua_pushlstring(L, name.data(), name.size());
    lua_rawget(L, -2);
    if (!lua_isnil(L, -1)) {
        lua_remove(L, -2);
        if (lua_islightuserdata(L, -1))
            throw InputError(fmt::format("brug \"{}\": modulet bruger sig selv (cirkulær brug)", name));
        return;
    }
    lua_pop(L, 1);

    std::string path(name);
    for (char& c : path)
        if (c == '.') c = '/';
    path += ".lua";
    lua_getfield(L, LUA_REGISTRYINDEX, kSources);
    const auto* sources = static_cast<const Sources*>(lua_touserdata(L, -1));
    lua_pop(L, 1);
    auto text = sources->read(path);
    if (!text)
        throw InputError(fmt::format("brug \"{}\": {}", name,
                                     sources->outside(path).value_or(fmt::format("modulet findes ikke ({} i {})", path,
                                                                                 sources->describe()))));

    lua_pushlstring(L, name.data(), name.size());
    lua_pushlightuserdata(L, nullptr); // "loading": catches cycles
    lua_rawset(L, -3);
    const Env kind = name.starts_with("dsl.") ? Env::Trusted : Env::Standard;
    try {
        load(state, *text, "@" + path, kind);
        lua_call(L, 0, 1);
    } catch (...) {
        // Forget the "loading" mark so a corrected module can be tried again. Balanced
        // pushes only: a Lua error in flight keeps its message on top of the stack.
        lua_getfield(L, LUA_REGISTRYINDEX, kModules);
        lua_pushlstring(L, name.data(), name.size());
        lua_pushnil(L);
        lua_rawset(L, -3);
        lua_pop(L, 1);
        throw;
    }
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushlstring(L, name.data(), name.size());
    lua_pushvalue(L, -2);
    lua_rawset(L, -4);
    lua_remove(L, -2);
}

} // namespace kvalitet::sandbox
