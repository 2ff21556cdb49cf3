#pragma once
// The assessment workers: a fixed number of threads, each with its own standards
// (StandardLager, for the udgave a job names; the one before it is kept too, so requests
// that began before a reload finish without loading it again), fed from one queue with a
// fixed number of places. A full queue refuses
// (the handler answers 503 with Retry-After) instead of growing: under overload the server
// keeps its memory and its latency, and the client knows to come back.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "server/standard_lager.hpp"

namespace kvalitet::server {

class Arbejdere {
public:
    // A job must not throw; one that does is caught and dropped (its waiter sees a broken
    // promise). It runs on some worker, with that worker's standards.
    using Job = std::function<void(StandardLager&)>;

    // `traade` 0: no threads; every job runs at once in the caller's thread (one set of
    // standards behind a lock): the fuzz target's and the unit tests' mode. `pladser`: jobs
    // that may wait for a worker.
    Arbejdere(unsigned traade, std::size_t pladser);
    ~Arbejdere(); // runs what is queued, then joins
    Arbejdere(const Arbejdere&) = delete;
    Arbejdere& operator=(const Arbejdere&) = delete;

    // Queues `job`, to run with `udgave`'s standards, or returns false when every place is taken.
    bool proev(std::shared_ptr<const Udgave> udgave, Job job);
    // Queues `job`, waiting for a place: for the rest of a batch already let in. False
    // only while the workers are stopping (the job is not run).
    bool koe(std::shared_ptr<const Udgave> udgave, Job job);

    unsigned traade() const { return unsigned(threads_.size()); }
    std::size_t pladser() const { return pladser_; }
    std::size_t i_koe() const; // jobs waiting now

private:
    struct Opgave {
        std::shared_ptr<const Udgave> udgave;
        Job job;
    };
    // One worker's standards: the newest udgave it met and the one before.
    struct Lagre {
        std::unique_ptr<StandardLager> nu, foer;
        StandardLager& til(const std::shared_ptr<const Udgave>& udgave);
    };
    void work(std::size_t i);
    void run(Lagre& lagre, Opgave& opgave);

    std::size_t pladser_;
    mutable std::mutex mutex_;
    std::condition_variable har_job_, har_plads_;
    std::deque<Opgave> jobs_;
    bool stopper_ = false;
    std::vector<Lagre> lagre_;
    std::vector<std::thread> threads_;
    std::mutex inline_mutex_; // `traade` 0: the one set of standards
};

} // namespace kvalitet::server
