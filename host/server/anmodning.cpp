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

} // namespace kvalitet::server
