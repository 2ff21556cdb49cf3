#include "server/fejl_svar.hpp"

#include <array>
#include <utility>

namespace kvalitet::server {

int http_status(std::string_view kode) {
    static constexpr std::array<std::pair<std::string_view, int>, 18> kStatus{{
        {"mangler_token", 401},
        {"forkert_token", 401},
        {"ukendt_sti", 404},
        {"ukendt_kommune", 404},
        {"metode_ikke_tilladt", 405},
        {"for_stor", 413},
        {"script_fejl", 422},
        {"budget_overskredet", 422},
        {"optaget", 503},
        {"ikke_nok_hukommelse", 503},
        {"lukker", 503},
        {"intern_fejl", 500},
        {"ugyldigt_hjem", 500},
        {"ukendt_version", 404},
        {"ukendt_sag", 404},
        {"ingen_sagsdatabase", 404},
        {"genindlaesning_afvist", 422},
        {"sagsdatabase_fejl", 503},
    }};
    for (const auto& [k, s] : kStatus)
        if (k == kode) return s;
    return 400; // every other kode names a fault in the case or the request
}

Svar fejl_svar(const Fejl& f, int status) {
    Svar s;
    s.status = status ? status : http_status(f.kode);
    Fejl uden_linje = f; // a single answer has no NDJSON line
    uden_linje.linje.reset();
    s.krop = fejl_json(uden_linje) + "\n";
    s.log->fejlkode = f.kode;
    s.log->sag_id = f.sag_id;
    return s;
}

} // namespace kvalitet::server
