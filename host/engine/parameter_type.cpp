#include "engine/parameter_type.hpp"

#include <fmt/format.h>
#include <lauxlib.h>

#include <array>
#include <cmath>

#include "bind/bind.hpp"
#include "domain/tekst.hpp"
#include "sandbox.hpp"

namespace kvalitet {

namespace {

constexpr std::array<std::string_view, 9> kNames{"tal",    "heltal",  "talliste", "tekst", "dato",
                                                 "ja_nej", "tidsrum", "varighed", "tabel"};

// What a value of each type is, as the object of "skal være …".
std::string_view expected(ParameterType t) {
    switch (t) {
    case ParameterType::Tal:
        return "et tal";
    case ParameterType::Heltal:
        return "et helt tal";
    case ParameterType::Talliste:
        return "en liste af tal";
    case ParameterType::Tekst:
        return "en tekst";
    case ParameterType::Dato:
        return "en dato \"ÅÅÅÅ-MM-DD\"";
    case ParameterType::JaNej:
        return "ja eller nej (true eller false)";
    case ParameterType::Tidsrum:
        return "et tidsrum { fra = \"TT:MM\", til = \"TT:MM\" }";
    case ParameterType::Varighed:
        return "en varighed (f.eks. uger(4))";
    case ParameterType::Tabel:
        return "en tabel";
    }
    return "";
}

std::string number_text(lua_State* L, int i) {
    if (lua_isinteger(L, i)) return fmt::format("{}", lua_tointeger(L, i));
    std::string s = fmt::format("{}", lua_tonumber(L, i));
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}

bool finite_number(lua_State* L, int i) {
    return lua_type(L, i) == LUA_TNUMBER && std::isfinite(lua_tonumber(L, i));
}

bool whole_number(lua_State* L, int i) {
    if (lua_isinteger(L, i)) return true;
    const double d = lua_tonumber(L, i);
    return finite_number(L, i) && d == std::floor(d) && std::fabs(d) < 9e15;
}

// Entries of a table's contents: whether they are exactly 1..n, and n.
std::optional<std::size_t> sequence_size(lua_State* L, int t) {
    std::size_t count = 0;
    bool sequence = true;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        ++count;
        if (!lua_isinteger(L, -2) || lua_tointeger(L, -2) < 1) sequence = false;
        lua_pop(L, 1);
    }
    if (!sequence || lua_Integer(count) != lua_Integer(lua_rawlen(L, t))) return std::nullopt;
    return count;
}

std::string text_value(lua_State* L, int i) {
    std::size_t n = 0;
    const char* s = lua_tolstring(L, i, &n);
    std::string_view v(s, n);
    if (v.size() > 40) return fmt::format("\"{}…\"", printable(utf8_prefix(v, 40)));
    return fmt::format("\"{}\"", printable(v));
}

// The value as the end of "men er …".
std::string found(lua_State* L, int i) {
    switch (lua_type(L, i)) {
    case LUA_TSTRING:
        return "teksten " + text_value(L, i);
    case LUA_TNUMBER:
        return "tallet " + number_text(L, i);
    case LUA_TBOOLEAN:
        return lua_toboolean(L, i) ? "sandhedsværdien true" : "sandhedsværdien false";
    case LUA_TNIL:
        return "tom (nil)";
    case LUA_TFUNCTION:
        return "en funktion";
    case LUA_TTABLE: {
        sandbox::frozen_contents(L, i);
        const auto n = sequence_size(L, lua_gettop(L));
        lua_pop(L, 1);
        if (n && *n > 0)
            return fmt::format("en liste med {} {}", *n, *n == 1 ? "værdi" : "værdier");
        return "en tabel";
    }
    default:
        if (const Dato* d = bind::to_dato(L, i)) return "datoen " + d->tekst();
        if (const Varighed* v = bind::to_varighed(L, i)) return "varigheden " + v->tekst();
        return fmt::format("en værdi af typen {}", lua_typename(L, lua_type(L, i)));
    }
}

bool date_text(lua_State* L, int i) {
    return lua_type(L, i) == LUA_TSTRING && Dato::parse(lua_tostring(L, i)).has_value();
}

// "TT:MM" as minutes after midnight, or nothing.
std::optional<int> clock(lua_State* L, int i) {
    if (lua_type(L, i) != LUA_TSTRING) return std::nullopt;
    std::string_view s = lua_tostring(L, i);
    const auto digit = [&](std::size_t k) { return s[k] >= '0' && s[k] <= '9'; };
    if (s.size() != 5 || s[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4))
        return std::nullopt;
    const int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
    if (h > 24 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
    return h * 60 + m;
}

// A table of exactly { fra = "TT:MM", til = "TT:MM" } with fra before til: nothing, else
// what is wrong, as a clause (after "men ").
std::optional<std::string> range_problem(lua_State* L, int t) {
    lua_pushnil(L);
    while (lua_next(L, t)) {
        const bool known =
            lua_type(L, -2) == LUA_TSTRING && (std::string_view(lua_tostring(L, -2)) == "fra" ||
                                               std::string_view(lua_tostring(L, -2)) == "til");
        if (!known) {
            std::string key = lua_type(L, -2) == LUA_TSTRING ? text_value(L, -2) : found(L, -2);
            lua_pop(L, 2);
            return "tabellen har også nøglen " + key + " (kun 'fra' og 'til')";
        }
        lua_pop(L, 1);
    }
    std::optional<int> ends[2];
    const char* keys[2] = {"fra", "til"};
    for (int k = 0; k < 2; ++k) {
        lua_getfield(L, t, keys[k]);
        ends[k] = clock(L, -1);
        if (!ends[k]) {
            std::string problem = fmt::format("'{}' er {}", keys[k], found(L, -1));
            lua_pop(L, 1);
            return problem;
        }
        lua_pop(L, 1);
    }
    if (*ends[0] >= *ends[1]) return std::string("'fra' er ikke før 'til'");
    return std::nullopt;
}

// Nothing when the value fits `t`, else what it is instead (after "men ").
std::optional<std::string> mismatch(lua_State* L, int i, ParameterType t) {
    const auto is_table = lua_type(L, i) == LUA_TTABLE;
    switch (t) {
    case ParameterType::Tal:
        if (finite_number(L, i)) return std::nullopt;
        break;
    case ParameterType::Heltal:
        if (whole_number(L, i)) return std::nullopt;
        break;
    case ParameterType::Tekst:
        if (lua_type(L, i) == LUA_TSTRING) return std::nullopt;
        break;
    case ParameterType::Dato:
        if (date_text(L, i) || bind::to_dato(L, i)) return std::nullopt;
        break;
    case ParameterType::JaNej:
        if (lua_isboolean(L, i)) return std::nullopt;
        break;
    case ParameterType::Varighed:
        if (bind::to_varighed(L, i)) return std::nullopt;
        break;
    case ParameterType::Tabel:
        if (is_table) return std::nullopt;
        break;
    case ParameterType::Talliste:
    case ParameterType::Tidsrum: {
        if (!is_table) break;
        sandbox::frozen_contents(L, i);
        const int c = lua_gettop(L);
        std::optional<std::string> problem;
        if (t == ParameterType::Tidsrum) {
            problem = range_problem(L, c);
        } else if (const auto n = sequence_size(L, c); !n || *n == 0) {
            problem = "er " + (n ? std::string("en tom liste")
                                 : std::string("en tabel med andre nøgler end 1, 2, 3 …"));
        } else {
            for (lua_Integer k = 1; k <= lua_Integer(*n) && !problem; ++k) {
                lua_rawgeti(L, c, k);
                if (!finite_number(L, -1))
                    problem = fmt::format("værdi nr. {} er {}", k, found(L, -1));
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 1);
        return problem;
    }
    }
    return "er " + found(L, i);
}

} // namespace

std::span<const std::string_view> parameter_type_names() {
    return kNames;
}

std::string_view parameter_type_name(ParameterType t) {
    return kNames[std::size_t(t)];
}

std::optional<ParameterType> parameter_type(std::string_view name) {
    for (std::size_t k = 0; k < kNames.size(); ++k)
        if (kNames[k] == name) return ParameterType(k);
    return std::nullopt;
}

std::optional<ParameterType> infer_parameter_type(lua_State* L, int index) {
    index = lua_absindex(L, index);
    switch (lua_type(L, index)) {
    case LUA_TNUMBER:
        return whole_number(L, index) ? ParameterType::Heltal : ParameterType::Tal;
    case LUA_TSTRING:
        return date_text(L, index) ? ParameterType::Dato : ParameterType::Tekst;
    case LUA_TBOOLEAN:
        return ParameterType::JaNej;
    case LUA_TTABLE:
        for (auto t : {ParameterType::Talliste, ParameterType::Tidsrum})
            if (!mismatch(L, index, t)) return t;
        return ParameterType::Tabel;
    default:
        if (bind::to_dato(L, index)) return ParameterType::Dato;
        if (bind::to_varighed(L, index)) return ParameterType::Varighed;
        return std::nullopt;
    }
}

std::optional<std::string> parameter_type_problem(lua_State* L, int index, ParameterType t,
                                                  std::string_view enhed) {
    index = lua_absindex(L, index);
    auto problem = mismatch(L, index, t);
    if (!problem) return std::nullopt;
    const std::string unit = enhed.empty() ? std::string() : fmt::format(" ({})", enhed);
    return fmt::format("skal være {}{}, men {}", expected(t), unit, *problem);
}

std::size_t parameter_list_size(lua_State* L, int index) {
    index = lua_absindex(L, index);
    if (lua_type(L, index) != LUA_TTABLE) return 0;
    sandbox::frozen_contents(L, index);
    const auto n = sequence_size(L, lua_gettop(L));
    lua_pop(L, 1);
    return n.value_or(0);
}

} // namespace kvalitet
