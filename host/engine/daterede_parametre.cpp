#include "engine/daterede_parametre.hpp"

#include <fmt/format.h>
#include <lauxlib.h>

#include <algorithm>

#include "bind/bind.hpp"
#include "sandbox.hpp"

namespace kvalitet {

const ParameterPeriode* periode_paa(const Parameter& p, Dato dato) {
    // The newest period that has begun: periods are sorted by fra.
    auto it = std::upper_bound(p.perioder.begin(), p.perioder.end(), dato,
                               [](Dato d, const ParameterPeriode& per) { return d < per.fra; });
    return it == p.perioder.begin() ? nullptr : &*(it - 1);
}

std::string periode_tekst(const Parameter& p, std::size_t i) {
    if (i + 1 < p.perioder.size())
        return fmt::format("fra {} til og med {}", p.perioder[i].fra.tekst(), p.perioder[i + 1].fra.plus_days(-1).tekst());
    return fmt::format("fra {}", p.perioder[i].fra.tekst());
}

void name_periods(Parameter& p) {
    std::string shown;
    for (std::size_t i = 0; i < p.perioder.size(); ++i) {
        auto& per = p.perioder[i];
        per.spor_navn = i + 1 < p.perioder.size()
                            ? fmt::format("{} (gælder {} til {})", p.id, per.fra.iso(), p.perioder[i + 1].fra.plus_days(-1).iso())
                            : fmt::format("{} (gælder fra {})", p.id, per.fra.iso());
        shown += fmt::format("{}{} fra {}", shown.empty() ? "" : "; ", per.vaerdi, per.fra.tekst());
    }
    p.vaerdi = std::move(shown);
}

namespace {

// _vaert.parameter_paa_dato(navn, perioder). Upvalue: the Standard. Reads are recorded for
// the full trace with the period they came from.
int dated_parameter(lua_State* L) {
    auto& s = *static_cast<Standard*>(lua_touserdata(L, lua_upvalueindex(1)));
    const char* navn = luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    bind::CaseContext& ctx = s.context();
    const auto& ps = s.info().parametre; // empty while the standard loads
    auto it = std::lower_bound(ps.begin(), ps.end(), std::string_view(navn),
                               [](const Parameter& p, std::string_view k) { return p.id < k; });
    std::string problem;
    const ParameterPeriode* per = nullptr;
    if (!ctx.sag || it == ps.end() || it->id != navn || it->perioder.empty())
        problem = fmt::format("parameteren '{}' har værdier efter dato (perioder) og har først en værdi, når en sag "
                              "vurderes på en dato: læs den inde i en regels function(sag, dato) ... end",
                              navn);
    else if (!(per = periode_paa(*it, ctx.standard_dato)))
        problem = fmt::format("parameteren '{}' har ingen værdi den {}: dens første periode begynder {} (tilføj en "
                              "periode i 'perioder', der dækker datoen)",
                              navn, ctx.standard_dato.tekst(), it->perioder.front().fra.tekst());
    if (!per) {
        lua_pushboolean(L, 0);
        lua_pushlstring(L, problem.data(), problem.size());
        return 2;
    }
    ctx.read_value(per->spor_navn, per->spor_vaerdi);
    lua_pushboolean(L, 1);
    lua_getfield(L, 2, per->fra.iso().c_str());
    return 2;
}

int expose(lua_State* L) {
    lua_pushvalue(L, 1);
    lua_pushcclosure(L, lua::guarded<dated_parameter>, 1);
    sandbox::expose_trusted(L, "parameter_paa_dato");
    return 0;
}

} // namespace

void expose_dated_parameters(Standard& s) {
    lua_State* L = s.state();
    lua_pushcfunction(L, expose);
    lua_pushlightuserdata(L, &s);
    s.state().call(1, 0);
}

} // namespace kvalitet
