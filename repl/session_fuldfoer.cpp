// Tab completion: meta-commands, Lua names and the fields under them (through tables and
// case views), and the arguments of :kommune, :sag and :saet.
#include <lauxlib.h>

#include <algorithm>

#include "beskyttet.hpp"
#include "engine/versioner.hpp"
#include "fuldfoer.hpp"
#include "session.hpp"
#include "session_intern.hpp"

namespace kvalitet::repl {

namespace {

bool identifier(std::string_view s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// "a.b.c" → a, b, c; empty when a part is not a plain name (a call, an index).
std::vector<std::string> name_path(std::string_view s) {
    std::vector<std::string> out;
    std::size_t a = 0;
    for (;;) {
        const auto dot = s.find('.', a);
        const auto part = s.substr(a, dot == std::string_view::npos ? std::string_view::npos : dot - a);
        if (!identifier(part)) return {};
        out.emplace_back(part);
        if (dot == std::string_view::npos) return out;
        a = dot + 1;
    }
}

// The names under the value on top of the stack: a table's text keys (and those of a
// table its metatable's __index points at), a case view's fields through __pairs alone.
void names_under(lua_State* L, std::vector<std::string>& out) {
    const int v = lua_gettop(L);
    if (lua_istable(L, v)) {
        lua_pushnil(L);
        while (lua_next(L, v)) {
            if (lua_type(L, -2) == LUA_TSTRING) out.emplace_back(lua_tostring(L, -2));
            lua_pop(L, 1);
        }
    }
    if (!lua_getmetatable(L, v)) return;
    const bool view = lua_type(L, v) == LUA_TUSERDATA && lua_getfield(L, -1, "__pairs") == LUA_TFUNCTION;
    if (view) {
        lua_pushvalue(L, v);
        lua_call(L, 1, 3);
        for (int n = 0; n < 200; ++n) {
            lua_pushvalue(L, -3);
            lua_pushvalue(L, -3);
            lua_pushvalue(L, -3);
            lua_call(L, 2, 2);
            if (lua_isnil(L, -2)) {
                lua_pop(L, 2);
                break;
            }
            lua_pop(L, 1);
            if (lua_type(L, -1) == LUA_TSTRING) out.emplace_back(lua_tostring(L, -1));
            lua_replace(L, -2); // the key is the next call's control value
        }
        lua_pop(L, 3);
    } else if (lua_type(L, v) == LUA_TUSERDATA) {
        lua_pop(L, 1); // the __pairs that was not a function
    }
    if (view) { // its __pairs named every field (its __index may be a table of some of them)
        lua_pop(L, 1);
        return;
    }
    if (lua_getfield(L, -1, "__index") == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) == LUA_TSTRING) out.emplace_back(lua_tostring(L, -2));
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 2);
}

} // namespace

std::vector<std::string> Session::complete_lua(const std::string& word) {
    std::vector<std::string> out;
    const auto dot = word.rfind('.');
    const std::vector<std::string> path = dot == std::string::npos ? std::vector<std::string>{} : name_path(word.substr(0, dot));
    if (dot != std::string::npos && path.empty()) return out;
    const std::string rest = dot == std::string::npos ? word : word.substr(dot + 1);
    std::vector<std::string> names;
    // Protected: the walk reads fields and metatables (a kept view raises, a missing global
    // raises), and with memory at the cap even a push can raise.
    auto walk = [&](lua_State* L) {
        luaL_checkstack(L, 10, nullptr);
        lua_rawgeti(L, LUA_REGISTRYINDEX, env_ref_);
        if (path.empty()) { // globals: the session's own and the base environment's
            names_under(L, names);
            return;
        }
        for (const auto& p : path) {
            lua_getfield(L, -1, p.c_str());
            lua_remove(L, -2);
        }
        names_under(L, names);
    };
    try {
        run_protected(state(), walk);
    } catch (const ScriptError&) {
        // no candidates from Lua, then; completion must never disturb the line
    }
    const std::string prefix = dot == std::string::npos ? "" : word.substr(0, dot + 1);
    for (const auto& n : names)
        if (n.starts_with(rest) && identifier(n)) out.push_back(prefix + n);
    return out;
}

std::vector<std::string> Session::complete(const std::string& before, const std::string& word) {
    std::vector<std::string> out;
    const std::string b = intern::trim(before);
    if (b.empty() && !word.empty() && word[0] == ':') {
        for (auto* m : intern::meta_commands())
            if (std::string_view(m).starts_with(word)) out.emplace_back(m);
        std::sort(out.begin(), out.end());
        return out;
    }
    if (!b.empty() && b[0] == ':') {
        const auto end = b.find_first_of(" \t");
        const std::string cmd = b.substr(0, end);
        // What is typed of the argument: the line splits words at '/' and '-' too, so a
        // path or an id may begin before `word`.
        const auto arg_at = before.find_first_not_of(" \t", before.find(cmd) + cmd.size());
        const std::string typed = arg_at == std::string::npos ? "" : before.substr(arg_at);
        const std::string full = typed + word;
        std::vector<std::string> found;
        if (cmd == ":kommune") {
            const auto space = full.find_first_of(" \t");
            if (space == std::string::npos) {
                for (const auto& k : kommuner(sources_))
                    if (k.starts_with(full)) found.push_back(k);
            } else { // :kommune ID DATO: the dates its versions take effect
                try {
                    for (const auto& v : versioner(sources_, full.substr(0, space)))
                        if (v.gyldig_fra && (full.substr(0, space + 1) + v.gyldig_fra->iso()).starts_with(full))
                            found.push_back(full.substr(0, space + 1) + v.gyldig_fra->iso());
                } catch (const std::exception&) {
                    // an unknown id or a broken version: nothing to offer
                }
            }
        } else if (cmd == ":sag") {
            found = filnavne(full);
            for (auto& id : sags_ider(db_path(), full)) found.push_back(std::move(id));
        } else if (cmd == ":saet" || cmd == ":sæt") {
            if (typed.find_first_of(" \t") != std::string::npos) { // the value
                for (const char* v : {"true", "false", "ukendt"})
                    if (std::string_view(v).starts_with(full.substr(full.find_last_of(" \t") + 1))) found.push_back(typed + v);
            } else {
                for (const auto& c : complete_lua("sag." + full)) found.push_back(c.substr(4));
            }
        } else if (cmd == ":json" || cmd == ":vurder") {
            return complete_lua(word);
        }
        for (const auto& f : found)
            if (f.starts_with(typed)) out.push_back(f.substr(typed.size()));
    } else {
        out = complete_lua(word);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool Session::space_after(const std::string& before, const std::string& completed) const {
    if (completed.empty() || completed.back() == '/') return false;
    const std::string b = intern::trim(before);
    if (b.empty()) return completed[0] == ':';
    return b.starts_with(":kommune") || (b.starts_with(":sag") && !b.starts_with(":sager"));
}

} // namespace kvalitet::repl
