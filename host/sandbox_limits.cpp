// Budgets that hold inside C. The time budget's hook never fires inside a C function, and
// a C function can allocate or loop far past the budget in one call. So each library
// function a script can make run long is bounded here, in the real library tables (a
// string's methods reach the real `string` table through its metatable):
//
//  - string.rep: the result's size is checked against the memory left before building it,
//    and an empty result returns at once (string.rep("", math.maxinteger) loops forever).
//  - string.find/match/gmatch/gsub: Lua's matcher backtracks without limit. Before a call
//    runs, an upper bound of its steps is computed from the pattern and the subject (see
//    pattern_cost); a call whose bound exceeds kMaxPatternSteps is refused in Danish.
//  - table.move: written again with the budget checked as it goes; table.insert, remove and
//    sort: refused beyond 10^7 elements (and sort beyond ~10^9 bytes of string compares).
//  - string.format: no "%p" (a heap address), and a table or function given to "%s" is
//    named, not shown by address, so the output cannot differ between runs.
//  - tostring: likewise without addresses; pairs: in sorted key order, since the order of
//    a Lua table's hash part depends on a per-state random seed (--traade 1 and 2 would
//    differ). `next` is not offered at all, for the same reason.
#include <fmt/format.h>
#include <lauxlib.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "bind/type_text.hpp"
#include "domain/tekst.hpp"
#include "lua/sort_pivot.hpp"
#include "lua/state.hpp"
#include "sandbox.hpp"

namespace kvalitet::sandbox {

namespace {

constexpr double kMaxPatternSteps = 1e8;

// The wrapped library function (upvalue 1) on all the arguments, once a wrapper has
// checked them; returns what it returns.
int call_original(lua_State* L) {
    const int nargs = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, nargs, LUA_MULTRET);
    return lua_gettop(L);
}

// ---- iterators with state -------------------------------------------------------------

// Which case an iterator is begun in, as an upvalue for same_case().
void push_case_number(lua_State* L) { lua_pushinteger(L, lua_Integer(lua::State::host(L).sag_nr)); }

// Refuses an iterator begun in another case, or while the standard loaded: its position and
// its table would go from one case to the next (lua/state.hpp, Host::sag_nr).
void same_case(lua_State* L, int upvalue, const char* fn) {
    if (lua_Integer(lua::State::host(L).sag_nr) != lua_tointeger(L, lua_upvalueindex(upvalue)))
        luaL_error(L, "%s: gennemgangen er begyndt uden for denne sag (mens standarden blev indlæst, eller i en "
                      "anden sag), og en regel kan ikke huske noget fra en sag til den næste; begynd den i reglen "
                      "(for k, v in %s(...) do ... end)", fn, fn);
}

// string.gmatch's iterator, guarded. Upvalues: Lua's iterator, the case it was begun in.
int gmatch_step(lua_State* L) {
    same_case(L, 2, "string.gmatch");
    lua_settop(L, 0);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_call(L, 0, LUA_MULTRET);
    return lua_gettop(L);
}

// ---- patterns --------------------------------------------------------------------------

bool class_byte(unsigned char c, char cl) {
    bool res;
    switch (std::tolower(static_cast<unsigned char>(cl))) {
    case 'a': res = std::isalpha(c); break;
    case 'c': res = std::iscntrl(c); break;
    case 'd': res = std::isdigit(c); break;
    case 'g': res = std::isgraph(c); break;
    case 'l': res = std::islower(c); break;
    case 'p': res = std::ispunct(c); break;
    case 's': res = std::isspace(c); break;
    case 'u': res = std::isupper(c); break;
    case 'w': res = std::isalnum(c); break;
    case 'x': res = std::isxdigit(c); break;
    default: return static_cast<unsigned char>(cl) == c;
    }
    return std::isupper(static_cast<unsigned char>(cl)) ? !res : res;
}

// One single-character class of a pattern: [begin, end) is ".", "%a", "[...]" or a byte.
struct Item {
    const char* begin;
    const char* end;

    bool matches(unsigned char c) const {
        switch (*begin) {
        case '.': return true;
        case '%': return class_byte(c, begin[1]);
        case '[': return in_set(c);
        default: return static_cast<unsigned char>(*begin) == c;
        }
    }

    bool in_set(unsigned char c) const {
        const char* p = begin + 1;
        const char* last = end - 1; // the closing ']'
        bool negate = false;
        if (*p == '^') {
            negate = true;
            ++p;
        }
        bool found = false;
        while (p < last) {
            if (*p == '%' && p + 1 < last) {
                ++p;
                if (class_byte(c, *p)) found = true;
                ++p;
            } else if (p + 2 < last && p[1] == '-') {
                if (static_cast<unsigned char>(p[0]) <= c && c <= static_cast<unsigned char>(p[2])) found = true;
                p += 3;
            } else {
                if (static_cast<unsigned char>(*p) == c) found = true;
                ++p;
            }
        }
        return negate ? !found : found;
    }
};

// The end of the class starting at p, or nullptr for a malformed pattern (Lua's own
// matcher then raises its error, so the estimate need not).
const char* class_end(const char* p, const char* pe) {
    if (*p == '%') return p + 1 < pe ? p + 2 : nullptr;
    if (*p != '[') return p + 1;
    ++p;
    if (p < pe && *p == '^') ++p;
    do {
        if (p >= pe) return nullptr;
        if (*p++ == '%' && p < pe) ++p;
    } while (p >= pe || *p != ']');
    return p + 1;
}

// The longest run of consecutive subject bytes that `item` matches: how far one
// quantifier on it can expand from any position.
double longest_run(const Item& item, std::string_view s) {
    std::size_t best = 0, run = 0;
    for (unsigned char c : s) {
        run = item.matches(c) ? run + 1 : 0;
        best = std::max(best, run);
    }
    return double(best);
}

// An upper bound of the matcher's steps for `pattern` over `subject`: the start positions
// times, for every quantified item, the ways it can expand (its longest run + 1, or 2 for
// '?'), times a linear factor for %b and back-references, times the items compared per
// path. Sound for Lua's backtracking matcher, which explores at most these paths.
// `anchor`: whether a leading '^' anchors the match at the start; string.gmatch reads it as
// the character '^' and tries every start (Lua 5.4's manual, string.gmatch).
double pattern_cost(std::string_view subject, std::string_view pattern, bool anchor) {
    const char* p = pattern.data();
    const char* pe = p + pattern.size();
    const double n = double(subject.size());
    double starts = n + 1;
    if (anchor && p < pe && *p == '^') {
        starts = 1;
        ++p;
    }
    double paths = 1;
    while (p < pe) {
        if (*p == '(' || *p == ')' || (*p == '$' && p + 1 == pe)) {
            ++p;
            continue;
        }
        if (*p == '%' && p + 1 < pe) {
            const char c = p[1];
            if (c == 'b') { // %bxy: a linear scan for the balanced end
                paths *= n + 1;
                p += std::min<std::ptrdiff_t>(4, pe - p);
                continue;
            }
            if (c == 'f') { // %f[set]: one test
                p += 2;
                const char* e = p < pe ? class_end(p, pe) : nullptr;
                if (!e) return 0;
                p = e;
                continue;
            }
            if (c >= '0' && c <= '9') { // a back-reference compares a capture
                paths *= n + 1;
                p += 2;
                continue;
            }
        }
        const char* e = class_end(p, pe);
        if (!e) return 0;
        const Item item{p, e};
        p = e;
        if (p < pe && (*p == '*' || *p == '+' || *p == '-')) {
            paths *= longest_run(item, subject) + 1;
            ++p;
        } else if (p < pe && *p == '?') {
            paths *= 2;
            ++p;
        }
        if (paths > kMaxPatternSteps) return paths; // already too much; no overflow
    }
    // Each step along a path tests at most every byte of the pattern once (a [set] costs its
    // length, not 1).
    return starts * paths * double(pattern.size() + 1);
}

// Which argument holds the subject and the pattern, per function; find's 4th is `plain`.
enum class Matcher { Find, Match, Gmatch, Gsub };

template <Matcher M>
int bounded_match(lua_State* L) {
    std::size_t ls = 0, lp = 0;
    const char* s = luaL_checklstring(L, 1, &ls);
    const char* p = luaL_checklstring(L, 2, &lp);
    std::string_view subject(s, ls);
    if constexpr (M != Matcher::Gsub) {
        // A start position cuts the subject the matcher sees.
        lua_Integer init = luaL_optinteger(L, 3, 1);
        if (init < 0) init = std::max<lua_Integer>(lua_Integer(ls) + init + 1, 1);
        if (init > 1) subject.remove_prefix(std::min<std::size_t>(std::size_t(init - 1), ls));
    }
    // The estimate itself scans the subject once per pattern byte at most: when even that is
    // too much, so is the call.
    double cost = double(subject.size() + 1) * double(lp + 1);
    if (!(M == Matcher::Find && lua_toboolean(L, 4)) && cost <= kMaxPatternSteps)
        cost = std::max(cost, pattern_cost(subject, std::string_view(p, lp), M != Matcher::Gmatch));
    if (cost > kMaxPatternSteps) {
        const std::string message = fmt::format(
            "mønsteret \"{}\" er for krævende for en tekst på {} tegn (op mod {:.3g} skridt); brug et enklere "
            "mønster, en kortere tekst eller string.find(tekst, ord, 1, true)",
            std::string_view(p, std::min<std::size_t>(lp, 40)), ls, cost);
        return luaL_error(L, "%s", message.c_str());
    }
    if constexpr (M == Matcher::Gmatch) {
        call_original(L); // leaves Lua's iterator alone on the stack
        lua_settop(L, 1);
        push_case_number(L);
        lua_pushcclosure(L, gmatch_step, 2);
        return 1;
    }
    return call_original(L);
}

// ---- string.rep, string.format, tostring ---------------------------------------------

int bounded_rep(lua_State* L) {
    std::size_t l = 0, lsep = 0;
    luaL_checklstring(L, 1, &l);
    const lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || l + lsep == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    const double bytes = double(l) * double(n) + double(lsep) * double(n - 1);
    lua::State::of(L).check_memory(bytes > 1e18 ? std::size_t(-1) : std::size_t(bytes));
    return call_original(L);
}

// Pushes the text tostring gives `i`: its __tostring/__name when it has one, else the
// type's Danish name with no address.
void push_text(lua_State* L, int i) {
    i = lua_absindex(L, i);
    switch (lua_type(L, i)) {
    case LUA_TTABLE:
    case LUA_TFUNCTION:
    case LUA_TUSERDATA:
    case LUA_TTHREAD:
    case LUA_TLIGHTUSERDATA:
        if (luaL_getmetafield(L, i, "__tostring") != LUA_TNIL) {
            lua_pop(L, 1);
            luaL_tolstring(L, i, nullptr);
            return;
        }
        if (const int nt = luaL_getmetafield(L, i, "__name"); nt == LUA_TSTRING) {
            lua_pushfstring(L, "<%s>", lua_tostring(L, -1));
            lua_remove(L, -2);
            return;
        } else if (nt != LUA_TNIL) {
            lua_pop(L, 1);
        }
        switch (lua_type(L, i)) {
        case LUA_TTABLE: lua_pushliteral(L, "<tabel>"); return;
        case LUA_TFUNCTION: lua_pushliteral(L, "<funktion>"); return;
        default: lua_pushliteral(L, "<værdi>"); return;
        }
    default: luaL_tolstring(L, i, nullptr); return;
    }
}

int safe_tostring(lua_State* L) {
    luaL_checkany(L, 1);
    push_text(L, 1);
    return 1;
}

bool shows_address(lua_State* L, int i) {
    const int t = lua_type(L, i);
    return (t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TUSERDATA || t == LUA_TTHREAD ||
            t == LUA_TLIGHTUSERDATA);
}

constexpr std::size_t kMaxFormatText = 4u << 20; // text string.format may take in, in all

int safe_format(lua_State* L) {
    std::size_t lf = 0;
    const char* f = luaL_checklstring(L, 1, &lf);
    std::size_t text = lf;
    for (int i = 2; i <= lua_gettop(L); ++i)
        if (lua_type(L, i) == LUA_TSTRING) text += lua_rawlen(L, i);
    if (text > kMaxFormatText) // %q escapes byte by byte in C: 50 MB took 14 s
        return luaL_error(L, "string.format: højst %d MiB tekst ad gangen", int(kMaxFormatText >> 20));
    const char* fe = f + lf;
    int arg = 1;
    for (const char* p = f; p < fe; ++p) {
        if (*p != '%') continue;
        if (++p >= fe) break;
        if (*p == '%') continue;
        while (p < fe && std::strchr("-+ #0123456789.", *p)) ++p;
        if (p >= fe) break;
        ++arg;
        if (*p == 'p') return luaL_error(L, "string.format: \"%%p\" (en adresse i hukommelsen) er ikke tilladt");
        if (*p == 's' && arg <= lua_gettop(L) && shows_address(L, arg)) {
            push_text(L, arg);
            lua_replace(L, arg);
        }
    }
    return call_original(L);
}

// ---- table.move ------------------------------------------------------------------------

// As the manual defines table.move(a1, f, e, t [,a2]), with the time budget checked every
// 4096 elements: moving nils onto nils allocates nothing, so only time can stop it.
int bounded_move(lua_State* L) {
    const lua_Integer f = luaL_checkinteger(L, 2);
    const lua_Integer e = luaL_checkinteger(L, 3);
    const lua_Integer t = luaL_checkinteger(L, 4);
    const int dest = lua_isnoneornil(L, 5) ? 1 : 5;
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, dest, LUA_TTABLE);
    if (e >= f) {
        luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3, "for mange elementer at flytte");
        const lua_Integer n = e - f;
        luaL_argcheck(L, t <= LUA_MAXINTEGER - n, 4, "målet løber over");
        auto& state = lua::State::of(L);
        const bool forward = t > e || t <= f || (dest != 1 && !lua_rawequal(L, 1, dest));
        for (lua_Integer i = 0; i <= n; ++i) {
            if ((i & 4095) == 4095) state.check_budget();
            const lua_Integer k = forward ? i : n - i;
            lua_geti(L, 1, f + k);
            lua_seti(L, dest, t + k);
        }
    }
    lua_pushvalue(L, dest);
    return 1;
}

// ---- pairs -----------------------------------------------------------------------------

// Keys in a fixed order: false < true < numbers < strings. Other keys have no order that
// is the same from run to run, so a table keyed by them cannot be walked.
bool key_less(lua_State* L, int a, int b) {
    const int ta = lua_type(L, a), tb = lua_type(L, b);
    if (ta != tb) return ta < tb; // LUA_TBOOLEAN(1) < LUA_TNUMBER(3) < LUA_TSTRING(4)
    if (ta == LUA_TBOOLEAN) return !lua_toboolean(L, a) && lua_toboolean(L, b);
    if (ta == LUA_TNUMBER) return lua_compare(L, a, b, LUA_OPLT);
    std::size_t la = 0, lb = 0;
    const char* sa = lua_tolstring(L, a, &la);
    const char* sb = lua_tolstring(L, b, &lb);
    return std::string_view(sa, la) < std::string_view(sb, lb);
}

int sorted_next(lua_State* L) {
    // upvalue 1: the sorted keys; 2: the table; 3: the position reached; 4: the case begun in
    same_case(L, 4, "pairs");
    const lua_Integer i = lua_tointeger(L, lua_upvalueindex(3)) + 1;
    if (lua_rawgeti(L, lua_upvalueindex(1), i) == LUA_TNIL) return 1;
    lua_pushinteger(L, i);
    lua_replace(L, lua_upvalueindex(3));
    lua_pushvalue(L, -1);
    lua_gettable(L, lua_upvalueindex(2));
    return 2;
}

int sorted_pairs(lua_State* L) {
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) { // the host's views walk in their own order
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    frozen_contents(L, 1); // a frozen table keeps its contents in a hidden table
    const int src = lua_gettop(L);
    lua_newtable(L);
    const int keys = lua_gettop(L);
    lua_Integer n = 0;
    lua_pushnil(L);
    while (lua_next(L, src)) {
        lua_pop(L, 1);
        const int kt = lua_type(L, -1);
        if (kt != LUA_TBOOLEAN && kt != LUA_TNUMBER && kt != LUA_TSTRING)
            return luaL_error(L, "pairs: tabellen har %s som nøgle, og den har ingen fast rækkefølge; "
                                 "brug tekster eller tal som nøgler",
                              bind::type_text(L, -1).c_str());
        lua_pushvalue(L, -1);
        lua_rawseti(L, keys, ++n);
        if (n % 65536 == 0) lua::State::of(L).check_budget(); // the hook does not run in C
    }
    // Insertion sort on the stack would be quadratic; sort indexes into `keys` instead.
    std::vector<lua_Integer> order(static_cast<std::size_t>(n));
    for (lua_Integer i = 0; i < n; ++i) order[std::size_t(i)] = i + 1;
    lua::State::of(L).check_memory(std::size_t(n) * sizeof(lua_Integer));
    std::size_t compared = 0;
    std::sort(order.begin(), order.end(), [&](lua_Integer a, lua_Integer b) {
        if (++compared % 65536 == 0) lua::State::of(L).check_budget();
        lua_rawgeti(L, keys, a);
        lua_rawgeti(L, keys, b);
        const bool less = key_less(L, -2, -1);
        lua_pop(L, 2);
        return less;
    });
    lua_createtable(L, int(n), 0);
    for (lua_Integer i = 0; i < n; ++i) {
        lua_rawgeti(L, keys, order[std::size_t(i)]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_pushvalue(L, 1);
    lua_pushinteger(L, 0);
    push_case_number(L);
    lua_pushcclosure(L, sorted_next, 4);
    return 1;
}

// ---- table.insert, table.remove, table.sort ----------------------------------------

// Elements one C call may shift or compare: a table can claim a length of 2^40 with 41 keys,
// and Lua's insert/remove walk that length without ever returning to the hook.
constexpr lua_Integer kMaxShift = 10'000'000;
constexpr double kMaxSortBytes = 1e9; // bytes compared, roughly: Σ string lengths × log2(n)

int bounded_shift(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    const lua_Integer n = luaL_len(L, 1);
    if (n > kMaxShift)
        return luaL_error(L, "tabellen har længden %I; table.insert og table.remove flytter højst %I elementer",
                          n, kMaxShift);
    return call_original(L);
}

// Lua's own table.sort picks a pivot from clock() and time() when a partition comes out
// lopsided (ltablib.c, l_randomizePivot): elements that compare equal could then come out in
// another order from run to run, and the rule's result with them (a case can force it). And
// its comparisons without a comparator never return to the hook. This is ltablib.c's sort,
// comparison for comparison, with a fixed number for that pivot (efter_dato's, so the two
// still agree) and the time budget checked as it compares: a sort that never randomizes
// (up to 100 elements, or well split) leaves the order Lua's did.
class LuaSort {
public:
    explicit LuaSort(lua_State* L) : L_(L), comp_(!lua_isnil(L, 2)), state_(lua::State::of(L)) {}
    void sort(unsigned lo, unsigned up, unsigned rnd) { // auxsort
        while (lo < up) {
            lua_geti(L_, 1, lo);
            lua_geti(L_, 1, up);
            if (less(-1, -2)) set2(lo, up);
            else lua_pop(L_, 2);
            if (up - lo == 1) break;
            unsigned p = lua::sort_pivot(lo, up, rnd);
            lua_geti(L_, 1, p);
            lua_geti(L_, 1, lo);
            if (less(-2, -1)) {
                set2(p, lo);
            } else {
                lua_pop(L_, 1);
                lua_geti(L_, 1, up);
                if (less(-1, -2)) set2(p, up);
                else lua_pop(L_, 2);
            }
            if (up - lo == 2) break;
            lua_geti(L_, 1, p); // the pivot
            lua_pushvalue(L_, -1);
            lua_geti(L_, 1, up - 1);
            set2(p, up - 1);
            p = partition(lo, up);
            unsigned n;
            if (p - lo < up - p) {
                sort(lo, p - 1, rnd);
                n = p - lo;
                lo = p + 1;
            } else {
                sort(p + 1, up, rnd);
                n = up - p;
                up = p - 1;
            }
            rnd = lua::sort_rnd_after(lo, up, n, rnd);
        }
    }

private:
    bool less(int a, int b) { // sort_comp
        // every comparison: a comparator in C (string.rep) runs no Lua for the hook to stop
        state_.check_budget();
        if (!comp_) return lua_compare(L_, a, b, LUA_OPLT) != 0;
        lua_pushvalue(L_, 2);
        lua_pushvalue(L_, a - 1);
        lua_pushvalue(L_, b - 2);
        lua_call(L_, 2, 1);
        const bool r = lua_toboolean(L_, -1);
        lua_pop(L_, 1);
        return r;
    }
    void set2(unsigned i, unsigned j) {
        lua_seti(L_, 1, i);
        lua_seti(L_, 1, j);
    }
    unsigned partition(unsigned lo, unsigned up) {
        unsigned i = lo, j = up - 1; // a[lo..i] <= P <= a[j..up], a[up - 1] == P
        for (;;) {
            while (lua_geti(L_, 1, ++i), less(-1, -2)) {
                if (i == up - 1) luaL_error(L_, "invalid order function for sorting"); // said in Danish
                lua_pop(L_, 1);
            }
            while (lua_geti(L_, 1, --j), less(-3, -1)) {
                if (j < i) luaL_error(L_, "invalid order function for sorting");
                lua_pop(L_, 1);
            }
            if (j < i) {
                lua_pop(L_, 1);
                set2(up - 1, i);
                return i;
            }
            set2(i, j);
        }
    }

    lua_State* L_;
    bool comp_;
    lua::State& state_;
};

int bounded_sort(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    const lua_Integer n = luaL_len(L, 1);
    if (n > kMaxShift) return luaL_error(L, "tabellen har længden %I; table.sort ordner højst %I elementer", n, kMaxShift);
    if (lua_isnoneornil(L, 2)) { // the default order compares strings whole, in C
        double bytes = 0;
        for (lua_Integer i = 1; i <= n; ++i) {
            if (lua_geti(L, 1, i) == LUA_TSTRING) bytes += double(lua_rawlen(L, -1));
            lua_pop(L, 1);
        }
        double log_n = 1;
        for (lua_Integer k = n; k > 1; k /= 2) log_n += 1;
        if (bytes * log_n > kMaxSortBytes)
            return luaL_error(L, "table.sort: teksterne er for lange til at ordne (%I elementer)", n);
    }
    if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    if (n > 1) LuaSort(L).sort(1, unsigned(n), 0);
    return 0;
}

void wrap(lua_State* L, int lib, const char* name, lua_CFunction f) {
    lua_getfield(L, lib, name);
    lua_pushcclosure(L, f, 1);
    lua_setfield(L, lib, name);
}

} // namespace

void install_limits(lua_State* L, int globals) {
    lua_getfield(L, globals, "string");
    const int str = lua_gettop(L);
    wrap(L, str, "rep", bounded_rep);
    wrap(L, str, "format", safe_format);
    wrap(L, str, "find", bounded_match<Matcher::Find>);
    wrap(L, str, "match", bounded_match<Matcher::Match>);
    wrap(L, str, "gmatch", bounded_match<Matcher::Gmatch>);
    wrap(L, str, "gsub", bounded_match<Matcher::Gsub>);
    lua_getfield(L, globals, "table");
    const int tab = lua_gettop(L);
    lua_pushcfunction(L, bounded_move);
    lua_setfield(L, tab, "move");
    wrap(L, tab, "insert", bounded_shift);
    wrap(L, tab, "remove", bounded_shift);
    wrap(L, tab, "sort", bounded_sort);
    lua_pop(L, 2);
    lua_pushcfunction(L, safe_tostring);
    lua_setfield(L, globals, "tostring");
    lua_pushcfunction(L, sorted_pairs);
    lua_setfield(L, globals, "pairs");
}

void push_tostring(lua_State* L, int index) { push_text(L, index); }

// A name as a message shows it: control characters (a NUL, a newline) as \u{..} and bytes
// that are not UTF-8 as \x{..}, so the message is one line and says the whole name; at
// most 100 bytes of it, cut between two UTF-8 characters.
const char* key_text(lua_State* L, int index) {
    push_text(L, index);
    std::size_t n = 0;
    const char* s = lua_tolstring(L, -1, &n);
    const std::string_view text(s, n);
    if (n <= 100 && !text_problem(text, 100) && text.find_first_of("\n\t") == std::string_view::npos) return s;
    std::size_t cut = utf8_prefix(text, 100).size();
    if (cut == 0) cut = std::min<std::size_t>(n, 100); // no character starts in it: bytes, shown as \x{..}
    std::string one_line;
    for (const char c : text.substr(0, cut)) {
        if (c == '\n') one_line += "\\u{0A}";
        else if (c == '\t') one_line += "\\u{09}";
        else one_line += c;
    }
    std::string out = printable(one_line);
    if (cut < n) out += "…";
    lua_pushlstring(L, out.data(), out.size());
    lua_remove(L, -2);
    return lua_tostring(L, -1);
}

} // namespace kvalitet::sandbox
