#include "engine/parallel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <thread>

#include "lua/error.hpp"

namespace kvalitet {

struct ParallelAssessor::Worker {
    std::map<std::string, std::unique_ptr<Standard>, std::less<>> standards;
    std::map<std::string, std::string, std::less<>> load_errors;

    Standard* standard(const Sources& sources, const std::string& kommune, std::string& error) {
        if (auto it = standards.find(kommune); it != standards.end()) return it->second.get();
        if (auto it = load_errors.find(kommune); it != load_errors.end()) {
            error = it->second;
            return nullptr;
        }
        try {
            return (standards[kommune] = Standard::load(sources, kommune)).get();
        } catch (const std::exception& e) {
            error = load_errors[kommune] = e.what();
            return nullptr;
        }
    }

    void run(const Sources& sources, const Opgave& o, Dato dato, Udfald& u) {
        try {
            Sag sag = Sag::from_json(o.sag_json);
            u.sag_id = sag.id;
            u.kommune = !o.kommune.empty() ? o.kommune : sag.kommune.value_or("");
            if (u.kommune.empty()) {
                u.fejl = "feltet 'kommune' mangler: angiv kommunen i sagen eller med --kommune";
                return;
            }
            Standard* s = standard(sources, u.kommune, u.fejl);
            if (!s) return;
            u.vurdering_json = s->vurder(sag, dato).json();
        } catch (const std::exception& e) {
            u.fejl = e.what();
        }
    }
};

ParallelAssessor::ParallelAssessor(const Sources& sources, unsigned threads)
    : sources_(sources), threads_(threads ? threads : std::max(1u, std::thread::hardware_concurrency())) {
    for (unsigned i = 0; i < threads_; ++i) workers_.push_back(std::make_unique<Worker>());
}

ParallelAssessor::~ParallelAssessor() = default;

std::vector<Udfald> ParallelAssessor::assess(const std::vector<Opgave>& opgaver, Dato dato) {
    std::vector<Udfald> out(opgaver.size());
    // Worker t takes items t, t+stride, …: cases of similar size spread evenly.
    auto work = [&](unsigned t, unsigned stride) {
        for (std::size_t i = t; i < opgaver.size(); i += stride) workers_[t]->run(sources_, opgaver[i], dato, out[i]);
    };
    const unsigned used = opgaver.size() < 64 ? 1 : threads_;
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < used; ++t) pool.emplace_back(work, t, used);
    work(0, used);
    for (auto& th : pool) th.join();
    return out;
}

const StandardInfo& ParallelAssessor::info(const std::string& kommune) {
    std::string error;
    Standard* s = workers_[0]->standard(sources_, kommune, error);
    if (!s) throw InputError(error);
    return s->info();
}

} // namespace kvalitet
