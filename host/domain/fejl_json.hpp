#pragma once
// The contract's one error object, for every place that reports a case it could not assess:
// {"fejl": {"kode", "besked", "felt"?}, "linje"?, "sag_id"?} — keys in that order, the
// optional ones left out when empty.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "domain/json_writer.hpp"

namespace kvalitet {

struct Fejl {
    std::string kode;   // stable, documented in docs/fejlkoder.md
    std::string besked; // Danish
    std::string felt;   // JSON path of the field at fault, or empty
    std::optional<std::size_t> linje; // NDJSON input line
    std::string sag_id; // when the input had one
};

inline std::string fejl_json(const Fejl& f) {
    std::string out;
    JsonWriter w(out);
    w.begin_object().key("fejl").begin_object();
    w.key("kode").value(f.kode).key("besked").value(f.besked);
    if (!f.felt.empty()) w.key("felt").value(f.felt);
    w.end_object();
    if (f.linje) w.key("linje").value(std::int64_t(*f.linje));
    if (!f.sag_id.empty()) w.key("sag_id").value(f.sag_id);
    w.end_object();
    return out;
}

} // namespace kvalitet
