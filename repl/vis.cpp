#include "vis.hpp"

#include <fmt/format.h>
#include <lauxlib.h>

#include <algorithm>
#include <vector>

#include "bind/bind.hpp"
#include "harness/testfil.hpp"

namespace kvalitet::repl {

namespace {

// Deeper than this a value shows as {…}: the whole case is four levels.
constexpr int kMaxDepth = 4;
// Entries shown of one table; a view's lists are bounded by the case's own limits.
constexpr std::size_t kMaxEntries = 200;

void pretty(lua_State* L, int idx, std::string& out, int depth, Dato dato);

std::string key_text(lua_State* L, int key) {
    if (lua_type(L, key) == LUA_TSTRING) return lua_tostring(L, key);
    if (lua_isinteger(L, key)) return fmt::format("[{}]", lua_tointeger(L, key));
    return fmt::format("[{}]", lua_tonumber(L, key));
}

// Opens "{", one "key = value," a line (the value shown by pretty), closes "}".
class Block {
public:
    Block(std::string& out, int depth) : out_(out), depth_(depth) {}
    void entry(lua_State* L, int key, int value, Dato dato) {
        out_ += (any_ ? "" : "{\n") + std::string(std::size_t(2 * (depth_ + 1)), ' ') + key_text(L, key) + " = ";
        any_ = true;
        pretty(L, value, out_, depth_ + 1, dato);
        out_ += ",\n";
    }
    void close() { out_ += any_ ? std::string(std::size_t(2 * depth_), ' ') + "}" : "{}"; }

private:
    std::string& out_;
    int depth_;
    bool any_ = false;
};

// A table's entries sorted (numbers first, then names), read without metamethods.
void pretty_table(lua_State* L, int idx, std::string& out, int depth, Dato dato) {
    struct Entry {
        bool number;
        double n;
        std::string s;
    };
    if (depth >= kMaxDepth) {
        out += "{…}";
        return;
    }
    std::vector<Entry> order;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TNUMBER) order.push_back({true, lua_tonumber(L, -1), {}});
        else if (lua_type(L, -1) == LUA_TSTRING) order.push_back({false, 0, lua_tostring(L, -1)});
        if (order.size() > kMaxEntries) {
            lua_pop(L, 1); // the key lua_next would have taken
            break;
        }
    }
    std::sort(order.begin(), order.end(), [](const Entry& a, const Entry& b) {
        if (a.number != b.number) return a.number;
        return a.number ? a.n < b.n : a.s < b.s;
    });
    Block block(out, depth);
    for (const auto& e : order) {
        if (!e.number) lua_pushstring(L, e.s.c_str());
        else if (e.n == double(lua_Integer(e.n))) lua_pushinteger(L, lua_Integer(e.n));
        else lua_pushnumber(L, e.n);
        lua_pushvalue(L, -1);
        lua_rawget(L, idx);
        block.entry(L, lua_gettop(L) - 1, lua_gettop(L), dato);
        lua_pop(L, 2);
    }
    block.close();
}

// A case view through its __pairs (on top of the stack: the view's metatable): its
// fields in their declared order, or its elements.
void pretty_view(lua_State* L, int idx, std::string& out, int depth, Dato dato) {
    lua_getfield(L, -1, "__pairs");
    lua_pushvalue(L, idx);
    lua_call(L, 1, 3);
    const int step = lua_gettop(L) - 2;
    Block block(out, depth);
    for (std::size_t n = 0; n < kMaxEntries; ++n) {
        lua_pushvalue(L, step);
        lua_pushvalue(L, step + 1);
        lua_pushvalue(L, step + 2);
        lua_call(L, 2, 2);
        if (lua_isnil(L, -2)) {
            lua_pop(L, 2);
            break;
        }
        lua_pushvalue(L, -2);
        lua_replace(L, step + 2);
        if (lua_isnil(L, -1)) {
            lua_pop(L, 1);
            harness::push_ukendt(L); // an absent fact: shown as the word that writes one
        }
        block.entry(L, lua_gettop(L) - 1, lua_gettop(L), dato);
        lua_pop(L, 2);
    }
    lua_pop(L, 3);
    block.close();
}

// A userdata with __pairs is a case view (or another listable value): shown as a table.
bool try_view(lua_State* L, int idx, std::string& out, int depth, Dato dato) {
    if (!lua_getmetatable(L, idx)) return false;
    const bool listable = lua_getfield(L, -1, "__pairs") == LUA_TFUNCTION;
    lua_pop(L, 1);
    if (listable && depth >= kMaxDepth) out += "{…}";
    else if (listable) pretty_view(L, idx, out, depth, dato);
    lua_pop(L, 1);
    return listable;
}

void pretty(lua_State* L, int idx, std::string& out, int depth, Dato dato) {
    idx = lua_absindex(L, idx);
    luaL_checkstack(L, 8, "for dybt indlejret");
    const int type = lua_type(L, idx);
    switch (type) {
    case LUA_TSTRING: out += fmt::format("\"{}\"", lua_tostring(L, idx)); return;
    case LUA_TTABLE: pretty_table(L, idx, out, depth, dato); return;
    case LUA_TFUNCTION: out += "<funktion>"; return;
    case LUA_TNIL: out += "ukendt"; return; // an absent fact, in the words a case is written in
    case LUA_TLIGHTUSERDATA:
        if (harness::is_ukendt(L, idx)) {
            out += "ukendt";
            return;
        }
        break;
    case LUA_TUSERDATA:
        if (Dato* d = bind::to_dato(L, idx)) {
            out += d->lang();
            return;
        }
        if (try_view(L, idx, out, depth, dato)) return;
        break;
    default: break;
    }
    const std::string text = luaL_tolstring(L, idx, nullptr);
    lua_pop(L, 1);
    out += text;
    // A Frist also shows its status on the session's date.
    if (type == LUA_TUSERDATA && text.rfind("frist ", 0) == 0) {
        if (lua_getfield(L, idx, "status") == LUA_TFUNCTION) {
            lua_pushvalue(L, idx);
            bind::push_dato(L, dato);
            lua_call(L, 2, 1);
            if (const char* status = lua_tostring(L, -1)) out += fmt::format(" — {}", status);
        }
        lua_pop(L, 1);
    }
}

} // namespace

std::string vis(lua_State* L, int index, Dato dato) {
    std::string out;
    pretty(L, index, out, 0, dato);
    return out;
}

} // namespace kvalitet::repl
