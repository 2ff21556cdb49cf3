// The case as a read-only Lua view. Nothing is copied into Lua tables: each field is
// read from the C++ Sag when a rule asks for it. Sub-objects (borger, bevilling, …)
// always exist as views, so `sag.bevilling.start` is nil, not an error, when the case
// has no grant; reading an absent fact records it, so an undetermined rule can name
// what the caseworker must still establish.
//
// Speed: views are kept in their parent's user values instead of made on every read
// (none of the kept fields records a read). The case view and its sub-objects read the
// case through the CaseContext, so they are made once per context and reused for every
// case (Keep::Always); lists, their elements and an element's date are kept for one case
// (Keep::Case). A rule that walks the deliveries twelve times makes each view once.
#include <fmt/format.h>
#include <lauxlib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <vector>

#include "bind/bind.hpp"
#include "bind/type_text.hpp"
#include "bind/typed.hpp"
#include "lua/sort_pivot.hpp"
#include "domain/mente_du.hpp"
#include "lua/state.hpp"
#include "sandbox.hpp"

namespace kvalitet::bind {

void CaseContext::read_missing(std::string_view fact) {
    for (auto f : missing)
        if (f == fact) return;
    missing.push_back(fact);
}

void CaseContext::read_date(std::string_view path, Dato d) {
    for (const auto& [p, _] : dates)
        if (p == path) return;
    dates.emplace_back(path, d);
}

void CaseContext::read_value(std::string_view path, Vaerdi v) {
    if (!values_wanted) return;
    for (const auto& [p, _] : values)
        if (p == path) return;
    if (values.size() >= bounds.values) {
        afkortet = true;
        return;
    }
    values.emplace_back(path, std::move(v));
}

namespace {

struct View {
    const void* obj;          // a list element; unused by the case and its sub-objects
    CaseContext* ctx;
    std::uint64_t generation; // ctx->generation when made: an element is only valid then
};

using Getter = void (*)(lua_State*, const View&);
struct Field {
    std::string_view name;
    Getter get;
    enum class Keep { No, Case, Always } keep = Keep::No;
    bool method = false; // called as sag.vum:max(), not read
};
using Keep = Field::Keep;
struct Kind {
    const char* name; // metatable name and what an error calls it
    std::span<const Field> fields;
    int user_values = 0; // one per field when any field is stable
    // A list element's: its metatable by slot, not by name (made for every element a rule reads)
    std::optional<Typed> typed = std::nullopt;
};

int slots(std::span<const Field> fields) {
    for (const auto& f : fields)
        if (f.keep != Keep::No) return int(fields.size());
    return 0;
}

[[noreturn]] void refuse(const CaseContext& ctx) {
    if (!ctx.gone.empty()) throw std::runtime_error(std::string(ctx.gone));
    throw std::runtime_error("sagen kan kun læses, mens en regel vurderer den");
}

const Sag& sag(const View& v) {
    if (!v.ctx->sag) refuse(*v.ctx);
    return *v.ctx->sag;
}

// A list is its case's, as its elements are: kept past the case, it refuses to read.
const Sag& list_case(const View& v) {
    if (!v.ctx->sag || v.generation != v.ctx->generation) refuse(*v.ctx);
    return *v.ctx->sag;
}

void push_view(lua_State* L, const void* obj, CaseContext* ctx, const Kind& kind);

template <class T>
void push_opt(lua_State* L, const View& v, const std::optional<T>& value, std::string_view fact);

void push_value(lua_State* L, bool b) { lua_pushboolean(L, b); }
void push_value(lua_State* L, int n) { lua_pushinteger(L, n); }
// A whole number as an integer: "… " .. sag.bevilling.timer .. " timer" says "10 timer", not
// "10.0 timer". The case's numbers are bounded (timer 0–1000), so integer arithmetic on one
// cannot wrap around.
void push_value(lua_State* L, double d) {
    if (d == std::floor(d) && std::fabs(d) <= 1e15) lua_pushinteger(L, static_cast<lua_Integer>(d));
    else lua_pushnumber(L, d);
}
void push_value(lua_State* L, std::string_view s) { lua_pushlstring(L, s.data(), s.size()); }
void push_value(lua_State* L, Dato d) { push_dato(L, d); }

template <class T>
void push_opt(lua_State* L, const View& v, const std::optional<T>& value, std::string_view fact) {
    if (!value) {
        v.ctx->read_missing(fact);
        lua_pushnil(L);
        return;
    }
    if constexpr (std::is_same_v<T, Dato>) v.ctx->read_date(fact, *value);
    else if constexpr (std::is_same_v<T, int>) v.ctx->read_value(fact, double(*value));
    else v.ctx->read_value(fact, *value);
    push_value(L, *value);
}

std::string clock_text(int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); }

// ---- arrays ----------------------------------------------------------------------------

// Element kinds.
extern const Kind kYdelse, kOpfoelgning, kLevering, kAfbud;

// Pushes the view of items[i - 1] of the list view at `list`: made once, then the same
// one (kept in the list view's first user value), so sag.opfoelgninger[1] == sag.opfoelgninger[1].
template <class T>
void push_element(lua_State* L, int list, const View& v, const std::vector<T>& items, lua_Integer i, const Kind& kind) {
    if (lua_getiuservalue(L, list, 1) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_createtable(L, int(items.size()), 0);
        lua_pushvalue(L, -1);
        lua_setiuservalue(L, list, 1);
    }
    if (lua_rawgeti(L, -1, i) == LUA_TNIL) {
        lua_pop(L, 1);
        push_view(L, &items[std::size_t(i - 1)], v.ctx, kind);
        lua_pushvalue(L, -1);
        lua_rawseti(L, -3, i);
    }
    lua_remove(L, -2);
}

template <const Kind* ElementKind, class T, const std::vector<T>& (*Get)(const Sag&)>
int array_index(lua_State* L) {
    auto* v = static_cast<View*>(lua_touserdata(L, 1));
    const auto& items = Get(list_case(*v));
    if (!lua_isinteger(L, 2))
        return luaL_error(L, "en liste i sagen slås op med et tal (sag.%s[1]), ikke '%s'", ElementKind->name,
                          sandbox::key_text(L, 2));
    lua_Integer i = lua_tointeger(L, 2);
    if (i < 1 || i > lua_Integer(items.size())) {
        lua_pushnil(L);
        return 1;
    }
    if constexpr (std::is_same_v<T, std::string>) push_value(L, items[i - 1]);
    else push_element(L, 1, *v, items, i, *ElementKind);
    return 1;
}

template <class T, const std::vector<T>& (*Get)(const Sag&)>
int array_len(lua_State* L) {
    auto* v = static_cast<View*>(lua_touserdata(L, 1));
    lua_pushinteger(L, lua_Integer(Get(list_case(*v)).size()));
    return 1;
}

int ipairs_step(lua_State* L) {
    lua_Integer i = luaL_checkinteger(L, 2) + 1;
    lua_pushinteger(L, i);
    return lua_geti(L, 1, i) == LUA_TNIL ? 1 : 2;
}

int array_pairs(lua_State* L) {
    lua_pushcfunction(L, ipairs_step);
    lua_pushvalue(L, 1);
    lua_pushinteger(L, 0);
    return 3;
}

const std::vector<Ydelse>& ydelser(const Sag& s) { return s.ydelser; }
const std::vector<std::string>& aktiviteter(const Sag& s) { return s.ansoegte_aktiviteter; }
const std::vector<Opfoelgning>& opfoelgninger(const Sag& s) { return s.opfoelgninger; }
const std::vector<Levering>& leverancer(const Sag& s) { return s.leverancer; }
const std::vector<Afbud>& afbud(const Sag& s) { return s.afbud; }

const Kind kAktivitet{"ansoegte_aktiviteter", {}};

// User value 1 of a list view: its element views, made on first use.
void push_array(lua_State* L, const View& v, Typed list) {
    auto* ud = static_cast<View*>(lua_newuserdatauv(L, sizeof(View), 1));
    *ud = View{v.obj, v.ctx, v.ctx->generation}; // this case's list, not the case view's first
    set_typed_metatable(L, list);
}

// ---- object kinds ----------------------------------------------------------------------

const Bevilling* bevilling(const View& v) {
    const auto& b = sag(v).bevilling;
    return b ? &*b : nullptr;
}

template <class T, std::optional<T> Bevilling::*M>
void bev_field(lua_State* L, const View& v, std::string_view fact) {
    const Bevilling* b = bevilling(v);
    push_opt(L, v, b ? b->*M : std::optional<T>{}, fact);
}

const Vum* vum(const View& v) {
    const auto& x = sag(v).vum;
    return x ? &*x : nullptr;
}

int vum_max(lua_State* L);
int vum_sum(lua_State* L);
int vum_antal_mindst(lua_State* L);
int vum_tema(lua_State* L);
int vum_et_tema_mindst(lua_State* L);
int vum_sum_mindst(lua_State* L);

extern const Kind kBorger, kAnsoegning, kVum, kTemaer, kForhold, kBevilling, kLeverandoer,
    kKlage, kArbejdspladsvurdering, kIndsatsplan;

const Field kSagFields[] = {
    {"id", [](lua_State* L, const View& v) { push_value(L, sag(v).id); }},
    {"kommune", [](lua_State* L, const View& v) { push_opt(L, v, sag(v).kommune, "kommune"); }},
    {"borger", [](lua_State* L, const View& v) { push_view(L, nullptr, v.ctx, kBorger); }, Keep::Always},
    {"ansoegning", [](lua_State* L, const View& v) { push_view(L, nullptr, v.ctx, kAnsoegning); }, Keep::Always},
    {"vum", [](lua_State* L, const View& v) { push_view(L, nullptr, v.ctx, kVum); }, Keep::Always},
    {"forhold", [](lua_State* L, const View& v) { push_view(L, nullptr, v.ctx, kForhold); }, Keep::Always},
    {"ydelser", [](lua_State* L, const View& v) { push_array(L, v, Typed::Ydelser); }, Keep::Case},
    {"ansoegte_aktiviteter", [](lua_State* L, const View& v) { push_array(L, v, Typed::Aktiviteter); }, Keep::Case},
    {"bevilling", [](lua_State* L, const View& v) { push_view(L, nullptr, v.ctx, kBevilling); }, Keep::Always},
    {"opfoelgninger", [](lua_State* L, const View& v) { push_array(L, v, Typed::Opfoelgninger); }, Keep::Case},
    {"leverancer", [](lua_State* L, const View& v) { push_array(L, v, Typed::Leverancer); }, Keep::Case},
    {"afbud", [](lua_State* L, const View& v) { push_array(L, v, Typed::Afbud); }, Keep::Case},
    {"klage", [](lua_State* L, const View& v) { push_view(L, nullptr, v.ctx, kKlage); }, Keep::Always},
    {"arbejdspladsvurdering", [](lua_State* L, const View& v) { push_view(L, nullptr, v.ctx, kArbejdspladsvurdering); }, Keep::Always},
    {"indsatsplan", [](lua_State* L, const View& v) { push_view(L, nullptr, v.ctx, kIndsatsplan); }, Keep::Always},
};
const Kind kSag{"sag", kSagFields, slots(kSagFields)};

const Field kBorgerFields[] = {
    {"alder", [](lua_State* L, const View& v) {
         if (sag(v).foedselsdato) v.ctx->read_date("borger.foedselsdato", *sag(v).foedselsdato);
         push_opt(L, v, sag(v).alder_paa(v.ctx->dato), "borger.alder");
     }},
    {"foedselsdato", [](lua_State* L, const View& v) { push_opt(L, v, sag(v).foedselsdato, "borger.foedselsdato"); }},
};
const Kind kBorger{"sag.borger", kBorgerFields};

const Field kAnsoegningFields[] = {
    {"modtaget", [](lua_State* L, const View& v) { push_opt(L, v, sag(v).ansoegning_modtaget, "ansoegning.modtaget"); }},
    {"akut", [](lua_State* L, const View& v) { push_opt(L, v, sag(v).ansoegning_akut, "ansoegning.akut"); }},
};
const Kind kAnsoegning{"sag.ansoegning", kAnsoegningFields};

const Field kVumFields[] = {
    {"dato", [](lua_State* L, const View& v) {
         const Vum* x = vum(v);
         push_opt(L, v, x ? x->dato : std::optional<Dato>{}, x ? "vum.dato" : "vum");
     }},
    {"temaer", [](lua_State* L, const View& v) { push_view(L, nullptr, v.ctx, kTemaer); }, Keep::Always},
    {"max", [](lua_State* L, const View&) { lua_pushcfunction(L, lua::guarded<vum_max>); }, Keep::No, true},
    {"sum", [](lua_State* L, const View&) { lua_pushcfunction(L, lua::guarded<vum_sum>); }, Keep::No, true},
    {"antal_mindst", [](lua_State* L, const View&) { lua_pushcfunction(L, lua::guarded<vum_antal_mindst>); }, Keep::No, true},
    {"tema", [](lua_State* L, const View&) { lua_pushcfunction(L, lua::guarded<vum_tema>); }, Keep::No, true},
    {"et_tema_mindst", [](lua_State* L, const View&) { lua_pushcfunction(L, lua::guarded<vum_et_tema_mindst>); }, Keep::No, true},
    {"sum_mindst", [](lua_State* L, const View&) { lua_pushcfunction(L, lua::guarded<vum_sum_mindst>); }, Keep::No, true},
};
const Kind kVum{"sag.vum", kVumFields, slots(kVumFields)};

// Each theme's fact, as `mangler` names it when the theme is not scored.
constexpr std::array<std::string_view, Vum::kTemaer> kTemaFakta{
    "vum.temaer.praktiske_opgaver", "vum.temaer.egenomsorg", "vum.temaer.kommunikation",
    "vum.temaer.mobilitet",         "vum.temaer.samfundsliv", "vum.temaer.socialt_liv",
    "vum.temaer.sundhed"};

void push_tema(lua_State* L, const View& v, std::size_t i) {
    const Vum* x = vum(v);
    if (!x) {
        v.ctx->read_missing("vum");
        lua_pushnil(L);
        return;
    }
    push_opt(L, v, x->tema(i), kTemaFakta[i]);
}

template <std::size_t I>
void tema_field(lua_State* L, const View& v) { push_tema(L, v, I); }

const Field kTemaerFields[] = {
    {"praktiske_opgaver", tema_field<0>}, {"egenomsorg", tema_field<1>}, {"kommunikation", tema_field<2>},
    {"mobilitet", tema_field<3>},         {"samfundsliv", tema_field<4>}, {"socialt_liv", tema_field<5>},
    {"sundhed", tema_field<6>},
};
const Kind kTemaer{"sag.vum.temaer", kTemaerFields};

template <std::size_t I>
void forhold_field(lua_State* L, const View& v) {
    // Contract: a missing finding is named by its bare id in `mangler`.
    push_opt(L, v, sag(v).forhold.vaerdi[I], Forhold::ids[I]);
}
const Field kForholdFields[] = {
    {Forhold::ids[0], forhold_field<0>}, {Forhold::ids[1], forhold_field<1>}, {Forhold::ids[2], forhold_field<2>},
    {Forhold::ids[3], forhold_field<3>}, {Forhold::ids[4], forhold_field<4>}, {Forhold::ids[5], forhold_field<5>},
    {Forhold::ids[6], forhold_field<6>}, {Forhold::ids[7], forhold_field<7>}, {Forhold::ids[8], forhold_field<8>},
};
static_assert(std::size(kForholdFields) == Forhold::ids.size(), "every finding has its field in sag.forhold");
const Kind kForhold{"sag.forhold", kForholdFields};

const Field kBevillingFields[] = {
    {"afgoerelse_dato", [](lua_State* L, const View& v) { bev_field<Dato, &Bevilling::afgoerelse_dato>(L, v, "bevilling.afgoerelse_dato"); }},
    {"afgoerelse_modtaget", [](lua_State* L, const View& v) { bev_field<Dato, &Bevilling::afgoerelse_modtaget>(L, v, "bevilling.afgoerelse_modtaget"); }},
    {"afgoerelse_sendt", [](lua_State* L, const View& v) { bev_field<Dato, &Bevilling::afgoerelse_sendt>(L, v, "bevilling.afgoerelse_sendt"); }},
    {"afgoerelse_kanal", [](lua_State* L, const View& v) { bev_field<std::string, &Bevilling::afgoerelse_kanal>(L, v, "bevilling.afgoerelse_kanal"); }},
    {"foerstegangs", [](lua_State* L, const View& v) { bev_field<bool, &Bevilling::foerstegangs>(L, v, "bevilling.foerstegangs"); }},
    {"start", [](lua_State* L, const View& v) { bev_field<Dato, &Bevilling::start>(L, v, "bevilling.start"); }},
    {"timer", [](lua_State* L, const View& v) { bev_field<double, &Bevilling::timer>(L, v, "bevilling.timer"); }},
    {"periode", [](lua_State* L, const View& v) { bev_field<std::string, &Bevilling::periode>(L, v, "bevilling.periode"); }},
    {"pakke", [](lua_State* L, const View& v) { bev_field<std::string, &Bevilling::pakke>(L, v, "bevilling.pakke"); }},
    {"form", [](lua_State* L, const View& v) { bev_field<std::string, &Bevilling::form>(L, v, "bevilling.form"); }},
    {"leverandoer", [](lua_State* L, const View& v) { push_view(L, nullptr, v.ctx, kLeverandoer); }, Keep::Always},
    {"opfoelgning_interval_maaneder", [](lua_State* L, const View& v) {
         bev_field<int, &Bevilling::opfoelgning_interval_maaneder>(L, v, "bevilling.opfoelgning_interval_maaneder");
     }},
};
const Kind kBevilling{"sag.bevilling", kBevillingFields, slots(kBevillingFields)};

const Field kLeverandoerFields[] = {
    {"naert_beslaegtet", [](lua_State* L, const View& v) {
         bev_field<bool, &Bevilling::naert_beslaegtet>(L, v, "bevilling.leverandoer.naert_beslaegtet");
     }},
};
const Kind kLeverandoer{"sag.bevilling.leverandoer", kLeverandoerFields};

const Field kKlageFields[] = {
    {"modtaget", [](lua_State* L, const View& v) { push_opt(L, v, sag(v).klage_modtaget, "klage.modtaget"); }},
    {"genvurderet", [](lua_State* L, const View& v) { push_opt(L, v, sag(v).klage_genvurderet, "klage.genvurderet"); }}};
const Kind kKlage{"sag.klage", kKlageFields};
const Field kApvFields[] = {
    {"dato", [](lua_State* L, const View& v) { push_opt(L, v, sag(v).arbejdspladsvurdering_dato, "arbejdspladsvurdering.dato"); }}};
const Kind kArbejdspladsvurdering{"sag.arbejdspladsvurdering", kApvFields};
const Field kIndsatsplanFields[] = {
    {"dato", [](lua_State* L, const View& v) { push_opt(L, v, sag(v).indsatsplan_dato, "indsatsplan.dato"); }}};
const Kind kIndsatsplan{"sag.indsatsplan", kIndsatsplanFields};

// Element views point at the element itself.
template <class T>
const T& el(const View& v) {
    if (!v.ctx->sag || v.generation != v.ctx->generation) refuse(*v.ctx);
    return *static_cast<const T*>(v.obj);
}

const Field kYdelseFields[] = {{"paragraf", [](lua_State* L, const View& v) { push_value(L, el<Ydelse>(v).paragraf); }}};
const Kind kYdelse{"ydelser", kYdelseFields, 0, Typed::YdelseElement};

const Field kOpfoelgningFields[] = {
    {"dato", [](lua_State* L, const View& v) { push_dato(L, el<Opfoelgning>(v).dato); }, Keep::Case},
    {"form", [](lua_State* L, const View& v) { push_opt(L, v, el<Opfoelgning>(v).form, "opfoelgninger[].form"); }},
};
const Kind kOpfoelgning{"opfoelgninger", kOpfoelgningFields, slots(kOpfoelgningFields), Typed::OpfoelgningElement};

const Field kLeveringFields[] = {
    {"dato", [](lua_State* L, const View& v) { push_dato(L, el<Levering>(v).dato); }, Keep::Case},
    {"start", [](lua_State* L, const View& v) { push_value(L, clock_text(el<Levering>(v).start_minut)); }},
    {"start_minut", [](lua_State* L, const View& v) { push_value(L, el<Levering>(v).start_minut); }},
    {"slut_minut", [](lua_State* L, const View& v) { push_value(L, el<Levering>(v).start_minut + el<Levering>(v).minutter); }},
    {"minutter", [](lua_State* L, const View& v) { push_value(L, el<Levering>(v).minutter); }},
    {"art", [](lua_State* L, const View& v) { push_value(L, el<Levering>(v).art); }},
};
const Kind kLevering{"leverancer", kLeveringFields, slots(kLeveringFields), Typed::LeveringElement};

const Field kAfbudFields[] = {
    {"dato", [](lua_State* L, const View& v) { push_dato(L, el<Afbud>(v).dato); }, Keep::Case},
    {"af", [](lua_State* L, const View& v) { push_value(L, el<Afbud>(v).af); }},
};
const Kind kAfbud{"afbud", kAfbudFields, slots(kAfbudFields), Typed::AfbudElement};

// ---- VUM helpers (methods: sag.vum:max()) ------------------------------------------------

// sag.vum:max() and the like: the view itself, or the error luaL_checkudata gives.
View* check_vum(lua_State* L) {
    if (auto* v = static_cast<View*>(to_typed(L, 1, Typed::Vum))) return v;
    return static_cast<View*>(luaL_checkudata(L, 1, kVum.name));
}

const Vum* vum_self(lua_State* L) {
    auto* v = check_vum(L);
    const Vum* x = vum(*v);
    if (!x || x->antal_scoret() == 0) v->ctx->read_missing("vum");
    return x;
}

// A VUM figure as the rule sees it, recorded for the full trace.
void push_figure(lua_State* L, std::string_view path, std::optional<int> n) {
    if (!n) {
        lua_pushnil(L);
        return;
    }
    static_cast<View*>(lua_touserdata(L, 1))->ctx->read_value(path, double(*n));
    lua_pushinteger(L, *n);
}

int vum_max(lua_State* L) {
    const Vum* x = vum_self(L);
    push_figure(L, "vum.max", x ? x->max() : std::nullopt);
    return 1;
}
int vum_sum(lua_State* L) {
    const Vum* x = vum_self(L);
    push_figure(L, "vum.sum", x && x->antal_scoret() ? std::optional(x->sum()) : std::nullopt);
    return 1;
}
int vum_antal_mindst(lua_State* L) {
    const Vum* x = vum_self(L);
    lua_Integer n = luaL_checkinteger(L, 2);
    static constexpr std::array<std::string_view, 6> paths{"vum.antal_mindst(0)", "vum.antal_mindst(1)",
                                                           "vum.antal_mindst(2)", "vum.antal_mindst(3)",
                                                           "vum.antal_mindst(4)", "vum.antal_mindst(n)"};
    // Scores are 0-4: every n from 5 counts none and every n to 0 counts all, and an int
    // cast of 2^32 + 2 would have counted the themes from 2.
    const auto clamped = std::clamp<lua_Integer>(n, 0, 5);
    const auto path = paths[std::size_t(clamped)];
    push_figure(L, path, x && x->antal_scoret() ? std::optional(x->antal_mindst(int(clamped))) : std::nullopt);
    return 1;
}

// What a threshold on a VUM compares: the figure over the scored themes, and the most the
// unscored ones (each up to 4) could make it.
struct Bounds {
    int figure, best_possible;
};

// Three answers for a threshold on a VUM that may be scored in part: a theme not scored
// could hold anything from 0 to 4, so "no" needs it scored unless no score could reach n.
// Unknown names each unscored theme in `mangler`, as reading it would (the contract: an
// unknown is never a silent yes or no). The figure compared is recorded for the trace.
int vum_threshold(lua_State* L, std::string_view path, Bounds (*of)(const Vum&)) {
    const Vum* x = vum_self(L);
    const lua_Integer n = luaL_checkinteger(L, 2);
    if (!x || x->antal_scoret() == 0) {
        lua_pushnil(L);
        return 1;
    }
    const auto [figure, best_possible] = of(*x);
    auto* ctx = static_cast<View*>(lua_touserdata(L, 1))->ctx;
    ctx->read_value(path, double(figure));
    if (figure >= n || best_possible < n) {
        // n was read before the figure: the figure is named, not found by its value
        if (ctx->sag && ctx->values_wanted) ctx->compared(double(figure), double(n), figure >= n ? "≥" : "<", path);
        lua_pushboolean(L, figure >= n);
        return 1;
    }
    for (std::size_t i = 0; i < Vum::kTemaer; ++i)
        if (!x->tema(i)) ctx->read_missing(kTemaFakta[i]);
    lua_pushnil(L);
    return 1;
}

// sag.vum:et_tema_mindst(n): is some theme scored n or more? true, false, or nil while an
// unscored theme could still be.
int vum_et_tema_mindst(lua_State* L) {
    return vum_threshold(L, "vum.max", [](const Vum& x) {
        const int m = *x.max();
        return Bounds{m, x.antal_scoret() == int(Vum::kTemaer) ? m : 4};
    });
}

// sag.vum:sum_mindst(n): is the sum of the scores n or more? nil while the unscored themes
// could still bring it there.
int vum_sum_mindst(lua_State* L) {
    return vum_threshold(L, "vum.sum", [](const Vum& x) {
        return Bounds{x.sum(), x.sum() + 4 * (int(Vum::kTemaer) - x.antal_scoret())};
    });
}

int vum_tema(lua_State* L) {
    auto* v = check_vum(L);
    const char* id = luaL_checkstring(L, 2);
    auto i = Vum::tema_index(id);
    if (!i) return luaL_error(L, "ukendt VUM-tema '%s'", id);
    push_tema(L, *v, *i);
    return 1;
}

// ---- metatables ------------------------------------------------------------------------

// "sag.forhold har ikke feltet 'motivret' — mente du 'motiveret'?"; without a close name,
// the fields there are.
std::string unknown_field(const Kind& kind, std::string_view key) {
    std::vector<std::string_view> names;
    for (const auto& f : kind.fields) names.push_back(f.name);
    const auto close = closest_name(key, names);
    if (!close) {
        std::string all;
        for (auto n : names) all += (all.empty() ? "" : ", ") + std::string(n);
        return fmt::format("{} har ikke feltet '{}' (felterne er: {})", kind.name, key, all);
    }
    for (const auto& f : kind.fields)
        if (f.name == *close && f.method)
            return fmt::format("{} har ingen metode '{}' — mente du '{}' ({}:{}(…))?", kind.name, key, *close, kind.name, *close);
    return fmt::format("{} har ikke feltet '{}'{}", kind.name, key, mente_du(key, names));
}

// view_index's second upvalue: the address of each field's name as a string object of the
// state (a short string is one object however often it is made), in the Kind's order; its
// user value, the table from each name to its 1-based position, keeps those strings alive.
struct FieldNames {
    const Kind* kind; // the closure's first upvalue too: read here, one lookup fewer per read
    std::size_t n;
    const void* name[1]; // n of them, in the same block
    static std::size_t bytes(std::size_t n) { return offsetof(FieldNames, name) + std::max<std::size_t>(n, 1) * sizeof(void*); }
};

// The 1-based position of the field key 2 names, or 0. A name written in a script is the
// same string object as the field's: found by its address, with no lookup through the API.
// Anything else (a long or odd key) is looked up in the table, whose answer decides.
int field_position(lua_State* L, const FieldNames* names) {
    const void* key = lua_topointer(L, 2);
    for (std::size_t i = 0; i < names->n; ++i)
        if (names->name[i] == key) return int(i + 1);
    lua_getiuservalue(L, lua_upvalueindex(2), 1);
    lua_pushvalue(L, 2);
    const int i = lua_rawget(L, -2) == LUA_TNUMBER ? int(lua_tointeger(L, -1)) : 0;
    lua_pop(L, 2);
    return i;
}

// Upvalues: the Kind, and its FieldNames.
int view_index(lua_State* L) {
    const auto* names = static_cast<const FieldNames*>(lua_touserdata(L, lua_upvalueindex(2)));
    const int i = field_position(L, names);
    const Kind& kind = *names->kind;
    if (i == 0) throw std::runtime_error(unknown_field(kind, sandbox::key_text(L, 2)));
    const Field& f = kind.fields[std::size_t(i - 1)];
    if (f.keep != Keep::No && lua_getiuservalue(L, 1, i) != LUA_TNIL) return 1;
    f.get(L, *static_cast<View*>(lua_touserdata(L, 1)));
    if (f.keep != Keep::No) {
        lua_pushvalue(L, -1);
        lua_setiuservalue(L, 1, i);
    }
    return 1;
}

// The case view's reads of a field that is not one of its sub-objects (see fast_sag):
// called with the table of sub-objects, answered for the case view, upvalue 3.
int sag_fallback(lua_State* L) {
    lua_pushvalue(L, lua_upvalueindex(3));
    lua_replace(L, 1);
    return view_index(L); // upvalues 1 and 2 are the Kind and the names, as view_index's own
}

int view_newindex(lua_State* L) {
    return luaL_error(L, "sagen kan ikke ændres af et script (forsøgte at sætte '%s')", sandbox::key_text(L, 2));
}

// Upvalues: the Kind, and the view pairs() was given. The view is the closure's own, never
// its first argument: a script can call the iterator with anything at all.
int view_next(lua_State* L) {
    const Kind& kind = *static_cast<const Kind*>(lua_touserdata(L, lua_upvalueindex(1)));
    const View& view = *static_cast<const View*>(lua_touserdata(L, lua_upvalueindex(2)));
    std::size_t i = 0;
    if (!lua_isnil(L, 2)) {
        std::string_view key = luaL_checkstring(L, 2);
        while (i < kind.fields.size() && kind.fields[i].name != key) ++i;
        ++i;
    }
    // Methods (functions) are not data: skip them when listing.
    for (; i < kind.fields.size(); ++i) {
        kind.fields[i].get(L, view);
        if (lua_type(L, -1) == LUA_TFUNCTION) {
            lua_pop(L, 1);
            continue;
        }
        lua_pushlstring(L, kind.fields[i].name.data(), kind.fields[i].name.size());
        lua_insert(L, -2);
        return 2;
    }
    lua_pushnil(L);
    return 1;
}

// __pairs, upvalue 1 the Kind: only ever called with a view of that kind (the metatable is
// out of a script's reach).
int view_pairs(lua_State* L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 1);
    lua_pushcclosure(L, lua::guarded<view_next>, 2);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

int view_tostring(lua_State* L) {
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "__name");
    lua_pushfstring(L, "<%s>", lua_tostring(L, -1));
    return 1;
}

// Every view's metatable ends the same way: read-only, printable, locked. Pops it.
void seal_and_pop(lua_State* L) {
    lua_pushcfunction(L, view_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, view_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
}

// view_index's second upvalue (FieldNames).
void push_positions(lua_State* L, const Kind& kind) {
    const std::size_t n = kind.fields.size();
    auto* names = static_cast<FieldNames*>(lua_newuserdatauv(L, FieldNames::bytes(n), 1));
    names->kind = &kind;
    names->n = 0; // filled as the names are made: a memory error midway leaves a consistent block
    lua_createtable(L, 0, int(n));
    for (std::size_t i = 0; i < n; ++i) {
        lua_pushlstring(L, kind.fields[i].name.data(), kind.fields[i].name.size());
        names->name[i] = lua_topointer(L, -1);
        lua_pushinteger(L, lua_Integer(i + 1));
        lua_rawset(L, -3);
        names->n = i + 1;
    }
    lua_setiuservalue(L, -2, 1);
}

void register_kind(lua_State* L, const Kind& kind) {
    luaL_newmetatable(L, kind.name);
    lua_pushlightuserdata(L, const_cast<Kind*>(&kind));
    push_positions(L, kind);
    lua_pushcclosure(L, lua::guarded<view_index>, 2);
    lua_setfield(L, -2, "__index");
    lua_pushlightuserdata(L, const_cast<Kind*>(&kind));
    lua_pushcclosure(L, view_pairs, 1);
    lua_setfield(L, -2, "__pairs");
    seal_and_pop(L);
}

template <lua_CFunction Index, lua_CFunction Len>
void register_array(lua_State* L, const char* name, Typed list) {
    luaL_newmetatable(L, name);
    lua_pushcfunction(L, lua::guarded<Index>);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, lua::guarded<Len>); // a kept list refuses by throwing, like its elements
    lua_setfield(L, -2, "__len");
    lua_pushcfunction(L, array_pairs);
    lua_setfield(L, -2, "__pairs");
    seal_and_pop(L);
    remember_type(L, name, list);
}

void push_view(lua_State* L, const void* obj, CaseContext* ctx, const Kind& kind) {
    auto* ud = static_cast<View*>(lua_newuserdatauv(L, sizeof(View), kind.user_values));
    *ud = View{obj, ctx, ctx->generation};
    if (kind.typed) set_typed_metatable(L, *kind.typed);
    else luaL_setmetatable(L, kind.name);
}

// The case list at stack index 1 whose elements have a date (opfoelgninger, leverancer,
// afbud): f(its elements) and true, or false for anything else.
template <class F>
bool with_dated_list(lua_State* L, F&& f) {
    if (lua_type(L, 1) != LUA_TUSERDATA) return false;
    auto view = [&](Typed list) { return static_cast<View*>(to_typed(L, 1, list)); };
    if (auto* v = view(Typed::Opfoelgninger)) f(opfoelgninger(list_case(*v)), *v, kOpfoelgning);
    else if (auto* v = view(Typed::Leverancer)) f(leverancer(list_case(*v)), *v, kLevering);
    else if (auto* v = view(Typed::Afbud)) f(afbud(list_case(*v)), *v, kAfbud);
    else return false;
    return true;
}

// _vaert.seneste_dato(liste): for a case list whose elements have a date (opfoelgninger,
// leverancer, afbud), true and the latest date (nil when the list is empty); false for
// anything else. seneste() in dsl/hjaelpere.lua asks it first: one call into C instead of
// a view, a date and a comparison per element. Element dates record no read, so the trace
// is the same either way.
int latest_date(lua_State* L) {
    const bool sagens = with_dated_list(L, [&](const auto& items, const View&, const Kind&) {
        const auto* best = items.empty() ? nullptr : &items.front();
        for (const auto& x : items)
            if (best->dato < x.dato) best = &x;
        lua_pushboolean(L, 1);
        if (best) push_dato(L, best->dato);
        else lua_pushnil(L);
    });
    if (sagens) return 2;
    lua_pushboolean(L, 0);
    return 1;
}

// Lua 5.4's table.sort (ltablib.c: auxsort, partition, choosePivot) over the elements'
// days: the same comparisons in the same order, so elements with the same date end where
// table.sort(l, function(a, b) return a.dato < b.dato end) put them, and the trace of a
// rule that sorted that way does not move. Lua randomizes the pivot of a long, badly split
// interval (clock and time); here that is a fixed number, as good a choice.
struct Dated {
    std::int32_t day;
    lua_Integer index; // in the case's list, 1-based
};

void sort_like_lua(std::span<Dated> a, unsigned lo, unsigned up, unsigned rnd) {
    auto less = [&](unsigned i, unsigned j) { return a[i].day < a[j].day; };
    while (lo < up) {
        if (less(up, lo)) std::swap(a[lo], a[up]);
        if (up - lo == 1) break;
        unsigned p = lua::sort_pivot(lo, up, rnd);
        if (less(p, lo)) std::swap(a[p], a[lo]);
        else if (less(up, p)) std::swap(a[p], a[up]);
        if (up - lo == 2) break;
        const std::int32_t pivot = a[p].day;
        std::swap(a[p], a[up - 1]);
        unsigned i = lo, j = up - 1; // a[lo..i] <= pivot <= a[j..up], a[up - 1] is the pivot
        for (;;) {
            while (a[++i].day < pivot)
                if (i == up - 1) throw std::logic_error("efter_dato: ordningen er inkonsistent");
            while (pivot < a[--j].day)
                if (j < i) throw std::logic_error("efter_dato: ordningen er inkonsistent");
            if (j < i) break;
            std::swap(a[i], a[j]);
        }
        std::swap(a[up - 1], a[i]);
        p = i;
        unsigned n;
        if (p - lo < up - p) {
            sort_like_lua(a, lo, p - 1, rnd);
            n = p - lo;
            lo = p + 1;
        } else {
            sort_like_lua(a, p + 1, up, rnd);
            n = up - p;
            up = p - 1;
        }
        rnd = lua::sort_rnd_after(lo, up, n, rnd);
    }
}

// A case list's elements in the order table.sort by date gives them: their places, 1-based
// as in ltablib.c. On the stack for a short list (a case has a few follow-ups and afbud), not
// a new vector each call.
class DatedOrder {
public:
    template <class T>
    explicit DatedOrder(const std::vector<T>& items) : n_(items.size()) {
        if (n_ + 1 > small_.size()) big_.resize(n_ + 1);
        a_ = n_ + 1 > small_.size() ? std::span<Dated>(big_) : std::span<Dated>(small_.data(), n_ + 1);
        for (std::size_t i = 0; i < n_; ++i) a_[i + 1] = {items[i].dato.days(), lua_Integer(i + 1)};
        if (n_ > 1) sort_like_lua(a_, 1, unsigned(n_), 0);
    }
    DatedOrder(const DatedOrder&) = delete;
    DatedOrder& operator=(const DatedOrder&) = delete;
    std::size_t size() const { return n_; }
    lua_Integer at(std::size_t i) const { return a_[i].index; } // the i-th earliest, 1-based

private:
    std::size_t n_;
    std::array<Dated, 33> small_{};
    std::vector<Dated> big_;
    std::span<Dated> a_;
};

// efter_dato(sag.opfoelgninger): a new list of the elements, earliest first, in the order
// table.sort with a.dato < b.dato gives; one call instead of a view read and a date
// comparison, each a call into C, per comparison.
int by_date(lua_State* L) {
    const bool sagens = with_dated_list(L, [&](const auto& items, const View& v, const Kind& kind) {
        const DatedOrder order(items);
        lua_createtable(L, int(items.size()), 0);
        for (std::size_t i = 1; i <= order.size(); ++i) {
            push_element(L, 1, v, items, order.at(i), kind); // the view sag.opfoelgninger[i] gives
            lua_rawseti(L, -2, lua_Integer(i));
        }
    });
    if (sagens) return 1;
    return luaL_error(L, "efter_dato: argumentet skal være sag.opfoelgninger, sag.leverancer eller sag.afbud, ikke %s",
                      type_text(L, 1).c_str());
}

// _vaert.seneste_moede(sag.opfoelgninger): what seneste_moede_eller_start in dsl/hjaelpere.lua
// finds by walking efter_dato's list from the newest: true, then false when the newest
// follow-up not yet passed has no form (unknown whether it was a meeting), else true and the
// date of the newest that is not administrative (nil when all are). The forms are read in the
// same order and recorded as that walk records them; ties in date fall as efter_dato sorts
// them. false alone for anything else.
int latest_meeting(lua_State* L) {
    auto* v = lua_type(L, 1) == LUA_TUSERDATA ? static_cast<View*>(to_typed(L, 1, Typed::Opfoelgninger)) : nullptr;
    if (!v) {
        lua_pushboolean(L, 0);
        return 1;
    }
    const auto& items = opfoelgninger(sag(*v));
    const DatedOrder order(items); // as by_date
    lua_pushboolean(L, 1);
    for (std::size_t i = items.size(); i >= 1; --i) {
        const Opfoelgning& o = items[std::size_t(order.at(i) - 1)];
        if (!o.form) {
            v->ctx->read_missing("opfoelgninger[].form");
            lua_pushboolean(L, 0);
            return 2;
        }
        v->ctx->read_value("opfoelgninger[].form", *o.form);
        if (*o.form != "administrativ") {
            lua_pushboolean(L, 1);
            push_dato(L, o.dato);
            return 3;
        }
    }
    lua_pushboolean(L, 1);
    return 2;
}

// oplyst(sag.leverancer): whether the case gave the list, an empty one included. Not given,
// the list is named among what the rule lacks, as a missing fact is, so a rule that cannot
// tell "no deliveries" from "not told" gives nil and the trace says why.
// A case built or filled in code (the C++ API, tjek's own cases) has no flags set: a list
// with elements in it was given all the same.
template <class T, const std::vector<T>& (*Get)(const Sag&), bool Sag::Givne::*Flag>
bool list_given(const Sag& s) {
    return s.givet.*Flag || !Get(s).empty();
}

int given(lua_State* L) {
    struct List {
        Typed typed;
        bool (*given)(const Sag&);
        std::string_view fact;
    };
    static constexpr List kLists[] = {
        {Typed::Leverancer, list_given<Levering, leverancer, &Sag::Givne::leverancer>, "leverancer"},
        {Typed::Afbud, list_given<Afbud, afbud, &Sag::Givne::afbud>, "afbud"},
        {Typed::Opfoelgninger, list_given<Opfoelgning, opfoelgninger, &Sag::Givne::opfoelgninger>, "opfoelgninger"},
        {Typed::Ydelser, list_given<Ydelse, ydelser, &Sag::Givne::ydelser>, "ydelser"},
        {Typed::Aktiviteter, list_given<std::string, aktiviteter, &Sag::Givne::ansoegte_aktiviteter>, "ansoegte_aktiviteter"}};
    if (lua_type(L, 1) == LUA_TUSERDATA)
        for (const auto& l : kLists)
            if (auto* v = static_cast<View*>(to_typed(L, 1, l.typed))) {
                const bool yes = l.given(sag(*v));
                if (!yes) v->ctx->read_missing(l.fact);
                lua_pushboolean(L, yes);
                return 1;
            }
    const std::string what = lua_isnone(L, 1) ? "ingenting" : type_text(L, 1);
    return luaL_error(L, "oplyst: argumentet skal være en af sagens lister (sag.leverancer, sag.afbud, sag.opfoelgninger, "
                         "sag.ydelser eller sag.ansoegte_aktiviteter), ikke %s",
                      what.c_str());
}

} // namespace

void open_case_views(lua_State* L) {
    lua_pushcfunction(L, lua::guarded<given>);
    sandbox::expose(L, "oplyst");
    lua_pushcfunction(L, lua::guarded<latest_date>);
    sandbox::expose_trusted(L, "seneste_dato");
    lua_pushcfunction(L, lua::guarded<by_date>);
    sandbox::expose(L, "efter_dato");
    lua_pushcfunction(L, lua::guarded<latest_meeting>);
    sandbox::expose_trusted(L, "seneste_moede");
    for (const Kind* k : {&kSag, &kBorger, &kAnsoegning, &kVum, &kTemaer, &kForhold, &kBevilling,
                          &kLeverandoer, &kKlage, &kArbejdspladsvurdering, &kIndsatsplan, &kYdelse,
                          &kOpfoelgning, &kLevering, &kAfbud}) {
        register_kind(L, *k);
        if (k->typed) remember_type(L, k->name, *k->typed);
    }
    remember_type(L, kVum.name, Typed::Vum);
    register_array<array_index<&kYdelse, Ydelse, ydelser>, array_len<Ydelse, ydelser>>(L, "sag.ydelser", Typed::Ydelser);
    register_array<array_index<&kAktivitet, std::string, aktiviteter>, array_len<std::string, aktiviteter>>(
        L, "sag.ansoegte_aktiviteter", Typed::Aktiviteter);
    register_array<array_index<&kOpfoelgning, Opfoelgning, opfoelgninger>, array_len<Opfoelgning, opfoelgninger>>(
        L, "sag.opfoelgninger", Typed::Opfoelgninger);
    register_array<array_index<&kLevering, Levering, leverancer>, array_len<Levering, leverancer>>(L, "sag.leverancer", Typed::Leverancer);
    register_array<array_index<&kAfbud, Afbud, afbud>, array_len<Afbud, afbud>>(L, "sag.afbud", Typed::Afbud);
}

// The deliveries behind a `sag.leverancer` view, for the list primitives (liste_lua.cpp);
// nullptr when the value is not that view. Refuses, as the view does, outside a rule.
const std::vector<Levering>* leverancer_view(lua_State* L, int index) {
    auto* v = static_cast<View*>(to_typed(L, index, Typed::Leverancer));
    return v ? &list_case(*v).leverancer : nullptr;
}

Dato leverancer_dato(lua_State* L, int index) {
    return static_cast<View*>(to_typed(L, index, Typed::Leverancer))->ctx->dato;
}

// Nearly every rule starts at `sag.bevilling`, `sag.vum`, … : through __index that was a
// call into C for each, a sixth of a Lejre assessment. The case view (one per context)
// gets its own metatable whose __index is a table of its sub-object views, made once, so
// Lua finds them itself; anything else in that table falls through to the view's __index
// (the lists, the case's own fields, and the "mente du" error for a misspelt name).
// Expects the case view on top of the stack and leaves it there.
namespace {
void fast_sag(lua_State* L) {
    const int ud = lua_gettop(L);
    const auto& view = *static_cast<const View*>(lua_touserdata(L, ud));
    lua_createtable(L, 0, int(kSag.fields.size())); // the sub-objects
    for (const auto& f : kSag.fields) {
        if (f.keep != Keep::Always) continue;
        lua_pushlstring(L, f.name.data(), f.name.size());
        f.get(L, view);
        lua_rawset(L, -3);
    }
    lua_createtable(L, 0, 1); // its metatable: the rest goes to the view
    lua_pushlightuserdata(L, const_cast<Kind*>(&kSag));
    push_positions(L, kSag);
    lua_pushvalue(L, ud);
    lua_pushcclosure(L, lua::guarded<sag_fallback>, 3);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    // The view's own metatable: the shared one's fields, with __index the table above.
    lua_createtable(L, 0, 8);
    luaL_getmetatable(L, kSag.name);
    lua::copy_fields(L, -1, -2);
    lua_pop(L, 1);
    lua_insert(L, -2);                // metatable, sub-objects
    lua_setfield(L, -2, "__index");   // metatable.__index = sub-objects
    lua_setmetatable(L, ud);
}
} // namespace

// One case view per context, kept in the registry: only what belongs to one case is
// dropped (the lists); the sub-object views read the new case through the context.
void push_sag(lua_State* L, CaseContext& ctx) {
    static const char key = 0;
    ++ctx.generation;
    ++lua::State::host(L).sag_nr;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &key) == LUA_TUSERDATA &&
        static_cast<View*>(lua_touserdata(L, -1))->ctx == &ctx) {
        for (std::size_t i = 0; i < kSag.fields.size(); ++i)
            if (kSag.fields[i].keep == Keep::Case) {
                lua_pushnil(L);
                lua_setiuservalue(L, -2, int(i + 1));
            }
        return;
    }
    lua_pop(L, 1);
    push_view(L, nullptr, &ctx, kSag);
    fast_sag(L);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &key);
}

} // namespace kvalitet::bind
