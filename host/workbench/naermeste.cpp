#include "workbench/naermeste.hpp"

#include "domain/mente_du.hpp"

namespace kvalitet::workbench {

std::string naermeste(std::string_view wrong, std::span<const std::string_view> known) {
    if (auto c = closest_name(wrong, known)) return std::string(*c);
    std::string_view best;
    std::size_t best_d = std::string::npos;
    for (auto k : known) {
        const std::size_t d = edit_distance(wrong, k);
        if (d < best_d || (d == best_d && k < best)) {
            best = k;
            best_d = d;
        }
    }
    return std::string(best);
}

} // namespace kvalitet::workbench
