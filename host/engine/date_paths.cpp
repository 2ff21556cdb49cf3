// Dates the host reads from the case itself, so a frist can say fra = "bevilling.start".
#include <array>
#include <utility>

#include "engine/standard.hpp"

namespace kvalitet {

namespace {

std::optional<Dato> latest(const std::vector<Opfoelgning>& v) {
    std::optional<Dato> best;
    for (const auto& o : v)
        if (!best || o.dato > *best) best = o.dato;
    return best;
}

std::optional<Dato> earliest_delivery(const std::vector<Levering>& v) {
    std::optional<Dato> best;
    for (const auto& l : v)
        if (!best || l.dato < *best) best = l.dato;
    return best;
}

template <std::optional<Dato> Bevilling::*M>
std::optional<Dato> bev(const Sag& s) {
    return s.bevilling ? (*s.bevilling).*M : std::nullopt;
}

const std::array<std::pair<std::string_view, DatePath>, 13> kPaths{{
    {"ansoegning.modtaget", [](const Sag& s) { return s.ansoegning_modtaget; }},
    {"vum.dato", [](const Sag& s) { return s.vum ? s.vum->dato : std::nullopt; }},
    {"bevilling.afgoerelse_dato", bev<&Bevilling::afgoerelse_dato>},
    {"bevilling.afgoerelse_modtaget", bev<&Bevilling::afgoerelse_modtaget>},
    {"bevilling.afgoerelse_sendt", bev<&Bevilling::afgoerelse_sendt>},
    {"bevilling.start", bev<&Bevilling::start>},
    {"klage.modtaget", [](const Sag& s) { return s.klage_modtaget; }},
    {"klage.genvurderet", [](const Sag& s) { return s.klage_genvurderet; }},
    {"arbejdspladsvurdering.dato", [](const Sag& s) { return s.arbejdspladsvurdering_dato; }},
    {"indsatsplan.dato", [](const Sag& s) { return s.indsatsplan_dato; }},
    {"opfoelgninger.seneste", [](const Sag& s) { return latest(s.opfoelgninger); }},
    {"opfoelgninger.foerste", [](const Sag& s) {
         std::optional<Dato> best;
         for (const auto& o : s.opfoelgninger)
             if (!best || o.dato < *best) best = o.dato;
         return best;
     }},
    {"leverancer.foerste", [](const Sag& s) { return earliest_delivery(s.leverancer); }},
}};

} // namespace

DatePath date_path(std::string_view name) {
    for (const auto& [n, f] : kPaths)
        if (n == name) return f;
    return nullptr;
}

std::vector<std::string_view> date_path_names() {
    std::vector<std::string_view> out;
    for (const auto& p : kPaths) out.push_back(p.first);
    return out;
}

} // namespace kvalitet
