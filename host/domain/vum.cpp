#include "domain/vum.hpp"

namespace kvalitet {

std::optional<std::size_t> Vum::tema_index(std::string_view id) {
    for (std::size_t i = 0; i < kTemaer; ++i)
        if (tema_ids[i] == id) return i;
    return std::nullopt;
}

std::optional<int> Vum::max() const {
    int m = -1;
    for (auto s : score) m = s > m ? s : m;
    return m < 0 ? std::nullopt : std::optional<int>(m);
}

int Vum::sum() const {
    int total = 0;
    for (auto s : score) total += s > 0 ? s : 0;
    return total;
}

int Vum::antal_mindst(int n) const {
    int count = 0;
    for (auto s : score) count += (s >= 0 && s >= n) ? 1 : 0;
    return count;
}

int Vum::antal_scoret() const {
    int count = 0;
    for (auto s : score) count += s >= 0 ? 1 : 0;
    return count;
}

} // namespace kvalitet
