#pragma once
// The parameters a rule read, for the full trace's `vaerdier`: "pakke_fra_vum_sum[4]": 12
// beside "vum.sum": 11, so a caseworker sees both sides of what decided. And the
// comparisons mindst/hoejst made ("vum.sum 11 < 12 (pakke_fra_vum_sum[4])").
#include <lua.h>

#include "bind/bind.hpp"

namespace kvalitet::bind {

// After the standard has loaded and been sealed: the DSL's read-only parameter table at
// `proxy` (and each parameter's frozen table of values) reports every read made while a
// case is assessed to `ctx`. Reads while loading are not recorded. Call protected.
void watch_parameters(lua_State* L, int proxy, CaseContext& ctx);

// Pushes _vaert.sammenlignet(x, n, mindst): records that a rule compared x with n
// (mindst: x >= n, else x <= n), naming each side by the value the rule last read equal to it.
void push_comparison_recorder(lua_State* L, CaseContext& ctx);

} // namespace kvalitet::bind
