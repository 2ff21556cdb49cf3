#include "lua/watchdog.hpp"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <thread>
#include <vector>

namespace kvalitet::lua {

namespace {

// The innermost running call on this thread, for the signal's handler. Set before the
// call counts as running and cleared after it stops, so the handler never finds a call
// that has ended.
thread_local Watch* running = nullptr;

std::atomic<std::uint64_t> by_signal{0}, from_watchdog{0};

void on_arm_signal(int) {
    const int saved = errno;
    std::atomic_signal_fence(std::memory_order_acquire);
    for (Watch* w = running; w; w = w->outer()) w->arm_if_asked();
    errno = saved;
}

// Installs the handler once; false when another handler already owns the signal.
bool install_handler() {
    struct sigaction old {};
    if (sigaction(arm_signal(), nullptr, &old) != 0) return false;
    if (!(old.sa_flags & SA_SIGINFO) && old.sa_handler != SIG_DFL && old.sa_handler != SIG_IGN) return false;
    if ((old.sa_flags & SA_SIGINFO) && old.sa_sigaction) return false;
    struct sigaction sa {};
    sa.sa_handler = on_arm_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART; // an interrupted system call goes on
    return sigaction(arm_signal(), &sa, nullptr) == 0;
}

} // namespace

int arm_signal() noexcept { return SIGRTMAX - 3; }
std::uint64_t hooks_armed_by_signal() noexcept { return by_signal.load(); }
std::uint64_t hooks_armed_from_watchdog() noexcept { return from_watchdog.load(); }

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
    Watchdog() : signal_ok_(install_handler()) {}

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
            const auto grace = tick() * 5;
            wake_.wait_for(lock, tick());
            const auto now = Watch::Clock::now();
            for (Watch* w : watches_) look(*w, now, grace);
        }
    }

    void look(Watch& w, Watch::Clock::time_point now, Watch::Clock::duration grace) const {
        const std::uint64_t s = w.seq_.load(std::memory_order_acquire);
        if (s % 2 == 0 || s != w.seen_seq_) {
            w.seen_seq_ = s;
            w.seen_at_ = now;
            return;
        }
        if (now - w.seen_at_ < w.limit()) return;
        // Under the lock the owner cannot end the call, so its thread is there to signal.
        std::lock_guard arm(w.arm_);
        if (w.seq_.load(std::memory_order_acquire) != s || w.armed_.load()) return;
        if (signal_ok_ && w.asked_.load(std::memory_order_relaxed) != s) {
            w.asked_.store(s, std::memory_order_release);
            w.asked_at_ = now;
            if (pthread_kill(w.owner_.load(std::memory_order_relaxed), arm_signal()) == 0) return;
        }
        // No signal, or none delivered (the thread blocks it): arm from here, the last resort.
        if (signal_ok_ && now - w.asked_at_ < grace) return;
        lua_sethook(w.L_, w.hook_, LUA_MASKCOUNT, 1);
        w.tripped_.store(true, std::memory_order_relaxed);
        w.armed_.store(true);
        from_watchdog.fetch_add(1, std::memory_order_relaxed);
    }

    std::mutex m_;
    std::condition_variable wake_;
    std::vector<Watch*> watches_;
    bool started_ = false;
    const bool signal_ok_;
};

Watch::Watch(lua_State* L, lua_Hook hook, std::chrono::milliseconds limit)
    : L_(L), hook_(hook), limit_ms_(limit.count()) {
    Watchdog::instance().add(this);
}

Watch::~Watch() { Watchdog::instance().remove(this); }

void Watch::begin() noexcept {
    if (depth_++ != 0) return;
    outer_ = running;
    running = this;
    owner_.store(pthread_self(), std::memory_order_relaxed);
    std::atomic_signal_fence(std::memory_order_release);
    seq_.fetch_add(1, std::memory_order_release);
}

void Watch::end() noexcept {
    if (--depth_ != 0) return;
    std::lock_guard lock(arm_);
    seq_.fetch_add(1, std::memory_order_release); // from here the handler finds nothing to arm
    std::atomic_signal_fence(std::memory_order_release);
    running = outer_;
    if (armed_.load()) {
        lua_sethook(L_, nullptr, 0, 0);
        armed_.store(false);
        tripped_.store(false, std::memory_order_relaxed);
    }
}

void Watch::arm_if_asked() noexcept {
    const std::uint64_t s = seq_.load(std::memory_order_acquire);
    if (s % 2 == 0 || asked_.load(std::memory_order_acquire) != s || armed_.load()) return;
    lua_sethook(L_, hook_, LUA_MASKCOUNT, 1);
    tripped_.store(true, std::memory_order_relaxed);
    armed_.store(true);
    by_signal.fetch_add(1, std::memory_order_relaxed);
}

} // namespace kvalitet::lua
