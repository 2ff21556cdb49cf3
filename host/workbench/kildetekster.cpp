#include "workbench/kildetekster.hpp"

#include <set>

namespace kvalitet::workbench {

const std::string& Kildetekster::raa(const std::string& fil) {
    auto it = raa_.find(fil);
    if (it == raa_.end()) it = raa_.emplace(fil, standard_.sources().read(fil).value_or("")).first;
    return it->second;
}

const LuaTekst& Kildetekster::fil(const std::string& fil) {
    auto it = scannet_.find(fil);
    if (it == scannet_.end()) {
        const std::string& text = raa(fil);
        check_scannable(fil, text.size());
        it = scannet_.emplace(fil, scan_lua(text)).first;
    }
    return it->second;
}

Spaend Kildetekster::spaend(const Rule& r) {
    return constructor_span(fil(r.regel->fil), r.regel->linje, art_navn(r.art));
}

Spaend Kildetekster::spaend(const Parameter& p) { return constructor_span(fil(p.fil), p.linje, p.id); }

std::vector<std::string> Kildetekster::filer() const {
    std::set<std::string> out;
    for (const auto& r : standard_.rules()) out.insert(r.regel->fil);
    for (const auto& p : standard_.info().parametre) out.insert(p.fil);
    out.erase("");
    return {out.begin(), out.end()};
}

} // namespace kvalitet::workbench
