#include "server/anmodning.hpp"

#include <algorithm>
#include <cctype>

namespace kvalitet::server {

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view Anmodning::hoved(std::string_view navn) const {
    for (const auto& [k, v] : hoveder)
        if (same_name(k, navn)) return v;
    return {};
}

bool Kropkvote::tag(std::size_t n) {
    std::size_t held = i_brug_.load(std::memory_order_relaxed);
    do {
        if (n > maks_ - std::min(held, maks_)) return false;
    } while (!i_brug_.compare_exchange_weak(held, held + n, std::memory_order_relaxed));
    n_ += n;
    return true;
}

void Kropkvote::slip() {
    i_brug_.fetch_sub(n_, std::memory_order_relaxed);
    n_ = 0;
}

} // namespace kvalitet::server
