#pragma once
// `kvalitet tjek`: a lint for a standard, in Danish. Each check is its own file
// (tjek_*.cpp) and adds findings (`Fund`) with the file and line to fix and a suggestion.
// docs/workbench.md lists the checks and how each one finds what it reports.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/dato.hpp"
#include "engine/standard.hpp"
#include "harness/testfil.hpp"
#include "workbench/kildetekster.hpp"
#include "workbench/laesninger.hpp"

namespace kvalitet::workbench {

struct Fund {
    std::string kode; // stable, for tools and tests: "uden_kilde", "pakke_hul" …
    std::string fil;
    int linje = 0;
    std::string besked;  // what is wrong, in Danish
    std::string forslag; // what to do about it
};

// What the checks share: the standard, its scanned text, and a date for the checks that
// assess cases (any date: the checks do not depend on it beyond the rules' own dates).
struct Tjek {
    Tjek(Standard& s, Dato d) : standard(s), dato(d) {}
    Standard& standard;
    Dato dato;
    double pakke_sekunder = 60; // at most, for the packages' analysis (tjek_pakker)
    Kildetekster kilder{standard};
    Parameterlaesninger laesninger{kilder};
    std::vector<std::string> noter; // what the checks want the reader to know besides findings
    std::vector<Fund> fund;

    void add(std::string kode, std::string fil, int linje, std::string besked, std::string forslag) {
        fund.push_back({std::move(kode), std::move(fil), linje, std::move(besked), std::move(forslag)});
    }

    // The municipality's own test cases the checks can assess (its own municipality, a case
    // that could be read), read once for every check that assesses them; a test file that
    // cannot be read is said in `noter`, once.
    const std::vector<harness::TestSag>& testsager();

private:
    std::optional<std::vector<harness::TestSag>> testsager_;
};

void tjek_kilder(Tjek& t);             // rules and parameters without a kilde
void tjek_parametre(Tjek& t);          // parameters no rule reads
void tjek_antagelser(Tjek& t);         // assumptions with no words on what the standard says
void tjek_antaget_brugt(Tjek& t);      // rules resting on an assumed parameter, not marked as assumptions
void tjek_aktiviteter(Tjek& t);        // activity ids outside the catalogue
void tjek_forhold(Tjek& t);            // forhold ids outside the contract
void tjek_frister(Tjek& t);            // contract deadlines with no fulfilling event
void tjek_datoer(Tjek& t);             // == or ~= between a date and a date-shaped text
void tjek_pakker(Tjek& t);             // gaps, overlaps, packages never chosen or shadowed
void tjek_maalgruppe(Tjek& t);         // target-group rules shadowed by another
void tjek_ukendte(Tjek& t);            // rules deciding on facts the test cases lack
void tjek_tekst_tal(Tjek& t);          // a number in a rule's text its parameter no longer has
void tjek_vum_delvis(Tjek& t);         // a threshold on vum:max()/sum(), silent for a partial VUM
void tjek_parameter_lokal(Tjek& t);    // a parameter kept in a local at load time, used by a rule
void tjek_parameter_felt(Tjek& t);     // P.x.y where the record parameter x has no field y

// Shared by the two checks above (tjek_parameter_lokal.cpp): the names the parameter tables
// have in a file (`local P = parametre { … }`), and `P.x` at ts[k] with P one of them ("P.x",
// else empty; not `t.P.x`).
std::set<std::string> parametertabeller(const std::vector<Token>& ts);
std::string parameter_at(const std::vector<Token>& ts, std::size_t k, const std::set<std::string>& tabeller);

// All checks, findings sorted by file, line and code.
std::vector<Fund> tjek_alt(Tjek& t);

} // namespace kvalitet::workbench
