#pragma once
// A REPL session: Lua lines and meta-commands (":vurder") in, text out. No terminal here,
// so tests drive it through a pipe; cmd_repl.cpp adds line editing on top.
//
// Whatever a line holds, the session survives it: every Lua API call made on the user's
// behalf (binding `sag` and `dato`, printing a value, completion) runs inside a protected
// call, so a raising __tostring or memory at the cap becomes a "fejl: ..." line, never an
// abort; and a Lua memory reserve is let go when the user's code meets the cap, so the
// session can still read `t = nil`.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bind/bind.hpp"
#include "domain/sag.hpp"
#include "engine/standard.hpp"
#include "lua_json.hpp"

namespace kvalitet::repl {

class Session {
public:
    using Out = std::function<void(std::string_view)>;
    // `limits` are the Lua state's (an assessment's time budget among them); a line typed
    // at the prompt gets `prompt_budget` instead, since Ctrl-C is the way out there. The
    // fuzz target makes both small.
    Session(const Sources& sources, const std::string& kommune, Dato dato, std::string db, Out out,
            lua::Limits limits = {}, std::chrono::milliseconds prompt_budget = std::chrono::seconds(30));
    ~Session();

    // One input line. Returns false when the session should end (:afslut).
    bool feed(const std::string& line);
    // One input line, and what the session wrote in answer (also what `print` wrote): the
    // entry point for tests and the fuzz target. After :afslut, ended() is true.
    std::string handle_line(std::string_view line);
    bool ended() const { return ended_; }
    // True while a Lua statement is incomplete and the next line continues it.
    bool continuing() const { return !pending_.empty(); }
    void cancel_input() { pending_.clear(); }
    std::string prompt() const;

    // Candidates for tab completion of `word`, given the line before it: meta-commands,
    // Lua names and the fields of tables and case views (sag.forhold.mo), file names and
    // case ids after :sag, municipality ids after :kommune, case paths after :saet.
    std::vector<std::string> complete(const std::string& before, const std::string& word);
    // Whether a completed `word` gets a space after it: not a Lua name, which may go on
    // (sag.forhold, then "."), nor a folder; a command or an id does.
    bool space_after(const std::string& before, const std::string& completed) const;
    // Asks a running evaluation to stop (from a signal handler: only sets a hook).
    void interrupt();

    // An incomplete statement longer than this is dropped with an error.
    static constexpr std::size_t kMaxInput = 1u << 20;
    // A case file larger than this is refused before it is read.
    static constexpr std::uintmax_t kMaxCaseFile = 64u << 20;

private:
    void dispatch(const std::string& line);
    void meta(const std::string& line);
    void lua_input(const std::string& line);
    // Loads the version of `kommune`'s standard in force on `version_dato` (held there),
    // or, when none is given, on the assessment date (and following :dato).
    bool switch_to(const std::string& kommune, std::optional<Dato> version_dato = std::nullopt);
    void choose_kommune(const std::string& arg);
    void say_version();
    void follow_date();
    // The date whose version and dated parameters apply (engine/versioner.hpp).
    Dato standard_dato() const { return version_dato_.value_or(dato_); }
    bool bind_globals(const Sag* sag, Dato dato);
    void open_env(lua_State* L);
    // session_sag.cpp: the case and what is done with it.
    void load_case(const std::string& arg);
    std::string follow_kommune_of(const Sag& next);
    void set_fact(const std::string& arg);
    void check_path(const std::string& sti);
    void reset_case();
    void assess(const std::string& expr);
    void assess_other(const std::string& expr);
    bool assess_quietly();
    void show_deadlines();
    void show_json(const std::string& expr);
    void list_cases(const std::string& text);
    bool evaluate(const std::string& expr);
    std::string db_path() const;
    static int l_med(lua_State* L);
    // session_fuldfoer.cpp
    std::vector<std::string> complete_lua(const std::string& word);
    void print_values(int n);
    void report(const ScriptError& e);
    void hold_reserve();
    void release_reserve();
    lua::State& state();
    void say(std::string_view s) { out_(s); }

    const Sources& sources_;
    std::string kommune_;
    std::string fejlet_kommune_; // chosen, but its standard did not load (and none is loaded)
    // Why there is no standard to work with, and what to do (a say() line).
    std::string no_standard() const;
    Dato dato_;
    std::string db_;
    Out out_;
    lua::Limits limits_;
    std::chrono::milliseconds prompt_budget_;
    // Every case context the current state has seen. A view the user kept (b = sag.borger)
    // points at its context, so a context lives as long as the state; only the last one
    // reads the case, the others refuse with a Danish message.
    std::vector<std::unique_ptr<bind::CaseContext>> contexts_;
    std::unique_ptr<Standard> standard_;
    std::optional<Dato> version_dato_; // :kommune ID DATO: the version held to DATO, not to :dato
    std::string version_;               // the loaded version's file and period, in Danish
    std::size_t antal_versioner_ = 0;   // of the loaded municipality
    std::unique_ptr<lua::State> bare_; // a state with no standard, before :kommune
    int env_ref_ = -2;                 // LUA_NOREF: the session's globals table in the registry
    int reserve_ref_ = -2;             // LUA_NOREF: the memory reserve, when held
    std::unique_ptr<Sag> sag_;         // on the heap: the context points at it
    std::string sag_tekst_, sag_kilde_; // the case as loaded (for :nulstil) and where from
    Json sag_json_;                     // the case as it is now, after any :saet
    std::optional<Vurdering> last_;
    // The previous :vurder of this case, and what was changed since (:saet, :dato, …):
    // the next :vurder says what that did to the assessment.
    std::optional<Json> forrige_;
    std::vector<std::string> siden_;
    std::string pending_;
    bool ended_ = false;
};

} // namespace kvalitet::repl
