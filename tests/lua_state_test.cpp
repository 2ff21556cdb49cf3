#include <catch2/catch.hpp>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <lualib.h>

#include "lua/state.hpp"
#include "lua/watchdog.hpp"
#include "dansk_locale.hpp"

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>
#include <thread>

using kvalitet::ScriptError;
using kvalitet::lua::Ref;
using kvalitet::lua::StackGuard;
using kvalitet::lua::State;

namespace {

State& with_base(State& s) {
    luaL_requiref(s, LUA_GNAME, luaopen_base, 1);
    lua_pop(s, 1);
    return s;
}

void run(State& s, const std::string& code, const std::string& chunk = "=test") {
    s.load(code, chunk);
    s.call(0, 0);
}

struct Counted {
    static inline int alive = 0;
    Counted() { ++alive; }
    ~Counted() { --alive; }
};

int throws_cpp(lua_State*) {
    Counted c;
    throw std::runtime_error("fejl fra C++");
}

int raises_lua(lua_State* L) {
    Counted c;
    return luaL_error(L, "fejl fra Lua");
}

} // namespace

TEST_CASE("a call leaves the stack balanced, on success and on error") {
    State s;
    with_base(s);
    lua_State* L = s;
    StackGuard guard(L);
    s.load("return 1 + 2", "=t");
    s.call(0, 1);
    CHECK(lua_tointeger(L, -1) == 3);
    lua_pop(L, 1);
    const int top = lua_gettop(L);
    CHECK_THROWS_AS(run(s, "error('x')"), ScriptError);
    CHECK(lua_gettop(L) == top);
}

// From an attack (3/12): a server reloading a 10 MB standard whose comment changed each time
// kept every text and its bytecode (1.3 GB after 24 reloads). The cache is bounded in bytes,
// and a text too large for it is compiled each time instead of kept.
TEST_CASE("compiled chunks kept for the process stay bounded in bytes") {
    State s;
    const std::string body = "local x = 1\n-- " + std::string(3u << 20, 'k') + "\n";
    for (int i = 0; i < 40; ++i) {
        s.load("-- " + std::to_string(i) + "\n" + body, "=stor");
        lua_pop(s, 1);
        CHECK(kvalitet::lua::compiled_chunk_bytes() <= (64u << 20));
    }
    const std::size_t before = kvalitet::lua::compiled_chunk_bytes();
    s.load("-- for stor\n" + std::string(20u << 20, ' '), "=kæmpe");
    lua_pop(s, 1);
    CHECK(kvalitet::lua::compiled_chunk_bytes() == before);
}

// From an attack (3/12): a process embedding the library that set a Danish locale changed
// what scripts computed (printf, strtod and strcoll follow it). Scripts see the C locale;
// the process keeps its own. The Danish locale is made for the test (the locales package).
TEST_CASE("the embedding process's locale does not reach a script") {
    std::string got, after;
    {
        const kvalitet::test::DanskLocale dansk;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.1f", 4.5);
        CHECK(std::string(buf) == "4,5"); // the process's own formatting is Danish
        State s;
        with_base(s);
        s.load("return tostring(4.5) .. ' ' .. tostring(tonumber('7,5')) .. ' ' .. tostring('Z' < 'a')", "=t");
        s.call(0, 1);
        got = lua_tostring(s, -1);
        lua_pop(s, 1);
        std::snprintf(buf, sizeof buf, "%.1f", 4.5);
        after = buf;
    }
    CHECK(got == "4.5 nil true");
    CHECK(after == "4,5"); // and stays so after the call
}

TEST_CASE("a runtime error carries chunk name, line and traceback") {
    State s;
    with_base(s);
    try {
        run(s, "local x = 1\n\nerror('noget gik galt')", "@municipalities/x/standard.lua");
        FAIL("expected an error");
    } catch (const ScriptError& e) {
        CHECK(e.kind() == ScriptError::Kind::Runtime);
        CHECK(e.chunk() == "municipalities/x/standard.lua");
        CHECK(e.line() == 3);
        CHECK(e.message() == "noget gik galt");
        CHECK(std::string(e.what()) == "municipalities/x/standard.lua:3: noget gik galt");
        CHECK(e.traceback().find("stack traceback") != std::string::npos);
    }
}

TEST_CASE("a syntax error names file and line, in Danish") {
    State s;
    try {
        s.load("local x = = 2", "@stdlib/x.lua");
        FAIL("expected an error");
    } catch (const ScriptError& e) {
        CHECK(e.kind() == ScriptError::Kind::Syntax);
        CHECK(e.chunk() == "stdlib/x.lua");
        CHECK(e.line() == 1);
        CHECK(e.message().find("uventet tegn") != std::string::npos);
    }
}

TEST_CASE("Lua's own runtime messages come out in Danish") {
    State s;
    try {
        run(s, "local t = nil\nreturn t.felt", "=t");
        FAIL("expected an error");
    } catch (const ScriptError& e) {
        CHECK(e.message().find("kan ikke slå op i en værdi, der ikke findes") != std::string::npos);
        CHECK(e.message().find("lokal variabel 't'") != std::string::npos);
    }
}

TEST_CASE("a C++ exception inside a C function becomes a Lua error and unwinds cleanly") {
    State s;
    lua_State* L = s;
    lua_pushcfunction(L, kvalitet::lua::guarded<throws_cpp>);
    lua_setglobal(L, "kast");
    Counted::alive = 0;
    try {
        run(s, "\nkast()", "=t");
        FAIL("expected an error");
    } catch (const ScriptError& e) {
        CHECK(e.message() == "fejl fra C++");
        CHECK(e.line() == 2);
    }
    CHECK(Counted::alive == 0);
    run(s, "local a = 1 + 1"); // still usable
}

TEST_CASE("a Lua error raised from C++ runs destructors (lua5.4-c++ build)") {
    State s;
    lua_State* L = s;
    lua_pushcfunction(L, raises_lua);
    lua_setglobal(L, "rejs");
    Counted::alive = 0;
    CHECK_THROWS_WITH(run(s, "rejs()"), Catch::Contains("fejl fra Lua"));
    CHECK(Counted::alive == 0);
}

TEST_CASE("registry references keep a value alive and release it") {
    State s;
    lua_State* L = s;
    StackGuard guard(L);
    lua_pushstring(L, "hej");
    Ref r(L);
    CHECK(bool(r));
    r.push();
    CHECK(std::string(lua_tostring(L, -1)) == "hej");
    lua_pop(L, 1);
    Ref moved = std::move(r);
    CHECK_FALSE(bool(r));
    moved.push();
    CHECK(std::string(lua_tostring(L, -1)) == "hej");
    lua_pop(L, 1);
}

TEST_CASE("the time budget stops a loop and the state stays usable") {
    State s({.memory_bytes = 64u << 20, .time = std::chrono::milliseconds(50)});
    try {
        run(s, "while true do end");
        FAIL("expected an error");
    } catch (const ScriptError& e) {
        CHECK(e.kind() == ScriptError::Kind::Budget);
        CHECK(e.message().find("kørte længere end 50 ms") != std::string::npos);
    }
    s.load("local n = 0 for i = 1, 1000 do n = n + i end return n", "=t");
    s.call(0, 1);
    CHECK(lua_tointeger(s, -1) == 500500);
    lua_pop(s, 1);
}

// lua_sethook walks the running call's frames; from another thread it could read a frame
// just freed. The watchdog therefore asks the running thread (a signal) to arm the hook.
TEST_CASE("the time budget's hook is armed on the thread that runs the call") {
    using namespace kvalitet::lua;
    const auto by_signal = hooks_armed_by_signal(), from_watchdog = hooks_armed_from_watchdog();
    State s({.memory_bytes = 64u << 20, .time = std::chrono::milliseconds(30)});
    with_base(s);
    // Deep calls that return and collect garbage while the budget runs out, many times.
    for (int i = 0; i < 5; ++i) {
        try {
            run(s, "local function f(n) if n == 0 then return {} end local t = f(n - 1) return t end "
                   "while true do f(150) collectgarbage('step') end");
            FAIL("expected an error");
        } catch (const ScriptError& e) {
            CHECK(e.kind() == ScriptError::Kind::Budget);
        }
    }
    CHECK(hooks_armed_by_signal() - by_signal == 5);
    CHECK(hooks_armed_from_watchdog() == from_watchdog);
}

namespace {
// Runs `code` with a 30 ms budget on a thread of its own after `setup`, a call that ends in
// time first when `warm`; whether the budget stopped it.
template <class Setup>
bool stopped_on_thread(Setup setup, bool warm) {
    bool stopped = false;
    std::thread t([&] {
        State s({.memory_bytes = 64u << 20, .time = std::chrono::milliseconds(30)});
        if (warm) run(s, "local n = 0 for i = 1, 1000 do n = n + i end");
        setup();
        try {
            run(s, "while true do end");
        } catch (const ScriptError& e) {
            stopped = e.kind() == ScriptError::Kind::Budget;
        }
        run(s, "local n = 0 for i = 1, 1000 do n = n + i end"); // usable, and no hook left
    });
    t.join();
    return stopped;
}

sigset_t only_arm_signal() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, kvalitet::lua::arm_signal());
    return set;
}
} // namespace

// A daemon blocks every signal in main before it starts its threads; the thread that runs a
// call unblocks the watchdog's one, so the safe path still holds.
TEST_CASE("a thread that blocked every signal before its first call is stopped by the signal") {
    using namespace kvalitet::lua;
    const auto by_signal = hooks_armed_by_signal(), from_watchdog = hooks_armed_from_watchdog();
    CHECK(stopped_on_thread(
        [] {
            sigset_t all;
            sigfillset(&all);
            pthread_sigmask(SIG_BLOCK, &all, nullptr);
        },
        false));
    CHECK(hooks_armed_by_signal() - by_signal == 1);
    CHECK(hooks_armed_from_watchdog() == from_watchdog);
}

// The last resorts: never a hang, never a signal that ends the process.
TEST_CASE("a thread that blocks the signal again after its first call is still stopped, from the watchdog") {
    using namespace kvalitet::lua;
    const auto by_signal = hooks_armed_by_signal(), from_watchdog = hooks_armed_from_watchdog();
    CHECK(stopped_on_thread(
        [] {
            const sigset_t set = only_arm_signal();
            pthread_sigmask(SIG_BLOCK, &set, nullptr);
        },
        true));
    CHECK(hooks_armed_from_watchdog() - from_watchdog == 1);
    CHECK(hooks_armed_by_signal() == by_signal); // and none was sent to wait in the queue
}

TEST_CASE("an embedding that sets the signal back to its default is not ended by it") {
    using namespace kvalitet::lua;
    const auto from_watchdog = hooks_armed_from_watchdog();
    struct sigaction ours {};
    sigaction(arm_signal(), nullptr, &ours);
    CHECK(stopped_on_thread([] { signal(arm_signal(), SIG_DFL); }, true));
    sigaction(arm_signal(), &ours, nullptr);
    CHECK(hooks_armed_from_watchdog() - from_watchdog == 1);
}

// A pre-forking server opens its standards, then forks: the child has no watchdog thread
// until its first call starts one. Before, a loop in the child ran for ever.
TEST_CASE("after fork the child's calls have a time budget too") {
    State s({.memory_bytes = 64u << 20, .time = std::chrono::milliseconds(30)});
    run(s, "local n = 0 for i = 1, 1000 do n = n + i end");
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        alarm(10); // a hang ends the child with SIGALRM, which the parent sees
        int stopped = 0;
        const auto loop = [&](State& st) {
            try {
                run(st, "while true do end");
            } catch (const ScriptError& e) {
                stopped += e.kind() == ScriptError::Kind::Budget;
            }
        };
        loop(s);
        // and a state made in the child (the parent's watchdog was waiting when it forked)
        State fresh({.memory_bytes = 64u << 20, .time = std::chrono::milliseconds(30)});
        loop(fresh);
        _exit(stopped == 2 ? 0 : 1);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

namespace {
// Sleeps the milliseconds given, through the watchdog's signal: time on the wall, no CPU.
int sleep_ms(lua_State* L) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(luaL_checkinteger(L, 1));
    while (std::chrono::steady_clock::now() < until) std::this_thread::sleep_until(until);
    return 0;
}
} // namespace

// The budget is CPU time: a call whose thread waits (for a core, on a loaded machine) is not
// stopped for waiting. On the wall clock, a 250 ms wait passed a 50 ms budget and the next
// instruction raised the error; under a sanitizer with tests beside, a standard's load did.
TEST_CASE("the time budget counts the thread's CPU time, not time spent waiting") {
    State s({.memory_bytes = 64u << 20, .time = std::chrono::milliseconds(50)});
    with_base(s);
    lua_register(s, "sov", sleep_ms);
    run(s, "sov(250) local n = 0 for i = 1, 1000 do n = n + i end");
    try {
        run(s, "sov(20) while true do end");
        FAIL("expected an error");
    } catch (const ScriptError& e) {
        CHECK(e.kind() == ScriptError::Kind::Budget);
    }
}

TEST_CASE("the time budget is per call: many short calls add up to more and none fails") {
    State s({.memory_bytes = 64u << 20, .time = std::chrono::milliseconds(200)});
    // Each call ~1-2 ms (tens under ASan on a loaded machine, still far below the budget):
    // together about five budgets, so a watchdog that did not notice the calls end, or a
    // hook left armed from one call to the next, would fail one.
    const auto t0 = std::chrono::steady_clock::now();
    int calls = 0;
    while (std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(1000)) {
        s.load("local n = 0 for i = 1, 200000 do n = n + i end return n", "=t");
        s.call(0, 1);
        CHECK(lua_tointeger(s, -1) == 20000100000);
        lua_pop(s, 1);
        ++calls;
    }
    CHECK(calls > 5);
    // And the budget still bites afterwards.
    CHECK_THROWS_AS(run(s, "while true do end"), ScriptError);
}

TEST_CASE("the memory cap stops growth and the state stays usable") {
    State s({.memory_bytes = 8u << 20, .time = std::chrono::milliseconds(0)});
    try {
        run(s, "local t = {} for i = 1, 1e9 do t[i] = i end");
        FAIL("expected an error");
    } catch (const ScriptError& e) {
        CHECK(e.kind() == ScriptError::Kind::Memory);
        CHECK(e.message().find("MiB hukommelse") != std::string::npos);
    }
    lua_gc(s, LUA_GCCOLLECT, 0);
    CHECK(s.memory_used() < (1u << 20));
    run(s, "local t = {} for i = 1, 100 do t[i] = i end");
}

TEST_CASE("a chunk loaded again from the compiled cache keeps its lines, and an edit is compiled anew") {
    // The second State loads the first one's bytecode: its errors must still name the line.
    const std::string text = "local x = 1\nlocal y = 2\nerror('fejl her')\n";
    for (int i = 0; i < 2; ++i) {
        State s;
        s.load(text, "@cache_test.lua");
        try {
            s.call(0, 0);
            FAIL("expected an error");
        } catch (const ScriptError& e) {
            CHECK(e.chunk() == "cache_test.lua");
            CHECK(e.line() == 3);
        }
    }
    State s;
    s.load("return 'ny'", "@cache_test.lua"); // same name, other text
    s.call(0, 1);
    CHECK(std::string(lua_tostring(s, -1)) == "ny");
    lua_pop(s, 1);
}

// An error inside DSL code (a chunk named dsl/…) is named at the nearest frame outside dsl/,
// looked for among the dozen frames nearest the error only: a search to the bottom of a
// deep DSL stack cost seconds per error, in C, beyond the time limit's reach. Beyond
// that, no place (the engine then names the rule's declaration).
TEST_CASE("an error in DSL code names the caller near it and no place when the caller is deep") {
    State s;
    with_base(s);
    run(s, "function dyb(n) if n == 0 then local x = 1 + {} end local y = dyb(n - 1) return y end", "@dsl/dyb.lua");
    auto error_at = [&](int depth) {
        try {
            run(s, "local a = 1\nlocal b = dyb(" + std::to_string(depth) + ")\n", "@municipalities/t/standard.lua");
        } catch (const ScriptError& e) {
            return std::make_pair(e.chunk(), e.line());
        }
        FAIL("no error");
        return std::make_pair(std::string(), 0);
    };
    CHECK(error_at(0) == std::make_pair(std::string("municipalities/t/standard.lua"), 2));
    CHECK(error_at(8) == std::make_pair(std::string("municipalities/t/standard.lua"), 2));
    CHECK(error_at(40) == std::make_pair(std::string(), 0));
    // a chunk of its own (the REPL's "=stdin") is named as Lua names it
    try {
        run(s, "local b = dyb(1)", "=stdin");
        FAIL("no error");
    } catch (const ScriptError& e) {
        CHECK(e.chunk() == "stdin");
    }
}
