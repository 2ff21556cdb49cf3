// Aggregate primitives over the case's deliveries, in C++: a rule that sums the support
// per week, or lists the deliveries outside weekday daytime, says so in one call instead
// of walking `sag.leverancer` in Lua with a view per element and a date object per step
// (ten times slower; bench/README.md). What they compute is exactly what the Lua loops in
// the Ishøj and Varde scripts computed (docs/primitiver.md, "Leverancer samlet").
//
//   perioder(sag.leverancer, { periode = "uge", arter = P.direkte_tid, fra = b.start, foer = dato })
//     → a list, chronological: #liste, liste[i] = { fra = Dato, minutter = 120 }, ipairs
//   (the list makes a period's table when it is read: a rule that looks at the last 12 of
//   a grant's 100 weeks makes 12)
//   uden_for_tidsrum(sag.leverancer, { arter = P.stoettetid, tidsrum = P.dagtimer,
//                                      arbejdsdage = true,
//                                      tekst = "{ugedag} den {dato} kl. {start}-{slut}" })
//     → { "mandag den 3. august 2026 kl. 17:15-18:15", … }   (the case's order)
//
// A delivery has no field that can be absent (dato, start, minutter and art are required
// by the case schema), so these read no fact the unknown-fact check could vary; what a
// rule passes in (bevilling.periode, bevilling.start) it read through the views, which
// record it.
#include <fmt/format.h>
#include <lauxlib.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "bind/bind.hpp"
#include "bind/parameter_reads.hpp"
#include "bind/type_text.hpp"
#include "domain/kalender.hpp"
#include "domain/mente_du.hpp"
#include "lua/state.hpp"
#include "sandbox.hpp"

namespace kvalitet::bind {

namespace {

constexpr std::string_view kPeriodOptions[] = {"periode", "arter", "fra", "foer"};
constexpr std::string_view kRangeOptions[] = {"arter", "tidsrum", "arbejdsdage", "tekst"};

// A function's option names, pushed as its upvalues 1..n for known_options: a name short
// enough is one string object in the state, so a key is known by its address.
int push_option_names(lua_State* L, std::span<const std::string_view> names) {
    for (const auto n : names) lua_pushlstring(L, n.data(), n.size());
    return int(names.size());
}

const std::vector<Levering>& deliveries_arg(lua_State* L, const char* fn) {
    const auto* list = leverancer_view(L, 1);
    if (!list)
        luaL_error(L, "%s: første argument skal være sag.leverancer, ikke %s", fn, type_text(L, 1).c_str());
    luaL_checktype(L, 2, LUA_TTABLE);
    return *list;
}

// The first key of the table at `index` that is not one of `known`: names first, by name,
// then other keys by how they are shown, so a message names the same one every run (a
// table's traversal order is not fixed). A table defined outside the rule is frozen, its
// contents behind its metatable: those are the ones looked at. Pushes how the key is shown
// and returns the name it sorts by, or pushes nothing and returns nullopt.
std::optional<std::string> first_unknown(lua_State* L, int index, std::span<const std::string_view> known) {
    sandbox::frozen_contents(L, index);
    const int contents = lua_gettop(L);
    std::optional<std::string> first;
    lua_pushnil(L);
    const int shown = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, contents)) {
        lua_pop(L, 1);
        std::size_t n = 0;
        const char* k = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &n) : nullptr;
        if (k && std::find(known.begin(), known.end(), std::string_view(k, n)) != known.end()) continue;
        const char* text = sandbox::key_text(L, -1);
        std::string name = k ? std::string(k, n) : std::string(1, '\xff') + text;
        if (first && name >= *first) {
            lua_pop(L, 1);
            continue;
        }
        first = std::move(name);
        lua_replace(L, shown);
    }
    lua_replace(L, contents); // how it shows, or nil
    lua_settop(L, contents);
    if (!first) lua_pop(L, 1);
    return first;
}

bool is_name(const std::string& sorted) { return sorted.empty() || sorted[0] != '\xff'; }

// An option a function does not know is a mistake in the script (a misspelt 'foer', or an
// option another function has): it is refused, never silently ignored.
// Checked first against the function's own names (its upvalues, push_option_names) by the
// address of the key's string; any key not found so is looked at by first_unknown.
bool all_known(lua_State* L, int options, std::size_t n) {
    std::array<const void*, 8> known{};
    n = std::min(n, known.size());
    for (std::size_t i = 0; i < n; ++i) known[i] = lua_topointer(L, lua_upvalueindex(int(i + 1)));
    sandbox::frozen_contents(L, options);
    const int contents = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, contents)) {
        lua_pop(L, 1);
        const void* key = lua_type(L, -1) == LUA_TSTRING ? lua_topointer(L, -1) : nullptr;
        if (!key || std::find(known.begin(), known.begin() + std::ptrdiff_t(n), key) == known.begin() + std::ptrdiff_t(n)) {
            lua_settop(L, contents - 1);
            return false;
        }
    }
    lua_pop(L, 1);
    return true;
}

void known_options(lua_State* L, int options, const char* fn, std::span<const std::string_view> names) {
    if (all_known(L, options, names.size())) return;
    const auto unknown = first_unknown(L, options, names);
    if (!unknown) return;
    const std::string hint = is_name(*unknown) ? mente_du(*unknown, names) : "";
    // "periode, arter, fra eller foer"
    const std::string list = fmt::format("{} eller {}", fmt::join(names.first(names.size() - 1), ", "), names.back());
    luaL_error(L, "%s: ukendt valg '%s'%s; brug %s", fn, lua_tostring(L, -1), hint.c_str(), list.c_str());
}

// Pushes the registry's table at `key`, made on first use with weak keys: what is kept
// beside a standard's tables goes when they go.
void push_weak_keyed(lua_State* L, const void* key) {
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, key) == LUA_TTABLE) return;
    lua_pop(L, 1);
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, key);
}

// Which kinds a rule counts: a set such as P.direkte_tid ({ telefon = true, … }), or all
// when the option is absent. Asked once per kind, not once per delivery, in the order the
// deliveries name them: a parameter's reads are recorded for the trace in that order, as
// when a rule's loop asked P.direkte_tid[l.art] itself.
class Kinds {
public:
    Kinds(lua_State* L, int options, const char* fn) : L_(L) {
        lua_getfield(L, options, "arter");
        if (lua_isnil(L, -1)) {
            lua_pop(L, 1);
            return;
        }
        if (!lua_istable(L, -1)) luaL_error(L, "%s: 'arter' skal være et sæt af arter ({ telefon = true, … })", fn);
        index_ = lua_gettop(L);
        if ((answers_ = remembered(L, index_))) {
            // A kind the answers leave to get() needs the reader now: it keeps values on the
            // stack, and once the primitive has pushed its result they would sit above it.
            for (const auto& a : answers_->kind)
                if (!a) {
                    reads_.emplace(L, index_);
                    break;
                }
            return;
        }
        const bool frozen = check_kinds(L, index_, fn);
        reads_.emplace(L, index_);
        if (frozen) answers_ = remember(L, index_, *reads_);
    }
    bool counts(std::string_view art) {
        if (!index_) return true;
        for (std::size_t i = 0; i < n_seen_; ++i) // a case's kinds are Levering::arter's own entries
            if (seen_[i].first.data() == art.data() || seen_[i].first == art) return seen_[i].second;
        const bool yes = ask(art);
        if (n_seen_ < seen_.size()) seen_[n_seen_++] = {art, yes};
        return yes;
    }

private:
    // What a watched parameter set answers for each kind, found the first time the set is
    // used and kept beside it (weakly: a standard that is unloaded takes its sets with it).
    // A frozen set cannot change, and watch() has named its values once and for all.
    struct Answers {
        CaseContext* ctx;
        std::array<std::optional<ParameterReads::Answer>, Levering::arter.size()> kind; // nullopt: ask get()
    };

    static void push_cache(lua_State* L) {
        static const char kAnswers = 0;
        push_weak_keyed(L, &kAnswers);
    }
    static const Answers* remembered(lua_State* L, int index) {
        push_cache(L);
        lua_pushvalue(L, index);
        lua_rawget(L, -2);
        const auto* a = static_cast<const Answers*>(lua_touserdata(L, -1));
        lua_pop(L, 2);
        return a;
    }
    // Only a frozen, watched set: one not yet watched (a rule run while the standard loads) records
    // nothing now, but will once it is.
    static const Answers* remember(lua_State* L, int index, ParameterReads& reads) {
        if (!reads.context()) return nullptr;
        Answers a{reads.context(), {}};
        for (std::size_t i = 0; i < a.kind.size(); ++i) a.kind[i] = reads.answer(Levering::arter[i]);
        push_cache(L);
        lua_pushvalue(L, index);
        auto* kept = static_cast<Answers*>(lua_newuserdatauv(L, sizeof(Answers), 0));
        *kept = a; // plain data: a userdata needs no destructor
        lua_rawset(L, -3);
        lua_pop(L, 1);
        return kept;
    }

    bool ask(std::string_view art) {
        if (answers_)
            for (std::size_t i = 0; i < Levering::arter.size(); ++i)
                if (Levering::arter[i].data() == art.data() || Levering::arter[i] == art) {
                    const auto& a = answers_->kind[i];
                    if (!a) break;
                    CaseContext& ctx = *answers_->ctx;
                    if (a->name && ctx.sag && ctx.values_wanted) ctx.read_value(*a->name, a->recorded());
                    return a->truthy();
                }
        // The reader is made in the constructor whenever an answer can be missing; a kind
        // outside Levering::arter cannot come from a parsed case.
        if (!reads_) luaL_error(L_, "arter: intern fejl: arten '%s' er ukendt", std::string(art).c_str());
        reads_->get(art);
        const bool yes = lua_toboolean(L_, -1);
        lua_pop(L_, 1);
        return yes;
    }

    // A misspelt kind would count nothing, silently: every key must be a kind. A frozen set
    // (a parameter) cannot change, so it is checked once and remembered (weakly).
    static bool check_kinds(lua_State* L, int index, const char* fn) { // whether it is frozen
        static const char kChecked = 0;
        sandbox::frozen_contents(L, index);
        const bool frozen = !lua_rawequal(L, -1, index);
        if (frozen) {
            push_weak_keyed(L, &kChecked);
            lua_pushvalue(L, -2);
            if (lua_rawget(L, -2) != LUA_TNIL) {
                lua_pop(L, 3);
                return true;
            }
            lua_pop(L, 1);
        }
        if (const auto unknown = first_unknown(L, index, Levering::arter)) {
            if (!is_name(*unknown))
                luaL_error(L, "%s: 'arter' skal være et sæt af arter ({ telefon = true, … }), ikke en liste", fn);
            const std::string hint = mente_du(*unknown, Levering::arter);
            const std::string all = fmt::format("{}", fmt::join(Levering::arter, ", "));
            luaL_error(L, "%s: 'arter' kender ikke arten '%s'%s; arterne er %s", fn, lua_tostring(L, -1), hint.c_str(),
                       all.c_str());
        }
        if (frozen) { // stack: contents, checked
            lua_pushvalue(L, -2);
            lua_pushboolean(L, 1);
            lua_rawset(L, -3);
            lua_pop(L, 2);
        } else {
            lua_pop(L, 1);
        }
        return frozen;
    }

    lua_State* L_;
    int index_ = 0; // the set, on the stack; 0: every kind counts
    const Answers* answers_ = nullptr;
    std::optional<ParameterReads> reads_;
    // a delivery's kind is one of Levering::arter: room for each, no allocation per call
    std::array<std::pair<std::string_view, bool>, Levering::arter.size()> seen_{};
    std::size_t n_seen_ = 0;
};

std::optional<Dato> date_option(lua_State* L, int options, const char* name, const char* fn) {
    lua_getfield(L, options, name);
    std::optional<Dato> d;
    if (!lua_isnil(L, -1)) {
        const Dato* p = to_dato(L, -1);
        if (!p) luaL_error(L, "%s: '%s' skal være en dato, ikke %s", fn, name, type_text(L, -1).c_str());
        d = *p;
    }
    lua_pop(L, 1);
    return d;
}

// ---- perioder --------------------------------------------------------------------------

// A week (Monday–Sunday) or a calendar month, numbered so that the next one is +1.
struct Periods {
    bool uge = true;
    std::int64_t of(Dato d) const {
        // 1970-01-05 (day 4) was a Monday: the week of day n is floor((n + 3) / 7), the
        // same number as its Monday's (Monday + 3 is a multiple of 7), without a weekday.
        if (uge) {
            const std::int64_t n = std::int64_t(d.days()) + 3;
            return n >= 0 ? n / 7 : -((-n + 6) / 7);
        }
        const auto ymd = d.ymd();
        return std::int64_t(int(ymd.year())) * 12 + unsigned(ymd.month()) - 1;
    }
    Dato first_day(std::int64_t n) const {
        if (uge) return Dato::from_days(std::int32_t(n * 7 - 3));
        return Dato::ymd(int(n / 12), unsigned(n % 12) + 1, 1);
    }
};

// What perioder returns: the sums, in a userdata sized for them (no destructor needed).
constexpr const char* kPeriodList = "perioder";
struct PeriodList {
    bool uge;
    std::int64_t first; // the first period's number
    std::size_t n;
    // Minutes per period, n of them, right after the header in the same block.
    std::int64_t* sums() { return reinterpret_cast<std::int64_t*>(this + 1); }
    const std::int64_t* sums() const { return reinterpret_cast<const std::int64_t*>(this + 1); }
};

int perioder(lua_State* L) {
    constexpr const char* fn = "perioder";
    const auto& list = deliveries_arg(L, fn);
    known_options(L, 2, fn, kPeriodOptions);
    lua_getfield(L, 2, "periode");
    const char* p = lua_tostring(L, -1);
    if (!p || (std::string_view(p) != "uge" && std::string_view(p) != "maaned"))
        return luaL_error(L, "%s: 'periode' skal være \"uge\" eller \"maaned\"", fn);
    const Periods periods{std::string_view(p) == "uge"};
    lua_pop(L, 1);
    const auto fra = date_option(L, 2, "fra", fn);
    const auto foer = date_option(L, 2, "foer", fn);
    Kinds kinds(L, 2, fn);

    // Only whole periods: the first one starting on or after `fra`.
    std::optional<std::int64_t> lo, hi;
    if (fra) lo = periods.of(*fra) + (periods.first_day(periods.of(*fra)) < *fra ? 1 : 0);
    if (foer) {
        hi = periods.of(*foer) - 1;
    }
    // The counted deliveries' periods, within the bounds set so far: on the stack for a
    // case's usual few dozen deliveries (each can count in two periods), else in a vector.
    struct Counted {
        std::int64_t n; // the period
        int minutter;
    };
    std::array<Counted, 256> small; // left uninitialised: only what is counted is read
    std::vector<Counted> big;
    if (2 * list.size() > small.size()) big.resize(2 * list.size());
    const std::span<Counted> room = big.empty() ? std::span<Counted>(small) : std::span<Counted>(big);
    std::size_t n_counted = 0;
    std::int64_t lowest = std::numeric_limits<std::int64_t>::max(), highest = std::numeric_limits<std::int64_t>::min();
    const std::int64_t from = lo.value_or(std::numeric_limits<std::int64_t>::min());
    const std::int64_t to = hi.value_or(std::numeric_limits<std::int64_t>::max());
    auto count = [&](Dato d, int minutter) {
        const std::int64_t n = periods.of(d);
        if (n < from || n > to) return;
        room[n_counted++] = {n, minutter};
        lowest = std::min(lowest, n);
        highest = std::max(highest, n);
    };
    // The minutes after midnight are delivered the next day: a visit Sunday 23:00-01:00 is an
    // hour in each week (a delivery is at most 24 hours, so it ends by the next day). Not when
    // that day is after the assessment date: the assessment sees what had happened by then
    // (a visit on the date itself made a week that had not begun).
    const Dato vurderingsdato = leverancer_dato(L, 1);
    for (const auto& l : list) {
        if (!kinds.counts(l.art)) continue; // first, for every delivery: the order a rule's loop read them
        const int today = std::min(l.minutter, 24 * 60 - l.start_minut);
        count(l.dato, today);
        if (l.minutter > today && l.dato < vurderingsdato) count(l.dato.plus_days(1), l.minutter - today);
    }
    // With `foer`: every period up to it; without, the periods the deliveries span.
    const std::span<const Counted> counted = room.first(n_counted);
    std::int64_t first = 0, last = -1;
    if (!counted.empty()) {
        first = lowest;
        last = highest;
    }
    if (foer) {
        last = *hi;
        first = lo.value_or(counted.empty() ? last + 1 : first);
    }
    const auto n = std::size_t(std::max<std::int64_t>(last - first + 1, 0));
    auto* list_ud = static_cast<PeriodList*>(lua_newuserdatauv(L, sizeof(PeriodList) + n * sizeof(std::int64_t), 0));
    list_ud->uge = periods.uge;
    list_ud->first = first;
    list_ud->n = n;
    std::fill_n(list_ud->sums(), n, 0);
    for (const auto& [k, m] : counted) list_ud->sums()[std::size_t(k - first)] += m;
    luaL_setmetatable(L, kPeriodList);
    return 1;
}

// liste.minutter: every period's minutes as a plain list of numbers, a new table each time
// (the list itself stays unchangeable). A rule that looks at every period reads numbers
// instead of making a table and a date per period, and asks liste[i] only for the few it names.
int push_minutes(lua_State* L, const PeriodList& p) {
    if (p.n > std::size_t(std::numeric_limits<int>::max())) return luaL_error(L, "for mange perioder");
    lua_createtable(L, int(p.n), 0);
    for (std::size_t i = 0; i < p.n; ++i) {
        lua_pushinteger(L, p.sums()[i]);
        lua_rawseti(L, -2, lua_Integer(i + 1));
    }
    return 1;
}

// A number as Lua holds it: the comparisons below follow Lua's arithmetic on each subtype.
struct LuaNumber {
    bool integer;
    lua_Integer i;
    double f;
    long double exact() const { return integer ? static_cast<long double>(i) : f; } // every int64 and double
};

LuaNumber number_arg(lua_State* L, int arg, const char* name, const char* fn = "afvigende") {
    if (lua_isnone(L, arg)) luaL_error(L, "%s: '%s' (argument %d) mangler", fn, name, arg - 1);
    if (lua_type(L, arg) != LUA_TNUMBER) // a text too: "60" is not a number of minutes
        luaL_error(L, "%s: '%s' (argument %d) skal være et tal, ikke %s", fn, name, arg - 1, type_text(L, arg).c_str());
    if (lua_isinteger(L, arg)) return {true, lua_tointeger(L, arg), 0};
    return {false, 0, lua_tonumber(L, arg)};
}

// Whether math.abs(m - bevilget) > tolerance, as Lua computes it: integers wrap around,
// an integer and a float subtract as floats, and an integer and a float compare exactly.
bool deviates(lua_Integer m, const LuaNumber& bevilget, const LuaNumber& tolerance) {
    if (bevilget.integer) {
        lua_Integer d = static_cast<lua_Integer>(static_cast<lua_Unsigned>(m) - static_cast<lua_Unsigned>(bevilget.i));
        if (d < 0) d = static_cast<lua_Integer>(0u - static_cast<lua_Unsigned>(d));
        return static_cast<long double>(d) > tolerance.exact();
    }
    return static_cast<long double>(std::fabs(static_cast<double>(m) - bevilget.f)) > tolerance.exact();
}

// liste:afvigende(fra, bevilget, tolerance): the numbers i, from `fra` on (1 when less), of the periods
// whose minutes differ from `bevilget` by more than `tolerance`, as a plain list: the loop
//   for i = fra, #liste do if math.abs(liste.minutter[i] - bevilget) > tolerance then … end end
// without a table of every period's minutes and a call per period.
int period_list_deviating(lua_State* L) {
    const auto* p = static_cast<const PeriodList*>(luaL_checkudata(L, 1, kPeriodList));
    if (lua_isnone(L, 2)) return luaL_error(L, "afvigende: 'fra' (argument 1) mangler");
    int whole = 0;
    const lua_Integer fra = lua_tointegerx(L, 2, &whole);
    if (lua_type(L, 2) != LUA_TNUMBER)
        return luaL_error(L, "afvigende: 'fra' (argument 1) skal være et helt tal (en periodes nummer), ikke %s",
                          type_text(L, 2).c_str());
    if (!whole)
        return luaL_error(L, "afvigende: 'fra' (argument 1) skal være et helt tal (en periodes nummer), ikke %s",
                          sandbox::key_text(L, 2));
    const LuaNumber bevilget = number_arg(L, 3, "bevilget");
    const LuaNumber tolerance = number_arg(L, 4, "tolerance");
    lua_newtable(L);
    lua_Integer n = 0;
    for (lua_Integer i = std::max<lua_Integer>(fra, 1); i <= lua_Integer(p->n); ++i) {
        if (!deviates(p->sums()[i - 1], bevilget, tolerance)) continue;
        lua_pushinteger(L, i);
        lua_rawseti(L, -2, ++n);
    }
    return 1;
}

// liste:indhentet(bevilget): the periods, in order, that had more than `bevilget` minutes
// while earlier ones had less, with how much of the excess those shortfalls cover: the loop
//   local opsparet = 0
//   for i = 1, #liste do
//     local m = liste.minutter[i]
//     if m < bevilget then opsparet = opsparet + (bevilget - m)
//     elseif m > bevilget and opsparet > 0 then
//       local x = math.min(m - bevilget, opsparet)
//       opsparet = opsparet - x            --> { nr = i, minutter = m, indhentet = x }
// as Lua computes it (integers, wrapping, while bevilget is one; else floating point, in
// which a period's minutes are exact), in one call: the loop ran in Lua for each of a
// grant's ~50 weeks to find a catch-up in one case of sixty.
template <class N>
void push_caught_up(lua_State* L, lua_Integer nr, std::int64_t minutter, N indhentet) {
    lua_createtable(L, 0, 3);
    lua_pushinteger(L, nr);
    lua_setfield(L, -2, "nr");
    lua_pushinteger(L, minutter);
    lua_setfield(L, -2, "minutter");
    if constexpr (std::is_same_v<N, lua_Integer>) lua_pushinteger(L, indhentet);
    else lua_pushnumber(L, indhentet);
    lua_setfield(L, -2, "indhentet");
}

int period_list_caught_up(lua_State* L) {
    const auto* p = static_cast<const PeriodList*>(luaL_checkudata(L, 1, kPeriodList));
    const LuaNumber bevilget = number_arg(L, 2, "bevilget", "indhentet");
    lua_newtable(L);
    lua_Integer n = 0;
    if (bevilget.integer) {
        const auto b = static_cast<lua_Unsigned>(bevilget.i);
        lua_Unsigned opsparet = 0; // Lua's integers wrap around: so do these
        for (std::size_t i = 0; i < p->n; ++i) {
            const lua_Integer m = p->sums()[i];
            if (m < bevilget.i) {
                opsparet += b - static_cast<lua_Unsigned>(m);
            } else if (m > bevilget.i && static_cast<lua_Integer>(opsparet) > 0) {
                const auto over = static_cast<lua_Integer>(static_cast<lua_Unsigned>(m) - b);
                const lua_Integer x = std::min(over, static_cast<lua_Integer>(opsparet)); // math.min keeps the first on a tie
                opsparet -= static_cast<lua_Unsigned>(x);
                push_caught_up(L, lua_Integer(i + 1), m, x);
                lua_rawseti(L, -2, ++n);
            }
        }
        return 1;
    }
    // A float grant makes the first shortfall a float, and every sum after it.
    const double b = bevilget.f;
    double opsparet = 0;
    for (std::size_t i = 0; i < p->n; ++i) {
        const std::int64_t m = p->sums()[i];
        const auto md = static_cast<double>(m); // exact: a period holds at most days * 1440 minutes
        if (md < b) {
            opsparet = opsparet + (b - md);
        } else if (md > b && opsparet > 0) {
            const double over = md - b;
            const double x = opsparet < over ? opsparet : over;
            opsparet = opsparet - x;
            push_caught_up(L, lua_Integer(i + 1), m, x);
            lua_rawseti(L, -2, ++n);
        }
    }
    return 1;
}

// liste[i]: the i-th period as { fra = Dato, minutter = n }, made when read.
int period_list_index(lua_State* L) {
    const auto* p = static_cast<const PeriodList*>(lua_touserdata(L, 1));
    if (lua_type(L, 2) == LUA_TSTRING) {
        std::size_t len = 0;
        const char* k = lua_tolstring(L, 2, &len);
        const std::string_view key(k, len); // "minutter\0x" is another key
        if (key == "minutter") return push_minutes(L, *p);
        if (key == "afvigende") {
            lua_pushcfunction(L, lua::guarded<period_list_deviating>);
            return 1;
        }
        if (key == "indhentet") {
            lua_pushcfunction(L, lua::guarded<period_list_caught_up>);
            return 1;
        }
    }
    int whole = 0;
    const lua_Integer i = lua_tointegerx(L, 2, &whole); // 3.0 is 3, as for a table
    if (!whole || lua_type(L, 2) != LUA_TNUMBER)
        return luaL_error(L, "en liste af perioder slås op med et helt tal (liste[1]), .minutter, :afvigende(...) eller :indhentet(...), ikke '%s'",
                          sandbox::key_text(L, 2));
    if (i < 1 || std::size_t(i) > p->n) {
        lua_pushnil(L);
        return 1;
    }
    lua_createtable(L, 0, 2);
    push_dato(L, Periods{p->uge}.first_day(p->first + i - 1));
    lua_setfield(L, -2, "fra");
    lua_pushinteger(L, p->sums()[i - 1]);
    lua_setfield(L, -2, "minutter");
    return 1;
}

int period_list_len(lua_State* L) {
    lua_pushinteger(L, lua_Integer(static_cast<const PeriodList*>(lua_touserdata(L, 1))->n));
    return 1;
}

int period_list_newindex(lua_State* L) { return luaL_error(L, "en liste af perioder kan ikke ændres"); }

int period_list_tostring(lua_State* L) {
    lua_pushfstring(L, "<%d perioder>", int(static_cast<const PeriodList*>(lua_touserdata(L, 1))->n));
    return 1;
}

// ---- uden_for_tidsrum -------------------------------------------------------------------

// "HH:MM" as minutes after midnight, as the DSL's minut() reads it.
int clock_minutes(lua_State* L, const char* fn, const char* felt) {
    std::size_t n = 0;
    const char* s = lua_tolstring(L, -1, &n);
    const std::string_view t = s ? std::string_view(s, n) : ""; // whole: "08:00\0x" is no time
    auto digit = [&](std::size_t i) { return t[i] >= '0' && t[i] <= '9'; };
    if (t.size() != 5 || !digit(0) || !digit(1) || t[2] != ':' || !digit(3) || !digit(4))
        luaL_error(L, "%s: tidsrummets '%s' skal skrives TT:MM, ikke '%s'", fn, felt, sandbox::key_text(L, -1));
    const int hours = (t[0] - '0') * 10 + (t[1] - '0'), minutes = (t[3] - '0') * 10 + (t[4] - '0');
    // "24:00" is the end of the day; "99:99" is no time at all (minut() refuses it too)
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
        luaL_error(L, "%s: tidsrummets '%s' er '%s', som ikke er et klokkeslæt (00:00-24:00)", fn, felt, s);
    return hours * 60 + minutes;
}

void append_clock(std::string& out, int minute) { fmt::format_to(std::back_inserter(out), "{:02}:{:02}", minute / 60, minute % 60); }

// One delivery as the rule's text says: {ugedag} {dato} {iso} {start} {slut} {minutter} {art}.
// Checked once when the primitive is called, then read again for each line it writes: no
// list of its parts is made for a call that finds nothing outside the range.
class Template {
public:
    enum class Part : std::uint8_t { Ugedag, Dato, Iso, Start, Slut, Minutter, Art };

    Template(lua_State* L, std::string_view t, const char* fn) : text_(t) {
        // A line per delivery: longer than this is no line a person reads, and its lines
        // would be built outside the script's memory budget.
        constexpr std::size_t kMaxTemplate = 1000;
        if (t.size() > kMaxTemplate)
            luaL_error(L, "%s: 'tekst' er %d bytes lang; højst %d", fn, int(std::min<std::size_t>(t.size(), 1u << 30)),
                       int(kMaxTemplate));
        each(t, [&](std::string_view, std::optional<Part>, std::string_view name, bool unknown) {
            if (unknown)
                luaL_error(L, "%s: 'tekst' kender ikke {%s}; brug {ugedag}, {dato}, {iso}, {start}, {slut}, {minutter} eller {art}",
                           fn, std::string(name.substr(0, 40)).c_str());
        });
    }

    void write(std::string& out, const Levering& l) const {
        each(text_, [&](std::string_view text, std::optional<Part> part, std::string_view, bool) {
            out += text;
            if (!part) return;
            switch (*part) {
            case Part::Ugedag: out += ugedag_navn(l.dato.ugedag()); break;
            case Part::Dato: out += l.dato.tekst(); break;
            case Part::Iso: out += l.dato.iso(); break;
            case Part::Start: append_clock(out, l.start_minut); break;
            case Part::Slut: // 23:30-00:30 (næste dag)
                append_clock(out, (l.start_minut + l.minutter) % (24 * 60));
                if (l.start_minut + l.minutter >= 24 * 60) out += " (næste dag)";
                break;
            case Part::Minutter: fmt::format_to(std::back_inserter(out), "{}", l.minutter); break;
            case Part::Art: out += l.art; break;
            }
        });
    }

private:
    // f(text before, the placeholder after it, its name, whether it is unknown) for each piece
    // in order; the last piece has no placeholder, nor has an unknown or unclosed one, which
    // ends the text.
    template <class F>
    static void each(std::string_view t, F&& f) {
        static constexpr std::pair<std::string_view, Part> kNames[] = {
            {"ugedag", Part::Ugedag}, {"dato", Part::Dato},         {"iso", Part::Iso}, {"start", Part::Start},
            {"slut", Part::Slut},     {"minutter", Part::Minutter}, {"art", Part::Art}};
        while (!t.empty()) {
            const auto open = t.find('{');
            if (open == std::string_view::npos) {
                f(t, std::nullopt, std::string_view{}, false);
                return;
            }
            const auto close = t.find('}', open);
            const auto name = t.substr(open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1);
            const auto* known = std::find_if(std::begin(kNames), std::end(kNames), [&](const auto& k) { return k.first == name; });
            if (close == std::string_view::npos || known == std::end(kNames)) {
                f(t.substr(0, open), std::nullopt, name, true);
                return;
            }
            f(t.substr(0, open), known->second, name, false);
            t.remove_prefix(close + 1);
        }
    }

    std::string_view text_;
};

int uden_for_tidsrum(lua_State* L) {
    constexpr const char* fn = "uden_for_tidsrum";
    const auto& list = deliveries_arg(L, fn);
    known_options(L, 2, fn, kRangeOptions);
    Kinds kinds(L, 2, fn);
    lua_getfield(L, 2, "tidsrum");
    if (!lua_istable(L, -1)) return luaL_error(L, "%s: 'tidsrum' skal være { fra = \"08:00\", til = \"16:00\" }", fn);
    lua_getfield(L, -1, "fra");
    const int fra = clock_minutes(L, fn, "fra");
    lua_getfield(L, -2, "til");
    const int til = clock_minutes(L, fn, "til");
    lua_pop(L, 3);
    lua_getfield(L, 2, "arbejdsdage");
    const bool arbejdsdage = lua_toboolean(L, -1);
    lua_pop(L, 1);
    lua_getfield(L, 2, "tekst");
    std::optional<Template> text;
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TSTRING) return luaL_error(L, "%s: 'tekst' skal være en tekst", fn);
        std::size_t n = 0;
        const char* t = lua_tolstring(L, -1, &n);
        text.emplace(L, std::string_view{t, n}, fn); // whole, a NUL byte included
    }
    // The template's parts point into its text, which stays on the stack until we return.
    lua_newtable(L);
    std::string line;
    int n = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Levering& l = list[i];
        if (!kinds.counts(l.art)) continue; // first, for every delivery: the order a rule's loop read them
        // the time range first: it is cheaper than the calendar and decides most deliveries
        const bool outside = l.start_minut < fra || l.start_minut + l.minutter > til ||
                             (arbejdsdage && !kalender::arbejdsdag(l.dato));
        if (!outside) continue;
        if (text) {
            line.clear();
            text->write(line, l);
            lua_pushlstring(L, line.data(), line.size());
        } else {
            lua_geti(L, 1, lua_Integer(i + 1)); // the element's view
        }
        lua_rawseti(L, -2, ++n);
    }
    return 1;
}

} // namespace

void open_list_primitives(lua_State* L) {
    luaL_newmetatable(L, kPeriodList);
    lua_pushcfunction(L, lua::guarded<period_list_index>);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, period_list_len);
    lua_setfield(L, -2, "__len");
    lua_pushcfunction(L, period_list_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, period_list_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
    lua_pushcclosure(L, lua::guarded<perioder>, push_option_names(L, kPeriodOptions));
    sandbox::expose(L, "perioder");
    lua_pushcclosure(L, lua::guarded<uden_for_tidsrum>, push_option_names(L, kRangeOptions));
    sandbox::expose(L, "uden_for_tidsrum");
}

} // namespace kvalitet::bind
