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

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
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

void pretty_table(lua_State* L, int idx, std::string& out, int depth, Dato dato) {
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
        lua_gettable(L, idx);
        pretty(L, lua_gettop(L), out, depth + 1, dato);
        lua_pop(L, 1);
        out += ",\n";
    }
    out += std::string(std::size_t(2 * depth), ' ') + "}";
}

void pretty(lua_State* L, int idx, std::string& out, int depth, Dato dato) {
    idx = lua_absindex(L, idx);
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

Session::Session(const Sources& sources, const std::string& kommune, Dato dato, std::string db, Out out)
    : sources_(sources), dato_(dato), db_(std::move(db)), out_(std::move(out)) {
    if (kommune.empty() || !switch_to(kommune)) {
        bare_ = std::make_unique<lua::State>();
        sandbox::open(*bare_, sources_);
        lua_pushcfunction(*bare_, open_bare);
        bare_->call(0, 0);
        bind_globals();
    }
}

Session::~Session() = default;

std::string Session::prompt() const {
    if (continuing()) return ">> ";
    return (standard_ ? kommune_ : std::string("kvalitet")) + "> ";
}

lua::State& state_of(std::unique_ptr<Standard>& s, std::unique_ptr<lua::State>& bare) {
    return s ? s->state() : *bare;
}

// The session's globals live in one Repl environment per state: `sag` and `dato` are set
// again whenever the state, the case or the date changes.
void Session::bind_globals() {
    lua::State& st = state_of(standard_, bare_);
    lua_State* L = st;
    st.host().print = [this](std::string_view s) { say(std::string(s) + "\n"); };
    if (env_ref_ == -2) {
        sandbox::push_env(L, sandbox::Env::Repl);
        env_ref_ = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, env_ref_);
    bind::push_dato(L, dato_);
    lua_setfield(L, -2, "dato");
    if (sag_) {
        ctx_ = std::make_unique<bind::CaseContext>();
        ctx_->sag = &*sag_;
        ctx_->dato = dato_;
        bind::push_sag(L, *ctx_);
    } else {
        lua_pushnil(L);
    }
    lua_setfield(L, -2, "sag");
    lua_pop(L, 1);
}

bool Session::switch_to(const std::string& kommune) {
    try {
        auto s = Standard::load(sources_, kommune);
        standard_ = std::move(s);
        bare_.reset();
        kommune_ = kommune;
        env_ref_ = -2;
        last_.reset();
        bind_globals();
        return true;
    } catch (const std::exception& e) {
        say(fmt::format("fejl: {}\n", e.what()));
        if (standard_) say(fmt::format("(beholder {})\n", kommune_));
        return false;
    }
}

void Session::load_case(const std::string& arg) {
    std::optional<std::string> text = read_file(arg);
    std::string where = arg;
    if (!text) {
        const std::string db = db_.empty() ? CaseStore::default_path() : db_;
        if (std::filesystem::exists(db)) {
            CaseStore store(db);
            SQLite::Statement st(store.db(), "SELECT sag FROM sager WHERE id = ?");
            st.bind(1, arg);
            if (st.executeStep()) text = st.getColumn(0).getString(), where = db + ": " + arg;
        }
    }
    if (!text) {
        say(fmt::format("fejl: '{}' er hverken en fil eller en sag i sagsdatabasen\n", arg));
        return;
    }
    try {
        sag_ = Sag::from_json(*text);
    } catch (const InputError& e) {
        say(fmt::format("fejl: {}: {}\n", where, e.what()));
        return;
    }
    last_.reset();
    bind_globals();
    say(fmt::format("sag '{}' indlæst fra {}\n", sag_->id, where));
}

void Session::assess() {
    if (!standard_) return say("fejl: vælg først en kommune med :kommune ID\n");
    if (!sag_) return say("fejl: indlæs først en sag med :sag FIL\n");
    try {
        last_ = standard_->vurder(*sag_, dato_);
        say(last_->tekst());
    } catch (const ScriptError& e) {
        say(fmt::format("fejl: {}\n", e.what()));
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
        dato_ = *d;
        last_.reset();
        bind_globals();
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

void Session::print_value(int index) {
    std::string out;
    pretty(state_of(standard_, bare_), index, out, 0, dato_);
    say(out + "\n");
}

void Session::lua_input(const std::string& line) {
    lua::State& st = state_of(standard_, bare_);
    lua_State* L = st;
    const std::string code = pending_.empty() ? line : pending_ + "\n" + line;
    auto load = [&](const std::string& src) {
        st.load(src, "=stdin");
        lua_rawgeti(L, LUA_REGISTRYINDEX, env_ref_);
        if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
    };
    const int top = lua_gettop(L);
    try {
        try {
            load("return " + code); // an expression shows its value
        } catch (const ScriptError&) {
            load(code);
        }
    } catch (const ScriptError& e) {
        if (e.message().find("<eof>") != std::string::npos) {
            pending_ = code; // incomplete: read on
            return;
        }
        pending_.clear();
        say(fmt::format("fejl: {}\n", e.what()));
        return;
    }
    pending_.clear();
    // At the prompt Ctrl-C is the way out of a long loop, so the budget is much larger
    // than an assessment's; it still ends a runaway loop after some seconds.
    const auto budget = st.limits().time;
    st.set_time_budget(std::chrono::seconds(30));
    struct Restore {
        lua::State& st;
        std::chrono::milliseconds budget;
        ~Restore() { st.set_time_budget(budget); }
    } restore{st, budget};
    try {
        st.call(0, LUA_MULTRET);
        for (int i = top + 1; i <= lua_gettop(L); ++i) print_value(i);
    } catch (const ScriptError& e) {
        say(fmt::format("fejl: {}\n", e.what()));
    }
    lua_settop(L, top);
}

bool Session::feed(const std::string& raw) {
    const std::string line = trim(raw);
    if (pending_.empty()) {
        if (line.empty()) return true;
        if (line == ":afslut" || line == ":q") return false;
        if (line[0] == ':') {
            meta(line);
            return true;
        }
    }
    lua_input(raw);
    return true;
}

void Session::interrupt() {
    lua_sethook(state_of(standard_, bare_), stop_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
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
    // globals: the session's own and everything in the base environment
    lua_State* L = state_of(standard_, bare_);
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
    lua_pop(L, 1);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace kvalitet::repl
