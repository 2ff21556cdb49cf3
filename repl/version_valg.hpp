#pragma once
// The versions `forskel` and `konsekvens` compare: one named on the command line by a date
// (the version in force on it, so its gyldig_fra names it), or a file being edited. Each
// side keeps what it was loaded from alive as long as its standard.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/standard.hpp"
#include "engine/versioner.hpp"
#include "workbench/fil_standard.hpp"

namespace kvalitet::cli {

struct Udgave {
    std::unique_ptr<workbench::FilStandard> udkast; // set when the side is a file (--fil)
    const Sources* sources = nullptr;               // where `fil` is read from
    std::string fil;                                // relative to sources
    std::string navn;                               // as the user knows it, with its period
    std::unique_ptr<Standard> standard;
};

// A date from the command line (ÅÅÅÅ-MM-DD); CLI::ValidationError naming `tilvalg` otherwise.
Dato version_dato(const std::string& tekst, const std::string& tilvalg);

// The version in force on `dato`, loaded. Throws InputError (ukendt_version) when none is.
Udgave version_udgave(const Sources& sources, const std::string& kommune, const std::vector<Version>& alle, Dato dato);
// The version after `foer` (the newer one); CLI::ValidationError when it is the newest.
Udgave naeste_udgave(const Sources& sources, const std::string& kommune, const std::vector<Version>& alle,
                     const Udgave& foer);
// A file anywhere, read beside the national files of `base`; it must be `kommune`'s (any
// municipality's when `kommune` is empty).
Udgave fil_udgave(const Sources& base, const std::string& kommune, const std::string& fil);
// The same, as the side compared with `foer`: wrong use (CLI::ValidationError) when `fil` is
// the very file `foer` is read from, which would compare a file with itself.
Udgave fil_udgave_mod(const Sources& base, const std::string& kommune, const std::string& fil, const Udgave& foer);

} // namespace kvalitet::cli
