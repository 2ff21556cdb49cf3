#pragma once
// SHA-256 (FIPS 180-4), for the fingerprint of a standard's source in every assessment.
#include <string>
#include <string_view>

namespace kvalitet {
std::string sha256_hex(std::string_view data);
}
