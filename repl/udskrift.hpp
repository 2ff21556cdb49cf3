#pragma once
// Where `dokument` and `sammenlign` write: standard output, or the file `--ud` names.
#include <string>

namespace kvalitet::cli {

// Writes `tekst` to `ud` (standard output when empty or "-"); returns an exit code and
// says on stderr where a file went, or why it could not be written.
int skriv_ud(const std::string& ud, const std::string& tekst, const std::string& hvad);

} // namespace kvalitet::cli
