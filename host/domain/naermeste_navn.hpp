#pragma once
// "Mente du …?": the known name closest to a misspelt one. Local to the integrator's code
// (unknown case fields, municipality ids) until the shared edit-distance helper lands;
// then this file goes and its callers use that one.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvalitet {

// Edits from `a` to `b`: insert, delete, replace, or swap two neighbours ("vadre" → "varde"
// is one), counted on bytes (names are ASCII ids).
inline std::size_t redigeringsafstand(std::string_view a, std::string_view b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

// The name in `kendte` nearest to `ord`, when near enough to be a typo of it (at most a
// third of its letters wrong, at least one allowed); the first of equals. nullopt else.
template <class Navne>
std::optional<std::string> naermeste_navn(std::string_view ord, const Navne& kendte) {
    const std::size_t graense = std::max<std::size_t>(1, ord.size() / 3);
    std::optional<std::string> bedst;
    std::size_t bedst_afstand = graense + 1;
    for (const auto& k : kendte) {
        const std::string_view navn(k);
        const std::size_t laengde_forskel = navn.size() > ord.size() ? navn.size() - ord.size() : ord.size() - navn.size();
        if (navn == ord || laengde_forskel > graense) continue; // cheap: most names are far apart in length
        const std::size_t d = redigeringsafstand(ord, navn);
        if (d < bedst_afstand) bedst_afstand = d, bedst = std::string(navn);
    }
    return bedst;
}

} // namespace kvalitet
