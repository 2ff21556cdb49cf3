// The session's case: loading it (:sag, which follows the case's municipality), changing
// it (:saet, :nulstil, med), assessing it (:vurder, :frister) and showing values (:json),
// and the case store's ids (:sager).
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <lauxlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "beskyttet.hpp"
#include "domain/tekst.hpp"
#include "engine/standard.hpp"
#include "fuldfoer.hpp"
#include "lua/error.hpp"
#include "saet.hpp"
#include "session.hpp"
#include "session_intern.hpp"
#include "store/case_store.hpp"
#include "vurdering_forskel.hpp"

namespace kvalitet::repl {

namespace {

// A case file: only a regular file (not /dev/zero, a FIFO or a directory), and not a huge
// one. nullopt when there is no such file; InputError when it is not one we read.
std::optional<std::string> read_file(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return std::nullopt;
    if (!fs::is_regular_file(status)) throw InputError(fmt::format("'{}' er ikke en almindelig fil", path));
    const auto size = fs::file_size(path, ec);
    if (!ec && size > Session::kMaxCaseFile)
        throw InputError(fmt::format("'{}' er for stor til en sag ({} MiB; højst {} MiB)", path, size >> 20,
                                     Session::kMaxCaseFile >> 20));
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A fact as the caseworker reads it: text without quotes, an absent one as `ukendt`.
std::string shown(const Json* v) {
    if (!v || v->is_null()) return "ukendt";
    if (v->is_string()) return v->get<std::string>();
    return v->dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string pretty_json(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

constexpr std::size_t kListeHoejst = 100; // ids :sager shows at once

} // namespace

std::string Session::db_path() const { return db_.empty() ? CaseStore::default_path() : db_; }

void Session::load_case(const std::string& arg) {
    std::optional<std::string> text;
    std::string where = arg;
    try {
        text = read_file(arg);
    } catch (const InputError& e) {
        return say(fmt::format("fejl: {}\n", e.what()));
    }
    if (!text) {
        const std::string db = db_path();
        if (std::filesystem::exists(db)) {
            CaseStore store(db, CaseStore::Access::ReadOnly); // looking a case up writes nothing
            SQLite::Statement st(store.db(), "SELECT sag FROM sager WHERE id = ?");
            st.bind(1, arg);
            if (st.executeStep()) text = st.getColumn(0).getString(), where = db + ": " + arg;
        }
    }
    if (!text) return say(fmt::format("fejl: '{}' er hverken en fil eller en sag i sagsdatabasen\n", printable(arg)));
    std::unique_ptr<Sag> next;
    try {
        next = std::make_unique<Sag>(Sag::from_json(*text));
    } catch (const InputError& e) {
        return say(fmt::format("fejl: {}: {}\n", where, e.what()));
    }
    Json json = Json::parse(*text, nullptr, false);
    if (json.is_discarded()) return say(fmt::format("fejl: {}: sagen kunne ikke læses som JSON\n", where));
    const std::string note = next->kommune && *next->kommune != kommune_ ? follow_kommune_of(*next) : "";
    if (!bind_globals(next.get(), dato_)) return say("(sagen blev ikke indlæst)\n");
    sag_ = std::move(next); // the contexts that read the old case were retired by bind_globals
    sag_tekst_ = std::move(*text);
    sag_json_ = std::move(json);
    sag_kilde_ = where;
    last_.reset();
    forrige_.reset();
    siden_.clear();
    say(fmt::format("sag '{}' indlæst fra {}\n", sag_->id, where));
    say(note);
    if (!sag_->kommune)
        say(standard_ ? fmt::format("(sagen nævner ingen kommune; den vurderes efter {})\n", kommune_)
                      : std::string("(sagen nævner ingen kommune; vælg en standard med :kommune ID)\n"));
}

// A case names its municipality: its standard is the one to assess it by, and the session
// says so (the returned line), since the prompt's standard was chosen before the case.
std::string Session::follow_kommune_of(const Sag& next) {
    const std::string& k = *next.kommune;
    const auto known = kommuner(sources_);
    if (std::find(known.begin(), known.end(), k) == known.end())
        return fmt::format("(sagens kommune '{}' har ingen standard her (kendte: {}); {})\n", k, fmt::join(known, ", "),
                           standard_ ? "den vurderes efter " + kommune_ : std::string("vælg en med :kommune ID"));
    const std::string from = standard_ ? kommune_ : "";
    if (!switch_to(k, version_dato_)) return ""; // switch_to said why, and what it keeps
    return from.empty() ? fmt::format("(sagen hører til {}: standarden er {})\n", k, k)
                        : fmt::format("(sagen hører til {}: standarden er skiftet fra {} til {})\n", k, from, k);
}

// Every name on the path must be a field of the case: the views know them, and say the
// closest one when a name is misspelt. A list index that is not there yet ends the check.
void Session::check_path(const std::string& sti) {
    const auto led = sti_led(sti);
    auto walk = [&](lua_State* L) {
        luaL_checkstack(L, 4, nullptr);
        lua_rawgeti(L, LUA_REGISTRYINDEX, env_ref_);
        lua_getfield(L, -1, "sag");
        for (const Led& l : led) {
            if (lua_type(L, -1) != LUA_TUSERDATA) return; // a value or nothing: from_json judges the rest
            if (l.indeks) lua_geti(L, -1, lua_Integer(*l.indeks) + 1);
            else lua_getfield(L, -1, l.navn.c_str());
            lua_remove(L, -2);
        }
    };
    run_protected(state(), walk);
}

namespace {

// A value of the field's kind for the example in a message: a date for a date, a number
// for a number (a score, an age), else yes/no.
std::string eksempel_vaerdi(const Json& sag, std::string_view sti) {
    const auto datoer = date_path_names();
    if (std::find(datoer.begin(), datoer.end(), sti) != datoer.end()) return "2026-03-01";
    const Json* nu = vaerdi_ved(sag, sti);
    if ((nu && nu->is_number()) || sti.starts_with("vum.temaer.") || sti == "borger.alder") return "3";
    if (nu && nu->is_string()) return nu->get<std::string>();
    return "false";
}

// The age is computed from the birth date when the case has one, so an age set by hand
// would change nothing: the birth date goes, and the line says so. Removing the age leaves
// the birth date, and the line says the age still comes from it. A birth date set by hand
// takes the place of an age the case had, and the line says that too.
std::string alder_og_foedselsdato(Json& changed, std::string_view sti, bool sat) {
    if (sti == "borger.foedselsdato") {
        const Json* a = vaerdi_ved(changed, "borger.alder");
        if (!sat || !a || a->is_null()) return "";
        const std::string alder = shown(a);
        changed = med_aendring(std::move(changed), "borger.alder", std::nullopt);
        return fmt::format("; borger.alder {} er fjernet (alderen regnes nu fra fødselsdatoen)", alder);
    }
    if (sti != "borger.alder") return "";
    const Json* f = vaerdi_ved(changed, "borger.foedselsdato");
    if (!f || f->is_null()) return "";
    const std::string foedt = shown(f);
    if (!sat) return fmt::format(" (alderen regnes stadig fra borger.foedselsdato {}; :saet borger.foedselsdato ukendt "
                                 "fjerner den)", foedt);
    changed = med_aendring(std::move(changed), "borger.foedselsdato", std::nullopt);
    return fmt::format("; borger.foedselsdato {} er fjernet (alderen blev ellers regnet fra den)", foedt);
}

} // namespace

void Session::set_fact(const std::string& arg) {
    if (!sag_) return say(fmt::format("fejl: {}\n", intern::kIngenSag));
    const auto space = arg.find_first_of(" \t");
    const std::string sti = arg.substr(0, space);
    const std::string tekst = space == std::string::npos ? "" : intern::trim(arg.substr(space));
    if (tekst.empty())
        return say(fmt::format("fejl: værdien mangler, f.eks. :saet {} {} (ukendt fjerner oplysningen)\n", sti,
                               eksempel_vaerdi(sag_json_, sti)));
    std::unique_ptr<Sag> next;
    Json changed;
    std::string ogsaa; // what else changed, or why the change does not show
    try {
        check_path(sti);
        const auto vaerdi = vaerdi_af(tekst);
        changed = med_aendring(sag_json_, sti, vaerdi);
        ogsaa = alder_og_foedselsdato(changed, sti, vaerdi.has_value());
        next = std::make_unique<Sag>(Sag::from_json(changed.dump())); // checked as a case file is
    } catch (const ScriptError& e) {
        return say(fmt::format("fejl: {}; sagen er ikke ændret\n", e.message()));
    } catch (const InputError& e) {
        return say(fmt::format("fejl: {}; sagen er ikke ændret\n", e.what()));
    }
    if (!bind_globals(next.get(), dato_)) return say("(sagen er ikke ændret)\n");
    const std::string change =
        fmt::format("{}: {} → {}{}", sti, shown(vaerdi_ved(sag_json_, sti)), shown(vaerdi_ved(changed, sti)), ogsaa);
    sag_ = std::move(next);
    sag_json_ = std::move(changed);
    last_.reset();
    siden_.push_back(change);
    say(change + "\n");
}

void Session::reset_case() {
    if (!sag_) return say(fmt::format("fejl: {}\n", intern::kIngenSag));
    Json json = Json::parse(sag_tekst_, nullptr, false);
    if (json == sag_json_) return say("(sagen er allerede som indlæst)\n");
    auto next = std::make_unique<Sag>(Sag::from_json(sag_tekst_)); // read once already: cannot fail
    if (!bind_globals(next.get(), dato_)) return say("(sagen er ikke nulstillet)\n");
    sag_ = std::move(next);
    sag_json_ = std::move(json);
    last_.reset();
    siden_.push_back(":nulstil");
    say(fmt::format("sagen er som indlæst fra {} igen\n", sag_kilde_));
}

// Evaluates `expr` as the prompt does and leaves its value on the stack; false (said why)
// when it did not evaluate.
bool Session::evaluate(const std::string& expr) {
    lua::State& st = state();
    lua_State* L = st;
    const int top = lua_gettop(L);
    const auto budget = st.limits().time;
    st.set_time_budget(prompt_budget_);
    struct Restore {
        lua::State& st;
        std::chrono::milliseconds budget;
        ~Restore() { st.set_time_budget(budget); }
    } restore{st, budget};
    try {
        st.load("return " + expr, "=stdin");
        lua_rawgeti(L, LUA_REGISTRYINDEX, env_ref_);
        if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
        st.call(0, 1);
    } catch (const ScriptError& e) {
        lua_settop(L, top);
        report(e);
        return false;
    }
    return true;
}

// med(basis, aendringer) of the test files, which also takes the case view (or a part of
// it) as its basis: the view becomes the table it reads as. Upvalues: the test files' med,
// the session.
int Session::l_med(lua_State* L) {
    auto& s = *static_cast<Session*>(lua_touserdata(L, lua_upvalueindex(2)));
    if (lua_type(L, 1) == LUA_TUSERDATA && !bind::to_dato(L, 1)) {
        const Json basis = lua_til_json(L, 1, s.sag_ ? &s.sag_json_ : nullptr);
        json_til_lua(L, basis);
        lua_replace(L, 1);
    }
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

bool Session::assess_quietly() {
    if (!standard_) return say(no_standard()), false;
    if (!sag_) return say(fmt::format("fejl: {}\n", intern::kIngenSag)), false;
    try {
        last_ = standard_->vurder(*sag_, dato_, standard_dato());
    } catch (const ScriptError& e) {
        report(e);
        return false;
    }
    return true;
}

void Session::assess(const std::string& expr) {
    if (!standard_) return say(no_standard());
    if (!expr.empty()) return assess_other(expr);
    if (!assess_quietly()) return;
    // The prompt's standard may have been changed after the case was loaded (:kommune): the
    // command line refuses that (kommune_forskellig); here it is said above the assessment,
    // so it is not pasted into the case's journal as the case's own.
    if (sag_->kommune && *sag_->kommune != kommune_)
        say(fmt::format("Bemærk: sagen hører til {}, men er vurderet efter standarden for {}; det er ikke sagens egen "
                        "vurdering (:kommune {} skifter tilbage)\n\n",
                        *sag_->kommune, kommune_, *sag_->kommune));
    say(last_->tekst());
    Json now = Json::parse(last_->json());
    if (forrige_ && !siden_.empty()) {
        say(fmt::format("\nSiden forrige vurdering ({}):\n", fmt::join(siden_, "; ")));
        const auto lines = vurdering_forskel(*forrige_, now);
        if (lines.empty()) say("  vurderingen er den samme\n");
        for (const auto& l : lines) say("  " + l + "\n");
    }
    forrige_ = std::move(now);
    siden_.clear();
}

// :vurder UDTRYK: a case of its own (med(sag, {...}), a table), assessed beside the loaded
// one, which stays as it is; the difference to the loaded case's assessment follows.
void Session::assess_other(const std::string& expr) {
    if (!evaluate(expr)) return;
    Json case_json;
    auto convert = [&](lua_State* L) { case_json = lua_til_json(L, 1, sag_ ? &sag_json_ : nullptr); };
    try {
        run_protected(state(), convert, 1);
        const Sag other = Sag::from_json(case_json.dump());
        const Vurdering v = standard_->vurder(other, dato_, standard_dato());
        say(v.tekst());
        if (!sag_) return;
        const Vurdering loaded = standard_->vurder(*sag_, dato_, standard_dato());
        const auto lines = vurdering_forskel(Json::parse(loaded.json()), Json::parse(v.json()));
        say(lines.empty() ? std::string("\nSom den indlæste sag (den er ikke ændret).\n")
                          : std::string("\nI forhold til den indlæste sag (den er ikke ændret):\n"));
        for (const auto& l : lines) say("  " + l + "\n");
    } catch (const ScriptError& e) {
        report(e);
    } catch (const InputError& e) {
        say(fmt::format("fejl: {}\n", e.what()));
    }
}

void Session::show_deadlines() {
    if (!last_ && !assess_quietly()) return;
    if (last_->frister.empty()) return say("ingen frister for sagen\n");
    for (const auto& f : last_->frister)
        say(fmt::format("  {:<22} {:<34} {:<12} {}\n", f.regel->id, f.dato.lang(), status_navn(f.status), f.regel->kilde));
}

void Session::show_json(const std::string& expr) {
    if (!evaluate(expr)) return;
    std::string text;
    auto convert = [&](lua_State* L) { text = pretty_json(lua_til_json(L, 1, sag_ ? &sag_json_ : nullptr)); };
    try {
        run_protected(state(), convert, 1);
    } catch (const ScriptError& e) {
        return report(e);
    }
    say(text);
}

void Session::list_cases(const std::string& text) {
    SagsListe l;
    try {
        l = sager_i_databasen(db_path(), text, kListeHoejst);
    } catch (const std::exception& e) {
        return say(fmt::format("fejl: {}\n", e.what()));
    }
    const std::string med = text.empty() ? "" : fmt::format(" med '{}' i id'et", text);
    if (l.i_alt == 0) return say(fmt::format("ingen sager{} i {}\n", med, db_path()));
    say(fmt::format("{} sag{}{} i {}:\n", l.i_alt, l.i_alt == 1 ? "" : "er", med, db_path()));
    for (const auto& [id, kommune] : l.sager) say(fmt::format("  {:<28} {}\n", id, kommune));
    if (l.i_alt > std::int64_t(l.sager.size()))
        say(fmt::format("  … og {} flere; skriv :sager TEKST for at vise færre\n", l.i_alt - std::int64_t(l.sager.size())));
}

} // namespace kvalitet::repl
