// The C API: every entry point catches everything; an error becomes a result code and the
// contract's error object, read through the kvalitet_err* accessors.
#include "kvalitet.h"

#include <fmt/format.h>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "domain/fejl_json.hpp"
#include "domain/tekst.hpp"
#include "engine/rute.hpp"
#include "kvalitet/engine.hpp"
#include "lua/error.hpp"

namespace kv = ::kvalitet;

struct kvalitet_assessor {
    // The last failure; fejl.kode is empty after a success.
    kv::Fejl fejl;
    std::string fejl_json;
    int extended = KVALITET_OK;
    bool oom = false; // not even the message could be stored

    bool legacy = true;   // kvalitet_open: primary codes, every case under its standard
    bool routing = false; // kvalitet_open_ex(NULL, …): each case under its own "kommune"
    kv::UkendteFelter ukendte = kv::UkendteFelter::Ignorer;
    std::string kommune; // the handle's municipality, empty when routing
    std::shared_ptr<const kv::Engine> engine;
    std::vector<std::string> kendte; // engine->kommuner(), for routing and its errors
    std::unique_ptr<kv::Assessor> assessor; // the handle's municipality's standard
    // Routing: one Assessor per municipality met, and the load failure of any that failed
    // (it fails the same way for every case that needs it; loading again would be slow).
    std::map<std::string, std::unique_ptr<kv::Assessor>, std::less<>> routed;
    std::map<std::string, std::exception_ptr, std::less<>> failed;
    std::string sag_id; // the case being assessed, for the error object
};

namespace {

enum class Phase { Open, Assess };

// What was invalid, by the error's kode: the code of the same kode depends only on whether
// the handle was being opened (a municipality the integrator chose) or a case assessed.
int extended_code(const std::string& kode, Phase phase) {
    if (kode == "ugyldig_dato") return KVALITET_INVALID_DATE;
    if (kode == "script_fejl") return KVALITET_INVALID_SCRIPT;
    if (kode == "budget_overskredet") return KVALITET_INVALID_BUDGET;
    if (kode == "ugyldigt_hjem") return KVALITET_INVALID_HOME;
    if (kode == "ikke_nok_hukommelse") return KVALITET_NOMEM;
    if (kode == "intern_fejl") return KVALITET_ERROR;
    if (kode == "ukendt_version") return KVALITET_INVALID_VERSION;
    return phase == Phase::Open ? KVALITET_INVALID_KOMMUNE : KVALITET_INVALID_CASE;
}

void clear(kvalitet_assessor* k) noexcept {
    k->fejl.kode.clear();
    k->fejl.besked.clear();
    k->fejl.felt.clear();
    k->fejl.sag_id.clear();
    k->fejl_json.clear();
    k->extended = KVALITET_OK;
    k->oom = false;
    k->sag_id.clear();
}

int returned(const kvalitet_assessor* k) { return k->legacy ? (k->extended & 0xff) : k->extended; }

// A text of the error as the caller may show or parse it: a kommune or date the caller gave
// (ESC, a stray byte, a megabyte) comes back shown, not sent, so errmsg is safe to print
// and errjson is valid UTF-8.
std::string shown(std::string s) {
    constexpr std::size_t kMax = 4096;
    if (s.size() > kMax) return kv::printable(kv::utf8_prefix(s, kMax)) + "…";
    return kv::printable(s);
}

// The case's id and the field's path as the case has them, so an error pairs with its case
// (the contract's sag_id; errjson escapes a control character, errfield gives it as it is).
// Only what is not UTF-8 (an id read from a case that is not JSON) or too long is shown.
std::string exact_or_shown(std::string s) {
    if (s.size() <= 4096 && kv::valid_utf8(s)) return s;
    return shown(std::move(s));
}

// Stores the failure on the handle and returns its code.
int record(kvalitet_assessor* k, kv::Fejl fejl, int extended) noexcept {
    try {
        fejl.besked = shown(std::move(fejl.besked));
        fejl.felt = exact_or_shown(std::move(fejl.felt));
        fejl.sag_id = exact_or_shown(std::move(fejl.sag_id));
        k->fejl = std::move(fejl);
        k->fejl_json = kv::fejl_json(k->fejl);
        k->extended = extended;
    } catch (...) {
        clear(k);
        k->oom = true;
        k->extended = KVALITET_NOMEM;
    }
    return returned(k);
}

int misuse(kvalitet_assessor* k, const char* besked) noexcept {
    try {
        return record(k, kv::fejl("forkert_brug", besked), KVALITET_MISUSE);
    } catch (...) {
        return record(k, kv::Fejl{}, KVALITET_NOMEM);
    }
}

// Runs `f`, turning any exception into the handle's error; `case_text` gives the error its
// sag_id when the case was refused before its id was read.
template <class F>
int guard(kvalitet_assessor* k, Phase phase, std::string_view case_text, F&& f) noexcept {
    clear(k);
    try {
        f();
        return KVALITET_OK;
    } catch (...) {
        try {
            kv::Fejl fejl = kv::aktuel_fejl();
            fejl.sag_id = !k->sag_id.empty() ? k->sag_id : kv::sag_id_of(case_text).value_or("");
            const int ext = extended_code(fejl.kode, phase);
            return record(k, std::move(fejl), ext);
        } catch (...) {
            return record(k, kv::Fejl{}, KVALITET_NOMEM);
        }
    }
}

kv::Dato parse_date(const char* date) {
    auto d = kv::Dato::parse(date);
    if (!d) throw kv::InputError(std::string("datoen '") + date + "' er ikke en gyldig dato (ÅÅÅÅ-MM-DD)", "ugyldig_dato");
    if (!d->i_omraadet())
        throw kv::InputError(std::string("datoen '") + date + "' ligger uden for de datoer, der kan regnes med (" +
                                 kv::Dato::foerste().iso() + " – " + kv::Dato::sidste().iso() + ")",
                             "ugyldig_dato");
    return *d;
}

// The standard that assesses `sag` on this handle (engine/rute.hpp decides, except on a
// kvalitet_open handle, which keeps its old meaning: its standard, whatever the case says).
kv::Assessor& assessor_for(kvalitet_assessor* k, const kv::Sag& sag) {
    if (k->legacy) return *k->assessor;
    const std::string kommune = kv::rute(sag, k->kommune, k->kendte, kv::Kalder::CApi);
    if (!k->routing) return *k->assessor;
    if (auto it = k->routed.find(kommune); it != k->routed.end()) return *it->second;
    if (auto it = k->failed.find(kommune); it != k->failed.end()) std::rethrow_exception(it->second);
    try {
        auto& slot = k->routed[kommune];
        slot = std::make_unique<kv::Assessor>(k->engine, kommune);
        return *slot;
    } catch (...) {
        k->routed.erase(kommune);
        k->failed[kommune] = std::current_exception();
        throw;
    }
}

void give(const std::string& s, char** out, size_t* out_len) {
    char* buffer = static_cast<char*>(std::malloc(s.size() + 1));
    if (!buffer) throw std::bad_alloc();
    std::memcpy(buffer, s.c_str(), s.size() + 1);
    *out = buffer;
    if (out_len) *out_len = s.size();
}

int open(const char* kommune, const char* home, kvalitet_assessor* k) noexcept {
    return guard(k, Phase::Open, {}, [&] {
        k->engine = home ? kv::Engine::from_directory(home) : kv::Engine::embedded();
        k->kendte = k->engine->kommuner();
        if (kommune) {
            k->kommune = kommune;
            k->assessor = std::make_unique<kv::Assessor>(k->engine, kommune);
        }
    });
}

int assess(kvalitet_assessor* k, const char* case_json, size_t len, const char* date, const char* standard_date,
           int format, int spor, char** out, size_t* out_len) noexcept {
    if (out) *out = nullptr; // "on failure *out is NULL", a NULL handle included
    if (out_len) *out_len = 0;
    if (!k) return KVALITET_MISUSE;
    if (!case_json || !date || !out) return misuse(k, "case_json, date og out skal være sat");
    if (format != KVALITET_FORMAT_JSON && format != KVALITET_FORMAT_TEKST)
        return misuse(k, "ukendt format: brug KVALITET_FORMAT_JSON eller KVALITET_FORMAT_TEKST");
    if (spor != KVALITET_SPOR_FULD && spor != KVALITET_SPOR_KORT && spor != KVALITET_SPOR_INGEN)
        return misuse(k, "ukendt spor: brug KVALITET_SPOR_FULD, KVALITET_SPOR_KORT eller KVALITET_SPOR_INGEN");
    if (!k->assessor && !(k->routing && k->engine))
        return misuse(k, "håndtaget blev ikke åbnet; se fejlen fra kvalitet_open");
    const std::string_view text(case_json, len);
    return guard(k, Phase::Assess, text, [&] {
        const kv::Dato d = parse_date(date);
        const kv::Dato sd = standard_date ? parse_date(standard_date) : d;
        kv::Sag sag = kv::Sag::from_json(text, {}, k->ukendte);
        k->sag_id = sag.id;
        // Only the trace asked for is recorded; the full one as kvalitet_assess always did.
        const kv::Vurdering v = spor == KVALITET_SPOR_FULD ? assessor_for(k, sag).assess(sag, d, sd)
                                : assessor_for(k, sag).assess(sag, d, sd,
                                                              spor == KVALITET_SPOR_KORT ? kv::SporNiveau::Kort
                                                                                         : kv::SporNiveau::Ingen);
        give(format == KVALITET_FORMAT_TEKST ? v.tekst() : v.json(), out, out_len);
    });
}

} // namespace

extern "C" {

const char* kvalitet_version(void) { return KVALITET_VERSION_STRING; }

int kvalitet_open(const char* kommune, const char* home, kvalitet_assessor** out) {
    if (!out) return KVALITET_MISUSE;
    *out = nullptr;
    auto* k = new (std::nothrow) kvalitet_assessor;
    if (!k) return KVALITET_NOMEM;
    *out = k;
    if (!kommune) return misuse(k, "kommune mangler (f.eks. \"varde\"); kvalitet_open_ex(NULL, …) følger sagens egen");
    return open(kommune, home, k);
}

int kvalitet_open_ex(const char* kommune, const char* home, unsigned flags, kvalitet_assessor** out) {
    if (!out) return KVALITET_MISUSE;
    *out = nullptr;
    auto* k = new (std::nothrow) kvalitet_assessor;
    if (!k) return KVALITET_NOMEM;
    *out = k;
    k->legacy = false;
    k->routing = !kommune;
    if (flags & ~KVALITET_STRENG) return misuse(k, "ukendte flag; det eneste flag er KVALITET_STRENG");
    k->ukendte = (flags & KVALITET_STRENG) ? kv::UkendteFelter::Afvis : kv::UkendteFelter::Ignorer;
    return open(kommune, home, k);
}

int kvalitet_assess(kvalitet_assessor* k, const char* case_json, size_t len, const char* date, char** out, size_t* out_len) {
    return assess(k, case_json, len, date, nullptr, KVALITET_FORMAT_JSON, KVALITET_SPOR_FULD, out, out_len);
}

int kvalitet_assess_format(kvalitet_assessor* k, const char* case_json, size_t len, const char* date, int format,
                           char** out, size_t* out_len) {
    return assess(k, case_json, len, date, nullptr, format, KVALITET_SPOR_FULD, out, out_len);
}

int kvalitet_assess_standard(kvalitet_assessor* k, const char* case_json, size_t len, const char* date,
                             const char* standard_date, int format, char** out, size_t* out_len) {
    return assess(k, case_json, len, date, standard_date, format, KVALITET_SPOR_FULD, out, out_len);
}

int kvalitet_assess_spor(kvalitet_assessor* k, const char* case_json, size_t len, const char* date,
                         const char* standard_date, int format, int spor, char** out, size_t* out_len) {
    return assess(k, case_json, len, date, standard_date, format, spor, out, out_len);
}

int kvalitet_kommuner(kvalitet_assessor* k, char** out, size_t* out_len) {
    if (out) *out = nullptr; // "on failure *out is NULL", a NULL handle included
    if (out_len) *out_len = 0;
    if (!k) return KVALITET_MISUSE;
    if (!out) return misuse(k, "out skal være sat");
    if (!k->engine) return misuse(k, "håndtaget har ingen standarder; se fejlen fra kvalitet_open");
    return guard(k, Phase::Assess, {}, [&] {
        std::string list;
        for (const auto& id : k->kendte) list += id + "\n";
        give(list, out, out_len);
    });
}

const char* kvalitet_standard_sha256(kvalitet_assessor* k) {
    return k && k->assessor ? k->assessor->standard_sha256().c_str() : "";
}

const char* kvalitet_errmsg(kvalitet_assessor* k) {
    if (!k) return "håndtaget er NULL";
    return k->oom ? "ikke nok hukommelse" : k->fejl.besked.c_str();
}

const char* kvalitet_errcode(kvalitet_assessor* k) {
    if (!k) return "";
    return k->oom ? "ikke_nok_hukommelse" : k->fejl.kode.c_str();
}

const char* kvalitet_errfield(kvalitet_assessor* k) { return k ? k->fejl.felt.c_str() : ""; }

const char* kvalitet_errjson(kvalitet_assessor* k) { return k ? k->fejl_json.c_str() : ""; }

int kvalitet_extended_errcode(kvalitet_assessor* k) { return k ? k->extended : KVALITET_MISUSE; }

void kvalitet_free(void* p) { std::free(p); }

void kvalitet_close(kvalitet_assessor* k) { delete k; }

} // extern "C"
