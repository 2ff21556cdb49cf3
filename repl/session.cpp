#include "session.hpp"

#include <fmt/format.h>
#include <lauxlib.h>

#include <algorithm>
#include <sstream>

#include "beskyttet.hpp"
#include "domain/mente_du.hpp"
#include "domain/tekst.hpp"
#include "harness/koersel.hpp"
#include "workbench/dato_lighed.hpp"
#include "harness/testfil.hpp"
#include "lua/error.hpp"
#include "engine/versioner.hpp"
#include "sandbox.hpp"
#include "session_intern.hpp"
#include "vis.hpp"

namespace kvalitet::repl {

namespace {

constexpr const char* kHjaelp = R"(Skriv Lua: et udtryk viser sin værdi (sag.borger.alder, dato + uger(4)), en sætning
udføres (x = 3). Et ufærdigt udtryk fortsætter på næste linje; Ctrl-C afbryder, Ctrl-D afslutter.
Tab fuldfører navne, felter (sag.forhold.), filer og sags-id'er efter :sag og kommuner efter :kommune.

  :kommune ID [DATO]   skift kvalitetsstandard (kommuner: {}): den version, der gælder på
                       DATO, ellers på vurderingsdatoen (og den følger så :dato); :kommune alene
                       siger, hvilken version der er indlæst
  :sag FIL|ID          indlæs en sag som `sag` (JSON-fil, eller id i sagsdatabasen); sagens kommune
                       vælger standarden
  :sager [TEKST]       vis sags-id'erne i sagsdatabasen (dem, der indeholder TEKST)
  :saet STI VÆRDI      ændr en oplysning i sagen, f.eks. :saet forhold.motiveret false,
                       :saet vum.temaer.sundhed 3, :saet bevilling.start 2026-03-01; ja og nej er
                       true og false; VÆRDI ukendt fjerner den; lister tælles fra 0 (ydelser[0].paragraf)
  :nulstil             sagen som indlæst igen
  :vurder [UDTRYK]     vurder sagen (eller UDTRYK, f.eks. med(sag, {{ forhold = {{ motiveret = false }} }}))
                       efter standarden på datoen; efter en ændring: hvad den ændrede
  :spor                vis sporet af den seneste vurdering: hver regel og dens resultat
  :frister             vis kun sagens frister med dato, ugedag og status
  :json UDTRYK         vis en værdi som JSON (f.eks. :json sag.forhold)
  :dato ÅÅÅÅ-MM-DD     sæt vurderingsdatoen (nu {})
  :genindlaes          indlæs standarden igen efter en rettelse (den gamle beholdes ved fejl)
  :regler              vis standardens regler med kilde
  :parametre [NAVN]    vis standardens parametre med værdi, enhed og kilde (P.navn i scriptet),
                       eller dem, hvis navn indeholder NAVN
  :hjaelp              denne tekst
  :afslut              afslut

med(sag, ændringer) giver en kopi af sagen med ændringerne flettet ind, og ukendt fjerner et felt,
som i testfilerne.
)";

constexpr const char* kMeta[] = {":kommune", ":sag", ":sager", ":saet", ":nulstil", ":vurder", ":spor", ":frister",
                                 ":json", ":dato", ":genindlaes", ":regler", ":parametre", ":hjaelp", ":afslut"};

using intern::trim;

constexpr int kNoRef = LUA_NOREF;
// Lua memory the session holds back from the user's code (see Session::hold_reserve).
constexpr std::size_t kReserve = 1u << 20;

// What a kept case view says once the session has bound a new case or date.
constexpr std::string_view kSkiftet =
    "sagen eller vurderingsdatoen er skiftet, siden denne del af sagen blev hentet; hent den igen fra sag "
    "(f.eks. b = sag.borger)";

int open_bare(lua_State* L) {
    bind::open_domain(L);
    return 0;
}

void stop_hook(lua_State* L, lua_Debug*) {
    lua_sethook(L, nullptr, 0, 0);
    luaL_error(L, "afbrudt (Ctrl-C)");
}

// `sag` before a case is loaded: any use of it says how to load one, instead of the
// sandbox's "ukendt navn 'sag'".
int no_case(lua_State* L) {
    lua_pushlstring(L, intern::kIngenSag.data(), intern::kIngenSag.size());
    return lua_error(L);
}

void push_no_case(lua_State* L) {
    lua_newuserdatauv(L, 0, 0);
    if (luaL_newmetatable(L, "repl.ingen_sag")) {
        for (const char* event : {"__index", "__newindex", "__tostring", "__len", "__call", "__pairs", "__concat"}) {
            lua_pushcfunction(L, no_case);
            lua_setfield(L, -2, event);
        }
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
}

} // namespace

std::span<const char* const> intern::meta_commands() { return kMeta; }

Session::Session(const Sources& sources, const std::string& kommune, Dato dato, std::string db, Out out,
                 lua::Limits limits, std::chrono::milliseconds prompt_budget)
    : sources_(sources), dato_(dato), db_(std::move(db)), out_(std::move(out)), limits_(limits),
      prompt_budget_(prompt_budget) {
    if (kommune.empty() || !switch_to(kommune)) {
        bare_ = std::make_unique<lua::State>(limits_);
        sandbox::open(*bare_, sources_);
        lua_pushcfunction(*bare_, open_bare);
        bare_->call(0, 0);
        bind_globals(nullptr, dato_);
        hold_reserve();
    }
}

Session::~Session() = default;

std::string Session::prompt() const {
    if (continuing()) return ">> ";
    return (standard_ ? kommune_ : std::string("kvalitet")) + "> ";
}

lua::State& Session::state() { return standard_ ? standard_->state() : *bare_; }

// "stdin:1: " before a message about the line just typed tells a caseworker nothing.
static std::string_view without_prompt_place(std::string_view message) {
    constexpr std::string_view prefix = "stdin:1: ";
    return message.starts_with(prefix) ? message.substr(prefix.size()) : message;
}

void Session::report(const ScriptError& e) {
    if (e.kind() != ScriptError::Kind::Memory) return say(fmt::format("fejl: {}\n", without_prompt_place(e.what())));
    release_reserve();
    say(fmt::format("fejl: {}; hukommelsen er brugt op, men sessionen kører videre: slip store værdier "
                    "(f.eks. t = nil) for at få plads\n",
                    e.what()));
}

// Headroom for the session itself: a block of Lua memory held while the user's code runs,
// let go when something meets the cap, so that binding a case, printing the error and
// compiling `t = nil` still fit; taken again after a line once there is room.
void Session::hold_reserve() {
    if (reserve_ref_ != kNoRef) return;
    // Only with room for the reserve and as much again for the user; else taking it back
    // would leave no room to type `t = nil` in. Garbage counts as room: collect it first.
    lua::State& st = state();
    auto room = [&st] { return st.memory_used() + 2 * kReserve <= st.limits().memory_bytes; };
    if (!room()) lua_gc(st, LUA_GCCOLLECT);
    if (!room()) return;
    auto take = [this](lua_State* L) {
        lua_newuserdatauv(L, kReserve, 0);
        reserve_ref_ = luaL_ref(L, LUA_REGISTRYINDEX);
    };
    try {
        run_protected(st, take);
    } catch (const ScriptError&) {
        // no room after all: the next line tries again
    }
}

void Session::release_reserve() {
    if (reserve_ref_ == kNoRef) return;
    lua_State* L = state();
    luaL_unref(L, LUA_REGISTRYINDEX, reserve_ref_); // reuses the slot: no allocation
    reserve_ref_ = kNoRef;
    lua_gc(L, LUA_GCCOLLECT);
}

// The session's globals live in one Repl environment per state: `sag` and `dato` are set
// again whenever the state, the case or the date changes. Each binding gets a new case
// context; the earlier ones stay alive (a view the user kept points at one) but stop
// reading, so `b = sag.borger` followed by `:dato ...` makes `b.alder` an error that says
// what to do rather than a read of freed memory. False (said why) when Lua could not.
bool Session::bind_globals(const Sag* sag, Dato dato) {
    lua::State& st = state();
    st.host().print = [this](std::string_view s) { say(std::string(s) + "\n"); };
    contexts_.push_back(std::make_unique<bind::CaseContext>());
    bind::CaseContext& ctx = *contexts_.back();
    ctx.sag = sag;
    ctx.dato = dato;
    auto bind = [&](lua_State* L) {
        luaL_checkstack(L, 4, nullptr);
        if (env_ref_ == kNoRef) open_env(L);
        lua_rawgeti(L, LUA_REGISTRYINDEX, env_ref_);
        bind::push_dato(L, dato); // both values first: setting them then cannot fail halfway
        if (sag) bind::push_sag(L, ctx);
        else push_no_case(L);
        lua_setfield(L, -3, "sag");
        lua_setfield(L, -2, "dato");
    };
    try {
        run_protected(st, bind);
    } catch (const ScriptError& e) {
        ctx.sag = nullptr;
        ctx.gone = kSkiftet;
        report(e);
        return false;
    }
    for (auto& c : contexts_)
        if (c.get() != &ctx && c->sag) {
            c->sag = nullptr;
            c->gone = kSkiftet;
        }
    return true;
}

// A new state's Repl environment, with the test files' med and ukendt beside the base.
void Session::open_env(lua_State* L) {
    sandbox::push_env(L, sandbox::Env::Repl);
    harness::push_ukendt(L);
    lua_setfield(L, -2, "ukendt");
    harness::push_med(lua::State::of(L));
    lua_pushlightuserdata(L, this);
    lua_pushcclosure(L, lua::guarded<l_med>, 2);
    lua_setfield(L, -2, "med");
    env_ref_ = luaL_ref(L, LUA_REGISTRYINDEX);
}

bool Session::switch_to(const std::string& kommune, std::optional<Dato> version_dato) {
    std::unique_ptr<Standard> s;
    std::string version;
    std::size_t antal = 0;
    try {
        const auto alle = versioner(sources_, kommune);
        const Version& v = version_paa(alle, kommune, version_dato.value_or(dato_));
        s = Standard::load_file(sources_, kommune, v.fil, limits_);
        version = fmt::format("{} ({})", v.fil, periode_tekst(alle, std::size_t(&v - alle.data())));
        antal = alle.size();
    } catch (const std::exception& e) {
        say(fmt::format("fejl: {}\n", e.what()));
        if (standard_)
            say(antal_versioner_ > 1 ? fmt::format("(beholder {}, {})\n", kommune_, version_)
                                     : fmt::format("(beholder {})\n", kommune_));
        else
            fejlet_kommune_ = kommune, version_dato_ = version_dato;
        return false;
    }
    // The old state goes, and every view into the old contexts with it.
    standard_ = std::move(s);
    version_dato_ = version_dato;
    version_ = std::move(version);
    antal_versioner_ = antal;
    bare_.reset();
    contexts_.clear();
    kommune_ = kommune;
    fejlet_kommune_.clear(); // after the copy: `kommune` may be this very string
    env_ref_ = reserve_ref_ = kNoRef;
    last_.reset();
    bind_globals(sag_.get(), dato_);
    hold_reserve();
    return true;
}

std::string Session::no_standard() const {
    if (fejlet_kommune_.empty()) return "fejl: vælg først en kommune med :kommune ID\n";
    return fmt::format("fejl: standarden for {} kunne ikke indlæses (fejlen står ovenfor); ret den og skriv "
                       ":genindlaes, eller vælg en anden med :kommune ID\n",
                       fejlet_kommune_);
}

// :kommune ID [DATO]: the version in force on DATO, held there; without DATO the one in
// force on the assessment date. :kommune alone says what is loaded.
void Session::choose_kommune(const std::string& arg) {
    std::istringstream in(arg);
    std::string id, dato, rest;
    in >> id >> dato >> rest;
    if (id.empty()) return say_version();
    if (!rest.empty()) return say("fejl: skriv :kommune ID [DATO], f.eks. :kommune varde 2025-06-01\n");
    std::optional<Dato> paa;
    if (!dato.empty()) {
        paa = Dato::parse(dato);
        if (!paa) return say(fmt::format("fejl: '{}' er ikke en dato (ÅÅÅÅ-MM-DD), f.eks. :kommune {} 2025-06-01\n", printable(dato), printable(id)));
        if (!paa->i_omraadet())
            return say("fejl: " + Dato::uden_for_omraadet(dato) + "\n");
    }
    if (!switch_to(id, paa)) return;
    siden_.push_back("standard: " + kommune_ + (paa ? " pr. " + paa->iso() : ""));
    if (paa || antal_versioner_ > 1) say_version();
    if (sag_ && sag_->kommune && *sag_->kommune != kommune_)
        say(fmt::format("(sagen hører til {}; den vurderes nu efter {})\n", *sag_->kommune, kommune_));
}

void Session::say_version() {
    if (!standard_)
        return say(fmt::format("ingen standard er indlæst; skriv :kommune ID [DATO] (kommuner: {})\n",
                               fmt::join(kommuner(sources_), ", ")));
    say(fmt::format("standard: {}, version {}; sha256 {}\n", kommune_, version_, standard_->info().sha256.substr(0, 12)));
    say(version_dato_ ? fmt::format("(den version, der gælder den {}; :kommune {} uden dato følger vurderingsdatoen)\n",
                                    version_dato_->tekst(), kommune_)
                      : fmt::format("(den version, der gælder på vurderingsdatoen {}; den følger :dato)\n", dato_.tekst()));
}

// After :dato, a version not held to a date of its own follows: the one in force on the
// new date assesses, and the session says when that is another.
void Session::follow_date() {
    if (!standard_ || version_dato_ || antal_versioner_ < 2) return;
    try {
        const auto alle = versioner(sources_, kommune_);
        if (version_paa(alle, kommune_, dato_).fil == standard_->info().fil) return;
    } catch (const std::exception& e) {
        return say(fmt::format("({}; vurderingen bruger stadig {})\n", e.what(), version_));
    }
    if (switch_to(kommune_)) {
        siden_.push_back("standard: " + version_);
        say(fmt::format("(standarden følger datoen: {})\n", version_));
    }
}

void Session::meta(const std::string& line) {
    std::istringstream in(line);
    std::string cmd, arg;
    in >> cmd;
    std::getline(in, arg);
    arg = trim(arg);
    auto need = [&](const char* what, const char* example) {
        if (arg.empty()) say(fmt::format("fejl: {} mangler, f.eks. {}\n", what, example));
        return !arg.empty();
    };
    if (cmd == ":hjaelp" || cmd == ":hjælp") {
        say(fmt::format(kHjaelp, fmt::join(kommuner(sources_), ", "), dato_.iso()));
    } else if (cmd == ":kommune") {
        choose_kommune(arg);
    } else if (cmd == ":sag") {
        if (need("en fil eller et sags-id", ":sag sag.json")) load_case(arg);
    } else if (cmd == ":sager") {
        list_cases(arg);
    } else if (cmd == ":saet" || cmd == ":sæt") {
        if (need("en sti og en værdi", ":saet forhold.motiveret false")) set_fact(arg);
    } else if (cmd == ":nulstil") {
        reset_case();
    } else if (cmd == ":vurder") {
        assess(arg);
    } else if (cmd == ":json") {
        if (need("et udtryk", ":json sag.forhold")) show_json(arg);
    } else if (cmd == ":spor") {
        if (!last_) return say("fejl: ingen vurdering endnu; skriv :vurder\n");
        say(harness::spor_tekst(*last_));
    } else if (cmd == ":frister") {
        show_deadlines();
    } else if (cmd == ":dato") {
        if (arg.empty()) return say(fmt::format("vurderingsdatoen er {} ({}); skift med :dato ÅÅÅÅ-MM-DD\n", dato_.iso(), dato_.lang()));
        auto d = Dato::parse(arg);
        if (!d) return say(fmt::format("fejl: '{}' er ikke en dato (ÅÅÅÅ-MM-DD){}\n", printable(arg), dansk_dato_hint(arg)));
        if (!d->i_omraadet())
            return say(fmt::format("fejl: vurderingsdatoen skal ligge mellem {} og {}\n", Dato::foerste().iso(),
                                   Dato::sidste().iso()));
        if (!bind_globals(sag_.get(), *d)) return say(fmt::format("(vurderingsdatoen er stadig {})\n", dato_.iso()));
        dato_ = *d;
        last_.reset();
        siden_.push_back("vurderingsdato: " + dato_.iso());
        say(fmt::format("vurderingsdato: {}\n", dato_.lang()));
        follow_date();
    } else if (cmd == ":genindlaes" || cmd == ":genindlæs") {
        if (!standard_ && fejlet_kommune_.empty()) return say("fejl: ingen standard at genindlæse; brug :kommune ID\n");
        if (!switch_to(standard_ ? kommune_ : fejlet_kommune_, version_dato_)) return;
        siden_.push_back("standarden genindlæst");
        say(fmt::format("{} genindlæst ({})\n", kommune_, standard_->info().sha256.substr(0, 12)));
    } else if (cmd == ":parametre") {
        if (!standard_) return say(no_standard());
        std::size_t shown = 0;
        for (const Parameter& p : standard_->info().parametre) {
            if (!arg.empty() && p.id.find(arg) == std::string::npos) continue;
            ++shown;
            std::string line = fmt::format("  {:<36} {}", p.id, p.vaerdi);
            if (!p.enhed.empty()) line += " " + p.enhed;
            if (!p.kilde.empty()) line += "  (" + p.kilde + ")";
            if (p.antagelse) line += "  antagelse";
            if (!p.kommunal) line += "  national";
            say(line + "\n");
        }
        if (!shown) say(fmt::format("ingen parameter hedder noget med '{}'\n", printable(arg)));
    } else if (cmd == ":regler") {
        if (!standard_) return say(no_standard());
        for (const Rule& r : standard_->rules())
            say(fmt::format("  {:<11} {:<40} {}{}\n", art_navn(r.art), r.regel->id, r.regel->kilde,
                            r.regel->kommunal ? "" : "  (national)"));
    } else {
        // "hvorfor" is what a caseworker asks; the answer is in two commands
        const std::string hint = cmd == ":hvorfor" || cmd == ":forklar"
                                     ? " — :vurder viser begrundelserne, :spor hver regel med det, den læste"
                                     : mente_du(cmd, std::vector<std::string_view>(std::begin(kMeta), std::end(kMeta)));
        say(fmt::format("fejl: ukendt kommando '{}'{}; skriv :hjaelp\n", printable(cmd), hint));
    }
}

// Prints the n values on top of the stack (and pops them), one line each, protected: a
// value's __tostring may raise, and Frist:status runs.
void Session::print_values(int n) {
    auto print = [&](lua_State* L) {
        for (int i = 1; i <= n; ++i) {
            say(vis(L, i, dato_) + "\n");
        }
    };
    try {
        run_protected(state(), print, n);
    } catch (const ScriptError& e) {
        report(e);
    }
}

void Session::lua_input(const std::string& line) {
    lua::State& st = state();
    lua_State* L = st;
    const std::string code = pending_.empty() ? line : pending_ + "\n" + line;
    if (code.size() > kMaxInput) {
        pending_.clear();
        return say(fmt::format("fejl: udtrykket er længere end {} KiB; det er droppet\n", kMaxInput >> 10));
    }
    auto load = [&](const std::string& src) {
        st.load(src, "=stdin");
        lua_rawgeti(L, LUA_REGISTRYINDEX, env_ref_);
        if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
    };
    const int top = lua_gettop(L);
    try {
        try {
            load("return " + code); // an expression shows its value
        } catch (const ScriptError& e) {
            if (e.kind() == ScriptError::Kind::Memory) throw;
            load(code);
        }
    } catch (const ScriptError& e) {
        // Incomplete only when the input ran out ("… <eof>" at the end, as lua.c asks): a stray
        // 'end' ("<eof> mangler ved 'end'") is an error, or every later line, :afslut too, was
        // taken as more of it.
        std::string_view m = e.message();
        while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.remove_suffix(1);
        if (e.kind() == ScriptError::Kind::Syntax && (m.ends_with("<eof>") || m.ends_with("<eof>)"))) {
            pending_ = code; // incomplete: read on
            return;
        }
        pending_.clear();
        report(e);
        return;
    }
    pending_.clear();
    // `o.dato == "2026-06-01"` answers false without a word; say why before the answer.
    for (const auto& d : workbench::dato_ligheder(workbench::scan_lua(code).tokens))
        say(fmt::format("advarsel: {}; {}\n", d.besked, d.forslag));
    // At the prompt Ctrl-C is the way out of a long loop, so the budget is much larger
    // than an assessment's; it still ends a runaway loop after some seconds.
    const auto budget = st.limits().time;
    st.set_time_budget(prompt_budget_);
    struct Restore {
        lua::State& st;
        std::chrono::milliseconds budget;
        ~Restore() { st.set_time_budget(budget); }
    } restore{st, budget};
    try {
        st.call(0, LUA_MULTRET);
    } catch (const ScriptError& e) {
        report(e);
        lua_settop(L, top);
        return;
    }
    print_values(lua_gettop(L) - top);
    lua_settop(L, top);
}

// Whatever goes wrong in one command is said, and the session reads the next line: an
// unexpected C++ exception (a corrupt case database, an allocation) must not end it.
void Session::dispatch(const std::string& raw) {
    lua_sethook(state(), nullptr, 0, 0); // a Ctrl-C that came between evaluations is spent
    const std::string line = trim(raw);
    try {
        if (pending_.empty()) {
            if (line.empty()) return;
            if (line == ":afslut" || line == ":q") {
                ended_ = true;
                return;
            }
            if (line[0] == ':') return meta(line);
        }
        lua_input(raw);
    } catch (const ScriptError& e) {
        report(e);
    } catch (const std::exception& e) {
        say(fmt::format("fejl: {}\n", e.what()));
    }
}

bool Session::feed(const std::string& raw) {
    dispatch(raw);
    hold_reserve();
    return !ended_;
}

std::string Session::handle_line(std::string_view line) {
    std::string text;
    Out saved = std::exchange(out_, [&text](std::string_view s) { text.append(s); });
    struct Restore {
        Out& out;
        Out& saved;
        ~Restore() { out = std::move(saved); }
    } restore{out_, saved};
    feed(std::string(line));
    return text;
}

void Session::interrupt() {
    lua_sethook(state(), stop_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
}

} // namespace kvalitet::repl
