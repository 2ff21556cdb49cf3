#include "session.hpp"

#include <fmt/format.h>
#include <lauxlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "harness/koersel.hpp"
#include "lua/error.hpp"
#include "sandbox.hpp"
#include "store/case_store.hpp"

namespace kvalitet::repl {

namespace {

constexpr const char* kHjaelp = R"(Skriv Lua: et udtryk viser sin værdi (sag.borger.alder, dato + uger(4)), en sætning
udføres (x = 3). Et ufærdigt udtryk fortsætter på næste linje; Ctrl-C afbryder, Ctrl-D afslutter.

  :kommune ID        skift kvalitetsstandard (kommuner: {})
  :sag FIL|ID        indlæs en sag som `sag` (JSON-fil, eller id i sagsdatabasen)
  :vurder            vurder sagen efter standarden på datoen
  :spor              vis sporet af den seneste vurdering: hver regel og dens resultat
  :frister           vis sagens frister med dato, ugedag og status
  :dato ÅÅÅÅ-MM-DD   sæt vurderingsdatoen (nu {})
  :genindlaes        indlæs standarden igen efter en rettelse (den gamle beholdes ved fejl)
  :regler            vis standardens regler med kilde
  :hjaelp            denne tekst
  :afslut            afslut
)";

constexpr const char* kMeta[] = {":kommune", ":sag", ":vurder", ":spor", ":frister", ":dato",
                                 ":genindlaes", ":regler", ":hjaelp", ":afslut"};

std::string trim(std::string s) {
    const auto a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return {};
    const auto b = s.find_last_not_of(" \t\r\n");
    return s.substr(a, b - a + 1);
}

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

constexpr int kNoRef = LUA_NOREF;
// Lua memory the session holds back from the user's code (see Session::hold_reserve).
constexpr std::size_t kReserve = 1u << 20;

// What a kept case view says once the session has bound a new case or date.
constexpr std::string_view kSkiftet =
    "sagen eller vurderingsdatoen er skiftet, siden denne del af sagen blev hentet; hent den igen fra sag "
    "(f.eks. b = sag.borger)";

template <class F>
int trampoline(lua_State* L) {
    F& f = *static_cast<F*>(lua_touserdata(L, 1));
    lua_remove(L, 1);
    std::string error;
    try {
        f(L);
        return 0;
    } catch (const std::exception& e) { // a Lua error is no std::exception: it passes on
        error = e.what();
    }
    lua_pushlstring(L, error.data(), error.size());
    return lua_error(L);
}

// Runs f(L) inside a protected call (State::call: message handler, time budget), with the
// `nargs` values on top of the stack as its arguments 1..nargs; they are consumed. Outside
// a protected call a Lua error is a panic, and any API call that allocates can raise one
// once memory is at the cap: here it becomes a ScriptError instead.
template <class F>
void run_protected(lua::State& st, F& f, int nargs = 0) {
    lua_State* L = st;
    if (!lua_checkstack(L, 2)) {
        lua_pop(L, nargs);
        throw ScriptError(ScriptError::Kind::Memory, "ikke plads på Lua-stakken");
    }
    lua_pushcfunction(L, trampoline<F>);
    lua_insert(L, -nargs - 1);
    lua_pushlightuserdata(L, &f);
    lua_insert(L, -nargs - 1);
    st.call(nargs + 1, 0);
}

int open_bare(lua_State* L) {
    bind::open_domain(L);
    return 0;
}

void stop_hook(lua_State* L, lua_Debug*) {
    lua_sethook(L, nullptr, 0, 0);
    luaL_error(L, "afbrudt (Ctrl-C)");
}

void pretty(lua_State* L, int idx, std::string& out, int depth, Dato dato);

// Inside a protected call only: __tostring and Frist:status run here.
void pretty_table(lua_State* L, int idx, std::string& out, int depth, Dato dato) {
    luaL_checkstack(L, 4, "for dybt indlejret");
    if (depth >= 4) {
        out += "{…}";
        return;
    }
    struct Entry { bool number; double n; std::string s; };
    std::vector<Entry> order;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TNUMBER) order.push_back({true, lua_tonumber(L, -1), {}});
        else if (lua_type(L, -1) == LUA_TSTRING) order.push_back({false, 0, lua_tostring(L, -1)});
        if (order.size() > 200) {
            lua_pop(L, 1); // the key lua_next would have taken
            break;
        }
    }
    if (order.empty()) {
        out += "{}";
        return;
    }
    std::sort(order.begin(), order.end(), [](const Entry& a, const Entry& b) {
        if (a.number != b.number) return a.number;
        return a.number ? a.n < b.n : a.s < b.s;
    });
    const std::string pad(std::size_t(2 * (depth + 1)), ' ');
    out += "{\n";
    for (const auto& e : order) {
        out += pad;
        if (e.number) {
            if (e.n == double(lua_Integer(e.n))) {
                lua_pushinteger(L, lua_Integer(e.n));
                out += fmt::format("[{}] = ", lua_Integer(e.n));
            } else {
                lua_pushnumber(L, e.n);
                out += fmt::format("[{}] = ", e.n);
            }
        } else {
            lua_pushstring(L, e.s.c_str());
            out += e.s + " = ";
        }
        lua_rawget(L, idx); // the entries lua_next listed, without metamethods
        pretty(L, lua_gettop(L), out, depth + 1, dato);
        lua_pop(L, 1);
        out += ",\n";
    }
    out += std::string(std::size_t(2 * depth), ' ') + "}";
}

void pretty(lua_State* L, int idx, std::string& out, int depth, Dato dato) {
    idx = lua_absindex(L, idx);
    luaL_checkstack(L, 4, "for dybt indlejret");
    switch (lua_type(L, idx)) {
    case LUA_TSTRING: out += fmt::format("\"{}\"", lua_tostring(L, idx)); return;
    case LUA_TTABLE: pretty_table(L, idx, out, depth, dato); return;
    case LUA_TFUNCTION: out += "<funktion>"; return;
    case LUA_TUSERDATA:
        if (Dato* d = bind::to_dato(L, idx)) {
            out += d->lang();
            return;
        }
        break;
    default: break;
    }
    const std::string text = luaL_tolstring(L, idx, nullptr);
    lua_pop(L, 1);
    out += text;
    // A Frist also shows its status on the session's date.
    if (lua_type(L, idx) == LUA_TUSERDATA && text.rfind("frist ", 0) == 0) {
        if (lua_getfield(L, idx, "status") == LUA_TFUNCTION) {
            lua_pushvalue(L, idx);
            bind::push_dato(L, dato);
            lua_call(L, 2, 1);
            if (const char* status = lua_tostring(L, -1)) out += fmt::format(" — {}", status);
        }
        lua_pop(L, 1);
    }
}

} // namespace

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

void Session::report(const ScriptError& e) {
    if (e.kind() != ScriptError::Kind::Memory) return say(fmt::format("fejl: {}\n", e.what()));
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
        if (env_ref_ == kNoRef) {
            sandbox::push_env(L, sandbox::Env::Repl);
            env_ref_ = luaL_ref(L, LUA_REGISTRYINDEX);
        }
        lua_rawgeti(L, LUA_REGISTRYINDEX, env_ref_);
        bind::push_dato(L, dato); // both values first: setting them then cannot fail halfway
        if (sag) bind::push_sag(L, ctx);
        else lua_pushnil(L);
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

bool Session::switch_to(const std::string& kommune) {
    std::unique_ptr<Standard> s;
    try {
        s = Standard::load(sources_, kommune, limits_);
    } catch (const std::exception& e) {
        say(fmt::format("fejl: {}\n", e.what()));
        if (standard_) say(fmt::format("(beholder {})\n", kommune_));
        return false;
    }
    // The old state goes, and every view into the old contexts with it.
    standard_ = std::move(s);
    bare_.reset();
    contexts_.clear();
    kommune_ = kommune;
    env_ref_ = reserve_ref_ = kNoRef;
    last_.reset();
    bind_globals(sag_.get(), dato_);
    hold_reserve();
    return true;
}

void Session::load_case(const std::string& arg) {
    std::optional<std::string> text;
    std::string where = arg;
    try {
        text = read_file(arg);
    } catch (const InputError& e) {
        return say(fmt::format("fejl: {}\n", e.what()));
    }
    if (!text) {
        const std::string db = db_.empty() ? CaseStore::default_path() : db_;
        if (std::filesystem::exists(db)) {
            CaseStore store(db, CaseStore::Access::ReadOnly); // looking a case up writes nothing
            SQLite::Statement st(store.db(), "SELECT sag FROM sager WHERE id = ?");
            st.bind(1, arg);
            if (st.executeStep()) text = st.getColumn(0).getString(), where = db + ": " + arg;
        }
    }
    if (!text) {
        say(fmt::format("fejl: '{}' er hverken en fil eller en sag i sagsdatabasen\n", arg));
        return;
    }
    std::unique_ptr<Sag> next;
    try {
        next = std::make_unique<Sag>(Sag::from_json(*text));
    } catch (const InputError& e) {
        say(fmt::format("fejl: {}: {}\n", where, e.what()));
        return;
    }
    if (!bind_globals(next.get(), dato_)) return say("(sagen blev ikke indlæst)\n");
    sag_ = std::move(next); // the contexts that read the old case were retired by bind_globals
    last_.reset();
    say(fmt::format("sag '{}' indlæst fra {}\n", sag_->id, where));
}

void Session::assess() {
    if (!standard_) return say("fejl: vælg først en kommune med :kommune ID\n");
    if (!sag_) return say("fejl: indlæs først en sag med :sag FIL\n");
    try {
        last_ = standard_->vurder(*sag_, dato_);
        say(last_->tekst());
    } catch (const ScriptError& e) {
        report(e);
    }
}

void Session::meta(const std::string& line) {
    std::istringstream in(line);
    std::string cmd, arg;
    in >> cmd;
    std::getline(in, arg);
    arg = trim(arg);
    auto need = [&](const char* what) {
        if (arg.empty()) say(fmt::format("fejl: {} mangler, f.eks. {}\n", what, cmd == ":dato" ? ":dato 2026-11-22" : cmd + " ..."));
        return !arg.empty();
    };
    if (cmd == ":hjaelp" || cmd == ":hjælp") {
        say(fmt::format(kHjaelp, fmt::join(kommuner(sources_), ", "), dato_.iso()));
    } else if (cmd == ":kommune") {
        if (need("kommunens id")) switch_to(arg);
    } else if (cmd == ":sag") {
        if (need("en fil eller et sags-id")) load_case(arg);
    } else if (cmd == ":vurder") {
        assess();
    } else if (cmd == ":spor") {
        if (!last_) return say("fejl: ingen vurdering endnu; skriv :vurder\n");
        say(harness::spor_tekst(*last_));
    } else if (cmd == ":frister") {
        if (!last_) assess();
        if (!last_) return;
        if (last_->frister.empty()) say("ingen frister for sagen\n");
        for (const auto& f : last_->frister)
            say(fmt::format("  {:<22} {:<34} {:<12} {}\n", f.regel->id, f.dato.lang(), status_navn(f.status), f.regel->kilde));
    } else if (cmd == ":dato") {
        if (!need("datoen")) return;
        auto d = Dato::parse(arg);
        if (!d) return say(fmt::format("fejl: '{}' er ikke en dato (ÅÅÅÅ-MM-DD)\n", arg));
        if (!d->i_omraadet())
            return say(fmt::format("fejl: vurderingsdatoen skal ligge mellem {} og {}\n", Dato::foerste().iso(),
                                   Dato::sidste().iso()));
        if (!bind_globals(sag_.get(), *d)) return say(fmt::format("(vurderingsdatoen er stadig {})\n", dato_.iso()));
        dato_ = *d;
        last_.reset();
        say(fmt::format("vurderingsdato: {}\n", dato_.lang()));
    } else if (cmd == ":genindlaes" || cmd == ":genindlæs") {
        if (!standard_) return say("fejl: ingen standard at genindlæse; brug :kommune ID\n");
        if (switch_to(kommune_)) say(fmt::format("{} genindlæst ({})\n", kommune_, standard_->info().sha256.substr(0, 12)));
    } else if (cmd == ":regler") {
        if (!standard_) return say("fejl: vælg først en kommune med :kommune ID\n");
        for (const Rule& r : standard_->rules())
            say(fmt::format("  {:<11} {:<40} {}{}\n", art_navn(r.art), r.regel->id, r.regel->kilde,
                            r.regel->kommunal ? "" : "  (national)"));
    } else {
        say(fmt::format("fejl: ukendt kommando '{}'; skriv :hjaelp\n", cmd));
    }
}

// Prints the n values on top of the stack (and pops them), one line each, protected: a
// value's __tostring may raise, and Frist:status runs.
void Session::print_values(int n) {
    auto print = [&](lua_State* L) {
        for (int i = 1; i <= n; ++i) {
            std::string out;
            pretty(L, i, out, 0, dato_);
            out += '\n';
            say(out);
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
        if (e.kind() == ScriptError::Kind::Syntax && e.message().find("<eof>") != std::string::npos) {
            pending_ = code; // incomplete: read on
            return;
        }
        pending_.clear();
        report(e);
        return;
    }
    pending_.clear();
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

std::vector<std::string> Session::complete(const std::string& before, const std::string& word) {
    std::vector<std::string> out;
    auto add = [&](std::string_view c) {
        if (c.substr(0, word.size()) == word) out.emplace_back(c);
    };
    const std::string b = trim(before);
    if (b.empty() && !word.empty() && word[0] == ':') {
        for (auto* m : kMeta) add(m);
        return out;
    }
    if (b == ":kommune") {
        for (const auto& k : kommuner(sources_)) add(k);
        return out;
    }
    if (b.empty() || b.back() != '.') {
        // sag.<field>: the case's top-level fields
        if (auto dot = word.rfind('.'); dot != std::string::npos && word.substr(0, dot) == "sag") {
            static constexpr std::string_view felter[] = {"id", "kommune", "borger", "ansoegning", "vum", "forhold",
                "ydelser", "ansoegte_aktiviteter", "bevilling", "opfoelgninger", "leverancer", "afbud", "klage",
                "arbejdspladsvurdering", "indsatsplan"};
            for (auto f : felter) add("sag." + std::string(f));
            return out;
        }
    }
    // globals: the session's own and everything in the base environment (protected: the
    // walk reads metatables, and with memory at the cap even a push can raise)
    auto walk = [&](lua_State* L) {
        luaL_checkstack(L, 6, nullptr);
        lua_rawgeti(L, LUA_REGISTRYINDEX, env_ref_);
        for (int level = 0; level < 2 && lua_istable(L, -1); ++level) {
            lua_pushnil(L);
            while (lua_next(L, -2)) {
                if (lua_type(L, -2) == LUA_TSTRING) add(lua_tostring(L, -2));
                lua_pop(L, 1);
            }
            if (!lua_getmetatable(L, -1)) break;
            lua_getfield(L, -1, "__index");
            lua_remove(L, -2);
            lua_remove(L, -2);
        }
    };
    try {
        run_protected(state(), walk);
    } catch (const ScriptError&) {
        // no candidates from Lua, then; completion must never disturb the line
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace kvalitet::repl
