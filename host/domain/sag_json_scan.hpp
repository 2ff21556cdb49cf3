#pragma once
// The bounded scan behind Sag::from_json's syntax errors, exposed for tests and fuzzing
// (not installed). simdjson says only what kind of error a document has; this finds where,
// in one pass that keeps nothing but the path to the current value (O(nesting) memory).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "domain/sag.hpp"

namespace kvalitet::detail {

struct JsonProblem {
    std::string kode;   // "ugyldig_json", or the code of the limit exceeded
    std::string felt;   // the JSON path of the value at fault; empty at the top
    std::string besked; // Danish, with line and column
    std::size_t linje = 0, kolonne = 0; // 1-based; kolonne counts characters, not bytes
};

// The first thing wrong with `text` as JSON within the limits, in document order (syntax,
// a number too big for a double, invalid UTF-8, nesting, list, object or text size);
// nullopt when it is well-formed. The document size and duplicate keys are not checked here.
std::optional<JsonProblem> scan_json(std::string_view text, const SagGraenser& graenser);

// Sag::from_json without its one-pass reader: the three passes it falls back on, which
// decide every error. For the tests that hold the two to the same result.
Sag sag_from_json_passes(std::string_view text, const SagGraenser& graenser, UkendteFelter ukendte);

} // namespace kvalitet::detail
