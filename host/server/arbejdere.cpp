#include "server/arbejdere.hpp"

#include <algorithm>

#include "server/udgave.hpp"

namespace kvalitet::server {

Arbejdere::Arbejdere(unsigned traade, std::size_t pladser) : pladser_(pladser), lagre_(std::max(1u, traade)) {
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

StandardLager& Arbejdere::Lagre::til(const std::shared_ptr<const Udgave>& udgave) {
    if (nu && nu->udgave() == udgave.get()) return *nu;
    if (foer && foer->udgave() == udgave.get()) return *foer;
    // A newer udgave pushes the oldest out; a job of an older one (a request from before
    // the reload) takes the second place.
    const bool nyere = !nu || udgave->nr > nu->udgave()->nr;
    if (nyere) {
        foer = std::move(nu);
        return *(nu = std::make_unique<StandardLager>(udgave));
    }
    return *(foer = std::make_unique<StandardLager>(udgave));
}

void Arbejdere::run(Lagre& lagre, Opgave& opgave) {
    try {
        opgave.job(lagre.til(opgave.udgave));
    } catch (...) {
        // A job reports through what it captured; nothing may escape a worker thread.
    }
}

bool Arbejdere::proev(std::shared_ptr<const Udgave> udgave, Job job) {
    Opgave o{std::move(udgave), std::move(job)};
    if (threads_.empty()) {
        std::lock_guard lock(inline_mutex_);
        run(lagre_[0], o);
        return true;
    }
    {
        std::lock_guard lock(mutex_);
        if (stopper_ || jobs_.size() >= pladser_) return false;
        jobs_.push_back(std::move(o));
    }
    har_job_.notify_one();
    return true;
}

bool Arbejdere::koe(std::shared_ptr<const Udgave> udgave, Job job) {
    Opgave o{std::move(udgave), std::move(job)};
    if (threads_.empty()) {
        std::lock_guard lock(inline_mutex_);
        run(lagre_[0], o);
        return true;
    }
    {
        std::unique_lock lock(mutex_);
        har_plads_.wait(lock, [&] { return stopper_ || jobs_.size() < pladser_; });
        if (stopper_) return false; // the workers may be gone: nobody would run it
        jobs_.push_back(std::move(o));
    }
    har_job_.notify_one();
    return true;
}

std::size_t Arbejdere::i_koe() const {
    std::lock_guard lock(mutex_);
    return jobs_.size();
}

void Arbejdere::work(std::size_t i) {
    Lagre& lagre = lagre_[i];
    while (true) {
        Opgave job;
        {
            std::unique_lock lock(mutex_);
            har_job_.wait(lock, [&] { return stopper_ || !jobs_.empty(); });
            if (jobs_.empty()) return; // stopping, and nothing left to do
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        har_plads_.notify_one();
        run(lagre, job);
    }
}

} // namespace kvalitet::server
