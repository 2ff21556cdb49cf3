// Groups 2 and 3 of bench/README.md, with Google Benchmark: one Kerteminde case per
// iteration, cycling through the main job's synthetic cases (already parsed), for
//   - the full assessment (Standard::vurder: DSL, case views, trace, reasons),
//   - the same rules as plain Lua over plain tables (bench/kerteminde_ren.lua), same process,
//   - the same rules hand-written in C++ (bench/kerteminde_native.cpp).
// Before timing, all three must agree on every case (target group, package, activities,
// deadlines with status, warning ids, each warning as often as it is given), on the timed
// date and two earlier ones, or the comparison would be unfair: the program then names
// the first cases they disagree on and exits 1.
// Usage: bench_host_overhead [google-benchmark flags] [ROOT]
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <lauxlib.h>
#include <lualib.h>

#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "engine/standard.hpp"
#include "kerteminde_native.hpp"
#include "store/demo_sager.hpp"

using namespace kvalitet;
using bench::Afgoerelser;

namespace {

constexpr std::size_t kCases = 10000;
const Dato kDato = *Dato::parse("2026-11-22");
// The agreement is also checked on earlier dates, where the cases hold events after the date
// (left out), follow-ups of an earlier grant and VUMs not yet made: the rules for those are
// then compared too. Timed on kDato only.
const Dato kCheckDates[] = {kDato, *Dato::parse("2026-04-15"), *Dato::parse("2025-08-01")};

lua_Integer days(Dato d) { return d.sys().time_since_epoch().count(); }

// The ids the three produce, kept for the program's life, so results can hold string_views
// whatever made them. Every id is kept as it is: an id only one side produces still differs.
std::string_view known(std::string_view id) {
    static std::set<std::string, std::less<>> ids;
    auto it = ids.find(id);
    if (it == ids.end()) it = ids.emplace(id).first;
    return *it;
}

Afgoerelser from_engine(const Vurdering& v) {
    Afgoerelser a;
    a.i_maalgruppe = v.i_maalgruppe;
    if (v.pakke) a.pakke = std::stoi(v.pakke->regel->id.substr(std::string("pakke_").size()));
    for (const auto& x : v.aktiviteter) a.aktiviteter.push_back(x.omfattet);
    for (const auto& f : v.frister) a.frister.push_back({known(f.regel->id), f.dato, f.status});
    for (const auto& w : v.advarsler) a.advarsler.push_back(known(w.id));
    return a;
}

// ---- plain Lua ---------------------------------------------------------------------------

void set_date(lua_State* L, const char* key, std::optional<Dato> d) {
    if (!d) return;
    lua_pushinteger(L, days(*d));
    lua_setfield(L, -2, key);
}

// The case as the plain tables kerteminde_ren.lua reads.
void push_plain(lua_State* L, const Sag& s) {
    lua_createtable(L, 0, 10);
    lua_createtable(L, 0, 2);
    if (s.alder) lua_pushinteger(L, *s.alder), lua_setfield(L, -2, "alder");
    set_date(L, "foedselsdato", s.foedselsdato);
    lua_setfield(L, -2, "borger");
    if (s.vum) {
        lua_createtable(L, Vum::kTemaer, 1);
        for (std::size_t i = 0; i < Vum::kTemaer; ++i)
            if (auto t = s.vum->tema(i)) lua_pushinteger(L, *t), lua_rawseti(L, -2, lua_Integer(i + 1));
        set_date(L, "dato", s.vum->dato);
        lua_setfield(L, -2, "vum");
    }
    lua_createtable(L, 0, int(Forhold::ids.size()));
    for (std::size_t i = 0; i < Forhold::ids.size(); ++i)
        if (auto v = s.forhold.vaerdi[i]) {
            lua_pushboolean(L, *v);
            lua_setfield(L, -2, std::string(Forhold::ids[i]).c_str());
        }
    lua_setfield(L, -2, "forhold");
    lua_createtable(L, int(s.ansoegte_aktiviteter.size()), 0);
    for (std::size_t i = 0; i < s.ansoegte_aktiviteter.size(); ++i)
        lua_pushstring(L, s.ansoegte_aktiviteter[i].c_str()), lua_rawseti(L, -2, lua_Integer(i + 1));
    lua_setfield(L, -2, "ansoegte_aktiviteter");
    lua_createtable(L, 0, 8);
    if (s.bevilling) {
        set_date(L, "afgoerelse_dato", s.bevilling->afgoerelse_dato);
        set_date(L, "afgoerelse_modtaget", s.bevilling->afgoerelse_modtaget);
        set_date(L, "afgoerelse_sendt", s.bevilling->afgoerelse_sendt);
        if (s.bevilling->afgoerelse_kanal)
            lua_pushstring(L, s.bevilling->afgoerelse_kanal->c_str()), lua_setfield(L, -2, "afgoerelse_kanal");
        set_date(L, "start", s.bevilling->start);
        if (s.bevilling->timer) lua_pushnumber(L, *s.bevilling->timer), lua_setfield(L, -2, "timer");
        if (s.bevilling->periode) lua_pushstring(L, s.bevilling->periode->c_str()), lua_setfield(L, -2, "periode");
        if (auto m = s.bevilling->opfoelgning_interval_maaneder)
            lua_pushinteger(L, *m), lua_setfield(L, -2, "opfoelgning_interval_maaneder");
    }
    lua_setfield(L, -2, "bevilling");
    lua_createtable(L, int(s.opfoelgninger.size()), 0);
    for (std::size_t i = 0; i < s.opfoelgninger.size(); ++i) {
        lua_createtable(L, 0, 2);
        set_date(L, "dato", s.opfoelgninger[i].dato);
        if (const auto& form = s.opfoelgninger[i].form) lua_pushstring(L, form->c_str()), lua_setfield(L, -2, "form");
        lua_rawseti(L, -2, lua_Integer(i + 1));
    }
    lua_setfield(L, -2, "opfoelgninger");
    lua_createtable(L, int(s.leverancer.size()), 0);
    for (std::size_t i = 0; i < s.leverancer.size(); ++i) {
        lua_createtable(L, 0, 3);
        set_date(L, "dato", s.leverancer[i].dato);
        lua_pushinteger(L, s.leverancer[i].minutter), lua_setfield(L, -2, "minutter");
        lua_pushlstring(L, s.leverancer[i].art.data(), s.leverancer[i].art.size()), lua_setfield(L, -2, "art");
        lua_rawseti(L, -2, lua_Integer(i + 1));
    }
    lua_setfield(L, -2, "leverancer");
    set_date(L, "klage_modtaget", s.klage_modtaget);
    set_date(L, "klage_genvurderet", s.klage_genvurderet);
    set_date(L, "arbejdspladsvurdering_dato", s.arbejdspladsvurdering_dato);
}

FristStatus status(std::string_view navn) {
    for (auto s : {FristStatus::Kommende, FristStatus::Overskredet, FristStatus::Opfyldt, FristStatus::Udloebet,
                   FristStatus::ForSent})
        if (status_navn(s) == navn) return s;
    throw std::runtime_error(fmt::format("kerteminde_ren.lua gav en ukendt frist-status '{}'", navn));
}

struct PlainLua {
    lua_State* L = luaL_newstate();
    int fn = LUA_NOREF, cases = LUA_NOREF;

    PlainLua(const std::string& file, const std::vector<Sag>& sager) {
        luaL_openlibs(L);
        if (luaL_dofile(L, file.c_str()) != LUA_OK)
            throw std::runtime_error(fmt::format("{}: {}", file, lua_tostring(L, -1)));
        fn = luaL_ref(L, LUA_REGISTRYINDEX);
        lua_createtable(L, int(sager.size()), 0);
        for (std::size_t i = 0; i < sager.size(); ++i) {
            push_plain(L, sager[i]);
            lua_rawseti(L, -2, lua_Integer(i + 1));
        }
        cases = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    ~PlainLua() { lua_close(L); }

    // Leaves the result table on the stack.
    void assess(std::size_t i, Dato dato = kDato) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, fn);
        lua_rawgeti(L, LUA_REGISTRYINDEX, cases);
        lua_rawgeti(L, -1, lua_Integer(i + 1));
        lua_remove(L, -2);
        lua_pushinteger(L, days(dato));
        lua_call(L, 2, 1);
    }

    Afgoerelser result() {
        Afgoerelser a;
        const int t = lua_gettop(L);
        if (lua_getfield(L, t, "i_maalgruppe") == LUA_TBOOLEAN) a.i_maalgruppe = lua_toboolean(L, -1);
        if (lua_getfield(L, t, "pakke") == LUA_TNUMBER) a.pakke = int(lua_tointeger(L, -1));
        // One per applied activity: true, false or nil (not yet known).
        lua_getfield(L, t, "antal_aktiviteter");
        const lua_Integer n = lua_tointeger(L, -1);
        lua_getfield(L, t, "aktiviteter");
        for (lua_Integer i = 1; i <= n; ++i, lua_pop(L, 1))
            a.aktiviteter.push_back(lua_rawgeti(L, -1, i) == LUA_TNIL ? std::nullopt
                                                                      : std::optional<bool>(lua_toboolean(L, -1)));
        lua_pop(L, 2);
        lua_getfield(L, t, "frister");
        for (lua_Integer i = 1; lua_rawgeti(L, -1, i) != LUA_TNIL; ++i, lua_pop(L, 1)) {
            lua_getfield(L, -1, "id");
            lua_getfield(L, -2, "dato");
            lua_getfield(L, -3, "status");
            a.frister.push_back({known(lua_tostring(L, -3)), Dato(std::chrono::sys_days(std::chrono::days(lua_tointeger(L, -2)))),
                                 status(lua_tostring(L, -1))});
            lua_pop(L, 3);
        }
        lua_pop(L, 2);
        lua_getfield(L, t, "advarsler");
        for (lua_Integer i = 1; lua_rawgeti(L, -1, i) != LUA_TNIL; ++i, lua_pop(L, 1))
            a.advarsler.push_back(known(lua_tostring(L, -1)));
        lua_settop(L, t - 1);
        return a;
    }
};

// ---- agreement ---------------------------------------------------------------------------

std::string show(const Afgoerelser& a) {
    auto tri = [](std::optional<bool> b) { return b ? (*b ? "ja" : "nej") : "ukendt"; };
    std::string s = fmt::format("maalgruppe={} pakke={} aktiviteter=[", tri(a.i_maalgruppe), a.pakke);
    for (auto x : a.aktiviteter) s += fmt::format(" {}", tri(x));
    s += " ] frister=[";
    for (const auto& f : a.frister) s += fmt::format(" {} {} {}", f.id, f.dato.iso(), status_navn(f.status));
    s += " ] advarsler=[";
    for (auto w : a.advarsler) s += fmt::format(" {}", w);
    return s + " ]";
}

Afgoerelser sorted(Afgoerelser a) {
    std::sort(a.advarsler.begin(), a.advarsler.end());
    return a;
}

// ---- reporting ---------------------------------------------------------------------------

// Prints as usual and keeps each benchmark's median items per second for the ratios.
class Medians : public benchmark::ConsoleReporter {
public:
    Medians() : ConsoleReporter(isatty(STDOUT_FILENO) ? OO_Defaults : OO_Tabular) {} // no colour codes in a file
    std::map<std::string, double> rate;
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const auto& r : runs)
            if (r.run_type == Run::RT_Aggregate && r.aggregate_name == "median")
                rate[r.run_name.function_name] = r.counters.at("items_per_second");
        ConsoleReporter::ReportRuns(runs);
    }
};

template <class F>
void cycle(benchmark::State& st, std::size_t n, F&& f) {
    std::size_t i = 0;
    for (auto _ : st) {
        f(i);
        if (++i == n) i = 0;
    }
    st.SetItemsProcessed(st.iterations());
}

} // namespace

int main(int argc, char** argv) {
    // Repetitions of the three interleaved, so a machine that changes speed over the
    // minute (a shared one does) shifts all three alike and the ratios hold.
    std::vector<char*> args(argv, argv + argc);
    std::string interleave = "--benchmark_enable_random_interleaving=true";
    args.insert(args.begin() + 1, interleave.data());
    argc = int(args.size());
    argv = args.data();
    benchmark::Initialize(&argc, argv);
    const std::string root = argc > 1 ? argv[1] : ".";
    const Sources sources = Sources::directory(root);
    auto standard = Standard::load(sources, "kerteminde");
    std::vector<Sag> sager;
    for (std::uint64_t i = 0; sager.size() < kCases; ++i) {
        Sag s = Sag::from_json(demo_sag(85, i, kDato));
        if (s.kommune == "kerteminde") sager.push_back(std::move(s));
    }
    PlainLua plain(root + "/bench/kerteminde_ren.lua", sager);

    std::size_t uenige = 0;
    for (const Dato dato : kCheckDates)
        for (std::size_t i = 0; i < sager.size(); ++i) {
            const Afgoerelser e = sorted(from_engine(standard->vurder(sager[i], dato)));
            plain.assess(i, dato);
            const Afgoerelser p = sorted(plain.result());
            const Afgoerelser n = sorted(bench::kerteminde_native(sager[i], dato));
            if (e == p && e == n) continue;
            if (++uenige <= 3)
                fmt::print(stderr,
                           "uenige om sag '{}' på {}:\n  fuld vurdering: {}\n  ren Lua:        {}\n  C++:            {}\n",
                           sager[i].id, dato.iso(), show(e), show(p), show(n));
        }
    if (uenige > 0) {
        fmt::print(stderr, "de tre er uenige i {} af {} vurderinger; ingen tider\n", uenige,
                   sager.size() * std::size(kCheckDates));
        return 1;
    }
    fmt::print("de tre er enige om alle {} sager på {} datoer\n", sager.size(), std::size(kCheckDates));

    auto add = [](const char* name, auto&& fn) {
        benchmark::RegisterBenchmark(name, fn)->Repetitions(5)->ReportAggregatesOnly(true)->MinTime(0.3);
    };
    add("fuld_vurdering", [&](benchmark::State& st) {
        cycle(st, sager.size(), [&](std::size_t i) { benchmark::DoNotOptimize(standard->vurder(sager[i], kDato)); });
    });
    add("ren_lua", [&](benchmark::State& st) {
        cycle(st, sager.size(), [&](std::size_t i) {
            plain.assess(i);
            lua_pop(plain.L, 1);
        });
    });
    add("cpp", [&](benchmark::State& st) {
        cycle(st, sager.size(), [&](std::size_t i) { benchmark::DoNotOptimize(bench::kerteminde_native(sager[i], kDato)); });
    });
    Medians report;
    benchmark::RunSpecifiedBenchmarks(&report);
    benchmark::Shutdown();

    const double full = report.rate["fuld_vurdering"], lua = report.rate["ren_lua"], cpp = report.rate["cpp"];
    if (full > 0 && lua > 0 && cpp > 0) {
        fmt::print("\nKerteminde, medianer, én kerne:\n");
        fmt::print("  fuld vurdering {:>10.0f}/s\n  ren Lua        {:>10.0f}/s\n  C++            {:>10.0f}/s\n", full, lua, cpp);
        fmt::print("  værtens overhead (ren Lua / fuld): {:.2f}×   (mål ≤ 2)\n", lua / full);
        fmt::print("  C++ / fuld vurdering:              {:.1f}×   (mål ≤ 20)\n", cpp / full);
    }
    return 0;
}
