#include "server/vurder_sag.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/rute.hpp"
#include "lua/error.hpp"

namespace kvalitet::server {

namespace {

// rute()'s message for this case speaks of --kommune; over HTTP the path chose the standard.
// A path to send it to only when there is one: a municipality we do not know has none.
[[noreturn]] void other_kommune(const Sag& sag, const std::string& valgt, const std::vector<std::string>& kendte) {
    const bool kendt = std::find(kendte.begin(), kendte.end(), *sag.kommune) != kendte.end();
    throw InputError(kendt ? fmt::format("{} (feltet 'kommune'), men den blev sendt til /v1/kommuner/{}: send den til "
                                         "/v1/kommuner/{}, eller ret feltet",
                                         sagens_kommune(*sag.kommune), valgt, *sag.kommune)
                           : fmt::format("{} (feltet 'kommune'), men den blev sendt til /v1/kommuner/{}, og den kommune "
                                         "kender tjenesten ikke (GET /v1/kommuner viser dem): ret feltet, eller udelad det",
                                         sagens_kommune(*sag.kommune), valgt),
                     "kommune_forskellig", "kommune");
}

} // namespace

std::string id_if_any(std::string_view sag_json) {
    try {
        return sag_id_of(sag_json).value_or("");
    } catch (...) { // no id is better than no answer
        return {};
    }
}

Resultat vurder_sag(StandardLager& lager, std::string_view sag_json, const Bestilling& b, std::size_t linje) {
    Resultat r;
    Standard* standard = nullptr;
    try {
        standard = &lager.standard(b.kommune, b.standard_dato.value_or(b.dato));
    } catch (...) {
        r.fejl = aktuel_fejl();
        r.standard_fejl = r.fejl->kode == "script_fejl";
        r.fejl->sag_id = r.sag_id = id_if_any(sag_json); // the contract: whenever the input had an id
        return r;
    }
    try {
        SagGraenser g;
        g.foerste_linje = linje;
        Sag sag = Sag::from_json(sag_json, g, b.ukendte);
        r.sag_id = sag.id;
        if (sag.kommune && *sag.kommune != b.kommune) other_kommune(sag, b.kommune, lager.kendte());
        (void)rute(sag, b.kommune, lager.kendte()); // the one rule for which standard; here always the path's
        Vurdering v = standard->vurder(sag, b.dato, b.standard_dato.value_or(b.dato), b.spor);
        v.ignorerede_felter = std::move(sag.ignorerede_felter);
        r.ud = b.tekst ? v.tekst() : v.json() + "\n";
    } catch (...) {
        Fejl f = aktuel_fejl();
        if (r.sag_id.empty()) r.sag_id = id_if_any(sag_json);
        f.sag_id = r.sag_id;
        r.fejl = std::move(f);
    }
    return r;
}

} // namespace kvalitet::server
