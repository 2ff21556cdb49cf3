// kvalitet repl: the session on a terminal (libedit: history, Ctrl-R, tab completion) or,
// when standard input is not a terminal, the same input without prompts or line editing.
#include <editline/readline.h>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <unistd.h>

#include "cli.hpp"
#include "engine/standard.hpp"
#include "lua/error.hpp"
#include "session.hpp"

namespace kvalitet::cli {

namespace {

struct ReplOptions {
    std::string kommune, dato, db;
};

repl::Session* g_session = nullptr;
std::atomic<bool> g_evaluating{false};
std::atomic<bool> g_prompt_interrupted{false};

extern "C" void on_interrupt(int) {
    if (g_evaluating && g_session) g_session->interrupt();
    else g_prompt_interrupted = true;
}

std::filesystem::path history_file() {
    namespace fs = std::filesystem;
    fs::path dir;
    if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x) dir = fs::path(x) / "kvalitet";
    else if (const char* h = std::getenv("HOME"); h && *h) dir = fs::path(h) / ".local" / "state" / "kvalitet";
    else return {};
    std::error_code ec;
    fs::create_directories(dir, ec);
    return dir / "history";
}

// libedit's completion callbacks are plain C: the session is reached through g_session.
std::vector<std::string> g_matches;
std::string line_before(const char* text) {
    return std::string(rl_line_buffer, std::size_t(std::max(0, int(rl_point) - int(std::strlen(text)))));
}
char* match_generator(const char* text, int state) {
    if (state == 0) g_matches = g_session->complete(line_before(text), text);
    if (std::size_t(state) >= g_matches.size()) return nullptr;
    return strdup(g_matches[std::size_t(state)].c_str());
}
char** completion(const char* text, int, int) {
    rl_attempted_completion_over = 1;
    char** matches = rl_completion_matches(text, match_generator);
    // One match is completed in place: a Lua name may go on (sag.forhold, then "."), so
    // only a command or an id gets the space after it.
    const bool space = g_matches.size() == 1 && g_session->space_after(line_before(text), g_matches.front());
    rl_completion_append_character = space ? ' ' : '\0';
    return matches;
}

int run_terminal(repl::Session& session) {
    const auto hist = history_file();
    using_history();
    if (!hist.empty()) read_history(hist.c_str());
    rl_attempted_completion_function = completion;
    rl_completer_word_break_characters = const_cast<char*>(" \t\n(){},=+-*/<>~;");
    fmt::print("Kvalitet {} — skriv :hjaelp for hjælp, Ctrl-D for at afslutte\n", KVALITET_VERSION);
    while (true) {
        g_prompt_interrupted = false;
        char* raw = readline(session.prompt().c_str());
        if (!raw && g_prompt_interrupted) { // Ctrl-C at the prompt: drop the input, stay
            session.cancel_input();
            fmt::print("\n");
            continue;
        }
        if (!raw) { // Ctrl-D
            fmt::print("\n");
            break;
        }
        std::string line(raw);
        std::free(raw);
        // A Ctrl-C that came while libedit drew the prompt (before it read) does not end
        // readline; it still cancels what was pending, and the line read after it is new.
        if (g_prompt_interrupted) session.cancel_input();
        if (line.find_first_not_of(" \t") != std::string::npos) {
            add_history(line.c_str());
            if (!hist.empty()) write_history(hist.c_str());
        }
        g_evaluating = true;
        const bool go_on = session.feed(line);
        g_evaluating = false;
        std::fflush(stdout);
        if (!go_on) break;
    }
    return kOk;
}

int run_pipe(repl::Session& session) {
    std::string line;
    while (std::getline(std::cin, line)) {
        g_evaluating = true;
        const bool go_on = session.feed(line);
        g_evaluating = false;
        // A program driving the REPL through a pipe waits for the answer before it writes on.
        std::fflush(stdout);
        if (!go_on) break;
    }
    if (session.continuing()) {
        fmt::print("fejl: inddata sluttede midt i et udtryk\n");
        return kInvalid;
    }
    return kOk;
}

} // namespace

int run_repl(const Common& common, const std::string& kommune, const std::string& dato, const std::string& db) {
    static Sources sources = common.sources();
    // An id no municipality has is wrong use, as in tjek; a standard that does not load is
    // the session's to report (the user may be fixing it).
    if (!kommune.empty())
        if (const auto known = kommuner(sources); std::find(known.begin(), known.end(), kommune) == known.end()) {
            try {
                Standard::load(sources, kommune);
            } catch (const InputError& e) {
                throw CLI::ValidationError("--kommune", e.what());
            }
        }
    const bool tty = isatty(STDIN_FILENO);
    repl::Session session(sources, kommune, evaluation_date(dato), db, [](std::string_view s) {
        std::fwrite(s.data(), 1, s.size(), stdout);
    });
    g_session = &session;
    struct sigaction sa {};
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    const int rc = tty ? run_terminal(session) : run_pipe(session);
    g_session = nullptr;
    return rc;
}

void add_repl(CLI::App& app, Common& common, int& exit_code) {
    static ReplOptions o;
    auto* cmd = app.add_subcommand("repl", "Interaktiv prompt: udforsk sager og regler (skriv :hjaelp)");
    cmd->add_option("--kommune", o.kommune, "Kommunen hvis standard indlæses (kan skiftes med :kommune)");
    cmd->add_option("--dato", o.dato, "Vurderingsdato ÅÅÅÅ-MM-DD (standard: i dag; skift med :dato)");
    cmd->add_option("--db", o.db, "Sagsdatabasen :sag ID slår op i (standard: KVALITET_DB, ellers kvalitet.db)");
    cmd->callback([&common, &exit_code] { exit_code = run_repl(common, o.kommune, o.dato, o.db); });
}

} // namespace kvalitet::cli
