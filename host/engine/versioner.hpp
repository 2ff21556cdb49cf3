#pragma once
// The versions of a municipality's standard and which one is in force on a date.
//
// municipalities/<id>/standard.lua is the version a policy officer edits (the newest);
// older versions live in municipalities/<id>/versioner/<ÅÅÅÅ-MM-DD>.lua, named by the
// gyldig_fra they declare. A version is in force from its gyldig_fra until its gyldig_til,
// or else until the day before the next version's gyldig_fra. A standard that declares no
// gyldig_fra (and has no older versions) is in force on every date.
#include <optional>
#include <string>
#include <vector>

#include "domain/dato.hpp"
#include "sources.hpp"

namespace kvalitet {

struct Version {
    std::string fil; // relative to the sources: "municipalities/varde/versioner/2025-01-01.lua"
    std::optional<Dato> gyldig_fra, gyldig_til; // as declared (for a file under versioner/: its name)
    std::string sha256;
};

// Every version of `kommune`'s standard, oldest first; each file is loaded once to read
// what it declares. Throws like Standard::load (unknown municipality, a script fault, a
// file whose name and gyldig_fra differ), and ScriptError when standard.lua declares no
// gyldig_fra although older versions exist, or is not the newest.
std::vector<Version> versioner(const Sources& sources, const std::string& kommune);

// The version in force on `dato`. Throws InputError (kode ukendt_version) naming the
// municipality, the date and the versions there are, when none is.
const Version& version_paa(const std::vector<Version>& versioner, const std::string& kommune, Dato dato);

// "fra 1. januar 2025 til 31. december 2025", "fra 1. januar 2026", "gælder altid": a version's period in Danish.
std::string periode_tekst(const std::vector<Version>& versioner, std::size_t i);
// The last day version i is in force, if it ends: its own gyldig_til, else the day before
// the next version starts.
std::optional<Dato> sidste_dag(const std::vector<Version>& versioner, std::size_t i);

} // namespace kvalitet
