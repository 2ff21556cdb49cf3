#include "lua_json.hpp"

#include <fmt/format.h>
#include <lauxlib.h>

#include <stdexcept>
#include <string>
#include <utility>

#include "bind/bind.hpp"
#include "harness/testfil.hpp"

namespace kvalitet::repl {

namespace {

constexpr int kMaxDepth = 40;
// A table used in many places is written out in each: 30 levels of { a = x, b = x } would be
// 2^30 values, and one 1 MB text in 3,000 places 3 GB. Past these, the value is refused.
constexpr std::size_t kMaxValues = 1000000;
constexpr std::size_t kMaxTextBytes = 64u << 20;
struct Budget {
    std::size_t values = 0, text_bytes = 0;
};
thread_local Budget* budget = nullptr; // the conversion running on this thread

[[noreturn]] void cannot(const std::string& path, const std::string& what) {
    throw std::runtime_error(fmt::format("{}{} kan ikke skrives som JSON", path.empty() ? "" : "'" + path + "': ", what));
}

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

Json convert(lua_State* L, int idx, const Json* sag, int depth, const std::string& path);

// A list when the keys are 1..n (so {} is an empty list, as in a test file), else an
// object with text keys.
Json table(lua_State* L, int idx, const Json* sag, int depth, const std::string& path) {
    lua_Integer n = 0, keys = 0;
    bool only_ints = true;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        ++keys;
        if (lua_isinteger(L, -2)) n = std::max(n, lua_tointeger(L, -2));
        else only_ints = false;
        lua_pop(L, 1);
    }
    if (only_ints && n == keys) {
        Json arr = Json::array();
        for (lua_Integer i = 1; i <= n; ++i) {
            lua_rawgeti(L, idx, i);
            arr.push_back(convert(L, lua_gettop(L), sag, depth + 1, fmt::format("{}[{}]", path, i)));
            lua_pop(L, 1);
        }
        return arr;
    }
    Json obj = Json::object();
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (lua_type(L, -2) != LUA_TSTRING)
            throw std::runtime_error(fmt::format("'{}' blander en liste {{ a, b }} og felter {{ navn = ... }}",
                                                 path.empty() ? "værdien" : path));
        const std::string key = lua_tostring(L, -2);
        obj[key] = convert(L, lua_gettop(L), sag, depth + 1, join(path, key));
        lua_pop(L, 1);
    }
    return obj;
}

// A case view through its __pairs: fields in their order (absent ones left out), or the
// elements of a list.
Json view(lua_State* L, int idx, const Json* sag, int depth, const std::string& path) {
    lua_getfield(L, -1, "__pairs"); // the metatable is on top
    lua_pushvalue(L, idx);
    lua_call(L, 1, 3);
    const int step = lua_gettop(L) - 2;
    Json out;
    for (;;) {
        lua_pushvalue(L, step);
        lua_pushvalue(L, step + 1);
        lua_pushvalue(L, step + 2);
        lua_call(L, 2, 2);
        if (lua_isnil(L, -2)) {
            lua_pop(L, 2);
            break;
        }
        lua_pushvalue(L, -2);
        lua_replace(L, step + 2); // the key is the next call's control value
        if (lua_type(L, -2) == LUA_TNUMBER) {
            if (!out.is_array()) out = Json::array();
            out.push_back(convert(L, lua_gettop(L), sag, depth + 1, fmt::format("{}[{}]", path, out.size() + 1)));
        } else if (!lua_isnil(L, -1)) {
            if (!out.is_object()) out = Json::object();
            const std::string key = lua_tostring(L, -2);
            out[key] = convert(L, lua_gettop(L), sag, depth + 1, join(path, key));
        }
        lua_pop(L, 2);
    }
    lua_pop(L, 3);
    return out.is_null() ? Json::object() : out;
}

Json userdata(lua_State* L, int idx, const Json* sag, int depth, const std::string& path) {
    if (Dato* d = bind::to_dato(L, idx)) return d->iso();
    if (!lua_getmetatable(L, idx)) cannot(path, "værdien");
    lua_getfield(L, -1, "__name");
    const std::string name = lua_isstring(L, -1) ? lua_tostring(L, -1) : "";
    lua_pop(L, 1);
    if (name == "sag") { // the case itself: as the session holds it, after reading it (a kept view refuses)
        lua_pop(L, 1);
        lua_getfield(L, idx, "id");
        lua_pop(L, 1);
        if (!sag) throw std::runtime_error("ingen sag indlæst — brug :sag FIL|ID");
        return *sag;
    }
    if (lua_getfield(L, -1, "__pairs") == LUA_TFUNCTION) {
        lua_pop(L, 1);
        Json j = view(L, idx, sag, depth, path);
        lua_pop(L, 1);
        return j;
    }
    lua_pop(L, 2);
    const std::string text = luaL_tolstring(L, idx, nullptr); // "ingen sag indlæst" raises here
    lua_pop(L, 1);
    cannot(path, text);
}

Json convert(lua_State* L, int idx, const Json* sag, int depth, const std::string& path) {
    if (depth > kMaxDepth) throw std::runtime_error(fmt::format("'{}' er for dybt indlejret", path));
    luaL_checkstack(L, 8, "for dybt indlejret");
    if (++budget->values > kMaxValues)
        throw std::runtime_error(fmt::format("'{}': værdien har mere end {} dele (en tabel brugt mange steder?)", path,
                                             kMaxValues));
    switch (lua_type(L, idx)) {
    case LUA_TNIL: return nullptr;
    case LUA_TBOOLEAN: return bool(lua_toboolean(L, idx));
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx)) return lua_tointeger(L, idx);
        return lua_tonumber(L, idx);
    case LUA_TSTRING: {
        std::size_t n = 0;
        const char* s = lua_tolstring(L, idx, &n);
        if ((budget->text_bytes += n) > kMaxTextBytes)
            throw std::runtime_error(fmt::format("'{}': værdiens tekster fylder mere end {} MiB i alt (en lang tekst "
                                                 "brugt mange steder?)",
                                                 path, kMaxTextBytes >> 20));
        return std::string(s, n);
    }
    case LUA_TLIGHTUSERDATA:
        if (harness::is_ukendt(L, idx)) return nullptr;
        break;
    case LUA_TUSERDATA: return userdata(L, idx, sag, depth, path);
    case LUA_TTABLE: return table(L, idx, sag, depth, path);
    default: break;
    }
    cannot(path, lua_type(L, idx) == LUA_TFUNCTION ? "en funktion" : "værdien");
}

} // namespace

Json lua_til_json(lua_State* L, int index, const Json* sag) {
    Budget b;
    struct Running {
        Budget* before;
        ~Running() { budget = before; }
    } running{std::exchange(budget, &b)};
    return convert(L, lua_absindex(L, index), sag, 0, "");
}

void json_til_lua(lua_State* L, const Json& j) {
    luaL_checkstack(L, 4, "for dybt indlejret");
    switch (j.type()) {
    case Json::value_t::null: harness::push_ukendt(L); return;
    case Json::value_t::boolean: lua_pushboolean(L, j.get<bool>()); return;
    case Json::value_t::number_integer: lua_pushinteger(L, j.get<lua_Integer>()); return;
    case Json::value_t::number_unsigned: lua_pushinteger(L, lua_Integer(j.get<std::uint64_t>())); return;
    case Json::value_t::number_float: lua_pushnumber(L, j.get<double>()); return;
    case Json::value_t::string: {
        const auto& s = j.get_ref<const std::string&>();
        lua_pushlstring(L, s.data(), s.size());
        return;
    }
    case Json::value_t::array: {
        lua_createtable(L, int(j.size()), 0);
        lua_Integer i = 0;
        for (const auto& x : j) {
            json_til_lua(L, x);
            lua_rawseti(L, -2, ++i);
        }
        return;
    }
    case Json::value_t::object: {
        lua_createtable(L, 0, int(j.size()));
        for (const auto& [k, v] : j.items()) {
            json_til_lua(L, v);
            lua_setfield(L, -2, k.c_str());
        }
        return;
    }
    default: lua_pushnil(L); return;
    }
}

} // namespace kvalitet::repl
