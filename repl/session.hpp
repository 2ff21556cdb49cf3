#pragma once
// A REPL session: Lua lines and meta-commands (":vurder") in, text out. No terminal here,
// so tests drive it through a pipe; terminal.cpp adds line editing on top.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bind/bind.hpp"
#include "domain/sag.hpp"
#include "engine/standard.hpp"

namespace kvalitet::repl {

class Session {
public:
    using Out = std::function<void(std::string_view)>;
    Session(const Sources& sources, const std::string& kommune, Dato dato, std::string db, Out out);
    ~Session();

    // One input line. Returns false when the session should end (:afslut).
    bool feed(const std::string& line);
    // True while a Lua statement is incomplete and the next line continues it.
    bool continuing() const { return !pending_.empty(); }
    void cancel_input() { pending_.clear(); }
    std::string prompt() const;

    // Candidates for tab completion of `word`, given the line before it.
    std::vector<std::string> complete(const std::string& before, const std::string& word);
    // Asks a running evaluation to stop (from a signal handler: only sets a hook).
    void interrupt();

private:
    void meta(const std::string& line);
    void lua_input(const std::string& line);
    bool switch_to(const std::string& kommune);
    void bind_globals();
    void load_case(const std::string& arg);
    void assess();
    void print_value(int index);
    void say(std::string_view s) { out_(s); }

    const Sources& sources_;
    std::string kommune_;
    Dato dato_;
    std::string db_;
    Out out_;
    std::unique_ptr<Standard> standard_;
    std::unique_ptr<lua::State> bare_; // a state with no standard, before :kommune
    int env_ref_ = -2;                 // LUA_NOREF: the session's globals table in the registry
    std::optional<Sag> sag_;
    std::unique_ptr<bind::CaseContext> ctx_;
    std::optional<Vurdering> last_;
    std::string pending_;
};

} // namespace kvalitet::repl
