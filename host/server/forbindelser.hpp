#pragma once
// The HTTP connections' threads. cpp-httplib serves each connection on a thread from a task
// queue, and its own queue grows without bound. This one has a fixed number of threads and
// of waiting places; a connection beyond them is served at once in the accepting thread,
// marked (afvises()) so the handler answers 503 with Retry-After and closes it without
// reading its body. Overload costs one short answer and slows accepting (the kernel's listen
// backlog then holds the next ones), never memory.
#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kvalitet::server {

class Forbindelser : public httplib::TaskQueue {
public:
    Forbindelser(std::size_t traade, std::size_t pladser);
    ~Forbindelser() override;

    void enqueue(std::function<void()> fn) override;
    void shutdown() override; // serves what waits, then joins

    // True on the thread serving a connection that found every place taken.
    static bool afvises();

private:
    void work();

    std::size_t pladser_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> koe_;
    bool stopper_ = false;
    std::vector<std::thread> threads_;
};

} // namespace kvalitet::server
