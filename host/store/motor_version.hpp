#pragma once
// What the log records as the engine behind an assessment: the program's version and a
// digest of the host code that assesses and writes the texts (bind/, domain/, engine/,
// lua/, the sandbox; fixed at build time) and of the shared rules, every .lua and .json file
// of dsl/ and stdlib/: "0.1.0+1a2b3c4d5e6f7a8b". The version alone never changed with the
// code. The standard's own script is recorded beside it
// (standard_sha256); together they name the code that made an assessment, so `db vurder`
// assesses again after a change to the shared rules, and `db forklar` can tell whether a
// compact row (spor kort or ingen) is still reproducible.
#include <string>
#include <string_view>

#include "sources.hpp"

namespace kvalitet {

std::string motor_version(const Sources& sources);

// For a person: "kvalitet 0.1.0 med motorkode og fælles regler (dsl/, stdlib/) 1a2b3c4d5e6f7a8b", or
// for a row from before the digest was recorded "kvalitet 0.1.0 (de fælles regler er ikke
// registreret)".
std::string motor_tekst(std::string_view motor_version);

} // namespace kvalitet
