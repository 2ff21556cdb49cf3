#include "engine/parallel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <thread>

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

    void run(const Sources& sources, const Opgave& o, Dato dato, Udfald& u) {
        try {
            Sag sag = Sag::from_json(o.sag_json);
            u.sag_id = sag.id;
            u.kommune = !o.kommune.empty() ? o.kommune : sag.kommune.value_or("");
            if (u.kommune.empty())
                throw InputError("feltet 'kommune' mangler: angiv kommunen i sagen eller med --kommune", "ugyldigt_felt",
                                 "kommune");
            u.vurdering_json = standard(sources, u.kommune).vurder(sag, dato).json();
        } catch (const InputError& e) {
            u.fejl = e.what(), u.kode = e.kode(), u.felt = e.felt();
        } catch (const ScriptError& e) {
            const bool budget = e.kind() == ScriptError::Kind::Budget || e.kind() == ScriptError::Kind::Memory;
            u.fejl = e.what(), u.kode = budget ? "budget_overskredet" : "script_fejl";
        } catch (const std::exception& e) {
            u.fejl = e.what(), u.kode = "intern_fejl";
        }
        if (!u.ok() && u.sag_id.empty()) u.sag_id = sag_id_of(o.sag_json).value_or("");
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
    return workers_[0]->standard(sources_, kommune).info();
}

} // namespace kvalitet
