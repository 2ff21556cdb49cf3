#pragma once
// Assessing many cases on all cores: one Lua state per worker and municipality (states are
// single-threaded), loaded when a worker first meets a case of that municipality; results
// in input order, so the output is the same for any thread count.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/standard.hpp"
#include "engine/versioner.hpp"

namespace kvalitet {

struct Opgave {
    std::string sag_json;
    // The caller's municipality (--kommune): a case naming another is an error. Empty:
    // the case's own "kommune" decides (engine/rute.hpp).
    std::string kommune;
    // Its line in an NDJSON input, so a syntax error names that line, not the case's own first.
    std::size_t linje = 1;
};

struct Udfald {
    std::string vurdering_json; // the assessment, when ok
    std::string fejl;           // why it could not be assessed, otherwise (Danish)
    std::string kode, felt;     // the contract's error code and the field at fault, if any
    std::string sag_id, kommune; // sag_id also for a case refused, when it got as far as its id
    // assess_pair: the side whose standard failed on the case (its message names the file as
    // that side's tree has it), or none (the case itself was refused).
    enum class Side { Ingen, Foer, Efter } side = Side::Ingen;
    bool tidsloft = false; // the time budget ran out (budget_overskredet is memory too)
    bool ok() const { return fejl.empty(); }
};

// assess_pair stops at the first case a side spends its whole time budget on: a loop in a
// draft would make every case wait as long (an hour over the demo cases).
struct TidsloftRamt : std::runtime_error {
    explicit TidsloftRamt(Udfald u) : std::runtime_error(u.fejl), udfald(std::move(u)) {}
    Udfald udfald;
};

// One side of a comparison (kvalitet konsekvens): a file of a municipality's standard in a
// tree of sources, a version or a draft placed in a temporary tree.
struct Side {
    const Sources* sources = nullptr;
    std::string kommune, fil;
};

class ParallelAssessor {
public:
    // threads == 0: all cores. Standards load lazily, per worker, on first use. `ukendte`:
    // what a field outside the case schema does (listed in the assessment, or an error).
    ParallelAssessor(const Sources& sources, unsigned threads, UkendteFelter ukendte = UkendteFelter::Ignorer);
    // The sources are kept by reference: a temporary would be gone before the first case.
    ParallelAssessor(Sources&&, unsigned, UkendteFelter = UkendteFelter::Ignorer) = delete;

    // How much trace each assessment's JSON carries (--spor); fuld unless set.
    void set_spor(SporNiveau spor) { spor_ = spor; }
    ~ParallelAssessor();

    unsigned threads() const { return threads_; }
    // Each case under the version of its municipality's standard in force on `standard_dato`
    // (--standard-dato), else on `dato` (engine/versioner.hpp).
    std::vector<Udfald> assess(const std::vector<Opgave>& opgaver, Dato dato, std::optional<Dato> standard_dato = {});
    // Each case parsed once and assessed on `dato` under `foer` and under `efter`, recording
    // the trace `spor` asks for; `hver` runs on the worker that did it (`worker` < threads(),
    // for the caller's own tallies). `fuldt` assesses the same case again under both sides
    // with the full trace, for the few cases a caller shows in detail. The result holds the
    // errors: a case that could not be assessed under both sides has its Udfald there, and
    // `hver` is not called for it (or its tally is void, if `fuldt` threw); the others' are
    // left empty. Throws TidsloftRamt at the first case that hit the time budget.
    using Fuldt = std::function<std::pair<Vurdering, Vurdering>()>;
    using Par = std::function<void(unsigned worker, std::size_t i, const Sag& sag, Vurdering& foer, Vurdering& efter,
                                   const Fuldt& fuldt)>;
    std::vector<Udfald> assess_pair(const std::vector<Opgave>& opgaver, Dato dato, const Side& foer, const Side& efter,
                                    SporNiveau spor, const Par& hver);
    // The versions of a municipality's standard, read once and shared by the workers.
    const std::vector<Version>& versions(const std::string& kommune);
    // The standard's sha256 for a municipality (loads it on worker 0).
    const StandardInfo& info(const std::string& kommune);

private:
    struct Worker;
    // Runs work(t, i) for every i on the workers, each taking the next few items when free.
    void spread(std::size_t n, const std::function<void(unsigned, std::size_t)>& work);
    const Sources& sources_;
    unsigned threads_;
    UkendteFelter ukendte_;
    SporNiveau spor_ = SporNiveau::Fuld;
    std::vector<std::string> kendte_; // the municipalities there are standards for
    std::vector<std::unique_ptr<Worker>> workers_;
    struct Katalog {
        std::vector<Version> versioner;
        std::exception_ptr fejl; // a version that does not load fails every case that needs it
    };
    std::mutex katalog_mutex_;
    std::map<std::string, Katalog, std::less<>> katalog_;
};

} // namespace kvalitet
