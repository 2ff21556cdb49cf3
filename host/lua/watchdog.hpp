#pragma once
// The time budget without a hook on every instruction. Any Lua hook sends every
// instruction through the hook dispatcher (../shared/notes: ~2× slower), so no hook is set
// while a call runs within its budget. One background thread looks at the running calls a
// few times per budget; a call whose thread has spent its budget in CPU time gets a count hook of 1, and
// that hook raises the error. Normal calls pay two atomic increments.
//
// The hook is armed on the thread that runs the call: the watchdog sends that thread a
// signal (arm_signal()), and its handler calls lua_sethook, as lua.c does from its SIGINT
// handler. lua_sethook walks the running call's frames, so calling it from the watchdog's
// own thread could read a frame the running thread has just freed. A thread that runs a
// call has the signal unblocked (once); the handler is installed only where the signal's
// disposition is the default. Only when the signal cannot reach the thread (an embedding
// owns the signal, or the thread blocks it again) does the watchdog arm the hook itself,
// as the last resort.
#include <lua.h>
#include <pthread.h>
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>

namespace kvalitet::lua {

// One per lua_State with a time budget (CPU time of the thread running the call).
// Registered with the watchdog for its lifetime.
class Watch {
public:
    using Clock = std::chrono::steady_clock;

    Watch(lua_State* L, lua_Hook hook, std::chrono::milliseconds limit);
    ~Watch();
    Watch(const Watch&) = delete;
    Watch& operator=(const Watch&) = delete;

    // Brackets one protected call; only the outermost pair of nested calls counts.
    void begin() noexcept;
    void end() noexcept;

    std::chrono::milliseconds limit() const noexcept {
        return std::chrono::milliseconds(limit_ms_.load(std::memory_order_relaxed));
    }
    void set_limit(std::chrono::milliseconds limit) noexcept {
        limit_ms_.store(limit.count(), std::memory_order_relaxed);
    }
    // True once the running call has overrun its budget: C functions that loop (the
    // sandbox's string and table wrappers) ask this, since the hook never fires in C.
    bool overran() const noexcept { return tripped_.load(std::memory_order_relaxed); }

    // The signal's handler, on the thread running the call: arms the hook if the watchdog
    // asked for this very call.
    void arm_if_asked() noexcept;
    Watch* outer() const noexcept { return outer_; }

private:
    friend class Watchdog;
    lua_State* L_;
    lua_Hook hook_;
    std::atomic<std::int64_t> limit_ms_;
    int depth_ = 0;                       // owner thread only
    Watch* outer_ = nullptr;              // the call this one runs inside, on this thread
    std::atomic<std::uint64_t> seq_{0};   // odd while a call runs
    std::atomic<pthread_t> owner_{};      // the thread running the call
    std::atomic<pid_t> tid_{0};           // and its id in /proc
    std::mutex arm_;                      // the watchdog signals or arms, and the owner ends, under it
    std::atomic<bool> armed_{false};
    std::atomic<bool> tripped_{false};    // set with armed_
    std::atomic<std::uint64_t> asked_{0}; // the call the watchdog sent the signal for
    // Watchdog thread only: which call it last saw and since when, and when it asked.
    std::uint64_t seen_seq_ = 0;
    Clock::time_point seen_at_{};
    std::optional<Clock::duration> seen_cpu_; // the owner's CPU time then, where it can be read
    Clock::time_point asked_at_{};
};

// The signal the watchdog arms a hook with (a real-time signal, SIGRTMAX - 3). An embedding
// that installed its own handler for it keeps it; the watchdog then arms from its own thread.
int arm_signal() noexcept;

// How many hooks were armed by the signal on the running thread, and how many by the
// watchdog's own thread; for tests.
std::uint64_t hooks_armed_by_signal() noexcept;
std::uint64_t hooks_armed_from_watchdog() noexcept;

} // namespace kvalitet::lua
