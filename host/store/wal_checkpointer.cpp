#include "store/wal_checkpointer.hpp"

#include <system_error>

namespace kvalitet {

WalCheckpointer::WalCheckpointer(const std::string& db_path) : store_(db_path) {
    try {
        thread_ = std::thread([this] { run(); });
    } catch (const std::system_error&) {
        // The system gave no thread (a limit on threads or memory): each commit is copied
        // where it happens, as SQLite would have done.
    }
}

WalCheckpointer::~WalCheckpointer() {
    if (!thread_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

void WalCheckpointer::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        cv_.wait(lock, [&] { return stop_ || asked_ > done_; });
        if (stop_) return;
        const std::uint64_t asked = asked_;
        lock.unlock();
        bool complete = false;
        std::exception_ptr error;
        try {
            complete = store_.checkpoint();
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        done_ = asked;
        complete_ = complete;
        if (error && !error_) error_ = error;
        cv_.notify_all();
    }
}

void WalCheckpointer::committed() {
    if (!thread_.joinable()) {
        store_.checkpoint();
        return;
    }
    {
        std::lock_guard lock(mutex_);
        if (error_) std::rethrow_exception(error_);
        ++asked_;
    }
    cv_.notify_all();
}

void WalCheckpointer::wait_for_passes(std::unique_lock<std::mutex>& lock) {
    cv_.wait(lock, [&] { return done_ == asked_; });
    if (error_) std::rethrow_exception(error_);
}

void WalCheckpointer::caught_up() {
    if (!thread_.joinable()) return; // each commit was copied as it happened
    std::unique_lock lock(mutex_);
    wait_for_passes(lock);
    if (complete_) return;
    // A reader's snapshot (the next batch being read) held frames back: once more.
    ++asked_;
    cv_.notify_all();
    wait_for_passes(lock);
}

void WalCheckpointer::finish() {
    caught_up();
    // Its thread is idle now and stays so (no commit comes after the last): its connection
    // may be used from here.
    store_.checkpoint_and_truncate();
}

} // namespace kvalitet
