#include "server/anmodning.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <thread>

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

// Bodies reserve as they arrive, so two that each fit alone can reach the limit together
// and both be refused halfway. The first to find no room waits for the other's share (given
// back when that one is refused, or answered); the others are refused at once, and give
// theirs back, so the waiting one goes on.
bool Kropkvote::vent_og_tag(std::size_t n) {
    // Only a body well under way (an eighth of all): a small one that finds no room is
    // refused at once, as before, not held 2 s behind a client that stopped sending.
    if (n_ < maks_ / 8) return false;
    bool ingen = false;
    if (!venter_.compare_exchange_strong(ingen, true)) return false;
    const auto slut = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    bool ok = false;
    while (!(ok = tag(n)) && std::chrono::steady_clock::now() < slut)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    venter_.store(false);
    return ok;
}

void Kropkvote::slip() {
    i_brug_.fetch_sub(n_, std::memory_order_relaxed);
    n_ = 0;
}

} // namespace kvalitet::server
