#pragma once
// The contract's one error object, for every place that reports a case it could not assess:
// {"fejl": {"kode", "besked", "felt"?}, "linje"?, "sag_id"?} — keys in that order, the
// optional ones left out when empty.
#include <cstddef>
#include <cstdint>
#include <new>
#include <optional>
#include <string>
#include <system_error>

#include "domain/json_writer.hpp"
#include "lua/error.hpp"

namespace kvalitet {

struct Fejl {
    std::string kode;   // stable, documented in docs/fejlkoder.md
    std::string besked; // Danish
    std::string felt;   // JSON path of the field at fault, or empty
    std::optional<std::size_t> linje; // NDJSON input line
    std::string sag_id; // when the input had one
};

// An error object without line or case id (the caller adds them when it has them).
inline Fejl fejl(std::string kode, std::string besked, std::string felt = {}) {
    Fejl f;
    f.kode = std::move(kode), f.besked = std::move(besked), f.felt = std::move(felt);
    return f;
}

// The error object for the exception being handled; call it only inside a catch block.
// One mapping for the CLI, the batch and the C API: an InputError keeps its kode and felt,
// a script that failed is script_fejl (budget_overskredet when it ran out of time or
// memory), and anything else is intern_fejl, a fault of kvalitet's own.
inline Fejl aktuel_fejl() {
    try {
        throw;
    } catch (const InputError& e) {
        return fejl(e.kode(), e.what(), e.felt());
    } catch (const ScriptError& e) {
        const bool budget = e.kind() == ScriptError::Kind::Budget || e.kind() == ScriptError::Kind::Memory;
        return fejl(budget ? "budget_overskredet" : "script_fejl", e.what());
    } catch (const std::bad_alloc&) {
        return fejl("ikke_nok_hukommelse", "der var ikke hukommelse nok til vurderingen");
    } catch (const std::system_error& e) { // its text is the C library's English
        return fejl("intern_fejl", "systemet kunne ikke give kvalitet en ressource, det skulle bruge (f.eks. en tråd; "
                                   "fejlkode " + std::to_string(e.code().value()) + "); prøv igen");
    } catch (const std::exception& e) {
        return fejl("intern_fejl", e.what());
    } catch (...) {
        return fejl("intern_fejl", "ukendt fejl i kvalitet");
    }
}

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
