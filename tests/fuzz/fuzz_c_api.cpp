// Fuzz target: the C API as a case system calls it. The first byte picks the municipality
// and the evaluation date (valid and invalid), the rest is the case JSON. Every call must
// return a result code, with a Danish message on failure; nothing may abort.
#include <cstdint>
#include <cstring>
#include <string>

#include "fuzz_check.hpp"
#include "kvalitet.h"

namespace {

const char* kKommuner[] = {"gentofte", "ishoej", "lejre", "varde", "kerteminde", "findes_ikke", "../x", ""};
const char* kDatoer[] = {"2026-11-22", "2024-02-29", "2023-02-29", "1899-12-31", "9999-99-99", "", "2026-1-1", "2200-12-31"};

kvalitet_assessor* handle(std::size_t i) {
    static kvalitet_assessor* open[std::size(kKommuner)] = {};
    if (!open[i]) {
        kvalitet_open(kKommuner[i], nullptr, &open[i]);
        FUZZ_CHECK(open[i] != nullptr, "kvalitet_open gav intet håndtag");
    }
    return open[i];
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::size_t k = data[0] % std::size(kKommuner), d = (data[0] >> 3) % std::size(kDatoer);
    kvalitet_assessor* a = handle(k);
    char* out = nullptr;
    std::size_t n = 0;
    const int rc = kvalitet_assess(a, reinterpret_cast<const char*>(data + 1), size - 1, kDatoer[d], &out, &n);
    if (rc == KVALITET_OK) {
        FUZZ_CHECK(out && std::strlen(out) == n, "vurderingen har ikke den opgivne længde");
        kvalitet_free(out);
    } else {
        FUZZ_CHECK(rc == KVALITET_INVALID || rc == KVALITET_MISUSE, "kun en ugyldig sag, dato eller et uåbnet håndtag må fejle");
        FUZZ_CHECK(*kvalitet_errmsg(a) != '\0', "en fejl uden besked");
        FUZZ_CHECK(kvalitet::fuzz::clean_text(kvalitet_errmsg(a)), "beskeden er ikke ren UTF-8");
    }
    return 0;
}
