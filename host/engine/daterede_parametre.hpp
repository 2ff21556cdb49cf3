#pragma once
// Dated parameters: a parameter whose value changes by date, as the law changes
// (`perioder = { ["2020-01-01"] = 6, ["2027-01-01"] = 5 }`, docs/dsl.md). A rule reads the
// value in force on the date whose rules apply (the assessment's, or --standard-dato), and
// the full trace records it under the parameter's name and period.
#include "engine/standard.hpp"

namespace kvalitet {

// Gives the DSL of `s`'s state _vaert.parameter_paa_dato(navn, perioder) -> true, value
// | false, problem. Call after the DSL has loaded, before the script runs.
void expose_dated_parameters(Standard& s);

// Each period's name in the trace and the parameter's value as shown, once the periods
// (oldest first) are read: "fysisk_post_hverdage (gælder 2018-06-26 til 2026-12-31)",
// "6 fra 26. juni 2018; 5 fra 1. januar 2027".
void name_periods(Parameter& p);

} // namespace kvalitet
