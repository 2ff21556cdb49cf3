#include "lua/watchdog.hpp"

#include <fmt/format.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <optional>
#include <system_error>
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

// Installs the handler once, only where nobody else has a use for the signal (its
// disposition is still the default); false otherwise.
bool install_handler() {
    struct sigaction old {};
    if (sigaction(arm_signal(), nullptr, &old) != 0) return false;
    if ((old.sa_flags & SA_SIGINFO) || old.sa_handler != SIG_DFL) return false;
    struct sigaction sa {};
    sa.sa_handler = on_arm_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    return sigaction(arm_signal(), &sa, nullptr) == 0;
}

// Whether the handler is still ours: an embedding may have set its own, or the default
// (which would end the process), since.
bool handler_ours() {
    struct sigaction cur {};
    return sigaction(arm_signal(), nullptr, &cur) == 0 && !(cur.sa_flags & SA_SIGINFO) && cur.sa_handler == on_arm_signal;
}

// What /proc says of thread `tid` and the signal: whether it blocks it, and whether one is
// pending for it (sent, not yet taken). Nothing when /proc cannot tell. While the handler
// runs, the signal is blocked too, but no longer pending.
struct SignalState {
    bool blocked, pending;
};
std::optional<SignalState> signal_state(pid_t tid) {
    std::FILE* f = std::fopen(fmt::format("/proc/self/task/{}/status", tid).c_str(), "r");
    if (!f) return std::nullopt;
    const unsigned long long bit = 1ull << (arm_signal() - 1);
    std::optional<unsigned long long> blk, pnd;
    char line[256];
    unsigned long long mask = 0;
    while (std::fgets(line, sizeof line, f)) {
        if (std::sscanf(line, "SigBlk: %llx", &mask) == 1) blk = mask;
        else if (std::sscanf(line, "SigPnd: %llx", &mask) == 1) pnd = mask;
    }
    std::fclose(f);
    if (!blk || !pnd) return std::nullopt;
    return SignalState{(*blk & bit) != 0, (*pnd & bit) != 0};
}

// Once per thread that runs a call: the signal unblocked, so a thread that inherited a
// mask blocking everything (a daemon's usual set-up) still gets it; and the thread's id.
// Reset in a forked child, whose one thread has a new id.
thread_local pid_t this_tid = 0;
pid_t this_thread_ready() {
    if (this_tid == 0) {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, arm_signal());
        pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
        this_tid = static_cast<pid_t>(syscall(SYS_gettid));
    }
    return this_tid;
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

    // Throws when the thread cannot be started; then the watch is not kept, and the next
    // one tries again.
    void add(Watch* w) {
        std::lock_guard lock(m_);
        if (!started_) {
            std::thread([this] { run(); }).detach();
            started_ = true;
            forked_.store(false, std::memory_order_relaxed);
        }
        watches_.push_back(w);
        wake_->notify_one();
    }

    void remove(Watch* w) {
        std::lock_guard lock(m_);
        watches_.erase(std::find(watches_.begin(), watches_.end(), w));
    }

    // After fork() the child has no watchdog thread (only the forking thread is copied), so
    // the child's first call starts one.
    void start_after_fork() noexcept {
        std::lock_guard lock(m_);
        if (started_) return;
        try {
            std::thread([this] { run(); }).detach();
            started_ = true;
            forked_.store(false, std::memory_order_relaxed);
        } catch (const std::system_error&) {
            // no thread now: the next call tries again
        }
    }
    static bool forked() noexcept { return forked_.load(std::memory_order_relaxed); }

private:
    Watchdog() : signal_ok_(install_handler()) {
        // The lock is held across fork(), so the child's copy of it is not held by a thread
        // that no longer exists there (nor is any watch's, which is taken only under it).
        pthread_atfork([] { instance().lock_all(); }, [] { instance().unlock_all(); },
                       [] {
                           auto& dog = instance();
                           this_tid = 0;
                           dog.wake_ = new std::condition_variable; // the old one is left as it is
                           dog.started_ = false;
                           forked_.store(true, std::memory_order_relaxed);
                           // A call another thread was running has no thread in the child:
                           // it is over there, and its owner's id may be reused.
                           for (Watch* w : dog.watches_)
                               if (w->seq_.load() % 2 == 1 && !pthread_equal(w->owner_.load(), pthread_self()))
                                   w->seq_.fetch_add(1);
                           dog.unlock_all();
                       });
    }

    // Across fork(): the list's lock, and each watch's, which end() takes without the list's
    // (always in this order, as look() does), so the child has none held by a thread it
    // does not have.
    void lock_all() {
        m_.lock();
        for (Watch* w : watches_) w->arm_.lock();
    }
    void unlock_all() {
        for (Watch* w : watches_) w->arm_.unlock();
        m_.unlock();
    }

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
                wake_->wait(lock, [this] { return !watches_.empty(); });
                continue;
            }
            const auto grace = tick() * 5;
            wake_->wait_for(lock, tick());
            const auto now = Watch::Clock::now();
            for (Watch* w : watches_) look(*w, now, grace);
        }
    }

    // The CPU time the thread running call `s` has used, read under the watch's lock, where
    // the owner cannot end the call (so its thread exists); nothing once the call is over
    // or when the system has no such clock. Between calls (`s` even) there is no thread to
    // ask: the last call's may have exited, and its clock id would point at freed memory
    // (a crash with more worker threads than cores, whose threads come and go).
    static std::optional<Watch::Clock::duration> cpu_time(Watch& w, std::uint64_t s) {
        if (s % 2 == 0) return std::nullopt;
        std::lock_guard arm(w.arm_);
        if (w.seq_.load(std::memory_order_acquire) != s) return std::nullopt;
        clockid_t id;
        timespec ts{};
        if (pthread_getcpuclockid(w.owner_.load(std::memory_order_relaxed), &id) != 0 || clock_gettime(id, &ts) != 0)
            return std::nullopt;
        return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
    }

    // A call's budget is the CPU time its thread spends, not the time on the wall: on a
    // loaded machine (more threads than cores, a sanitizer, a test run beside) a call that
    // waits for a core is not stopped for it, and a loop still is, since a loop computes.
    // Where the thread's clock cannot be read, the wall clock is the measure.
    void look(Watch& w, Watch::Clock::time_point now, Watch::Clock::duration grace) const {
        const std::uint64_t s = w.seq_.load(std::memory_order_acquire);
        if (s % 2 == 0 || s != w.seen_seq_) {
            w.seen_seq_ = s;
            w.seen_at_ = now;
            w.seen_cpu_ = cpu_time(w, s);
            return;
        }
        const auto cpu = w.seen_cpu_ ? cpu_time(w, s) : std::nullopt;
        if ((cpu ? *cpu - *w.seen_cpu_ : now - w.seen_at_) < w.limit()) return;
        // Under the lock the owner cannot end the call, so its thread is there to signal.
        std::lock_guard arm(w.arm_);
        if (w.seq_.load(std::memory_order_acquire) != s || w.armed_.load()) return;
        const bool ours = signal_ok_ && handler_ours();
        const auto state = ours ? signal_state(w.tid_.load(std::memory_order_relaxed)) : std::nullopt;
        if (w.asked_.load(std::memory_order_relaxed) != s) {
            if (ours && !(state && state->blocked)) {
                w.asked_.store(s, std::memory_order_release); // before the handler can look
                w.asked_at_ = now;
                if (pthread_kill(w.owner_.load(std::memory_order_relaxed), arm_signal()) == 0) return;
            }
        } else if (now - w.asked_at_ < grace ||
                   (ours && state && !(state->pending && state->blocked) && now - w.asked_at_ < kLongest)) {
            // Sent, and taken or about to be: a thread that has no core yet (a loaded
            // machine) takes it before it runs one more instruction, and one in the handler
            // is arming now. Only a signal stuck behind a blocked mask is no use (and, so
            // that nothing can wait for ever, one not acted on in kLongest).
            return;
        }
        // The signal cannot reach the thread (an embedding took it, or the thread blocks it
        // again): arm from here, the last resort, with the race this file's header names.
        lua_sethook(w.L_, w.hook_, LUA_MASKCOUNT, 1);
        w.tripped_.store(true, std::memory_order_relaxed);
        w.armed_.store(true);
        from_watchdog.fetch_add(1, std::memory_order_relaxed);
    }

    static constexpr auto kLongest = std::chrono::seconds(5);
    std::mutex m_;
    // A pointer: the child of a fork gets a new one (below), as the parent's may count a
    // waiter, the parent's watchdog thread, that the child does not have.
    std::condition_variable* wake_ = new std::condition_variable;
    std::vector<Watch*> watches_;
    bool started_ = false;
    const bool signal_ok_;
    static inline std::atomic<bool> forked_{false};
};

Watch::Watch(lua_State* L, lua_Hook hook, std::chrono::milliseconds limit)
    : L_(L), hook_(hook), limit_ms_(limit.count()) {
    Watchdog::instance().add(this);
}

Watch::~Watch() { Watchdog::instance().remove(this); }

void Watch::begin() noexcept {
    if (depth_++ != 0) return;
    if (Watchdog::forked()) Watchdog::instance().start_after_fork();
    outer_ = running;
    running = this;
    tid_.store(this_thread_ready(), std::memory_order_relaxed);
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
