// Group 1 and part of 5 of bench/README.md: full assessments per second on one core, per
// municipality, on the main job's synthetic cases (already parsed); with the JSON written;
// and the time to load all five standards. Prints medians of repeated runs.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <string>
#include <vector>

#include "engine/standard.hpp"
#include "store/demo_sager.hpp"

using namespace kvalitet;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// The thread's CPU time: on a machine shared with other builds, wall-clock time measures
// the neighbours; per CPU second is what "on one core" means.
double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int run(int argc, char** argv) {
    const std::string root = argc > 1 ? argv[1] : ".";
    const std::string only = argc > 2 ? argv[2] : ""; // one municipality, for a profiler
    const Sources sources = Sources::directory(root);
    const Dato dato = *Dato::parse("2026-11-22");
    // Fewer cases and runs for a profiler (callgrind counts the same instructions each time):
    // bench_assess_per_kommune ROOT KOMMUNE SAGER RUNDER
    const std::size_t kCases = argc > 3 ? std::stoul(argv[3]) : 10000;
    const int kRuns = argc > 4 ? std::stoi(argv[4]) : 5;

    std::vector<double> load;
    for (int r = 0; r < kRuns; ++r) {
        auto t0 = Clock::now();
        for (const auto& k : kommuner(sources)) (void)Standard::load(sources, k);
        load.push_back(seconds(t0) * 1000);
    }
    // The first run compiles dsl/ and stdlib/ once and each script; later runs in the same
    // process load the compiled chunks (lua::State::load). A one-case process is the first.
    fmt::print("indlæs alle fem standarder: første gang i processen {:.1f} ms, derefter {:.1f} ms (median af {})\n\n",
               load.front(), median(load), kRuns);

    fmt::print("pr. CPU-sekund for tråden (median af {}):\n", kRuns);
    fmt::print("{:<12} {:>10} {:>10} {:>10} {:>10}\n", "kommune", "vurd./s", "+JSON/s", "leverancer", "opfølgn.");
    for (const auto& k : kommuner(sources)) {
        if (!only.empty() && k != only) continue;
        auto standard = Standard::load(sources, k);
        std::vector<Sag> sager;
        std::size_t lev = 0, opf = 0;
        for (std::uint64_t i = 0; sager.size() < kCases; ++i) {
            Sag s = Sag::from_json(demo_sag(85, i, dato));
            if (s.kommune != k) continue;
            lev += s.leverancer.size();
            opf += s.opfoelgninger.size();
            sager.push_back(std::move(s));
        }
        std::vector<double> plain, with_json;
        std::size_t sink = 0;
        for (int r = 0; r < kRuns; ++r) {
            double t0 = cpu_seconds();
            // Each assessment handed back when done with, as vurder --ndjson's workers do.
            for (const auto& s : sager) {
                Vurdering v = standard->vurder(s, dato);
                sink += v.spor.size();
                standard->recycle(std::move(v));
            }
            plain.push_back(double(sager.size()) / (cpu_seconds() - t0));
            t0 = cpu_seconds();
            for (const auto& s : sager) {
                Vurdering v = standard->vurder(s, dato);
                sink += v.json().size();
                standard->recycle(std::move(v));
            }
            with_json.push_back(double(sager.size()) / (cpu_seconds() - t0));
        }
        fmt::print("{:<12} {:>10.0f} {:>10.0f} {:>10.1f} {:>10.1f}{}\n", k, median(plain), median(with_json),
                   double(lev) / double(sager.size()), double(opf) / double(sager.size()), sink ? "" : " ");
    }
    return 0;
}

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) { // a script that fails on a case: its message, not an abort
        fmt::print(stderr, "bench_assess_per_kommune: {}\n", e.what());
        return 1;
    }
}
