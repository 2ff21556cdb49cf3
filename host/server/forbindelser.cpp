#include "server/forbindelser.hpp"

namespace kvalitet::server {

namespace {
thread_local bool over_kapacitet = false;
}

Forbindelser::Forbindelser(std::size_t traade, std::size_t pladser) : pladser_(pladser) {
    for (std::size_t i = 0; i < std::max<std::size_t>(1, traade); ++i) threads_.emplace_back([this] { work(); });
}

Forbindelser::~Forbindelser() { shutdown(); }

bool Forbindelser::afvises() { return over_kapacitet; }

void Forbindelser::enqueue(std::function<void()> fn) {
    {
        std::lock_guard lock(mutex_);
        if (!stopper_ && koe_.size() < pladser_) {
            koe_.push_back(std::move(fn));
            cv_.notify_one();
            return;
        }
    }
    // Full (or stopping): answered here and now, with 503; the socket is closed after it.
    over_kapacitet = true;
    try {
        fn();
    } catch (...) {
    }
    over_kapacitet = false;
}

void Forbindelser::shutdown() {
    {
        std::lock_guard lock(mutex_);
        if (stopper_ && threads_.empty()) return;
        stopper_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
    threads_.clear();
}

void Forbindelser::work() {
    while (true) {
        std::function<void()> fn;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, [&] { return stopper_ || !koe_.empty(); });
            if (koe_.empty()) return;
            fn = std::move(koe_.front());
            koe_.pop_front();
        }
        try {
            fn();
        } catch (...) { // a connection's fault must not end the thread that serves the next
        }
    }
}

} // namespace kvalitet::server
