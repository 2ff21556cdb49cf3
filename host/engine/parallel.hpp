#pragma once
// Assessing many cases on all cores: one Lua state per worker and municipality (states are
// single-threaded), loaded when a worker first meets a case of that municipality; results
// in input order, so the output is the same for any thread count.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
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
};

struct Udfald {
    std::string vurdering_json; // the assessment, when ok
    std::string fejl;           // why it could not be assessed, otherwise (Danish)
    std::string kode, felt;     // the contract's error code and the field at fault, if any
    std::string sag_id, kommune; // sag_id also for a case refused, when it got as far as its id
    bool ok() const { return fejl.empty(); }
};

class ParallelAssessor {
public:
    // threads == 0: all cores. Standards load lazily, per worker, on first use. `ukendte`:
    // what a field outside the case schema does (listed in the assessment, or an error).
    ParallelAssessor(const Sources& sources, unsigned threads, UkendteFelter ukendte = UkendteFelter::Ignorer);

    // How much trace each assessment's JSON carries (--spor); fuld unless set.
    void set_spor(SporNiveau spor) { spor_ = spor; }
    ~ParallelAssessor();

    unsigned threads() const { return threads_; }
    // Each case under the version of its municipality's standard in force on `standard_dato`
    // (--standard-dato), else on `dato` (engine/versioner.hpp).
    std::vector<Udfald> assess(const std::vector<Opgave>& opgaver, Dato dato, std::optional<Dato> standard_dato = {});
    // The versions of a municipality's standard, read once and shared by the workers.
    const std::vector<Version>& versions(const std::string& kommune);
    // The standard's sha256 for a municipality (loads it on worker 0).
    const StandardInfo& info(const std::string& kommune);

private:
    struct Worker;
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
