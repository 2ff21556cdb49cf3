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

// A municipality's name as a person writes it ("Varde", "Ishøj", "Kerteminde ") as the id it
// would be: ASCII letters lowered, æ ø å as ae oe aa, spaces around dropped. Empty when
// something else is in it.
std::string as_id(std::string_view name) {
    static constexpr std::pair<std::string_view, std::string_view> kDanish[] = {
        {"æ", "ae"}, {"ø", "oe"}, {"å", "aa"}, {"Æ", "ae"}, {"Ø", "oe"}, {"Å", "aa"}};
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    std::string id;
    for (std::size_t i = 0; i < name.size() && id.size() <= 64;) {
        const char c = name[i];
        if (c >= 'A' && c <= 'Z') id += char(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') id += c;
        else {
            const auto* d = std::find_if(std::begin(kDanish), std::end(kDanish), [&](const auto& p) { return name.substr(i).starts_with(p.first); });
            if (d == std::end(kDanish)) return {};
            id += d->second;
            i += d->first.size();
            continue;
        }
        ++i;
    }
    return id;
}

[[noreturn]] void unknown(const std::string& kommune, const std::vector<std::string>& kendte) {
    throw InputError("feltet 'kommune': " + ukendt_kommune_tekst(kommune, kendte), "ukendt_kommune", "kommune");
}

} // namespace

std::string ukendt_kommune_tekst(const std::string& kommune, const std::vector<std::string>& kendte) {
    // Echoed only when it looks like an id: the case's text may be anything.
    if (!valid_kommune_id(kommune) || kommune.size() > 64) {
        // Not echoed, but the id it is written for is named: "Varde" is 'varde', "Ishøj" 'ishoej'.
        const std::string id = as_id(kommune);
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
