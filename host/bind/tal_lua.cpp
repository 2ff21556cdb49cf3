// tal(x): a number as a Danish reader writes it, in C++. It was a Lua helper (string.format
// and three gsub), and a rule that writes a text per period called it twice per period;
// the output is the same byte for byte: two decimals, trailing zeros and then a trailing
// separator dropped, a comma for the point (2.5 → "2,5", 3.0 → "3", 0.125 → "0,13").
#include <lauxlib.h>

#include <cmath>
#include <cstdio>

#include "bind/bind.hpp"
#include "sandbox.hpp"

namespace kvalitet::bind {

namespace {

int tal(lua_State* L) {
    const lua_Number x = luaL_checknumber(L, 1);
    // "inf" and "-nan" are no Danish reader's numbers, and a text to a citizen must not show them.
    if (std::isnan(x)) return luaL_argerror(L, 1, "forventede et tal, fik NaN (ikke et tal, f.eks. 0/0)");
    if (std::isinf(x)) return luaL_argerror(L, 1, "forventede et tal, fik uendelig (f.eks. 1/0)");
    char buf[512]; // "%.2f" of the largest double is 312 characters
    auto n = std::size_t(std::snprintf(buf, sizeof buf, "%.2f", double(x)));
    if (n >= sizeof buf) return luaL_error(L, "tal: tallet er for stort til at skrive");
    while (n > 0 && buf[n - 1] == '0') --n;
    if (n > 0 && buf[n - 1] == '.') --n;
    for (std::size_t i = 0; i < n; ++i)
        if (buf[i] == '.') buf[i] = ',';
    if (n == 2 && buf[0] == '-' && buf[1] == '0') n = 1, buf[0] = '0'; // -0 and -0,001 are "0"
    lua_pushlstring(L, buf, n);
    return 1;
}

} // namespace

void open_tal(lua_State* L) {
    lua_pushcfunction(L, tal);
    sandbox::expose(L, "tal");
}

} // namespace kvalitet::bind
