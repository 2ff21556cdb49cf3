// The C API: every entry point catches everything; errors become a code and a message.
#include "kvalitet.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include "kvalitet/engine.hpp"
#include "lua/error.hpp"

struct kvalitet_assessor {
    std::string errmsg;
    std::unique_ptr<::kvalitet::Assessor> assessor;
};

namespace {

template <class F>
int guard(kvalitet_assessor* k, F&& f) noexcept {
    try {
        k->errmsg.clear();
        return f();
    } catch (const ::kvalitet::InputError& e) {
        k->errmsg = e.what();
        return KVALITET_INVALID;
    } catch (const ::kvalitet::ScriptError& e) {
        k->errmsg = e.what();
        return KVALITET_INVALID;
    } catch (const std::bad_alloc&) {
        k->errmsg = "ikke nok hukommelse";
        return KVALITET_NOMEM;
    } catch (const std::exception& e) {
        k->errmsg = e.what();
        return KVALITET_ERROR;
    } catch (...) {
        k->errmsg = "ukendt fejl";
        return KVALITET_ERROR;
    }
}

} // namespace

extern "C" {

const char* kvalitet_version(void) { return KVALITET_VERSION; }

int kvalitet_open(const char* kommune, const char* home, kvalitet_assessor** out) {
    if (!out) return KVALITET_MISUSE;
    *out = nullptr;
    auto* k = new (std::nothrow) kvalitet_assessor;
    if (!k) return KVALITET_NOMEM;
    *out = k;
    if (!kommune) {
        k->errmsg = "kommune mangler (f.eks. \"varde\")";
        return KVALITET_MISUSE;
    }
    return guard(k, [&] {
        auto engine = home ? ::kvalitet::Engine::from_directory(home) : ::kvalitet::Engine::embedded();
        k->assessor = std::make_unique<::kvalitet::Assessor>(engine, kommune);
        return KVALITET_OK;
    });
}

int kvalitet_assess(kvalitet_assessor* k, const char* case_json, size_t len, const char* date, char** out, size_t* out_len) {
    if (!k) return KVALITET_MISUSE;
    if (!case_json || !date || !out) {
        k->errmsg = "case_json, date og out skal være sat";
        return KVALITET_MISUSE;
    }
    *out = nullptr;
    if (out_len) *out_len = 0;
    if (!k->assessor) {
        k->errmsg = "håndtaget blev ikke åbnet; se fejlen fra kvalitet_open";
        return KVALITET_MISUSE;
    }
    return guard(k, [&] {
        auto d = ::kvalitet::Dato::parse(date);
        if (!d) throw ::kvalitet::InputError(std::string("datoen '") + date + "' er ikke en gyldig dato (ÅÅÅÅ-MM-DD)",
                                             "ugyldig_dato");
        if (!d->i_omraadet())
            throw ::kvalitet::InputError(std::string("datoen '") + date + "' ligger uden for de datoer, der kan regnes med (" +
                                             ::kvalitet::Dato::foerste().iso() + " – " + ::kvalitet::Dato::sidste().iso() + ")",
                                         "ugyldig_dato");
        const std::string json = k->assessor->assess_json(std::string_view(case_json, len), *d);
        char* buffer = static_cast<char*>(std::malloc(json.size() + 1));
        if (!buffer) throw std::bad_alloc();
        std::memcpy(buffer, json.c_str(), json.size() + 1);
        *out = buffer;
        if (out_len) *out_len = json.size();
        return KVALITET_OK;
    });
}

const char* kvalitet_standard_sha256(kvalitet_assessor* k) {
    return k && k->assessor ? k->assessor->standard_sha256().c_str() : "";
}

const char* kvalitet_errmsg(kvalitet_assessor* k) { return k ? k->errmsg.c_str() : "håndtaget er NULL"; }

void kvalitet_free(void* p) { std::free(p); }

void kvalitet_close(kvalitet_assessor* k) { delete k; }

} // extern "C"
