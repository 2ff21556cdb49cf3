#include "workbench/tjek.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "harness/koersel.hpp"
#include "lua/error.hpp"

namespace kvalitet::workbench {

const std::vector<harness::TestSag>& Tjek::testsager() {
    if (testsager_) return *testsager_;
    testsager_.emplace();
    const std::string& kommune = standard.info().kommune;
    for (const auto& fil : harness::find_test_files(standard.sources(), {kommune})) {
        std::vector<harness::TestSag> tests;
        try {
            tests = harness::load_tests(standard.sources(), fil);
        } catch (const ScriptError& e) {
            noter.push_back(fmt::format("testfilen {} kunne ikke læses: {}", fil.fil, e.what()));
            continue;
        } catch (const InputError& e) { // too large to read
            noter.push_back(fmt::format("testfilen {} kunne ikke læses: {}", fil.fil, e.what()));
            continue;
        }
        for (auto& test : tests)
            if (test.sag_fejl.empty() && (test.kommune.empty() || test.kommune == kommune))
                testsager_->push_back(std::move(test));
    }
    return *testsager_;
}

std::vector<Fund> tjek_alt(Tjek& t) {
    for (auto check : {tjek_kilder, tjek_parametre, tjek_antagelser, tjek_antaget_brugt, tjek_aktiviteter, tjek_forhold, tjek_frister,
                       tjek_datoer, tjek_tekst_tal, tjek_vum_delvis, tjek_parameter_lokal, tjek_parameter_felt, tjek_maalgruppe, tjek_pakker, tjek_ukendte}) {
        // A rule that fails on the cases a check assesses is a finding, and the other checks
        // still run: one typo in a rule must not hide what else the lint has to say.
        try {
            check(t);
        } catch (const ScriptError& e) {
            if (e.kind() == ScriptError::Kind::Syntax || e.kind() == ScriptError::Kind::Host) throw;
            // the cases a check assesses are its own: their ids mean nothing to the reader
            const std::string besked = e.uden_sag(e.message());
            const bool set = std::any_of(t.fund.begin(), t.fund.end(), [&](const Fund& f) {
                return f.kode == "regel_fejler" && f.fil == e.chunk() && f.linje == e.line() && f.besked == besked;
            });
            if (!set)
                t.add("regel_fejler", e.chunk(), e.line(), besked,
                      "ret fejlen i linjen; reglen fejler, når den vurderes, så også på rigtige sager "
                      "(kvalitet test viser den på kommunens testsager)");
        }
    }
    auto out = t.fund;
    std::stable_sort(out.begin(), out.end(), [](const Fund& a, const Fund& b) {
        return std::tie(a.fil, a.linje, a.kode) < std::tie(b.fil, b.linje, b.kode);
    });
    return out;
}

} // namespace kvalitet::workbench
