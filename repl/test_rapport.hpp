#pragma once
// How `kvalitet test` shows a failing test: every differing path with what the test
// expected and what the assessment gave side by side, and under each the trace lines of
// the rules that decided that part of the assessment, so the policy officer sees why
// without reading the whole trace.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "harness/koersel.hpp"

namespace kvalitet::cli {

// The entries of the assessment's trace ("spor" in its JSON) that decided the part at
// `sti` ("maalgruppe.i_maalgruppe", "frister.klage.dato", "advarsler"), in trace order.
// `forventet` is the test's side of the difference (for a list of ids, the ids it
// wanted: their rules explain why they are missing).
std::vector<const nlohmann::json*> afgoerende_spor(const nlohmann::json& vurdering, std::string_view sti,
                                                   std::string_view forventet = {});

// Rows of columns side by side, every column as wide as its widest cell up to `bredde`
// characters (longer text wraps within its column; characters counted as UTF-8 code
// points). One block of lines per row, so that other lines can go between the rows.
std::vector<std::string> side_om_side(const std::vector<std::vector<std::string>>& raekker, std::size_t bredde,
                                      std::string_view indryk);

// The whole report of one failing test (ending with a blank line); `fuldt_spor` adds the
// assessment's complete trace after the differences.
std::string fejlrapport(const harness::Resultat& r, bool fuldt_spor);

} // namespace kvalitet::cli
