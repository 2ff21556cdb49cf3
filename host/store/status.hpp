#pragma once
// What the store holds, per municipality, from each case's latest assessment.
#include <cstdint>
#include <map>
#include <string>

#include "store/case_store.hpp"

namespace kvalitet {

struct KommuneStatus {
    std::int64_t sager = 0, vurderet = 0, i_maalgruppe = 0, uden_for = 0, uafklaret = 0;
    std::int64_t med_advarsler = 0; // cases with at least one warning
    // per id: cases (not deadlines or warnings) with it
    std::map<std::string, std::int64_t> pakker, overskredne_frister, advarsler;
};

std::map<std::string, KommuneStatus> store_status(CaseStore& store);

// The summary a person reads: one block per municipality.
std::string status_tekst(const std::map<std::string, KommuneStatus>& status);

} // namespace kvalitet
