#pragma once
// :saet STI VÆRDI: one fact of the loaded case changed in its JSON. The session then reads
// the changed JSON with Sag::from_json, so a wrong value is the same Danish error with the
// field's path as in a case file.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lua_json.hpp"

namespace kvalitet::repl {

// One step of a path: a field name, or a list index counted from 0 as in the error
// messages' paths ("ydelser[0].paragraf").
struct Led {
    std::string navn;
    std::optional<std::size_t> indeks;
};

// "vum.temaer.sundhed" → vum, temaer, sundhed. Throws InputError for a malformed path.
std::vector<Led> sti_led(std::string_view sti);

// The value as typed: JSON when it reads as JSON (false, 3, 2.5, "tekst", {…}, […]), text
// otherwise (2026-03-01, digital); nullopt for `ukendt` or null: the field goes (a fact
// not yet assessed).
std::optional<Json> vaerdi_af(std::string_view tekst);

// `sag` with the field at `sti` set to `vaerdi`, or removed when it is nullopt. Objects
// missing on the way are made; a list grows by one when the index is its length. Throws
// InputError naming the path when it cannot be followed.
Json med_aendring(Json sag, std::string_view sti, const std::optional<Json>& vaerdi);

// The value at `sti` in `sag`, or nullptr when it is not there (or the path is malformed).
const Json* vaerdi_ved(const Json& sag, std::string_view sti);

} // namespace kvalitet::repl
