#pragma once
// The parameters a rule read, for the full trace's `vaerdier`: "pakke_fra_vum_sum[4]": 12
// beside "vum.sum": 11, so a caseworker sees both sides of what decided. And the
// comparisons mindst/hoejst made ("vum.sum 11 < 12 (pakke_fra_vum_sum[4])").
#include <lua.h>

#include <optional>
#include <string>
#include <string_view>

#include "bind/bind.hpp"
#include "bind/interned.hpp"

namespace kvalitet::bind {

// After the standard has loaded and been sealed: the DSL's read-only parameter table at
// `proxy` (and each parameter's frozen table of values) reports every read made while a
// case is assessed to `ctx`, under names kept in `names` (the standard's own pool).
// Reads while loading are not recorded. Call protected.
void watch_parameters(lua_State* L, int proxy, CaseContext& ctx, NamePool& names);

// t[key] for a primitive written in C++ (perioder's `arter`), read as a rule reads it: a
// watched parameter table records the read. For one, the value is read from its contents
// directly, not through the metamethod, which is most of a read's cost. Keeps what it
// needs on the stack (by absolute index) while it is used.
class ParameterReads {
public:
    ParameterReads(lua_State* L, int t);
    int get(std::string_view key); // pushes t[key]; returns its type

    // What get(key) would give and record, found without recording, for a caller that asks
    // a frozen table the same keys case after case (perioder's `arter`): a boolean or a
    // number the contents hold, or nil for a key they lack with nothing behind them.
    // Anything else (a text, a table, a dated value) is nullopt: ask get().
    // Plain data, so it can be kept in a userdata.
    struct Answer {
        bool number;             // the value is a number, else a boolean (nil: false)
        double value;            // the number, or the boolean as 1 or 0
        const std::string* name; // what get() records it under; null: nothing
        bool truthy() const { return number || value != 0; }
        Vaerdi recorded() const { return number ? Vaerdi(value) : Vaerdi(value != 0); }
    };
    std::optional<Answer> answer(std::string_view key);
    CaseContext* context() const { return ctx_; } // null: not a watched table

private:
    lua_State* L_;
    int t_;
    int contents_ = 0, names_ = 0;
    CaseContext* ctx_ = nullptr; // null: not a watched table, read it as Lua does
};

// Pushes _vaert.sammenlignet(x, n, mindst): records that a rule compared x with n
// (mindst: x >= n, else x <= n), naming each side by the value the rule last read equal to it.
void push_comparison_recorder(lua_State* L, CaseContext& ctx);
// Pushes _vaert.sammenligning(definition, mindst): mindst or hoejst answered in C for two
// numbers, recording as above; any other arguments go to `definition`, the DSL's own.
void push_comparer_factory(lua_State* L, CaseContext& ctx);

} // namespace kvalitet::bind
