#pragma once
// RAII over lua_State, in the spirit of SQLiteCpp: one object, one resource.
// Lua is the C++ build (lua5.4-c++): Lua errors are C++ exceptions, so destructors run.
#include <lua.h>
#include <lauxlib.h>

#include <array>
#include <cassert>
#include <cstddef>
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "lua/error.hpp"
#include "lua/small_blocks.hpp"
#include "lua/watchdog.hpp"

namespace kvalitet::lua {

struct Limits {
    std::size_t memory_bytes = 256u << 20;    // per state
    // Per call; 0: none. A time, not an instruction count: counting instructions needs a
    // hook on every one of them (see watchdog.hpp). An assessment takes microseconds.
    std::chrono::milliseconds time{1000};
};

class State;

// Whatever the host needs to reach from inside a C function; lives in lua_getextraspace.
struct Host {
    State* state = nullptr;
    void* user = nullptr;                         // owner-defined (the engine's context)
    std::function<void(std::string_view)> print;  // where `print` writes; none: discarded
    // Metatables the bindings set and check on every date they push or compare, kept by
    // slot: a registry reference to set, and the table's address to recognise. A lookup by
    // name (luaL_setmetatable/luaL_testudata) hashes and compares the name every time.
    struct Type {
        int ref = LUA_NOREF;
        const void* metatable = nullptr;
    };
    std::array<Type, 12> types{}; // bind/typed.hpp
    // The C++ exception guarded() last turned into a Lua error, so a caller that catches
    // the Lua error can tell what it was (a date at the calendar's edge, engine/evaluate.cpp).
    std::exception_ptr cpp_error;
    // Counts the cases rules have been given (bind::push_sag). An iterator with state of its
    // own (pairs, string.gmatch) works only in the case it was begun in: one begun while the
    // standard loaded, kept in a local, would carry its position and its table from case to
    // case, and the seal does not reach into C functions.
    std::uint64_t sag_nr = 0;
};

class State {
public:
    explicit State(Limits limits = {});
    ~State();
    State(const State&) = delete;
    State& operator=(const State&) = delete;

    lua_State* get() const noexcept { return L_; }
    operator lua_State*() const noexcept { return L_; }

    const Limits& limits() const noexcept { return limits_; }
    // Changes the budget of the next calls; only on a state made with a budget.
    void set_time_budget(std::chrono::milliseconds t) noexcept {
        limits_.time = t;
        if (watch_) watch_->set_limit(t);
    }
    std::size_t memory_used() const noexcept { return mem_.used; }
    // Bytes a script may still allocate before the cap.
    std::size_t memory_left() const noexcept { return mem_.cap > mem_.used ? mem_.cap - mem_.used : 0; }

    // For C functions that loop or allocate on a script's behalf (the hook never fires
    // inside C): raises the budget error when the running call has overrun its time.
    void check_budget();
    // Raises the memory error, as the allocator would, when `bytes` more would not fit.
    void check_memory(std::size_t bytes);

    // A Lua error outside any protected call reached the panic handler: the state may be
    // inconsistent, so every later call refuses with a Danish message instead of running.
    bool broken() const noexcept { return broken_; }

    Host& host() noexcept { return host_; }
    static Host& host(lua_State* L) noexcept { return **static_cast<Host**>(lua_getextraspace(L)); }
    static State& of(lua_State* L) noexcept { return *host(L).state; }

    // Calls the function below `nargs` arguments on the stack, under a message handler
    // that keeps the traceback and under the time budget. Leaves `nresults`
    // results (LUA_MULTRET allowed). Throws ScriptError; the stack is then as before
    // the function and its arguments were pushed.
    void call(int nargs, int nresults);

    // Runs f(L) inside a protected call under the budgets, so a Lua error raised by any
    // API call in it (memory, a metamethod) is a ScriptError and never reaches the panic
    // handler. A C++ exception from f is carried out of the call and rethrown as it was.
    // The `nargs` values on top of the stack are popped and are f's stack slots 1..nargs
    // (the call has its own stack frame).
    template <class F>
    void protect(int nargs, F&& f);

    // Compiles text and pushes the chunk. Throws ScriptError(Syntax). Text seen before
    // (same name, same bytes) is loaded from the bytecode our compiler made of it then;
    // bytecode from anywhere else is never loaded.
    void load(std::string_view source, const std::string& chunkname);

private:
    static void* allocate(void* ud, void* ptr, std::size_t osize, std::size_t nsize) noexcept;
    static void budget_hook(lua_State* L, lua_Debug* ar);
    static int panic(lua_State* L);
    // `level`: whose line the error names: 0 in the hook (the Lua function running, the
    // loop itself), 1 from a C function (the Lua line that called it).
    [[noreturn]] void raise_budget(lua_State* L, int level);

    struct Memory {
        std::size_t used = 0;
        std::size_t cap = 0;
        SmallBlocks blocks; // outlives L_: the destructor closes the state first
    };

    Limits limits_;
    Memory mem_;
    Host host_;
    Host* host_ptr_ = &host_;
    lua_State* L_ = nullptr;
    std::unique_ptr<Watch> watch_;  // none without a time budget; ends before L_ closes
    bool budget_hit_ = false;
    bool memory_hit_ = false;
    bool broken_ = false;
};

template <class F>
void State::protect(int nargs, F&& f) {
    struct Ctx {
        F* f;
        std::exception_ptr error;
    } ctx{&f, nullptr};
    lua_pushcfunction(L_, [](lua_State* L) -> int {
        auto* c = static_cast<Ctx*>(lua_touserdata(L, 1));
        lua_remove(L, 1);
        // Only our own exceptions: Lua's C++ build unwinds its errors as exceptions of
        // another type, which must pass through to lua_pcall.
        try {
            (*c->f)(L);
        } catch (const std::exception&) {
            c->error = std::current_exception();
        }
        return 0;
    });
    lua_insert(L_, -nargs - 1); // the function below its arguments
    lua_pushlightuserdata(L_, &ctx);
    lua_insert(L_, -nargs - 1); // the context first among them
    call(nargs + 1, 0);
    if (ctx.error) std::rethrow_exception(ctx.error);
}

// Checks in debug builds that a scope leaves the stack as it found it (plus `delta`).
class StackGuard {
public:
    explicit StackGuard(lua_State* L, int delta = 0) noexcept : L_(L), top_(lua_gettop(L) + delta) {}
    ~StackGuard() { assert(lua_gettop(L_) == top_ && "Lua stack unbalanced"); }
    StackGuard(const StackGuard&) = delete;
    StackGuard& operator=(const StackGuard&) = delete;

private:
    [[maybe_unused]] lua_State* L_; // read by the assert only (not in release builds)
    int top_;
};

// A registry reference to one Lua value; unreferenced on destruction.
class Ref {
public:
    Ref() = default;
    // Pops the value on top of the stack into the registry.
    explicit Ref(lua_State* L) : L_(L), ref_(luaL_ref(L, LUA_REGISTRYINDEX)) {}
    ~Ref() { reset(); }
    Ref(Ref&& o) noexcept : L_(o.L_), ref_(o.ref_) { o.ref_ = LUA_NOREF; }
    Ref& operator=(Ref&& o) noexcept {
        if (this != &o) {
            reset();
            L_ = o.L_;
            ref_ = o.ref_;
            o.ref_ = LUA_NOREF;
        }
        return *this;
    }
    Ref(const Ref&) = delete;
    Ref& operator=(const Ref&) = delete;

    explicit operator bool() const noexcept { return ref_ != LUA_NOREF && ref_ != LUA_REFNIL; }
    void push() const { lua_rawgeti(L_, LUA_REGISTRYINDEX, ref_); }
    void reset() noexcept {
        if (L_ && ref_ != LUA_NOREF) luaL_unref(L_, LUA_REGISTRYINDEX, ref_);
        ref_ = LUA_NOREF;
    }

private:
    lua_State* L_ = nullptr;
    int ref_ = LUA_NOREF;
};

// Turns a Lua error value (with "chunk:line: " prefix and traceback) into a ScriptError.
ScriptError to_script_error(ScriptError::Kind kind, std::string_view text);

// A message handler for a protected call made inside a script's call (a rule's function the
// engine may leave out): an error raised inside dsl/ is put at the rule's line while its
// stack is still there, as State::call's own handler does; the rest (the traceback) is done
// by that handler when the error goes on.
int place_in_rule(lua_State* L);

// to[k] = v, raw, for every field of the table at `from` (a shallow copy of its fields).
void copy_fields(lua_State* L, int from, int to);

// Wraps a C function so a C++ exception inside it becomes a Lua error at the caller's
// line, instead of an exception that Lua's own try/catch would turn into junk.
template <int (*F)(lua_State*)>
int guarded(lua_State* L) {
    std::string message;
    try {
        return F(L);
    } catch (const std::exception& e) {
        message = e.what();
        State::host(L).cpp_error = std::current_exception();
    }
    luaL_where(L, 1);
    lua_pushlstring(L, message.data(), message.size());
    lua_concat(L, 2);
    return lua_error(L);
}

// The bytes of compiled chunks kept for the process (texts and their bytecode): bounded,
// however many edited standards a long-running process loads.
std::size_t compiled_chunk_bytes();

} // namespace kvalitet::lua
