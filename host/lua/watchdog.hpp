#pragma once
// The time budget without a hook on every instruction. Any Lua hook sends every
// instruction through the hook dispatcher (../shared/notes: ~2× slower), so no hook is set
// while a call runs within its budget. One background thread looks at the running calls a
// few times per budget; a call still running past its budget gets a count hook of 1 armed
// on its lua_State (lua_sethook may be called asynchronously, as lua.c does from its
// SIGINT handler), and that hook raises the error. Normal calls pay two atomic increments.
#include <lua.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>

namespace kvalitet::lua {

// One per lua_State with a time budget. Registered with the watchdog for its lifetime.
class Watch {
public:
    using Clock = std::chrono::steady_clock;

    Watch(lua_State* L, lua_Hook hook, std::chrono::milliseconds limit);
    ~Watch();
    Watch(const Watch&) = delete;
    Watch& operator=(const Watch&) = delete;

    // Brackets one protected call; only the outermost pair of nested calls counts.
    void begin() noexcept {
        if (depth_++ == 0) seq_.fetch_add(1, std::memory_order_release);
    }
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

private:
    friend class Watchdog;
    lua_State* L_;
    lua_Hook hook_;
    std::atomic<std::int64_t> limit_ms_;
    int depth_ = 0;                       // owner thread only
    std::atomic<std::uint64_t> seq_{0};   // odd while a call runs
    std::mutex arm_;                      // the watchdog arms and the owner ends under it
    bool armed_ = false;
    std::atomic<bool> tripped_{false};    // set with armed_, read without the lock
    // Watchdog thread only: which call it last saw and since when.
    std::uint64_t seen_seq_ = 0;
    Clock::time_point seen_at_{};
};

} // namespace kvalitet::lua
