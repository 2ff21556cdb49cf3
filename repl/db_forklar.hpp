#pragma once
// kvalitet db forklar: a stored assessment's full explanation, regenerated and checked.
#include <string>

#include "cli.hpp"

namespace kvalitet::cli {

// Prints the full explanation of `sag_id`'s latest assessment in the store at `db` (on
// `dato` when not empty) as text or JSON (`format` "tekst" or "json"), after regenerating
// it under the recorded version of the standard and checking it equals the stored one.
// Throws InputError in Danish naming the case and the date when it does not, or when the
// case or the assessment is not there; CLI::ValidationError for a bad --dato.
int db_forklar(const std::string& db, const std::string& sag_id, const std::string& dato, const std::string& format,
               const Sources& sources);

} // namespace kvalitet::cli
