#include "server/arbejdere.hpp"

#include <algorithm>

namespace kvalitet::server {

Arbejdere::Arbejdere(const Sources& sources, const Katalog& katalog, unsigned traade, std::size_t pladser)
    : pladser_(pladser) {
    for (unsigned i = 0; i < std::max(1u, traade); ++i) lagre_.push_back(std::make_unique<StandardLager>(sources, katalog));
    for (unsigned i = 0; i < traade; ++i) threads_.emplace_back([this, i] { work(i); });
}

Arbejdere::~Arbejdere() {
    {
        std::lock_guard lock(mutex_);
        stopper_ = true;
    }
    har_job_.notify_all();
    har_plads_.notify_all();
    for (auto& t : threads_) t.join();
}

void Arbejdere::run(StandardLager& lager, Job& job) {
    try {
        job(lager);
    } catch (...) {
        // A job reports through what it captured; nothing may escape a worker thread.
    }
}

bool Arbejdere::proev(Job job) {
    if (threads_.empty()) {
        std::lock_guard lock(inline_mutex_);
        run(*lagre_[0], job);
        return true;
    }
    {
        std::lock_guard lock(mutex_);
        if (stopper_ || jobs_.size() >= pladser_) return false;
        jobs_.push_back(std::move(job));
    }
    har_job_.notify_one();
    return true;
}

bool Arbejdere::koe(Job job) {
    if (threads_.empty()) {
        std::lock_guard lock(inline_mutex_);
        run(*lagre_[0], job);
        return true;
    }
    {
        std::unique_lock lock(mutex_);
        har_plads_.wait(lock, [&] { return stopper_ || jobs_.size() < pladser_; });
        if (stopper_) return false; // the workers may be gone: nobody would run it
        jobs_.push_back(std::move(job));
    }
    har_job_.notify_one();
    return true;
}

std::size_t Arbejdere::i_koe() const {
    std::lock_guard lock(mutex_);
    return jobs_.size();
}

void Arbejdere::work(std::size_t i) {
    StandardLager& lager = *lagre_[i];
    while (true) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            har_job_.wait(lock, [&] { return stopper_ || !jobs_.empty(); });
            if (jobs_.empty()) return; // stopping, and nothing left to do
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        har_plads_.notify_one();
        run(lager, job);
    }
}

} // namespace kvalitet::server
