#include "workbench/annoteringer.hpp"

#include <fmt/format.h>
#include <lauxlib.h>

#include <algorithm>
#include <cctype>

#include "bind/bind.hpp"
#include "domain/sag.hpp"
#include "engine/standard.hpp"
#include "sandbox.hpp"

namespace kvalitet::workbench {

namespace {

// A case with every field the views read, so every field has a value whose type shows.
constexpr std::string_view kFuldSag = R"({
  "id": "a", "kommune": "varde",
  "borger": { "alder": 40, "foedselsdato": "1986-01-01" },
  "ansoegning": { "modtaget": "2026-01-05", "akut": false },
  "vum": { "dato": "2026-01-10", "temaer": { "praktiske_opgaver": 1, "egenomsorg": 1, "kommunikation": 1,
           "mobilitet": 1, "samfundsliv": 1, "socialt_liv": 1, "sundhed": 1 } },
  "forhold": { "saerlige_sociale_problemer": true, "kan_deltage_aktivt": true, "profiterer_af_stoette": true,
               "daarligt_helbred": false, "kan_afhjaelpes_med_hjaelpemidler": false,
               "kan_afhjaelpes_med_traening": false, "kan_afhjaelpes_efter_anden_lovgivning": false,
               "motiveret": true, "behov_for_ledsagelse": false },
  "ydelser": [ { "paragraf": "83" } ],
  "ansoegte_aktiviteter": [ "oekonomi" ],
  "bevilling": { "afgoerelse_dato": "2026-01-20", "afgoerelse_modtaget": "2026-01-21",
                 "afgoerelse_sendt": "2026-01-20", "afgoerelse_kanal": "digital", "foerstegangs": true,
                 "start": "2026-02-02", "timer": 2.5, "periode": "uge", "pakke": "pakke_1", "form": "individuel",
                 "leverandoer": { "naert_beslaegtet": false }, "opfoelgning_interval_maaneder": 6 },
  "opfoelgninger": [ { "dato": "2026-05-01", "form": "personlig" } ],
  "leverancer": [ { "dato": "2026-02-03", "start": "10:00", "minutter": 60, "art": "ansigt_til_ansigt" } ],
  "afbud": [ { "dato": "2026-02-10", "af": "borger" } ],
  "klage": { "modtaget": "2026-02-01", "genvurderet": "2026-02-20" },
  "arbejdspladsvurdering": { "dato": "2026-02-02" },
  "indsatsplan": { "dato": "2026-02-15" }
})";

// The element class of a list field: the singular a reader expects.
std::string element_class(const std::string& owner, const std::string& field) {
    static const std::map<std::string, std::string> singular{
        {"ydelser", "Ydelse"}, {"opfoelgninger", "Opfoelgning"}, {"leverancer", "Leverance"}, {"afbud", "Afbud"}};
    auto it = singular.find(field);
    std::string name = it != singular.end() ? it->second : field;
    name[0] = char(std::toupper(static_cast<unsigned char>(name[0])));
    return owner + "." + name;
}

std::string sub_class(const std::string& owner, const std::string& field) {
    std::string name = field;
    name[0] = char(std::toupper(static_cast<unsigned char>(name[0])));
    return owner + "." + name;
}

// The field names of the view at `index`, in the host's order: its metatable's __index
// closure holds them (upvalue 2, a block of the names' addresses whose user value is the
// table name → position); the case view's __index is a table of its sub-objects, and the
// closure is that table's __index (sag_lua.cpp, fast_sag). Empty for a value that is not a view.
std::vector<std::string> view_fields(lua_State* L, int index) {
    std::vector<std::pair<lua_Integer, std::string>> found;
    const int top = lua_gettop(L);
    const int kind = luaL_getmetafield(L, index, "__index");
    if (kind == LUA_TTABLE) luaL_getmetafield(L, -1, "__index");
    if (kind != LUA_TNIL && lua_iscfunction(L, -1) && lua_getupvalue(L, -1, 2) && lua_type(L, -1) == LUA_TUSERDATA &&
        lua_getiuservalue(L, -1, 1) == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) == LUA_TSTRING && lua_isinteger(L, -1))
                found.emplace_back(lua_tointeger(L, -1), lua_tostring(L, -2));
            lua_pop(L, 1);
        }
    }
    lua_settop(L, top);
    std::sort(found.begin(), found.end());
    std::vector<std::string> out;
    for (auto& [_, n] : found) out.push_back(std::move(n));
    return out;
}

std::string metatable_name(lua_State* L, int index) {
    std::string out;
    if (luaL_getmetafield(L, index, "__name") != LUA_TNIL) {
        if (lua_type(L, -1) == LUA_TSTRING) out = lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    return out;
}

void walk(lua_State* L, int view, const std::string& klasse, std::vector<AnnotationKlasse>& out);

// The LuaLS type of the value on top of the stack (read as field `field` of `owner`),
// walking into views; pops nothing.
AnnotationFelt describe(lua_State* L, const std::string& owner, const std::string& field,
                        std::vector<AnnotationKlasse>& out) {
    AnnotationFelt f{field, "any"};
    const int v = lua_gettop(L);
    switch (lua_type(L, v)) {
    case LUA_TBOOLEAN: f.type = "boolean"; break;
    case LUA_TNUMBER: f.type = lua_isinteger(L, v) ? "integer" : "number"; break;
    case LUA_TSTRING: f.type = "string"; break;
    case LUA_TFUNCTION: f.metode = true; break;
    case LUA_TUSERDATA: {
        const std::string mt = metatable_name(L, v);
        if (mt == "Dato" || mt == "Varighed" || mt == "Frist") {
            f.type = mt;
            break;
        }
        f.altid = true;
        if (luaL_getmetafield(L, v, "__len") != LUA_TNIL) { // a list: its first element tells
            lua_pop(L, 1);
            lua_geti(L, v, 1);
            if (lua_type(L, -1) == LUA_TUSERDATA) {
                const std::string element = element_class(owner, field);
                walk(L, lua_gettop(L), element, out);
                f.type = element + "[]";
            } else {
                f.type = describe(L, owner, field, out).type + "[]";
            }
            lua_pop(L, 1);
        } else {
            f.type = sub_class(owner, field);
            walk(L, v, f.type, out);
        }
        break;
    }
    default: break;
    }
    return f;
}

void walk(lua_State* L, int view, const std::string& klasse, std::vector<AnnotationKlasse>& out) {
    const std::size_t at = out.size();
    out.push_back({klasse, {}});
    for (const auto& name : view_fields(L, view)) {
        lua_getfield(L, view, name.c_str());
        AnnotationFelt f = describe(L, klasse, name, out);
        out[at].felter.push_back(std::move(f));
        lua_pop(L, 1);
    }
}

// A method's signature, for those the host has (sag.vum's); another gets a general one
// until it is described here.
std::string method_type(const std::string& klasse, const std::string& navn) {
    static const std::map<std::string, std::string> kendte{
        {"max", "fun(self): integer? den højeste score i et tema; nil uden scorer"},
        {"sum", "fun(self): integer? summen af temaernes scorer; nil uden scorer"},
        {"antal_mindst", "fun(self, n: integer): integer? antal temaer med score n eller mere"},
        {"tema", "fun(self, id: string): integer? et temas score (0-4); nil når det ikke er scoret"},
        {"et_tema_mindst", "fun(self, n: integer): boolean? har et tema score n eller mere? nil, mens et tema uden score kunne have det"},
        {"sum_mindst", "fun(self, n: integer): boolean? er summen af scorerne n eller mere? nil, mens temaerne uden score kunne bringe den dertil"}};
    auto it = kendte.find(navn);
    return it != kendte.end() ? it->second : fmt::format("fun(self: {}, ...): any", klasse);
}

} // namespace

std::vector<AnnotationKlasse> sag_klasser(Standard& standard) {
    const Sag sag = Sag::from_json(std::string(kFuldSag));
    bind::CaseContext& ctx = standard.context();
    ctx.sag = &sag;
    ctx.dato = Dato::ymd(2026, 6, 1);
    std::vector<AnnotationKlasse> out;
    try {
        standard.state().protect(0, [&](lua_State* L) {
            bind::push_sag(L, ctx);
            walk(L, lua_gettop(L), "Sag", out);
            lua_pop(L, 1);
        });
    } catch (...) {
        ctx.sag = nullptr;
        throw;
    }
    ctx.sag = nullptr;
    ctx.reset_reads();
    return out;
}

std::vector<std::string> globale_navne(Standard& standard) {
    std::vector<std::string> out;
    standard.state().protect(0, [&](lua_State* L) {
        sandbox::push_env(L, sandbox::Env::Standard);
        luaL_getmetafield(L, -1, "__index"); // the base environment
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            if (lua_type(L, -2) == LUA_TSTRING) out.emplace_back(lua_tostring(L, -2));
            lua_pop(L, 1);
        }
        lua_pop(L, 2);
    });
    std::sort(out.begin(), out.end());
    return out;
}

std::map<std::string, std::vector<std::string>> erklaering_felter(Standard& standard) {
    std::map<std::string, std::vector<std::string>> out;
    sandbox::require_module(standard.state(), "dsl.erklaeringer");
    standard.state().protect(1, [&](lua_State* L) {
        sandbox::frozen_contents(L, 1);
        lua_getfield(L, -1, "felter");
        sandbox::frozen_contents(L, -1);
        const int felter = lua_gettop(L);
        lua_pushnil(L);
        while (lua_next(L, felter)) {
            auto& list = out[lua_tostring(L, -2)];
            sandbox::frozen_contents(L, -1);
            for (lua_Integer i = 1, n = luaL_len(L, -1); i <= n; ++i) {
                lua_geti(L, -1, i);
                list.emplace_back(lua_tostring(L, -1));
                lua_pop(L, 1);
            }
            lua_pop(L, 2);
        }
    });
    return out;
}

std::string sag_annotationer(const std::vector<AnnotationKlasse>& klasser) {
    std::string out =
        "---@meta\n"
        "-- Sagen, som et script ser den (sag i function(sag, dato)). DANNET af `kvalitet annoteringer`\n"
        "-- fra værtens egne felttabeller (host/bind/sag_lua.cpp); ret ikke her, dan filen igen.\n"
        "-- Et felt er nil, når sagen ikke har oplysningen (ukendt); under-objekter og lister findes altid.\n";
    for (const auto& k : klasser) {
        out += fmt::format("\n---@class {}\n", k.navn);
        for (const auto& f : k.felter) {
            if (f.metode) continue;
            out += fmt::format("---@field {} {}{}\n", f.navn, f.type, f.altid ? "" : "?");
        }
        for (const auto& f : k.felter) {
            if (!f.metode) continue;
            out += fmt::format("---@field {} {}\n", f.navn, method_type(k.navn, f.navn));
        }
    }
    return out;
}

} // namespace kvalitet::workbench
