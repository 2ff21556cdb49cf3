#include "engine/parallel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
#include <thread>

#include "domain/fejl_json.hpp"
#include "engine/rute.hpp"
#include "lua/error.hpp"

namespace kvalitet {

namespace {
SagGraenser laeses_fra(const Opgave& o) {
    SagGraenser g;
    g.foerste_linje = o.linje;
    return g;
}
} // namespace

struct ParallelAssessor::Worker {
    // Keyed by the version's file: one loaded standard per (municipality, version).
    std::map<std::string, std::unique_ptr<Standard>, std::less<>> standards;
    // A standard that failed to load fails the same way for every case that needs it.
    std::map<std::string, std::exception_ptr, std::less<>> load_errors;
    // The shared catalogue's entries this worker has seen: no lock per case.
    std::map<std::string, const std::vector<Version>*, std::less<>> seen;

    const std::vector<Version>& versions(ParallelAssessor& p, const std::string& kommune) {
        if (auto it = seen.find(kommune); it != seen.end()) return *it->second;
        const auto& v = p.versions(kommune);
        seen[kommune] = &v;
        return v;
    }

    Standard& standard(const Sources& sources, const std::string& kommune, const std::string& fil) {
        // A file of another tree (a draft beside the real ones) is another standard.
        const std::string key = sources.on_disk() ? sources.root().string() + "|" + fil : fil;
        if (auto it = standards.find(key); it != standards.end()) return *it->second;
        if (auto it = load_errors.find(key); it != load_errors.end()) std::rethrow_exception(it->second);
        try {
            return *(standards[key] = Standard::load_file(sources, kommune, fil));
        } catch (...) {
            standards.erase(key);
            load_errors[key] = std::current_exception();
            throw;
        }
    }

    // Only known municipalities reach standard(): the maps above hold at most one entry
    // per standard, however many different names the input makes up.
    void run(ParallelAssessor& p, const Opgave& o, Dato dato, std::optional<Dato> standard_dato, Udfald& u) {
        try {
            Sag sag = Sag::from_json(o.sag_json, laeses_fra(o), p.ukendte_);
            u.sag_id = sag.id;
            u.kommune = rute(sag, o.kommune, p.kendte_);
            const Version& version = version_paa(versions(p, u.kommune), u.kommune, standard_dato.value_or(dato));
            Standard& s = standard(p.sources_, u.kommune, version.fil);
            Vurdering v = s.vurder(sag, dato, standard_dato.value_or(dato), p.spor_);
            v.ignorerede_felter = std::move(sag.ignorerede_felter);
            u.vurdering_json = v.json();
            s.recycle(std::move(v));
        } catch (...) {
            Fejl f = aktuel_fejl();
            u.fejl = std::move(f.besked), u.kode = std::move(f.kode), u.felt = std::move(f.felt);
        }
        if (!u.ok() && u.sag_id.empty()) u.sag_id = sag_id_of(o.sag_json).value_or("");
    }

    // Inside a handler: the error being handled, into `u`.
    static void failed(Udfald& u, Udfald::Side side, bool tidsloft) {
        Fejl f = aktuel_fejl();
        u.fejl = std::move(f.besked), u.kode = std::move(f.kode), u.felt = std::move(f.felt);
        u.side = side;
        u.tidsloft = tidsloft;
    }

    void run_pair(ParallelAssessor& p, unsigned t, std::size_t i, const Opgave& o, Dato dato, const Side& foer,
                  const Side& efter, SporNiveau spor, const Par& hver, Udfald& u) {
        auto side = Udfald::Side::Ingen;
        try {
            Sag sag = Sag::from_json(o.sag_json, laeses_fra(o), p.ukendte_);
            u.sag_id = sag.id;
            u.kommune = rute(sag, o.kommune, p.kendte_);
            side = Udfald::Side::Foer;
            Standard& x = standard(*foer.sources, foer.kommune, foer.fil);
            Vurdering a = x.vurder(sag, dato, dato, spor);
            side = Udfald::Side::Efter;
            Standard& y = standard(*efter.sources, efter.kommune, efter.fil);
            Vurdering b = y.vurder(sag, dato, dato, spor);
            side = Udfald::Side::Ingen; // the full traces and the tally: either side, or neither
            const Fuldt fuldt = [&] {
                return std::pair{x.vurder(sag, dato, dato, SporNiveau::Fuld), y.vurder(sag, dato, dato, SporNiveau::Fuld)};
            };
            hver(t, i, sag, a, b, fuldt);
            u = {};
            return;
        } catch (const ScriptError& e) {
            failed(u, side, e.kind() == ScriptError::Kind::Budget);
        } catch (...) {
            failed(u, side, false);
        }
        if (u.sag_id.empty()) u.sag_id = sag_id_of(o.sag_json).value_or("");
    }
};

ParallelAssessor::ParallelAssessor(const Sources& sources, unsigned threads, UkendteFelter ukendte)
    : sources_(sources), threads_(threads ? threads : std::max(1u, std::thread::hardware_concurrency())),
      ukendte_(ukendte), kendte_(kommuner(sources)) {
    for (unsigned i = 0; i < threads_; ++i) workers_.push_back(std::make_unique<Worker>());
}

ParallelAssessor::~ParallelAssessor() = default;

std::vector<Udfald> ParallelAssessor::assess(const std::vector<Opgave>& opgaver, Dato dato,
                                             std::optional<Dato> standard_dato) {
    std::vector<Udfald> out(opgaver.size());
    spread(opgaver.size(),
           [&](unsigned t, std::size_t i) { workers_[t]->run(*this, opgaver[i], dato, standard_dato, out[i]); });
    return out;
}

std::vector<Udfald> ParallelAssessor::assess_pair(const std::vector<Opgave>& opgaver, Dato dato, const Side& foer,
                                                  const Side& efter, SporNiveau spor, const Par& hver) {
    std::vector<Udfald> out(opgaver.size());
    spread(opgaver.size(), [&](unsigned t, std::size_t i) {
        workers_[t]->run_pair(*this, t, i, opgaver[i], dato, foer, efter, spor, hver, out[i]);
        if (out[i].tidsloft) throw TidsloftRamt(out[i]);
    });
    return out;
}

void ParallelAssessor::spread(std::size_t n, const std::function<void(unsigned, std::size_t)>& work) {
    // Workers take the next few items as they finish the last: a worker that loses its core
    // for a while (to the NDJSON reader or writer beside it) does not hold the others at the
    // end of the batch. Results land at their index, so the order out is the order in. What
    // a worker throws (memory ran out outside a case) is raised here, after all have stopped,
    // not in its thread, where it would end the process.
    constexpr std::size_t kChunk = 8;
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> thrown(threads_);
    auto part = [&](unsigned t) {
        try {
            for (std::size_t first; (first = next.fetch_add(kChunk, std::memory_order_relaxed)) < n;)
                for (std::size_t i = first, end = std::min(n, first + kChunk); i < end; ++i) work(t, i);
        } catch (...) {
            thrown[t] = std::current_exception();
            next.store(n, std::memory_order_relaxed); // the others stop after the case they are on
        }
    };
    const unsigned used = n < 64 ? 1 : threads_;
    std::vector<std::thread> pool;
    struct Join { // also when a part throws: a running thread must never be destroyed
        std::vector<std::thread>& pool;
        ~Join() {
            for (auto& th : pool)
                if (th.joinable()) th.join();
        }
    } join{pool};
    try {
        for (unsigned started = 1; started < used; ++started) pool.emplace_back(part, started);
    } catch (const std::system_error&) {
        // The system gave fewer threads (a memory limit): the work left runs here.
    }
    part(0);
    for (auto& th : pool) th.join();
    for (const auto& e : thrown)
        if (e) std::rethrow_exception(e);
}

const StandardInfo& ParallelAssessor::info(const std::string& kommune) {
    if (!valid_kommune_id(kommune)) Standard::load(sources_, kommune); // its message for a bad id
    return workers_[0]->standard(sources_, kommune, "municipalities/" + kommune + "/standard.lua").info();
}

const std::vector<Version>& ParallelAssessor::versions(const std::string& kommune) {
    // Only known municipalities get here (rute), so the catalogue stays bounded.
    std::lock_guard lock(katalog_mutex_);
    auto [it, ny] = katalog_.try_emplace(kommune);
    if (ny) {
        try {
            it->second.versioner = versioner(sources_, kommune);
        } catch (...) {
            it->second.fejl = std::current_exception();
        }
    }
    if (it->second.fejl) std::rethrow_exception(it->second.fejl);
    return it->second.versioner;
}

} // namespace kvalitet
