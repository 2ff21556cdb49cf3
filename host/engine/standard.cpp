// Loading a standard: sandbox, domain bindings, the DSL, the script; then compiling the
// DSL's register into Rules the host can evaluate without looking anything up by name.
#include "engine/standard.hpp"

#include <fmt/format.h>
#include <lauxlib.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <span>

#include "bind/bind.hpp"
#include "bind/parameter_reads.hpp"
#include "domain/mente_du.hpp"
#include "domain/sha256.hpp"
#include "domain/tekst.hpp"
#include "engine/daterede_parametre.hpp"
#include "engine/parameter_type.hpp"
#include "lua/field_line.hpp"
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

// _vaert.dato_hint(tekst) -> " — mente du 2027-01-01?" for a date written the Danish way
// ("01-01-2027", "1/1/2027"), else "".
int host_dato_hint(lua_State* L) {
    const std::string hint = lua_type(L, 1) == LUA_TSTRING ? dansk_dato_hint(lua_tostring(L, 1)) : "";
    lua_pushlstring(L, hint.data(), hint.size());
    return 1;
}

// The strings of the Lua list at `index`.
std::vector<std::string> string_list(lua_State* L, int index) {
    std::vector<std::string> out;
    const lua_Integer n = luaL_len(L, index);
    for (lua_Integer i = 1; i <= n; ++i) {
        if (lua_geti(L, index, i) == LUA_TSTRING) out.emplace_back(lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    return out;
}

// _vaert.feltlinje(fil, linje, felt, underfelt …): the line where the declaration made in
// fil:linje writes that field (lua/field_line.cpp), else linje. Upvalue: the Sources.
int host_feltlinje(lua_State* L) {
    const auto* sources = static_cast<const Sources*>(lua_touserdata(L, lua_upvalueindex(1)));
    const std::string fil = luaL_checkstring(L, 1);
    const int linje = int(luaL_checkinteger(L, 2));
    std::vector<std::string> path;
    for (int i = 3; i <= lua_gettop(L) && lua_type(L, i) == LUA_TSTRING; ++i) path.emplace_back(lua_tostring(L, i));
    const std::vector<std::string_view> keys(path.begin(), path.end());
    int found = 0;
    if (auto source = sources->read(fil)) found = lua::field_line(*source, linje, keys);
    lua_pushinteger(L, found ? found : linje);
    return 1;
}

// _vaert.mente_du(navn, { kendte navne }): " — mente du 'x'?" or "".
int host_mente_du(lua_State* L) {
    const std::string wrong = luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    const auto names = string_list(L, 2);
    const std::vector<std::string_view> known(names.begin(), names.end());
    const std::string hint = mente_du(wrong, known);
    lua_pushlstring(L, hint.data(), hint.size());
    return 1;
}

// A text that reads as a number ("6", "7,5") and no declared type: the quotes are a slip
// (vaerdi = "6"), which would otherwise surface as a rule failing to compare a text, or as
// a comparison of texts ("10" < "9") that fails nobody. A text of digits meant as a text
// says so with type = "tekst".
std::optional<std::string> number_in_quotes(lua_State* L, int index) {
    std::size_t n = 0;
    const char* s = lua_tolstring(L, index, &n);
    std::string_view shown(s, n);
    while (!shown.empty() && std::isspace(static_cast<unsigned char>(shown.front()))) shown.remove_prefix(1);
    while (!shown.empty() && std::isspace(static_cast<unsigned char>(shown.back()))) shown.remove_suffix(1);
    // Only a plain decimal number: "0x10", "1e999" or "inf" in quotes is no slip to undo.
    std::string text(shown);
    std::size_t i = text.starts_with('-') ? 1 : 0;
    const std::size_t digits_from = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == digits_from || i - digits_from > 15) return std::nullopt;
    if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
        text[i] = '.';
        const std::size_t frac = ++i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
        if (i == frac) return std::nullopt;
    }
    if (i != text.size()) return std::nullopt;
    return fmt::format("er teksten \"{}\", ikke et tal: skriv tallet uden anførselstegn ({}), eller "
                       "type = \"tekst\", hvis det skal være en tekst",
                       std::string_view(s, n), text);
}

// _vaert.parametertype(vaerdi, type, enhed) -> typenavn, problem, felt. The declared type
// (or the one the value shows), and what is wrong and in which field ("type" or "vaerdi").
int host_parametertype(lua_State* L) {
    std::string problem, felt = "vaerdi";
    std::optional<ParameterType> type;
    if (lua_isnoneornil(L, 2)) {
        type = infer_parameter_type(L, 1);
        if (!type) problem = "'vaerdi' skal være et tal, en tekst, en dato, true/false, en varighed eller en tabel";
        else if (type == ParameterType::Tekst) problem = number_in_quotes(L, 1).value_or("");
    } else {
        const char* name = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "";
        type = parameter_type(name);
        if (!type) {
            std::string all;
            for (auto n : parameter_type_names()) all += (all.empty() ? "" : ", ") + std::string(n);
            problem = fmt::format("ukendt type '{}'{} (typerne er: {})", name, mente_du(name, parameter_type_names()), all);
            felt = "type";
        }
    }
    const std::string enhed = lua_type(L, 3) == LUA_TSTRING ? lua_tostring(L, 3) : "";
    if (type && problem.empty())
        if (auto p = parameter_type_problem(L, 1, *type, enhed)) problem = *p;
    if (type) lua_pushstring(L, std::string(parameter_type_name(*type)).c_str());
    else lua_pushnil(L);
    if (problem.empty()) return 1;
    lua_pushlstring(L, problem.data(), problem.size());
    lua_pushlstring(L, felt.data(), felt.size());
    return 3;
}

int host_setmetatable(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

// Everything a loaded standard's state needs; runs under lua_pcall (memory cap).
// Argument: the Sources, as light userdata.
int prepare(lua_State* L) {
    auto* ctx = static_cast<bind::CaseContext*>(lua_touserdata(L, 2));
    lua_pushvalue(L, 1);
    lua_pushcclosure(L, lua::guarded<host_feltlinje>, 1);
    sandbox::expose_trusted(L, "feltlinje");
    lua_settop(L, 0);
    bind::push_comparison_recorder(L, *ctx);
    sandbox::expose_trusted(L, "sammenlignet");
    bind::push_comparer_factory(L, *ctx);
    sandbox::expose_trusted(L, "sammenligning");
    lua_pushcfunction(L, lua::guarded<host_mente_du>);
    sandbox::expose_trusted(L, "mente_du");
    lua_pushcfunction(L, lua::guarded<host_parametertype>);
    sandbox::expose_trusted(L, "parametertype");
    bind::open_domain(L);
    lua_pushcfunction(L, host_sted);
    sandbox::expose_trusted(L, "sted");
    lua_pushcfunction(L, host_er_varighed);
    sandbox::expose_trusted(L, "er_varighed");
    lua_pushcfunction(L, host_er_dato);
    sandbox::expose_trusted(L, "er_dato");
    lua_pushcfunction(L, host_dato_hint);
    sandbox::expose_trusted(L, "dato_hint");
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

// Where the declaration being read was made, for the errors below.
struct Place {
    std::string fil;
    int linje = 0;
};

[[noreturn]] void declaration_error(const Place& at, const std::string& what) {
    throw ScriptError(ScriptError::Kind::Runtime, what, at.fil, at.linje);
}

// Texts one standard may hand the host in all (every copy it keeps of the script's
// declarations): each text is bounded, and so is their sum, whatever loops a script runs.
constexpr std::size_t kMaxStandardText = 4u << 20;
constexpr std::size_t kMaxParametre = 1000, kMaxBeskrivelse = 200;
thread_local std::size_t t_copied = 0; // bytes copied by the load running on this thread

void count_copy(std::size_t bytes, const Place& at) {
    t_copied += bytes;
    if (t_copied > kMaxStandardText)
        declaration_error(at, fmt::format("standardens tekster fylder mere end {} MiB i alt", kMaxStandardText >> 20));
}

// A text field: a string the output may carry as it is (valid UTF-8, no control
// characters, bounded), else a load error at the declaration's line.
std::string string_field(lua_State* L, int t, const char* key, const Place& at = {}) {
    lua_getfield(L, t, key);
    std::string out;
    if (lua_type(L, -1) == LUA_TSTRING) {
        std::size_t n = 0;
        const char* p = lua_tolstring(L, -1, &n);
        out.assign(p, n);
    }
    lua_pop(L, 1);
    if (auto problem = text_problem(out, kMaxDeclarationText))
        declaration_error(at, fmt::format("feltet '{}': {}", key, *problem));
    count_copy(out.size(), at);
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
void date_field(lua_State* L, int t, const char* key, DatePath& path, std::string_view& name, lua::Ref& fn,
                const Place& at) {
    if (function_field(L, t, key, fn)) return;
    const std::string p = string_field(L, t, key, at);
    if (p.empty()) return;
    for (auto known : date_path_names())
        if (known == p) {
            path = date_path(known);
            name = known;
            return;
        }
    declaration_error(at, fmt::format("feltet '{}': ukendt datosti '{}'", key, p));
}

// A parameter's value as the document and the trace show it: numbers and texts as they
// are, a table as { k = v, ... } sorted by key (a frozen table's contents included).
// `budget` is the bytes it may still make: a value that would show longer is an error
// before it is built (a table shared ten ways, eight deep, would be 10^8 entries).
std::string value_text(lua_State* L, int i, int depth, std::size_t& budget) {
    const auto spend = [&](std::size_t n) {
        if (n > budget) throw std::length_error("for stor");
        budget -= n;
    };
    if (lua_type(L, i) != LUA_TTABLE) {
        sandbox::push_tostring(L, i);
        std::size_t n = 0;
        const char* p = lua_tolstring(L, -1, &n);
        spend(n);
        std::string out(p, n);
        lua_pop(L, 1);
        return out;
    }
    if (depth > 8) return "{ … }";
    sandbox::frozen_contents(L, i);
    const int t = lua_gettop(L);
    std::vector<std::string> parts;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        spend(5);
        std::string v = value_text(L, lua_gettop(L), depth + 1, budget);
        lua_pop(L, 1);
        parts.push_back(value_text(L, lua_gettop(L), depth + 1, budget) + " = " + v);
    }
    lua_pop(L, 1);
    std::sort(parts.begin(), parts.end());
    std::string out;
    for (const auto& x : parts) out += (out.empty() ? "" : ", ") + x;
    return "{ " + out + " }";
}

// Lines of parameters within their files: the line of `navn = {` (or of its `vaerdi`) in
// the parametre { } made on the call's line; the call's line when not written there.
class ParameterLines {
public:
    explicit ParameterLines(const Sources& sources) : sources_(sources) {}
    int of(const Place& call, std::string_view navn, std::string_view felt = {}, std::string_view under = {}) {
        auto it = texts_.find(call.fil);
        if (it == texts_.end()) it = texts_.emplace(call.fil, sources_.read(call.fil).value_or("")).first;
        const std::string_view path[] = {navn, felt, under};
        const int line = lua::field_line(it->second, call.linje, std::span(path, felt.empty() ? 1 : under.empty() ? 2 : 3));
        return line ? line : call.linje;
    }

private:
    const Sources& sources_;
    std::map<std::string, std::string> texts_;
};

// A parameter's type, unit and pr_pakke from the register, checked again here against the
// value at `v` (the DSL checked it as the script ran; the host trusts its own check).
void read_type(lua_State* L, int p, int v, Parameter& par) {
    const Place at{par.fil, par.vaerdi_linje};
    par.type = string_field(L, p, "type", at);
    par.enhed = string_field(L, p, "enhed", at);
    par.pr_pakke = bool_field(L, p, "pr_pakke");
    const auto type = parameter_type(par.type);
    if (!type) declaration_error(at, fmt::format("parameteren '{}': ukendt type '{}'", par.id, par.type));
    if (auto problem = parameter_type_problem(L, v, *type, par.enhed))
        declaration_error(at, fmt::format("parameteren '{}' {}", par.id, *problem));
    if (par.pr_pakke && *type != ParameterType::Talliste)
        declaration_error(at, fmt::format("parameteren '{}': pr_pakke = true kræver en liste af tal (type = \"talliste\"), én "
                                          "pr. pakke", par.id));
    par.antal_vaerdier = parameter_list_size(L, v);
}

// Most periods one dated parameter may hold.
constexpr std::size_t kMaxPerioder = 200;

// A dated parameter's periods (the register's perioder = { ["ÅÅÅÅ-MM-DD"] = value }, at
// `ps`), oldest first: each value checked against the type again, at its own line, and
// shown; a list per package must keep its length through them.
void read_periods(lua_State* L, int p, int ps, const Place& call, ParameterLines& lines, Parameter& par) {
    par.vaerdi_linje = lines.of(call, par.id, "perioder");
    std::vector<std::string> datoer;
    lua_pushnil(L);
    while (lua_next(L, ps)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING || !Dato::parse(lua_tostring(L, -1)))
            declaration_error({par.fil, par.vaerdi_linje},
                              fmt::format("parameteren '{}': i 'perioder' er hver nøgle en dato \"ÅÅÅÅ-MM-DD\"", par.id));
        if (datoer.size() >= kMaxPerioder)
            declaration_error({par.fil, par.vaerdi_linje},
                              fmt::format("parameteren '{}' har mere end {} perioder", par.id, kMaxPerioder));
        datoer.emplace_back(lua_tostring(L, -1));
    }
    std::sort(datoer.begin(), datoer.end()); // ISO dates sort by time
    for (const auto& d : datoer) {
        ParameterPeriode per;
        per.fra = *Dato::parse(d);
        per.linje = lines.of(call, par.id, "perioder", d);
        lua_getfield(L, ps, d.c_str());
        const int v = lua_gettop(L);
        Parameter one = par;
        one.vaerdi_linje = per.linje;
        read_type(L, p, v, one);
        if (one.pr_pakke && !par.perioder.empty() && one.antal_vaerdier != par.antal_vaerdier)
            declaration_error({par.fil, per.linje},
                              fmt::format("parameteren '{}' har {} værdier fra {}, men {} før (pr_pakke = true: én pr. "
                                          "pakke i hver periode)",
                                          par.id, one.antal_vaerdier, d, par.antal_vaerdier));
        par.type = one.type, par.enhed = one.enhed, par.pr_pakke = one.pr_pakke, par.antal_vaerdier = one.antal_vaerdier;
        std::size_t budget = kMaxDeclarationText;
        try {
            per.vaerdi = value_text(L, v, 0, budget);
        } catch (const std::length_error&) {
            declaration_error({par.fil, per.linje}, fmt::format("parameter '{}': værdien fra {} fylder mere end {} KiB, "
                                                                "når den vises", par.id, d, kMaxDeclarationText / 1024));
        }
        count_copy(per.vaerdi.size(), {par.fil, per.linje});
        switch (lua_type(L, v)) {
        case LUA_TNUMBER: per.spor_vaerdi = double(lua_tonumber(L, v)); break;
        case LUA_TBOOLEAN: per.spor_vaerdi = lua_toboolean(L, v) != 0; break;
        default: per.spor_vaerdi = per.vaerdi;
        }
        lua_pop(L, 1);
        par.perioder.push_back(std::move(per));
    }
    name_periods(par);
    if (auto problem = text_problem(par.vaerdi, kMaxDeclarationText))
        declaration_error({par.fil, par.vaerdi_linje}, fmt::format("parameter '{}': 'perioder': {}", par.id, *problem));
}

// A rule the host can evaluate has the logic its kind needs (the DSL checked this; the
// host does not take it on trust).
bool rule_complete(const Rule& r) {
    switch (r.art) {
    case Art::Betingelse:
    case Art::Udelukkelse: return r.naar || r.forhold >= 0;
    case Art::Henvisning: return (r.naar || r.forhold >= 0) && !r.til.empty();
    case Art::Aktivitet: return r.omfattet || r.omfattet_fn;
    case Art::Pakke: return bool(r.naar);
    case Art::Frist: return (r.fra || r.fra_fn) && (r.varighed || r.varighed_fn);
    case Art::Krav: return bool(r.afvigelser);
    }
    return false;
}

// "ukendt kommune 'vard' — mente du 'varde'? (kendte: …)", or that there are none where
// the program looked (a --hjem without municipalities/).
std::string unknown_kommune(const Sources& sources, const std::string& kommune) {
    const auto known = kommuner(sources);
    if (known.empty())
        return fmt::format("ukendt kommune '{}': der er ingen kommuner i {} (mappen municipalities/ mangler eller er tom)",
                           kommune, sources.describe());
    const std::vector<std::string_view> names(known.begin(), known.end());
    std::string all;
    for (const auto& k : known) all += (all.empty() ? "" : ", ") + k;
    return fmt::format("ukendt kommune '{}'{} (kendte: {})", kommune, mente_du(kommune, names), all);
}

// A parameter marked pr_pakke = true holds one value per declared package: a list one
// longer or shorter than the packages would be read past its end or in part.
void check_per_package(const StandardInfo& info, const std::vector<Rule>& rules) {
    const auto pakker = std::size_t(std::count_if(rules.begin(), rules.end(), [](const Rule& r) { return r.art == Art::Pakke; }));
    for (const Parameter& p : info.parametre) {
        if (!p.pr_pakke || p.antal_vaerdier == pakker) continue;
        const std::string erklaerer = pakker == 0 ? "ingen pakker" : fmt::format("{} {}", pakker, pakker == 1 ? "pakke" : "pakker");
        declaration_error({p.fil, p.vaerdi_linje},
                          fmt::format("parameteren '{}' har {} {}, men standarden erklærer {} (pr_pakke = true: én værdi "
                                      "pr. pakke, i pakkernes rækkefølge)",
                                      p.id, p.antal_vaerdier, p.antal_vaerdier == 1 ? "værdi" : "værdier", erklaerer));
    }
}

// A file under versioner/ is named by the date it takes effect: the name and the
// declaration must agree, or a policy officer reading the folder is misled.
void check_version_name(const StandardInfo& info, const Place& at) {
    const std::string_view fil = info.fil, dir = "/versioner/";
    const auto slash = fil.rfind(dir);
    if (slash == std::string_view::npos || !fil.ends_with(".lua")) return;
    const std::string_view navn = fil.substr(slash + dir.size(), fil.size() - slash - dir.size() - 4);
    const std::string erklaeret = info.gyldig_fra ? info.gyldig_fra->iso() : std::string();
    if (erklaeret == navn) return;
    throw ScriptError(ScriptError::Kind::Runtime,
                      erklaeret.empty()
                          ? fmt::format("versionsfilen hedder {}.lua, men kvalitetsstandard erklærer ingen gyldig_fra: "
                                        "skriv gyldig_fra = \"{}\"",
                                        navn, navn)
                          : fmt::format("versionsfilen hedder {}.lua, men kvalitetsstandard erklærer gyldig_fra = \"{}\": "
                                        "omdøb filen til {}.lua, eller ret gyldig_fra",
                                        navn, erklaeret, erklaeret),
                      info.fil, at.linje);
}


// "ugyldigt kommune-id 'Ishøj' … — mente du 'ishoej'? (kendte: …)"
[[noreturn]] void invalid_kommune(const Sources& sources, const std::string& kommune) {
    std::string hint;
    const auto known = kommuner(sources);
    const std::string id = as_kommune_id(kommune);
    if (std::find(known.begin(), known.end(), id) != known.end())
        hint = fmt::format(" — mente du '{}'? (kendte: {})", id, fmt::join(known, ", "));
    else if (!known.empty())
        hint = fmt::format(" (kendte: {})", fmt::join(known, ", "));
    throw InputError(fmt::format("ugyldigt kommune-id '{}' (små bogstaver a-z, tal og _; æ ø å skrives ae oe aa){}",
                                 printable_line(kommune), hint),
                     "ukendt_kommune");
}

} // namespace

// An id as a person types the name ("Ishøj", "Varde"): lower case, æ ø å as ae oe aa.
std::string as_kommune_id(std::string_view navn) {
    std::string out;
    for (std::size_t i = 0; i < navn.size(); ++i) {
        const std::string_view rest = navn.substr(i);
        if (rest.starts_with("æ") || rest.starts_with("Æ")) out += "ae", ++i;
        else if (rest.starts_with("ø") || rest.starts_with("Ø")) out += "oe", ++i;
        else if (rest.starts_with("å") || rest.starts_with("Å")) out += "aa", ++i;
        else if (navn[i] == ' ' || navn[i] == '-') out += '_';
        else out += char(std::tolower(static_cast<unsigned char>(navn[i])));
    }
    return out;
}

std::unique_ptr<Standard> Standard::load(const Sources& sources, const std::string& kommune, lua::Limits limits) {
    if (!valid_kommune_id(kommune)) invalid_kommune(sources, kommune);
    return load_file(sources, kommune, "municipalities/" + kommune + "/standard.lua", limits);
}

std::unique_ptr<Standard> Standard::load_file(const Sources& sources, const std::string& kommune,
                                              const std::string& path, lua::Limits limits) {
    if (!valid_kommune_id(kommune)) invalid_kommune(sources, kommune);
    auto source = sources.read(path);
    if (!source) {
        if (auto why = sources.outside(path)) throw InputError(*why, "ugyldigt_hjem");
        if (path.ends_with("/standard.lua")) throw InputError(unknown_kommune(sources, kommune), "ukendt_kommune");
        throw InputError(fmt::format("filen {} findes ikke i {}", path, sources.describe()), "ukendt_version");
    }
    std::unique_ptr<Standard> s(new Standard(sources));
    s->state_ = std::make_unique<lua::State>(limits);
    s->meta_ = std::make_shared<Meta>();
    s->ctx_ = std::make_unique<bind::CaseContext>();
    lua::State& state = *s->state_;
    lua_State* L = state;
    sandbox::open(state, sources);

    lua_pushcfunction(L, lua::guarded<prepare>); // a missing DSL module is a message, not an empty error
    lua_pushlightuserdata(L, const_cast<Sources*>(&sources));
    lua_pushlightuserdata(L, s->ctx_.get());
    state.call(2, 1); // the DSL's register
    const int reg = lua_gettop(L);
    expose_dated_parameters(*s);
    sandbox::load(state, *source, "@" + path, sandbox::Env::Standard);
    state.call(0, 0);

    auto& info = s->meta_->info;
    info.fil = path;
    info.sha256 = sha256_hex(*source);
    // Everything read from the register below runs protected: a Lua error in any API call
    // (memory, a metamethod) is a ScriptError, never a panic.
    lua_pushvalue(L, reg);
    t_copied = 0;
    state.protect(1, [&](lua_State* L) {
        s->read_info(L, 1, kommune);
        lua_getfield(L, reg, "regler");
        s->compile(L);
        check_per_package(s->meta_->info, s->rules_);
        s->seal(L);
        lua_getfield(L, 1, "parametre_tabel");
        bind::watch_parameters(L, lua_gettop(L), *s->ctx_, s->meta_->navne);
        lua_pop(L, 1);
    });
    lua_settop(L, 0);
    return s;
}

void Standard::read_info(lua_State* L, int reg, const std::string& kommune) {
    auto& info = meta_->info;
    const std::string& path = info.fil;
    lua_getfield(L, reg, "standard");
    if (lua_isnil(L, -1))
        throw ScriptError(ScriptError::Kind::Runtime,
                          "scriptet erklærer ingen kvalitetsstandard { kommune = ..., titel = ..., kilde = ... }", path, 1);
    const int st = lua_gettop(L);
    const Place at{path, int_field(L, st, "linje")};
    info.kommune = string_field(L, st, "kommune", at);
    info.titel = string_field(L, st, "titel", at);
    info.kilde = string_field(L, st, "kilde", at);
    info.revideres = string_field(L, st, "revideres", at);
    if (auto g = string_field(L, st, "godkendt", at); !g.empty()) info.godkendt = Dato::parse(g);
    if (auto g = string_field(L, st, "gyldig_fra", at); !g.empty()) info.gyldig_fra = Dato::parse(g);
    if (auto g = string_field(L, st, "gyldig_til", at); !g.empty()) info.gyldig_til = Dato::parse(g);
    check_version_name(info, at);
    if (info.kommune != kommune)
        throw ScriptError(ScriptError::Kind::Runtime,
                          fmt::format("kvalitetsstandard: kommune = \"{}\", men filen ligger under municipalities/{}/",
                                      info.kommune, kommune),
                          path, at.linje);
    lua_getfield(L, st, "beskrivelse");
    if (lua_istable(L, -1)) {
        const int b = lua_gettop(L);
        lua_pushnil(L);
        while (lua_next(L, b)) {
            if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
                declaration_error(at, "kvalitetsstandard: 'beskrivelse' skal være overskrift = \"tekst\"");
            if (info.beskrivelse.size() >= kMaxBeskrivelse)
                declaration_error(at, fmt::format("kvalitetsstandard: 'beskrivelse' har mere end {} afsnit", kMaxBeskrivelse));
            std::string overskrift = lua_tostring(L, -2), tekst = lua_tostring(L, -1);
            count_copy(overskrift.size() + tekst.size(), at);
            for (const std::string* t : {&overskrift, &tekst})
                if (auto problem = text_problem(*t, kMaxDeclarationText))
                    declaration_error(at, "kvalitetsstandard: 'beskrivelse': " + *problem);
            info.beskrivelse.emplace_back(std::move(overskrift), std::move(tekst));
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 2);
    std::sort(info.beskrivelse.begin(), info.beskrivelse.end());

    lua_getfield(L, reg, "parametre");
    const int ps = lua_gettop(L);
    // Too many is said at the declaration that brought the most of them: the table's walk
    // order depends on the state's hash seed, so "the one past the limit" would be a
    // different declaration (a national one) from run to run.
    {
        std::map<std::pair<std::string, int>, std::size_t> per_call;
        std::size_t n = 0;
        lua_pushnil(L);
        while (lua_next(L, ps)) {
            ++n;
            ++per_call[{string_field(L, lua_gettop(L), "fil"), int_field(L, lua_gettop(L), "linje")}];
            lua_pop(L, 1);
        }
        if (n > kMaxParametre) {
            const auto most = std::max_element(per_call.begin(), per_call.end(),
                                               [](const auto& a, const auto& b) { return a.second < b.second; });
            declaration_error({most->first.first, most->first.second},
                              fmt::format("standarden erklærer mere end {} parametre", kMaxParametre));
        }
    }
    ParameterLines lines(sources_);
    lua_pushnil(L);
    while (lua_next(L, ps)) {
        const int p = lua_gettop(L);
        Parameter par;
        par.id = lua_tostring(L, -2);
        const Place call{string_field(L, p, "fil"), int_field(L, p, "linje")};
        const Place pat{call.fil, lines.of(call, par.id)};
        par.tekst = string_field(L, p, "tekst", pat);
        par.kilde = string_field(L, p, "kilde", pat);
        par.antagelse = bool_field(L, p, "antagelse");
        par.kommunal = bool_field(L, p, "kommunal");
        par.erstatter = bool_field(L, p, "erstatter");
        par.fil = pat.fil;
        par.linje = pat.linje;
        par.vaerdi_linje = lines.of(call, par.id, "vaerdi");
        if (lua_getfield(L, p, "perioder") == LUA_TTABLE) { // a dated parameter
            read_periods(L, p, lua_gettop(L), call, lines, par);
            lua_pop(L, 2);
            info.parametre.push_back(std::move(par));
            continue;
        }
        lua_pop(L, 1);
        lua_getfield(L, p, "vaerdi");
        read_type(L, p, lua_gettop(L), par);
        std::size_t budget = kMaxDeclarationText;
        try {
            par.vaerdi = value_text(L, lua_gettop(L), 0, budget);
        } catch (const std::length_error&) {
            declaration_error(pat, fmt::format("parameter '{}': 'vaerdi' fylder mere end {} KiB, når den vises",
                                               par.id, kMaxDeclarationText / 1024));
        }
        count_copy(par.vaerdi.size(), pat);
        if (auto problem = text_problem(par.vaerdi, kMaxDeclarationText))
            declaration_error(pat, fmt::format("parameter '{}': 'vaerdi': {}", par.id, *problem));
        lua_pop(L, 2);
        info.parametre.push_back(std::move(par));
    }
    lua_pop(L, 1);
    std::sort(info.parametre.begin(), info.parametre.end(), [](auto& a, auto& b) { return a.id < b.id; });
}

Standard::Standard(const Sources& sources) : sources_(sources) {}

Standard::~Standard() {
    rules_.clear(); // registry refs go before the state closes
}

void Standard::compile(lua_State* L) {
    const int list = lua_gettop(L);
    const lua_Integer n = luaL_len(L, list);
    if (n > lua_Integer(kMaxRules))
        throw ScriptError(ScriptError::Kind::Runtime,
                          fmt::format("standarden erklærer {} regler; højst {} er tilladt", n, kMaxRules), meta_->info.fil, 0);
    rules_.reserve(std::size_t(n));
    static constexpr std::pair<std::string_view, Art> kArter[] = {
        {"betingelse", Art::Betingelse}, {"udelukkelse", Art::Udelukkelse}, {"henvisning", Art::Henvisning},
        {"aktivitet", Art::Aktivitet},   {"pakke", Art::Pakke},             {"frist", Art::Frist},
        {"krav", Art::Krav}};
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_geti(L, list, i);
        const int d = lua_gettop(L);
        if (!lua_istable(L, d)) throw ScriptError(ScriptError::Kind::Host, "erklæringernes register er beskadiget", meta_->info.fil, 0);
        const Place at{string_field(L, d, "fil"), int_field(L, d, "linje")};
        Regel& regel = meta_->regler.emplace_back();
        regel.id = string_field(L, d, "id", at);
        regel.tekst = string_field(L, d, "tekst", at);
        regel.kilde = string_field(L, d, "kilde", at);
        regel.fil = at.fil;
        regel.linje = at.linje;
        regel.kommunal = bool_field(L, d, "kommunal");
        regel.erstatter = bool_field(L, d, "erstatter");
        regel.antagelse = bool_field(L, d, "antagelse");
        regel.betingelse = string_field(L, d, "betingelse", at);
        regel.prepare_json();

        Rule r;
        r.regel = &regel;
        const std::string art = string_field(L, d, "art", at);
        bool known = false;
        for (auto [name, a] : kArter)
            if (name == art) {
                r.art = a;
                known = true;
            }
        if (!known) declaration_error(at, fmt::format("'{}': ukendt slags erklæring '{}'", regel.id, art));
        regel.art = art_navn(r.art);
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
        if (auto f = string_field(L, d, "forhold", at); !f.empty()) {
            auto index = Forhold::index(f);
            if (!index) declaration_error(at, fmt::format("{} '{}': ukendt forhold '{}'", art, regel.id, f));
            r.forhold = int(*index);
        }
        r.til = string_field(L, d, r.art == Art::Henvisning ? "til" : "henvis_til", at);
        function_field(L, d, "henvis_til", r.til_fn);
        if (!function_field(L, d, "omfattet", r.omfattet_fn)) {
            lua_getfield(L, d, "omfattet");
            if (lua_isboolean(L, -1)) r.omfattet = lua_toboolean(L, -1);
            lua_pop(L, 1);
        }
        r.navn = string_field(L, d, "navn", at);
        r.periode = string_field(L, d, "periode", at);
        r.kriterier = string_field(L, d, "kriterier", at);
        lua_getfield(L, d, "timer");
        r.timer = lua_tonumber(L, -1);
        lua_pop(L, 1);
        if (!(r.timer >= 0 && r.timer <= 1e6)) declaration_error(at, fmt::format("pakke '{}': 'timer' skal være mellem 0 og 1000000", regel.id));
        date_field(L, d, "fra", r.fra, r.fra_navn, r.fra_fn, at);
        if (!function_field(L, d, "varighed", r.varighed_fn)) {
            lua_getfield(L, d, "varighed");
            if (auto* v = bind::to_varighed(L, -1)) r.varighed = *v;
            lua_pop(L, 1);
        }
        r.flyt = string_field(L, d, "flyt", at) == "naeste_arbejdsdag" ? Flyt::NaesteArbejdsdag : Flyt::Ingen;
        r.paahviler = string_field(L, d, "paahviler", at) == "borger" ? Paahviler::Borger : Paahviler::Kommune;
        date_field(L, d, "opfyldt_ved", r.opfyldt_ved, r.opfyldt_navn, r.opfyldt_fn, at);
        lua_getfield(L, d, "opfyldt_senest");
        r.opfyldt_senest = lua_toboolean(L, -1);
        lua_pop(L, 1);
        if (r.opfyldt_senest && !r.opfyldt_ved && !r.opfyldt_fn)
            declaration_error(at, fmt::format("frist '{}': 'opfyldt_senest' siger, hvad 'opfyldt_ved' viser, men fristen har "
                                              "ingen 'opfyldt_ved'; tilføj den, eller fjern 'opfyldt_senest'",
                                              regel.id));
        function_field(L, d, "afvigelser", r.afvigelser);
        if (!rule_complete(r))
            declaration_error(at, fmt::format("{} '{}': erklæringen mangler sin logik", art, regel.id));
        rules_.push_back(std::move(r));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    // Stable by step: the host's order is maalgruppe → aktiviteter → pakke → frister → krav;
    // within a step, the order of declaration.
    std::stable_sort(rules_.begin(), rules_.end(), [](const Rule& a, const Rule& b) { return a.trin < b.trin; });

    auto& m = *meta_;
    m.frist_overskredet.id = "frist_overskredet";
    m.frist_overskredet.tekst = "En frist er overskredet";
    m.ukendt_aktivitet.id = "ukendt_aktivitet";
    m.ukendt_aktivitet.tekst = "Aktiviteten findes ikke i standardens aktivitetskatalog";
    m.ukendt_aktivitet.kilde = "Kvalitet (aktivitetskataloget)";
    // A citizen's event after the deadline (a late complaint): the authority must still
    // decide whether to consider it (the Ombudsman's practice on late complaints).
    m.efter_fristen.id = "klage_efter_fristen";
    m.efter_fristen.tekst = "Borgerens hændelse kom efter fristen";
    m.efter_fristen.kilde = "Rsl. § 67, stk. 1; Folketingets Ombudsmands praksis om for sent indgivne klager";
    m.pakke_uafklaret.id = "pakke_uafklaret";
    m.pakke_uafklaret.tekst = "Pakken kan ikke fastlægges, før en oplysning er kendt";
    for (Regel* r : {&m.frist_overskredet, &m.ukendt_aktivitet, &m.efter_fristen, &m.pakke_uafklaret}) r->prepare_json();
}

// Rules cannot remember: every function of every rule, and all they reach, is sealed
// (sandbox_freeze.cpp), then the sandbox is closed to new declarations and modules.
void Standard::seal(lua_State* L) {
    lua_newtable(L);
    const int seen = lua_gettop(L);
    for (const Rule& r : rules_) {
        const std::string owner = fmt::format("{} '{}'", art_navn(r.art), r.regel->id);
        for (const lua::Ref* f : {&r.naar, &r.til_fn, &r.omfattet_fn, &r.fra_fn, &r.varighed_fn, &r.opfyldt_fn, &r.afvigelser}) {
            if (!*f) continue;
            f->push();
            sandbox::seal(L, -1, seen, owner);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    sandbox::close(*state_);
}

const Rule* Standard::rule(std::string_view id) const {
    for (const auto& r : rules_)
        if (r.regel->id == id) return &r;
    return nullptr;
}

} // namespace kvalitet
