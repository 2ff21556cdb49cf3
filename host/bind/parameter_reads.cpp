#include "bind/parameter_reads.hpp"

#include <lauxlib.h>

#include <string>
#include <string_view>
#include <vector>

#include "bind/interned.hpp"
#include "domain/tekst.hpp"
#include "lua/state.hpp"
#include "sandbox.hpp"

namespace kvalitet::bind {

namespace {

constexpr int kMaxValuesNamed = 256; // per parameter: a longer list is read, just not named

// A name the contents do not hold: their own __index decides (a dated parameter's value, an
// unknown name's "mente du"). Its error names the rule's line, as it did before the
// recording closure stood between the rule and it.
int not_held(lua_State* L) {
    lua_settop(L, 2);
    if (!lua_getmetatable(L, lua_upvalueindex(1)) || lua_getfield(L, -1, "__index") == LUA_TNIL) {
        lua_pushnil(L);
        return 1;
    }
    if (!lua_isfunction(L, -1)) {
        lua_pushvalue(L, 2);
        lua_gettable(L, -2);
        return 1;
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 2);
    if (lua_pcall(L, 2, 1, 0) != LUA_OK) {
        if (lua_type(L, -1) == LUA_TSTRING) {
            luaL_where(L, 1);
            lua_insert(L, -2);
            lua_concat(L, 2);
        }
        return lua_error(L);
    }
    return 1;
}

// A text parameter as the trace shows it: whole up to kMaxShown bytes, else cut at a
// character boundary and marked, so rules reading long texts cannot grow an assessment.
constexpr std::size_t kMaxShown = 200;
std::string shown_text(lua_State* L, int i) {
    std::size_t n = 0;
    const char* p = lua_tolstring(L, i, &n);
    if (n <= kMaxShown) return std::string(p, n);
    return std::string(utf8_prefix({p, n}, kMaxShown)) + "…";
}

// A name watch() put in a table of names: only a light userdata is one (the table is the
// host's own, but a pointer is never taken from anything else).
const std::string* name_at(lua_State* L, int i) {
    return lua_islightuserdata(L, i) ? static_cast<const std::string*>(lua_touserdata(L, i)) : nullptr;
}

// Records that the value at `value` (of type t) was read under the key at `key`, when a
// case is assessed with a full trace and the value is one the trace shows. `names` maps
// each key to its name (lightuserdata, const std::string*).
void record(lua_State* L, CaseContext& ctx, int names, int key, int value, int t) {
    if (!ctx.sag || !ctx.values_wanted || (t != LUA_TNUMBER && t != LUA_TBOOLEAN && t != LUA_TSTRING)) return;
    lua_pushvalue(L, key);
    lua_rawget(L, names);
    if (const auto* name = name_at(L, -1)) {
        if (t == LUA_TNUMBER) ctx.read_value(*name, double(lua_tonumber(L, value)));
        else if (t == LUA_TBOOLEAN) ctx.read_value(*name, lua_toboolean(L, value) != 0);
        else ctx.read_value(*name, shown_text(L, value));
    }
    lua_pop(L, 1);
}

// __index of the parameter table and of each parameter's frozen values.
// Upvalues: 1 the contents, 2 key -> lightuserdata (const std::string*) name, 3 the context.
int recording_index(lua_State* L) {
    lua_settop(L, 2);
    lua_pushvalue(L, 2);
    const int t = lua_rawget(L, lua_upvalueindex(1));
    if (t == LUA_TNIL) return not_held(L);
    record(L, *static_cast<CaseContext*>(lua_touserdata(L, lua_upvalueindex(3))), lua_upvalueindex(2), 2, 3, t);
    return 1;
}

// "navn", "navn[4]", "navn.telefon": the name of key `k` (at the top) under `prefix`.
std::string name_of_key(lua_State* L, const std::string& prefix) {
    if (prefix.empty()) return lua_tostring(L, -1);
    if (lua_isinteger(L, -1)) return prefix + "[" + std::to_string(lua_tointeger(L, -1)) + "]";
    return prefix + "." + lua_tostring(L, -1);
}

bool scalar(int t) { return t == LUA_TNUMBER || t == LUA_TBOOLEAN || t == LUA_TSTRING; }

// Marks a metatable watch() has made recording, so it is not wrapped a second time.
const char kWatched = 0;

bool frozen(lua_State* L, int index) {
    sandbox::frozen_contents(L, index);
    const bool yes = !lua_rawequal(L, -1, index);
    lua_pop(L, 1);
    return yes;
}

// Replaces the frozen table at `index` by a frozen table of its own over the same contents,
// not yet watched. The table a script gave is not watched itself: given to two parameters
// (`a = { vaerdi = T }, b = { vaerdi = T }`), nested in a third, or kept in a local, it would
// name every read through it after whichever parameter was watched first.
void own_proxy(lua_State* L, int index) {
    index = lua_absindex(L, index);
    lua_newtable(L);
    lua_newtable(L); // its metatable: the shared one's fields
    lua_getmetatable(L, index);
    lua::copy_fields(L, -1, -2);
    lua_pop(L, 1);
    sandbox::frozen_contents(L, index);
    lua_setfield(L, -2, "__index");
    lua_pushnil(L);
    lua_rawsetp(L, -2, &kWatched);
    lua_setmetatable(L, -2);
    lua_replace(L, index);
}

// What watching needs beside the stack: the context reads report to, the standard's names.
struct Watching {
    CaseContext& ctx;
    NamePool& names;
};

void watch(lua_State* L, int mt, const std::string& prefix, Watching& w);

// Watches each parameter's table of values under the parameter's name, through a frozen
// table of its own (own_proxy), so only a read through the parameter is named after it.
void watch_each_own(lua_State* L, int contents, Watching& w) {
    std::vector<std::string> keys;
    lua_pushnil(L);
    while (lua_next(L, contents)) {
        if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TTABLE) {
            std::size_t n = 0;
            const char* k = lua_tolstring(L, -2, &n);
            keys.emplace_back(k, n);
        }
        lua_pop(L, 1);
    }
    for (const auto& k : keys) {
        lua_pushlstring(L, k.data(), k.size());
        lua_rawget(L, contents);
        if (frozen(L, lua_gettop(L))) {
            own_proxy(L, -1);
            lua_pushlstring(L, k.data(), k.size());
            lua_pushvalue(L, -2);
            lua_rawset(L, contents);
        }
        if (lua_getmetatable(L, -1)) {
            watch(L, -1, k, w);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
}

// Replaces the __index table of the metatable at `mt` by a recording one, naming each
// scalar value under `prefix`; recurses one level into the parameters' own tables.
// Values the trace never shows (a parameter's table of values, a date) are not read
// through the recording closure: they sit in a table of their own in front of it, which
// Lua looks in without a call into C (P.pakke_fra_vum_sum[n] made two such calls).
void watch(lua_State* L, int mt, const std::string& prefix, Watching& w) {
    mt = lua_absindex(L, mt);
    const int top = lua_gettop(L);
    if (lua_rawgetp(L, mt, &kWatched) != LUA_TNIL || lua_getfield(L, mt, "__index") != LUA_TTABLE) {
        lua_settop(L, top);
        return;
    }
    lua_remove(L, -2);
    const int contents = lua_gettop(L);
    if (prefix.empty()) watch_each_own(L, contents, w);
    lua_newtable(L);
    const int names = lua_gettop(L);
    lua_newtable(L);
    const int direct = lua_gettop(L);
    bool any_direct = false;
    int named = 0;
    lua_pushnil(L);
    while (lua_next(L, contents)) {
        const int vt = lua_type(L, -1);
        const int kt = lua_type(L, -2);
        if (!scalar(vt)) {
            lua_pushvalue(L, -2);
            lua_pushvalue(L, -2);
            lua_rawset(L, direct);
            any_direct = true;
        }
        if (kt == LUA_TSTRING || lua_isinteger(L, -2)) {
            lua_pushvalue(L, -2);
            const std::string name = name_of_key(L, prefix); // converts only the copy
            lua_pop(L, 1);
            if (scalar(vt) && named < kMaxValuesNamed) {
                if (const std::string* pooled = w.names.intern(name)) {
                    lua_pushvalue(L, -2);
                    lua_pushlightuserdata(L, const_cast<std::string*>(pooled));
                    lua_rawset(L, names);
                    ++named;
                }
            } else if (vt == LUA_TTABLE && prefix.empty() && lua_getmetatable(L, -1)) {
                watch(L, -1, name, w);
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 1);
    }
    lua_pushvalue(L, contents);
    lua_pushvalue(L, names);
    lua_pushlightuserdata(L, &w.ctx);
    lua_pushcclosure(L, lua::guarded<recording_index>, 3);
    if (any_direct) {
        lua_createtable(L, 0, 1);
        lua_insert(L, -2);
        lua_setfield(L, -2, "__index");
        lua_setmetatable(L, direct);
        lua_pushvalue(L, direct);
    }
    lua_setfield(L, mt, "__index");
    lua_pushboolean(L, 1);
    lua_rawsetp(L, mt, &kWatched);
    lua_settop(L, contents - 1);
}

// The relation the trace writes for mindst (x >= n) or hoejst (x <= n), as it held or not.
std::string_view relation(bool mindst, bool holds) { return mindst ? (holds ? "≥" : "<") : (holds ? "≤" : ">"); }

// _vaert.sammenlignet(x, n, mindst)
int compared(lua_State* L) {
    auto* ctx = static_cast<CaseContext*>(lua_touserdata(L, lua_upvalueindex(1)));
    if (!ctx->sag || !ctx->values_wanted || lua_type(L, 1) != LUA_TNUMBER || lua_type(L, 2) != LUA_TNUMBER) return 0;
    const double a = lua_tonumber(L, 1), b = lua_tonumber(L, 2);
    const bool mindst = lua_toboolean(L, 3);
    ctx->compared(a, b, relation(mindst, mindst ? a >= b : a <= b));
    return 0;
}

// mindst(x, n) and hoejst(x, n) for two numbers, answered here with the comparison recorded
// as _vaert.sammenlignet records it: one call from a rule instead of a Lua function and a
// call. Anything else (nil, dates, a wrong type) goes to the Lua definition, upvalue 2, so
// its answers and its errors are the DSL's own.
int compare_numbers(lua_State* L) {
    // mindst(x, 7,5) is mindst(x, 7, 5): a Danish decimal comma, silently 7
    if (lua_gettop(L) > 2)
        return luaL_error(L, "%s(x, n) tager to tal, men fik %d; et decimaltal skrives med punktum (7.5, ikke 7,5)",
                          lua_toboolean(L, lua_upvalueindex(3)) ? "mindst" : "hoejst", lua_gettop(L));
    if (lua_type(L, 1) == LUA_TNUMBER && lua_type(L, 2) == LUA_TNUMBER) {
        const bool mindst = lua_toboolean(L, lua_upvalueindex(3));
        const bool holds = mindst ? lua_compare(L, 2, 1, LUA_OPLE) : lua_compare(L, 1, 2, LUA_OPLE);
        auto* ctx = static_cast<CaseContext*>(lua_touserdata(L, lua_upvalueindex(1)));
        if (ctx->sag && ctx->values_wanted) // the relation that held, exactly: beyond 2^53 the doubles may be equal
            ctx->compared(lua_tonumber(L, 1), lua_tonumber(L, 2), relation(mindst, holds));
        lua_pushboolean(L, holds);
        return 1;
    }
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

// _vaert.sammenligning(definition, mindst): the fast mindst or hoejst over `definition`.
int make_comparer(lua_State* L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 1);
    lua_pushboolean(L, lua_toboolean(L, 2));
    lua_pushcclosure(L, lua::guarded<compare_numbers>, 3);
    return 1;
}

} // namespace

void CaseContext::compared(double a, double b, std::string_view op, std::string_view a_navn) {
    // Names: the rule reads n after x (mindst(x, n)), so b is the latest read with its
    // value and a the latest other one. A value computed in the rule has no name. Once the
    // rule's values are at their bound, the reads behind x and n may be among those dropped:
    // an equal number found would name the wrong read, so none is named.
    std::string_view b_navn;
    if (values.size() < bounds.values) {
        const bool a_known = !a_navn.empty();
        std::size_t bi = values.size();
        for (std::size_t i = values.size(); i-- > 0;)
            if (auto* d = std::get_if<double>(&values[i].second); d && *d == b && values[i].first != a_navn) {
                bi = i;
                break;
            }
        if (bi < values.size()) b_navn = values[bi].first;
        for (std::size_t i = values.size(); !a_known && i-- > 0;)
            if (auto* d = std::get_if<double>(&values[i].second); d && *d == a && i != bi) {
                a_navn = values[i].first;
                break;
            }
    }
    Sammenligning c{a, b, op, a_navn, b_navn};
    for (const auto& x : comparisons)
        if (x == c) return;
    if (comparisons.size() >= bounds.comparisons) {
        afkortet = true;
        return;
    }
    comparisons.push_back(c);
}

ParameterReads::ParameterReads(lua_State* L, int t) : L_(L), t_(lua_absindex(L, t)) {
    luaL_checkstack(L, 6, "parametre");
    const int top = lua_gettop(L);
    if (!lua_getmetatable(L, t_)) return;
    lua_pushliteral(L, "__index");
    lua_rawget(L, -2);
    if (lua_istable(L, -1) && lua_getmetatable(L, -1)) { // the values read without a call (watch)
        lua_pushliteral(L, "__index");
        lua_rawget(L, -2);
    }
    if (lua_tocfunction(L, -1) != &lua::guarded<recording_index>) {
        lua_settop(L, top);
        return;
    }
    lua_getupvalue(L, -1, 1);
    contents_ = lua_gettop(L);
    lua_getupvalue(L, -2, 2);
    names_ = lua_gettop(L);
    lua_getupvalue(L, -3, 3);
    ctx_ = static_cast<CaseContext*>(lua_touserdata(L, -1));
    lua_pop(L, 1);
}

int ParameterReads::get(std::string_view key) {
    lua_pushlstring(L_, key.data(), key.size());
    if (!ctx_) return lua_gettable(L_, t_);
    lua_pushvalue(L_, -1);
    const int t = lua_rawget(L_, contents_);
    if (t == LUA_TNIL) { // not held: the table's own __index answers (and names the mistake)
        lua_pop(L_, 1);
        return lua_gettable(L_, t_);
    }
    const int top = lua_gettop(L_);
    record(L_, *ctx_, names_, top - 1, top, t);
    lua_remove(L_, top - 1);
    return t;
}

std::optional<ParameterReads::Answer> ParameterReads::answer(std::string_view key) {
    if (!ctx_) return std::nullopt;
    lua_pushlstring(L_, key.data(), key.size());
    lua_pushvalue(L_, -1);
    const int t = lua_rawget(L_, contents_);
    std::optional<Answer> out;
    if (t == LUA_TBOOLEAN || t == LUA_TNUMBER) {
        lua_pushvalue(L_, -2);
        lua_rawget(L_, names_);
        out = Answer{t == LUA_TNUMBER, t == LUA_TNUMBER ? double(lua_tonumber(L_, -2)) : lua_toboolean(L_, -2) ? 1.0 : 0.0,
                     name_at(L_, -1)};
        lua_pop(L_, 1);
    } else if (t == LUA_TNIL && !lua_getmetatable(L_, contents_)) {
        out = Answer{false, 0.0, nullptr}; // not held, and nothing behind the contents: nil (not_held)
    } else if (t == LUA_TNIL) {
        lua_pop(L_, 1);
    }
    lua_pop(L_, 2);
    return out;
}

void watch_parameters(lua_State* L, int proxy, CaseContext& ctx, NamePool& names) {
    if (!lua_istable(L, proxy) || !lua_getmetatable(L, proxy)) return;
    Watching w{ctx, names};
    watch(L, -1, "", w);
    lua_pop(L, 1);
}

void push_comparison_recorder(lua_State* L, CaseContext& ctx) {
    lua_pushlightuserdata(L, &ctx);
    lua_pushcclosure(L, lua::guarded<compared>, 1);
}

void push_comparer_factory(lua_State* L, CaseContext& ctx) {
    lua_pushlightuserdata(L, &ctx);
    lua_pushcclosure(L, lua::guarded<make_comparer>, 1);
}

} // namespace kvalitet::bind
