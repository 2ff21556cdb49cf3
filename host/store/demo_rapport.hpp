#pragma once
// The main job's report: per municipality, from each case's latest assessment in the
// store, what a team leader acts on (target group, packages, deadlines due and overdue,
// the warnings), as one self-contained HTML page with inline SVG charts.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "domain/dato.hpp"
#include "store/case_store.hpp"

namespace kvalitet {

struct RapportFrist {
    std::string sag_id, id, dato; // dato ISO
};

struct RapportAdvarsel {
    std::string sag_id, tekst;
};

struct KommuneRapport {
    std::string titel;
    std::int64_t sager = 0, i_maalgruppe = 0, uden_for = 0, uafklaret = 0;
    std::map<std::string, std::int64_t> mangler;           // fact → cases that lack it
    std::map<std::string, std::int64_t> pakker;            // package name → cases
    std::vector<RapportFrist> kommende, overskredne;       // due within 30 days; overdue
    std::map<std::string, std::vector<RapportAdvarsel>> advarsler; // warning id → cases with it
    std::map<std::string, std::string> advarsel_kilde;     // warning id → its kilde
    std::int64_t med_advarsler = 0;
};

struct DemoRapport {
    Dato dato;
    std::string db;
    std::map<std::string, KommuneRapport> kommuner;
};

// Days ahead a deadline counts as due soon.
constexpr int kSnartDage = 30;

// Reads every case's latest assessment; deadlines and warnings are sorted by date and case.
DemoRapport demo_rapport(CaseStore& store, Dato dato);

// The page: no scripts, nothing fetched; every text escaped.
std::string demo_rapport_html(const DemoRapport& rapport);

} // namespace kvalitet
