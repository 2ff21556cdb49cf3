// Loading a standard: sandbox, domain bindings, the DSL, the script; then compiling the
// DSL's register into Rules the host can evaluate without looking anything up by name.
#include "engine/standard.hpp"

#include <fmt/format.h>
#include <lauxlib.h>

#include <algorithm>

#include "bind/bind.hpp"
#include "domain/sha256.hpp"
#include "sandbox.hpp"

namespace kvalitet {

std::string_view art_navn(Art a) {
    static constexpr std::string_view names[] = {"betingelse", "udelukkelse", "henvisning", "aktivitet",
                                                 "pakke",      "frist",       "krav"};
    return names[int(a)];
}

bool valid_kommune_id(std::string_view id) {
    return !id.empty() && id.size() <= 64 &&
           std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::vector<std::string> kommuner(const Sources& sources) {
    std::vector<std::string> out;
    const std::string_view prefix = "municipalities/", suffix = "/standard.lua";
    for (const auto& path : sources.list("municipalities")) {
        std::string_view p = path;
        if (!p.ends_with(suffix)) continue;
        auto id = p.substr(prefix.size(), p.size() - prefix.size() - suffix.size());
        if (valid_kommune_id(id)) out.emplace_back(id);
    }
    return out;
}

namespace {

// _vaert.sted(level): file and line of the function `level` steps up the stack.
int host_sted(lua_State* L) {
    lua_Debug ar;
    if (!lua_getstack(L, int(luaL_checkinteger(L, 1)), &ar)) {
        lua_pushliteral(L, "?");
        lua_pushinteger(L, 0);
        return 2;
    }
    lua_getinfo(L, "Sl", &ar);
    const char* src = ar.source[0] == '@' || ar.source[0] == '=' ? ar.source + 1 : ar.short_src;
    lua_pushstring(L, src);
    lua_pushinteger(L, ar.currentline);
    return 2;
}

int host_er_varighed(lua_State* L) {
    lua_pushboolean(L, bind::to_varighed(L, 1) != nullptr);
    return 1;
}

int host_er_dato(lua_State* L) {
    lua_pushboolean(L, lua_type(L, 1) == LUA_TSTRING && Dato::parse(lua_tostring(L, 1)).has_value());
    return 1;
}

int host_setmetatable(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

// Everything a loaded standard's state needs; runs under lua_pcall (memory cap).
int prepare(lua_State* L) {
    bind::open_domain(L);
    lua_pushcfunction(L, host_sted);
    sandbox::expose_trusted(L, "sted");
    lua_pushcfunction(L, host_er_varighed);
    sandbox::expose_trusted(L, "er_varighed");
    lua_pushcfunction(L, host_er_dato);
    sandbox::expose_trusted(L, "er_dato");
    lua_pushcfunction(L, host_setmetatable);
    sandbox::expose_trusted(L, "setmetatable");
    lua_newtable(L);
    for (auto id : Forhold::ids) {
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, std::string(id).c_str());
    }
    sandbox::expose_trusted(L, "forhold_ids");
    lua_newtable(L);
    for (auto p : date_path_names()) {
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, std::string(p).c_str());
    }
    sandbox::expose_trusted(L, "datostier");

    // The DSL's words become globals of every standard.
    auto& state = lua::State::of(L);
    sandbox::require_module(state, "dsl.init");
    lua_getfield(L, -1, "eksport");
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        const char* name = lua_tostring(L, -2);
        sandbox::expose(L, name);
    }
    lua_pop(L, 1);
    lua_getfield(L, -1, "register");
    return 1;
}

std::string string_field(lua_State* L, int t, const char* key) {
    lua_getfield(L, t, key);
    std::string out = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
    lua_pop(L, 1);
    return out;
}

bool bool_field(lua_State* L, int t, const char* key) {
    lua_getfield(L, t, key);
    bool b = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return b;
}

int int_field(lua_State* L, int t, const char* key) {
    lua_getfield(L, t, key);
    int n = int(lua_tointeger(L, -1));
    lua_pop(L, 1);
    return n;
}

// A field that is a function becomes a Ref; returns whether it was one.
bool function_field(lua_State* L, int t, const char* key, lua::Ref& out) {
    lua_getfield(L, t, key);
    if (lua_type(L, -1) == LUA_TFUNCTION) {
        out = lua::Ref(L);
        return true;
    }
    lua_pop(L, 1);
    return false;
}

// A field that is either a function or a date path ("bevilling.start"); the DSL has
// already checked that a path is one the host knows.
void date_field(lua_State* L, int t, const char* key, DatePath& path, std::string_view& name, lua::Ref& fn) {
    if (function_field(L, t, key, fn)) return;
    const std::string p = string_field(L, t, key);
    for (auto known : date_path_names())
        if (known == p) {
            path = date_path(known);
            name = known;
        }
}

} // namespace

std::unique_ptr<Standard> Standard::load(const Sources& sources, const std::string& kommune, lua::Limits limits) {
    if (!valid_kommune_id(kommune))
        throw InputError(fmt::format("ugyldigt kommune-id '{}' (små bogstaver a-z, tal og _)", kommune));
    const std::string path = "municipalities/" + kommune + "/standard.lua";
    auto source = sources.read(path);
    if (!source) {
        std::string known;
        for (const auto& k : kommuner(sources)) known += (known.empty() ? "" : ", ") + k;
        throw InputError(fmt::format("ukendt kommune '{}' (kendte: {})", kommune, known));
    }
    std::unique_ptr<Standard> s(new Standard(sources));
    s->state_ = std::make_unique<lua::State>(limits);
    s->meta_ = std::make_shared<Meta>();
    s->ctx_ = std::make_unique<bind::CaseContext>();
    lua::State& state = *s->state_;
    lua_State* L = state;
    sandbox::open(state, sources);

    lua_pushcfunction(L, prepare);
    state.call(0, 1); // the DSL's register
    const int reg = lua_gettop(L);
    sandbox::load(state, *source, "@" + path, sandbox::Env::Standard);
    state.call(0, 0);

    auto& info = s->meta_->info;
    info.fil = path;
    info.sha256 = sha256_hex(*source);
    lua_getfield(L, reg, "standard");
    if (lua_isnil(L, -1))
        throw ScriptError(ScriptError::Kind::Runtime,
                          "scriptet erklærer ingen kvalitetsstandard { kommune = ..., titel = ..., kilde = ... }", path, 1);
    const int st = lua_gettop(L);
    info.kommune = string_field(L, st, "kommune");
    info.titel = string_field(L, st, "titel");
    info.kilde = string_field(L, st, "kilde");
    info.revideres = string_field(L, st, "revideres");
    if (auto g = string_field(L, st, "godkendt"); !g.empty()) info.godkendt = Dato::parse(g);
    if (info.kommune != kommune)
        throw ScriptError(ScriptError::Kind::Runtime,
                          fmt::format("kvalitetsstandard: kommune = \"{}\", men filen ligger under municipalities/{}/",
                                      info.kommune, kommune),
                          path, int_field(L, st, "linje"));
    lua_getfield(L, st, "beskrivelse");
    if (lua_istable(L, -1)) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            info.beskrivelse.emplace_back(lua_tostring(L, -2), lua_tostring(L, -1));
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 2);
    std::sort(info.beskrivelse.begin(), info.beskrivelse.end());

    lua_getfield(L, reg, "parametre");
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        const int p = lua_gettop(L);
        Parameter par;
        par.id = lua_tostring(L, -2);
        par.tekst = string_field(L, p, "tekst");
        par.kilde = string_field(L, p, "kilde");
        par.antagelse = bool_field(L, p, "antagelse");
        par.kommunal = bool_field(L, p, "kommunal");
        par.erstatter = bool_field(L, p, "erstatter");
        par.fil = string_field(L, p, "fil");
        par.linje = int_field(L, p, "linje");
        lua_getfield(L, p, "vaerdi");
        if (lua_istable(L, -1)) {
            std::vector<std::string> parts;
            lua_pushnil(L);
            while (lua_next(L, -2)) {
                std::string v = luaL_tolstring(L, -1, nullptr);
                lua_pop(L, 2);
                lua_pushvalue(L, -1);
                parts.push_back(std::string(luaL_tolstring(L, -1, nullptr)) + " = " + v);
                lua_pop(L, 2);
            }
            std::sort(parts.begin(), parts.end());
            for (const auto& x : parts) par.vaerdi += (par.vaerdi.empty() ? "" : ", ") + x;
            par.vaerdi = "{ " + par.vaerdi + " }";
        } else {
            par.vaerdi = luaL_tolstring(L, -1, nullptr);
            lua_pop(L, 1);
        }
        lua_pop(L, 2);
        info.parametre.push_back(std::move(par));
    }
    lua_pop(L, 1);
    std::sort(info.parametre.begin(), info.parametre.end(), [](auto& a, auto& b) { return a.id < b.id; });

    lua_getfield(L, reg, "regler");
    s->compile(L);
    lua_settop(L, 0);
    return s;
}

Standard::Standard(const Sources& sources) : sources_(sources) {}

Standard::~Standard() {
    rules_.clear(); // registry refs go before the state closes
}

void Standard::compile(lua_State* L) {
    const int list = lua_gettop(L);
    const lua_Integer n = luaL_len(L, list);
    rules_.reserve(std::size_t(n));
    static constexpr std::pair<std::string_view, Art> kArter[] = {
        {"betingelse", Art::Betingelse}, {"udelukkelse", Art::Udelukkelse}, {"henvisning", Art::Henvisning},
        {"aktivitet", Art::Aktivitet},   {"pakke", Art::Pakke},             {"frist", Art::Frist},
        {"krav", Art::Krav}};
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_geti(L, list, i);
        const int d = lua_gettop(L);
        Regel& regel = meta_->regler.emplace_back();
        regel.id = string_field(L, d, "id");
        regel.tekst = string_field(L, d, "tekst");
        regel.kilde = string_field(L, d, "kilde");
        regel.fil = string_field(L, d, "fil");
        regel.linje = int_field(L, d, "linje");
        regel.kommunal = bool_field(L, d, "kommunal");
        regel.erstatter = bool_field(L, d, "erstatter");
        regel.antagelse = bool_field(L, d, "antagelse");
        regel.betingelse = string_field(L, d, "betingelse");

        Rule r;
        r.regel = &regel;
        const std::string art = string_field(L, d, "art");
        for (auto [name, a] : kArter)
            if (name == art) r.art = a;
        switch (r.art) {
        case Art::Betingelse:
        case Art::Udelukkelse:
        case Art::Henvisning: r.trin = Trin::Maalgruppe; break;
        case Art::Aktivitet: r.trin = Trin::Aktiviteter; break;
        case Art::Pakke: r.trin = Trin::Pakke; break;
        case Art::Frist: r.trin = Trin::Frister; break;
        case Art::Krav: r.trin = Trin::Krav; break;
        }
        function_field(L, d, "naar", r.naar);
        if (auto f = string_field(L, d, "forhold"); !f.empty()) r.forhold = int(*Forhold::index(f));
        r.til = string_field(L, d, r.art == Art::Henvisning ? "til" : "henvis_til");
        function_field(L, d, "henvis_til", r.til_fn);
        if (!function_field(L, d, "omfattet", r.omfattet_fn)) {
            lua_getfield(L, d, "omfattet");
            if (lua_isboolean(L, -1)) r.omfattet = lua_toboolean(L, -1);
            lua_pop(L, 1);
        }
        r.navn = string_field(L, d, "navn");
        r.periode = string_field(L, d, "periode");
        r.kriterier = string_field(L, d, "kriterier");
        lua_getfield(L, d, "timer");
        r.timer = lua_tonumber(L, -1);
        lua_pop(L, 1);
        date_field(L, d, "fra", r.fra, r.fra_navn, r.fra_fn);
        if (!function_field(L, d, "varighed", r.varighed_fn)) {
            lua_getfield(L, d, "varighed");
            if (auto* v = bind::to_varighed(L, -1)) r.varighed = *v;
            lua_pop(L, 1);
        }
        r.flyt = string_field(L, d, "flyt") == "naeste_arbejdsdag" ? Flyt::NaesteArbejdsdag : Flyt::Ingen;
        date_field(L, d, "opfyldt_ved", r.opfyldt_ved, r.opfyldt_navn, r.opfyldt_fn);
        function_field(L, d, "afvigelser", r.afvigelser);
        rules_.push_back(std::move(r));
        lua_pop(L, 1);
    }
    // Stable by step: the host's order is maalgruppe → aktiviteter → pakke → frister → krav;
    // within a step, the order of declaration.
    std::stable_sort(rules_.begin(), rules_.end(), [](const Rule& a, const Rule& b) { return a.trin < b.trin; });

    auto& m = *meta_;
    m.frist_overskredet.id = "frist_overskredet";
    m.frist_overskredet.tekst = "En frist er overskredet";
    m.ukendt_aktivitet.id = "ukendt_aktivitet";
    m.ukendt_aktivitet.tekst = "Aktiviteten findes ikke i standardens aktivitetskatalog";
    m.ukendt_aktivitet.kilde = "Kvalitet (aktivitetskataloget)";
}

const Rule* Standard::rule(std::string_view id) const {
    for (const auto& r : rules_)
        if (r.regel->id == id) return &r;
    return nullptr;
}

} // namespace kvalitet
