#include "lua/watchdog.hpp"

#include <algorithm>
#include <condition_variable>
#include <thread>
#include <vector>

namespace kvalitet::lua {

// The one thread that looks at all watches. Created on first use and never destroyed
// (a detached thread may still be looking when static destructors run); it sleeps on a
// condition variable while no watch is registered.
class Watchdog {
public:
    static Watchdog& instance() {
        static Watchdog* dog = new Watchdog;
        return *dog;
    }

    void add(Watch* w) {
        std::lock_guard lock(m_);
        watches_.push_back(w);
        if (!started_) {
            started_ = true;
            std::thread([this] { run(); }).detach();
        }
        wake_.notify_one();
    }

    void remove(Watch* w) {
        std::lock_guard lock(m_);
        watches_.erase(std::find(watches_.begin(), watches_.end(), w));
    }

private:
    Watchdog() = default;

    // Looks often enough that a call is stopped within about 10 % of its budget, and at
    // most every 50 ms, so an idle process wakes the thread 20 times a second.
    std::chrono::milliseconds tick() const {
        auto shortest = std::chrono::milliseconds(50 * 10);
        for (const Watch* w : watches_) shortest = std::min(shortest, w->limit());
        return std::clamp(shortest / 10, std::chrono::milliseconds(1), std::chrono::milliseconds(50));
    }

    void run() {
        std::unique_lock lock(m_);
        for (;;) {
            if (watches_.empty()) {
                wake_.wait(lock, [this] { return !watches_.empty(); });
                continue;
            }
            wake_.wait_for(lock, tick());
            const auto now = Watch::Clock::now();
            for (Watch* w : watches_) look(*w, now);
        }
    }

    static void look(Watch& w, Watch::Clock::time_point now) {
        const std::uint64_t s = w.seq_.load(std::memory_order_acquire);
        if (s % 2 == 0 || s != w.seen_seq_) {
            w.seen_seq_ = s;
            w.seen_at_ = now;
            return;
        }
        if (now - w.seen_at_ < w.limit()) return;
        std::lock_guard arm(w.arm_);
        if (w.seq_.load(std::memory_order_acquire) != s) return; // it ended meanwhile
        lua_sethook(w.L_, w.hook_, LUA_MASKCOUNT, 1);
        w.armed_ = true;
        w.tripped_.store(true, std::memory_order_relaxed);
    }

    std::mutex m_;
    std::condition_variable wake_;
    std::vector<Watch*> watches_;
    bool started_ = false;
};

Watch::Watch(lua_State* L, lua_Hook hook, std::chrono::milliseconds limit)
    : L_(L), hook_(hook), limit_ms_(limit.count()) {
    Watchdog::instance().add(this);
}

Watch::~Watch() { Watchdog::instance().remove(this); }

void Watch::end() noexcept {
    if (--depth_ != 0) return;
    std::lock_guard lock(arm_);
    seq_.fetch_add(1, std::memory_order_release);
    if (armed_) {
        lua_sethook(L_, nullptr, 0, 0);
        armed_ = false;
        tripped_.store(false, std::memory_order_relaxed);
    }
}

} // namespace kvalitet::lua
