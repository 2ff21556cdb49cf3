// Dato, Varighed, kalender and Frist in Lua.
#include <fmt/format.h>
#include <lauxlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "bind/bind.hpp"
#include "bind/type_text.hpp"
#include "bind/typed.hpp"
#include "domain/kalender.hpp"
#include "domain/mente_du.hpp"
#include "lua/state.hpp"
#include "sandbox.hpp"

namespace kvalitet::bind {

namespace {

constexpr const char* kDato = "Dato";
constexpr const char* kVarighed = "Varighed";
constexpr const char* kFrist = "Frist";

struct FristUd {
    Frist frist;
};

// Either a Dato or a "YYYY-MM-DD" string.
Dato in_range(lua_State* L, Dato d);

// A date argument: a Dato, or a text the script wrote ("2026-11-22"), which like Dato "…"
// must lie in the supported range. A case's own dates may lie outside it.
Dato date_arg(lua_State* L, int i) {
    if (Dato* d = to_dato(L, i)) return *d;
    if (lua_type(L, i) == LUA_TSTRING) {
        std::size_t n = 0;
        const char* s = lua_tolstring(L, i, &n);
        // the whole text: "2026-01-01\0junk" is no date, though C would read up to the NUL
        if (auto d = Dato::parse({s, n})) return in_range(L, *d);
        luaL_error(L, "ugyldig dato \"%s\" (forventede ÅÅÅÅ-MM-DD, en rigtig dato)", sandbox::key_text(L, i));
    }
    luaL_argerror(L, i, fmt::format("forventede en dato, fik {}", type_text(L, i)).c_str());
    return {};
}

// A whole number within [lo, hi]: an integer, or a float with a whole value (2.0). NaN,
// infinities, 2.5 and anything outside are refused before any conversion, so no cast
// overflows and no float slips past the limit (2^31-1 as a float once ran hverdage for
// 25 s).
// A wrong one is named with the function ("forkert argument nr. 1 til 'uger': …").
lua_Integer whole_arg(lua_State* L, int i, lua_Integer lo, lua_Integer hi) {
    auto refuse = [&](const std::string& why) { luaL_argerror(L, i, why.c_str()); };
    if (lua_isinteger(L, i)) {
        const lua_Integer n = lua_tointeger(L, i);
        if (n < lo || n > hi) refuse(fmt::format("{} er uden for området {} til {}", n, lo, hi));
        return n;
    }
    const lua_Number x = luaL_checknumber(L, i);
    if (std::isnan(x)) refuse("forventede et heltal, fik NaN (ikke et tal)");
    if (std::isinf(x)) refuse("forventede et heltal, fik uendelig");
    if (x != std::floor(x)) refuse(fmt::format("forventede et heltal, fik {}", x));
    if (x < lua_Number(lo) || x > lua_Number(hi)) refuse(fmt::format("{} er uden for området {} til {}", x, lo, hi));
    return lua_Integer(x);
}

// A count of days, weeks, months, years or working days.
constexpr lua_Integer kMaxAntal = 100000;
int int_arg(lua_State* L, int i) { return int(whole_arg(L, i, -kMaxAntal, kMaxAntal)); }

// A date a script makes must lie in the supported range (dato.hpp).
Dato in_range(lua_State* L, Dato d) {
    if (!d.i_omraadet())
        luaL_error(L, "datoen %s ligger uden for de datoer, der kan regnes med (%s – %s)", d.iso().c_str(),
                   Dato::foerste().tekst().c_str(), Dato::sidste().tekst().c_str());
    return d;
}

// Dato(2026, 11, 22) or Dato "2026-11-22"
int dato_new(lua_State* L) {
    if (lua_gettop(L) >= 3) {
        const auto y = int(whole_arg(L, 1, kFoersteAar, kSidsteAar));
        const auto m = unsigned(whole_arg(L, 2, 1, 12));
        const auto d = unsigned(whole_arg(L, 3, 1, 31));
        const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
        if (!ymd.ok()) return luaL_error(L, "%s er ikke en rigtig dato", fmt::format("{}-{:02}-{:02}", y, m, d).c_str());
        push_dato(L, Dato(ymd));
        return 1;
    }
    push_dato(L, in_range(L, date_arg(L, 1)));
    return 1;
}

int dato_index(lua_State* L) {
    Dato d = *to_dato(L, 1);
    std::string_view k = luaL_checkstring(L, 2);
    if (k == "aar") lua_pushinteger(L, d.aar());
    else if (k == "maaned") lua_pushinteger(L, d.maaned());
    else if (k == "dag") lua_pushinteger(L, d.dag());
    else if (k == "ugedag") lua_pushinteger(L, d.ugedag());
    else if (k == "uge") lua_pushinteger(L, d.uge());
    else if (k == "uge_aar") lua_pushinteger(L, d.uge_aar());
    else if (k == "iso" || k == "tekst" || k == "lang") {
        lua_getmetatable(L, 1);
        lua_getfield(L, -1, k == "iso" ? "_iso" : k == "tekst" ? "_tekst" : "_lang");
    } else return luaL_error(L, "en dato har ikke feltet '%s' (kun aar, maaned, dag, ugedag, uge, uge_aar, iso, tekst, lang)", k.data());
    return 1;
}

int dato_iso(lua_State* L) { lua_pushstring(L, check_dato(L, 1).iso().c_str()); return 1; }
int dato_tekst(lua_State* L) { lua_pushstring(L, check_dato(L, 1).tekst().c_str()); return 1; }
int dato_lang(lua_State* L) { lua_pushstring(L, check_dato(L, 1).lang().c_str()); return 1; }

int dato_add(lua_State* L) {
    int di = to_dato(L, 1) ? 1 : 2, vi = 3 - di;
    Dato* d = to_dato(L, di);
    Varighed* v = to_varighed(L, vi);
    if (!d || !v) return luaL_error(L, "en dato kan kun lægges sammen med en varighed (f.eks. uger(4))");
    push_dato(L, v->efter(*d));
    return 1;
}

int dato_sub(lua_State* L) {
    Dato* a = to_dato(L, 1);
    if (!a) return luaL_error(L, "kan ikke trække en dato fra noget, der ikke er en dato");
    if (Dato* b = to_dato(L, 2)) {
        lua_pushinteger(L, *a - *b);
        return 1;
    }
    if (Varighed* v = to_varighed(L, 2)) {
        push_dato(L, v->foer(*a));
        return 1;
    }
    return luaL_error(L, "fra en dato kan man trække en varighed eller en anden dato");
}

int dato_eq(lua_State* L) {
    Dato *a = to_dato(L, 1), *b = to_dato(L, 2);
    lua_pushboolean(L, a && b && *a == *b);
    return 1;
}
// A side of <, <=, > or >= against a date: a date, or a text such as "2026-01-01". Anything
// else is named as a comparison, not as "argument 2" of a function the rule never called.
Dato compared_date(lua_State* L, int i) {
    if (const Dato* d = to_dato(L, i)) return *d; // the usual side: asked once, not again in date_arg
    if (lua_type(L, i) == LUA_TSTRING) return date_arg(L, i);
    const int t = lua_type(L, i);
    const std::string shown = t == LUA_TNUMBER || t == LUA_TBOOLEAN ? fmt::format(" ({})", sandbox::key_text(L, i)) : "";
    luaL_error(L, "kan ikke sammenligne en dato med %s%s: en dato sammenlignes med en anden dato eller en tekst som "
                  "\"2026-01-01\"",
               type_text(L, i).c_str(), shown.c_str());
    return {};
}
int dato_lt(lua_State* L) { lua_pushboolean(L, compared_date(L, 1) < compared_date(L, 2)); return 1; }
int dato_le(lua_State* L) { lua_pushboolean(L, compared_date(L, 1) <= compared_date(L, 2)); return 1; }
int dato_tostring(lua_State* L) { return dato_tekst(L); }

int immutable(lua_State* L) { return luaL_error(L, "%s kan ikke ændres", type_text(L, 1).c_str()); }

// Varighed::Enhed's names, as the DSL writes them.
constexpr const char* kEnheder[] = {"dage", "uger", "maaneder", "aar", "hverdage"};

template <Varighed::Enhed E>
int varighed_new(lua_State* L) {
    // maaneder(1,5) is maaneder(1, 5): a Danish decimal comma, silently one month
    if (lua_gettop(L) > 1)
        return luaL_error(L, "%s(...) tager ét helt tal, men fik %d; et decimaltal skrives med punktum, og en "
                             "varighed er et helt antal (halvanden måned: uger(6) eller dage(45))",
                          kEnheder[int(E)], lua_gettop(L));
    push_varighed(L, Varighed{E, int_arg(L, 1)});
    return 1;
}

int varighed_tostring(lua_State* L) {
    lua_pushstring(L, to_varighed(L, 1)->tekst().c_str());
    return 1;
}

int varighed_index(lua_State* L) {
    Varighed v = *to_varighed(L, 1);
    std::string_view k = luaL_checkstring(L, 2);
    if (k == "antal") lua_pushinteger(L, v.n);
    else if (k == "enhed") lua_pushstring(L, kEnheder[int(v.enhed)]);
    else return luaL_error(L, "en varighed har ikke feltet '%s' (kun antal, enhed)", k.data());
    return 1;
}

int varighed_eq(lua_State* L) {
    Varighed *a = to_varighed(L, 1), *b = to_varighed(L, 2);
    lua_pushboolean(L, a && b && a->enhed == b->enhed && a->n == b->n);
    return 1;
}

int helligdag(lua_State* L) {
    if (auto name = kalender::helligdag(date_arg(L, 1))) lua_pushlstring(L, name->data(), name->size());
    else lua_pushnil(L);
    return 1;
}
int arbejdsdag(lua_State* L) { lua_pushboolean(L, kalender::arbejdsdag(date_arg(L, 1))); return 1; }
int naeste_arbejdsdag(lua_State* L) { push_dato(L, kalender::naeste_arbejdsdag(date_arg(L, 1))); return 1; }
int paaskedag(lua_State* L) {
    push_dato(L, kalender::paaskedag(int(whole_arg(L, 1, kFoersteAar, kSidsteAar))));
    return 1;
}

Flyt flyt_arg(lua_State* L, int i) {
    if (lua_isnil(L, i)) return Flyt::Ingen;
    std::string_view s = luaL_checkstring(L, i);
    if (s == "naeste_arbejdsdag") return Flyt::NaesteArbejdsdag;
    if (s == "ingen") return Flyt::Ingen;
    luaL_error(L, "flyt = \"%s\" kendes ikke; brug \"naeste_arbejdsdag\" eller \"ingen\"", s.data());
    return Flyt::Ingen;
}

Paahviler paahviler_arg(lua_State* L, int i) {
    if (lua_isnil(L, i)) return Paahviler::Kommune;
    std::string_view s = luaL_checkstring(L, i);
    if (s == "kommune") return Paahviler::Kommune;
    if (s == "borger") return Paahviler::Borger;
    luaL_error(L, "paahviler = \"%s\" kendes ikke; brug \"kommune\" eller \"borger\"", s.data());
    return Paahviler::Kommune;
}

// Frist { fra = dato, varighed = uger(4), flyt = "naeste_arbejdsdag", paahviler = "borger",
//         kilde = "…", id = "…" }
int frist_new(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    // A misspelt field ("paahvilerr") would silently give the default: said, with the one meant.
    static constexpr std::string_view kFelter[] = {"fra", "varighed", "flyt", "paahviler", "kilde", "id", "tekst"};
    sandbox::frozen_contents(L, 1); // a sealed table keeps its fields behind __index
    const int contents = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, contents)) {
        lua_pop(L, 1);
        const std::string key = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : type_text(L, -1);
        if (lua_type(L, -1) != LUA_TSTRING || std::find(std::begin(kFelter), std::end(kFelter), key) == std::end(kFelter))
            return luaL_error(L, "Frist: ukendt felt '%s'%s (felterne er fra, varighed, flyt, paahviler, kilde, id og tekst)",
                              key.c_str(), mente_du(key, kFelter).c_str());
    }
    lua_settop(L, 1);
    // kilde, id and tekst are kept as texts in a table of the frist's own: a table given as
    // kilde would be one a rule could write to from case to case, past the seal.
    lua_createtable(L, 0, 3);
    const int texts = lua_gettop(L);
    for (const char* k : {"kilde", "id", "tekst"}) {
        const int t = lua_getfield(L, 1, k);
        if (t != LUA_TNIL && t != LUA_TSTRING)
            return luaL_error(L, "Frist: '%s' skal være en tekst, ikke %s", k, type_text(L, -1).c_str());
        lua_setfield(L, texts, k);
    }
    lua_getfield(L, 1, "fra");
    if (lua_isnil(L, -1)) return luaL_error(L, "Frist: 'fra' mangler; skriv fra = en dato (f.eks. sag.bevilling.start)");
    if (!to_dato(L, -1) && lua_type(L, -1) != LUA_TSTRING)
        return luaL_error(L, "Frist: 'fra' skal være en dato, ikke %s", type_text(L, -1).c_str());
    Dato start = date_arg(L, lua_gettop(L));
    lua_getfield(L, 1, "varighed");
    Varighed* v = to_varighed(L, -1);
    if (!v) return luaL_error(L, "Frist: 'varighed' skal være en varighed, f.eks. uger(4)");
    if (v->n < 0) // as in a frist declaration: a deadline before its own start is no deadline
        return luaL_error(L, "Frist: 'varighed' er %s (en negativ længde); skriv en længde på 0 eller mere, f.eks. uger(4)",
                          v->tekst().c_str());
    Varighed varighed = *v;
    lua_getfield(L, 1, "flyt");
    Flyt flyt = flyt_arg(L, -1);
    lua_getfield(L, 1, "paahviler");
    Paahviler paahviler = paahviler_arg(L, -1);
    lua_settop(L, texts);
    auto* ud = static_cast<FristUd*>(lua_newuserdatauv(L, sizeof(FristUd), 1));
    ud->frist = Frist{start, varighed, flyt, paahviler};
    lua_pushvalue(L, texts); // kilde/id/tekst
    lua_setiuservalue(L, -2, 1);
    luaL_setmetatable(L, kFrist);
    return 1;
}

FristUd& check_frist(lua_State* L, int i) { return *static_cast<FristUd*>(luaL_checkudata(L, i, kFrist)); }

int frist_status(lua_State* L) {
    FristUd& f = check_frist(L, 1);
    Dato on = date_arg(L, 2);
    std::optional<Dato> event;
    if (!lua_isnoneornil(L, 3)) event = date_arg(L, 3);
    auto s = status_navn(f.frist.status(on, event));
    lua_pushlstring(L, s.data(), s.size());
    return 1;
}

int frist_index(lua_State* L) {
    FristUd& f = check_frist(L, 1);
    std::string_view k = luaL_checkstring(L, 2);
    if (k == "dato") push_dato(L, f.frist.dato());
    else if (k == "fra") push_dato(L, f.frist.start);
    else if (k == "varighed") push_varighed(L, f.frist.varighed);
    else if (k == "flyttet") lua_pushboolean(L, f.frist.dato() != f.frist.uflyttet());
    else if (k == "paahviler") {
        auto p = paahviler_navn(f.frist.paahviler);
        lua_pushlstring(L, p.data(), p.size());
    }
    else if (k == "status") lua_pushcfunction(L, lua::guarded<frist_status>);
    else if (k == "kilde" || k == "id" || k == "tekst") {
        lua_getiuservalue(L, 1, 1);
        lua_getfield(L, -1, k.data());
    } else return luaL_error(L, "en frist har ikke feltet '%s' (kun dato, fra, varighed, flyttet, paahviler, status, kilde, id, tekst)", k.data());
    return 1;
}

int frist_tostring(lua_State* L) {
    FristUd& f = check_frist(L, 1);
    lua_getiuservalue(L, 1, 1);
    lua_getfield(L, -1, "kilde");
    const char* kilde = lua_tostring(L, -1);
    std::string s = fmt::format("frist {} ({} fra {}{})", f.frist.dato().lang(), f.frist.varighed.tekst(),
                                f.frist.start.tekst(), kilde ? fmt::format("; {}", kilde) : "");
    lua_pushstring(L, s.c_str());
    return 1;
}

// Every function here is registered through lua::guarded: date arithmetic throws DatoFejl
// and formatting can throw bad_alloc, and a C++ exception must reach Lua as a Lua error.
void metatable(lua_State* L, const char* name, std::initializer_list<luaL_Reg> fns) {
    luaL_newmetatable(L, name);
    for (const auto& r : fns) {
        lua_pushcfunction(L, r.func);
        lua_setfield(L, -2, r.name);
    }
    lua_pushcfunction(L, immutable);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
}

void expose_fn(lua_State* L, const char* name, lua_CFunction f) {
    lua_pushcfunction(L, f);
    sandbox::expose(L, name);
}

} // namespace

void push_dato(lua_State* L, Dato d) {
    auto* p = static_cast<Dato*>(lua_newuserdatauv(L, sizeof(Dato), 0));
    *p = d;
    set_typed_metatable(L, Typed::Dato);
}

Dato* to_dato(lua_State* L, int i) { return static_cast<Dato*>(to_typed(L, i, Typed::Dato)); }

Dato check_dato(lua_State* L, int i) { return date_arg(L, i); }

void push_varighed(lua_State* L, Varighed v) {
    auto* p = static_cast<Varighed*>(lua_newuserdatauv(L, sizeof(Varighed), 0));
    *p = v;
    set_typed_metatable(L, Typed::Varighed);
}

Varighed* to_varighed(lua_State* L, int i) { return static_cast<Varighed*>(to_typed(L, i, Typed::Varighed)); }

void open_dates(lua_State* L) {
    using lua::guarded;
    metatable(L, kDato,
              {{"__index", guarded<dato_index>}, {"__add", guarded<dato_add>}, {"__sub", guarded<dato_sub>},
               {"__eq", dato_eq}, {"__lt", guarded<dato_lt>}, {"__le", guarded<dato_le>},
               {"__tostring", guarded<dato_tostring>}, {"_iso", guarded<dato_iso>}, {"_tekst", guarded<dato_tekst>},
               {"_lang", guarded<dato_lang>}});
    metatable(L, kVarighed,
              {{"__index", varighed_index}, {"__tostring", guarded<varighed_tostring>}, {"__eq", varighed_eq}});
    metatable(L, kFrist, {{"__index", guarded<frist_index>}, {"__tostring", guarded<frist_tostring>}});
    remember_type(L, kDato, Typed::Dato);
    remember_type(L, kVarighed, Typed::Varighed);

    expose_fn(L, "Dato", guarded<dato_new>);
    expose_fn(L, "Frist", guarded<frist_new>);
    expose_fn(L, "dage", varighed_new<Varighed::Enhed::Dage>);
    expose_fn(L, "uger", varighed_new<Varighed::Enhed::Uger>);
    expose_fn(L, "maaneder", varighed_new<Varighed::Enhed::Maaneder>);
    expose_fn(L, "aar", varighed_new<Varighed::Enhed::Aar>);
    expose_fn(L, "hverdage", varighed_new<Varighed::Enhed::Hverdage>);
    expose_fn(L, "helligdag", guarded<helligdag>);
    expose_fn(L, "arbejdsdag", guarded<arbejdsdag>);
    expose_fn(L, "naeste_arbejdsdag", guarded<naeste_arbejdsdag>);
    expose_fn(L, "paaskedag", guarded<paaskedag>);
}

} // namespace kvalitet::bind
