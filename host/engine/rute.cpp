#include "engine/rute.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "domain/naermeste_navn.hpp"
#include "engine/standard.hpp"
#include "lua/error.hpp"

namespace kvalitet {

namespace {

std::string joined(const std::vector<std::string>& ids) {
    if (ids.empty()) return "ingen: hjemmemappens municipalities/ har ingen standard.lua, der kan læses";
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
}

[[noreturn]] void unknown(const std::string& kommune, const std::vector<std::string>& kendte) {
    throw InputError("feltet 'kommune': " + ukendt_kommune_tekst(kommune, kendte), "ukendt_kommune", "kommune");
}

} // namespace

std::string ukendt_kommune_tekst(const std::string& kommune, const std::vector<std::string>& kendte) {
    // Echoed only when it looks like an id: the case's text may be anything.
    if (!valid_kommune_id(kommune) || kommune.size() > 64) {
        // Not echoed, but the id it is written for is named: "Varde" is 'varde', "Ishøj" 'ishoej'.
        const std::string id = as_kommune_id(kommune);
        const bool kendt = std::find(kendte.begin(), kendte.end(), id) != kendte.end();
        return fmt::format("er ikke et kommune-id (små bogstaver a-z, tal og _){}; kendte: {}",
                           kendt ? fmt::format(" — mente du '{}'?", id) : "", joined(kendte));
    }
    const auto naermest = naermeste_navn(kommune, kendte);
    return fmt::format("'{}' er ikke en kendt kommune{} (kendte: {})", kommune,
                       naermest ? fmt::format(" — mente du '{}'?", *naermest) : "", joined(kendte));
}

std::string sagens_kommune(const std::string& kommune) {
    if (valid_kommune_id(kommune) && kommune.size() <= 64) return fmt::format("sagens kommune er '{}'", kommune);
    return "sagens kommune er ikke et kommune-id, der skrives med små bogstaver a-z, tal og _";
}

std::string rute(const Sag& sag, std::string_view valgt, const std::vector<std::string>& kendte, Kalder kalder) {
    const bool c_api = kalder == Kalder::CApi;
    if (!valgt.empty()) {
        if (sag.kommune && *sag.kommune != valgt) {
            throw InputError(fmt::format("{} (feltet 'kommune'), men den skulle vurderes efter '{}': "
                                         "lad sagens egen kommune afgøre det ({}), eller ret feltet",
                                         sagens_kommune(*sag.kommune), valgt,
                                         c_api ? "kvalitet_open_ex med kommune NULL" : "vurder uden --kommune"),
                             "kommune_forskellig", "kommune");
        }
        return std::string(valgt);
    }
    if (!sag.kommune)
        throw InputError(fmt::format("sagen siger ikke, hvilken kommune den hører til: tilføj feltet 'kommune' (f.eks. "
                                     "\"kommune\": \"varde\"), eller vælg kommunen ({})",
                                     c_api ? "kvalitet_open_ex(\"varde\", …)" : "--kommune varde"),
                         "mangler_kommune", "kommune");
    if (std::find(kendte.begin(), kendte.end(), *sag.kommune) == kendte.end()) unknown(*sag.kommune, kendte);
    return *sag.kommune;
}

} // namespace kvalitet
