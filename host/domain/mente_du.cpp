#include "domain/mente_du.hpp"

#include <algorithm>
#include <vector>

namespace kvalitet {

namespace {
constexpr std::size_t kMaxName = 64;

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}
} // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Three rows of the dynamic programme: the swap looks two rows back.
    const std::size_t m = b.size();
    std::vector<std::size_t> before(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], before[j - 2] + 1);
        }
        std::swap(before, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

std::optional<std::string_view> closest_name(std::string_view wrong,
                                             std::span<const std::string_view> known) {
    if (wrong.empty() || wrong.size() > kMaxName) return std::nullopt;
    std::optional<std::string_view> best;
    std::size_t best_distance = 0;
    const auto better = [&](std::string_view name, std::size_t d) {
        return !best || d < best_distance || (d == best_distance && name < *best);
    };
    for (std::string_view name : known) {
        if (name == wrong || name.empty() || name.size() > kMaxName) continue;
        // Only case apart is the likeliest slip of all: it wins over any real distance.
        const std::size_t d = equal_ignoring_case(name, wrong) ? 0 : edit_distance(wrong, name);
        // A name wholly replaced is not a slip ('x' is not a misspelt 'P').
        const std::size_t limit = std::max<std::size_t>(1, std::max(wrong.size(), name.size()) / 3);
        if (d <= limit && (d == 0 || d < wrong.size()) && better(name, d)) {
            best = name;
            best_distance = d;
        }
    }
    return best;
}

std::string mente_du(std::string_view wrong, std::span<const std::string_view> known) {
    const auto name = closest_name(wrong, known);
    return name ? " — mente du '" + std::string(*name) + "'?" : std::string();
}

} // namespace kvalitet
