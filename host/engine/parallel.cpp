#include "engine/parallel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <thread>

#include "domain/fejl_json.hpp"
#include "engine/rute.hpp"
#include "lua/error.hpp"

namespace kvalitet {

struct ParallelAssessor::Worker {
    std::map<std::string, std::unique_ptr<Standard>, std::less<>> standards;
    // A standard that failed to load fails the same way for every case that needs it.
    std::map<std::string, std::exception_ptr, std::less<>> load_errors;

    Standard& standard(const Sources& sources, const std::string& kommune) {
        if (auto it = standards.find(kommune); it != standards.end()) return *it->second;
        if (auto it = load_errors.find(kommune); it != load_errors.end()) std::rethrow_exception(it->second);
        try {
            return *(standards[kommune] = Standard::load(sources, kommune));
        } catch (...) {
            standards.erase(kommune);
            load_errors[kommune] = std::current_exception();
            throw;
        }
    }

    // Only known municipalities reach standard(): the maps above hold at most one entry
    // per standard, however many different names the input makes up.
    void run(const ParallelAssessor& p, const Opgave& o, Dato dato, Udfald& u) {
        try {
            Sag sag = Sag::from_json(o.sag_json, {}, p.ukendte_);
            u.sag_id = sag.id;
            u.kommune = rute(sag, o.kommune, p.kendte_);
            Vurdering v = standard(p.sources_, u.kommune).vurder(sag, dato);
            v.ignorerede_felter = std::move(sag.ignorerede_felter);
            v.spor_niveau = p.spor_;
            u.vurdering_json = v.json();
        } catch (...) {
            Fejl f = aktuel_fejl();
            u.fejl = std::move(f.besked), u.kode = std::move(f.kode), u.felt = std::move(f.felt);
        }
        if (!u.ok() && u.sag_id.empty()) u.sag_id = sag_id_of(o.sag_json).value_or("");
    }
};

ParallelAssessor::ParallelAssessor(const Sources& sources, unsigned threads, UkendteFelter ukendte)
    : sources_(sources), threads_(threads ? threads : std::max(1u, std::thread::hardware_concurrency())),
      ukendte_(ukendte), kendte_(kommuner(sources)) {
    for (unsigned i = 0; i < threads_; ++i) workers_.push_back(std::make_unique<Worker>());
}

ParallelAssessor::~ParallelAssessor() = default;

std::vector<Udfald> ParallelAssessor::assess(const std::vector<Opgave>& opgaver, Dato dato) {
    std::vector<Udfald> out(opgaver.size());
    // Worker t takes items t, t+stride, …: cases of similar size spread evenly.
    auto work = [&](unsigned t, unsigned stride) {
        for (std::size_t i = t; i < opgaver.size(); i += stride) workers_[t]->run(*this, opgaver[i], dato, out[i]);
    };
    const unsigned used = opgaver.size() < 64 ? 1 : threads_;
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < used; ++t) pool.emplace_back(work, t, used);
    work(0, used);
    for (auto& th : pool) th.join();
    return out;
}

const StandardInfo& ParallelAssessor::info(const std::string& kommune) {
    return workers_[0]->standard(sources_, kommune).info();
}

} // namespace kvalitet
