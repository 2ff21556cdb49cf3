#pragma once
// CLI11 in Danish. CLI11 writes English in three places: the help (headings, type names,
// the help and version flags), the texts of its exceptions, and the "Run with --help"
// line after an error. This file replaces all three, so every line the program prints is
// Danish (the contract), without touching how the sub-commands declare their options.
#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

namespace kvalitet::cli {

// Danish help layout, help and version flags and failure message on `app`. Call before
// adding options and sub-commands: they inherit all of it from their parent.
void dansk(CLI::App& app, const std::string& version);

// What went wrong, in Danish, for an error CLI11 raised while parsing `app`'s command line
// (mapped by the exception's type; our own Danish texts pass through unchanged).
std::string dansk_fejl(const CLI::App& app, const CLI::Error& e);

// Every option and argument of `app` and its sub-commands refuses an empty value: none
// means anything empty, and read as "not given" it would hide a script's unset variable
// (--dato "$D" explaining or assessing another date). Call after adding them all.
void afvis_tomme_vaerdier(CLI::App& app);

// A type name as help shows it: "TEXT" → "TEKST", "UINT:INT in [1 - 256]" → "TAL (1–256)",
// "TEXT:{json,tekst}" → "{json,tekst}". A validator text we do not know is left out rather
// than shown in English.
std::string dansk_type(std::string_view cli11_type);

} // namespace kvalitet::cli
