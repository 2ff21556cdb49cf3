#include "server/token.hpp"

#include <fmt/format.h>

#include <cctype>
#include <fstream>

#include "domain/sha256.hpp"
#include "lua/error.hpp"

namespace kvalitet::server {

namespace {

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// Equal digests, looking at every byte whatever the first difference.
bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false; // both are sha256 hex: never taken
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

Token Token::fra_fil(const std::filesystem::path& fil) {
    std::ifstream in(fil, std::ios::binary);
    if (!in) throw InputError(fmt::format("--token-fil: kan ikke læse filen '{}'", fil.string()));
    std::string line;
    std::getline(in, line);
    const std::string_view t = trim(line);
    if (t.size() < kMinLaengde)
        throw InputError(fmt::format("--token-fil: tokenet i '{}' er {} tegn; brug mindst {} tilfældige tegn på "
                                     "første linje (f.eks. fra 'openssl rand -hex 32')",
                                     fil.string(), t.size(), kMinLaengde));
    return Token(t);
}

Token::Token(std::string_view hemmelighed) : digest_(sha256_hex(hemmelighed)) {}

Adgang Token::tjek(std::string_view authorization) const {
    constexpr std::string_view kBearer = "Bearer ";
    authorization = trim(authorization);
    if (authorization.empty()) return Adgang::Mangler;
    if (authorization.size() < kBearer.size()) return Adgang::Forkert;
    for (std::size_t i = 0; i < kBearer.size(); ++i) // the scheme's name is case-insensitive (RFC 9110)
        if (std::tolower(static_cast<unsigned char>(authorization[i])) != std::tolower(static_cast<unsigned char>(kBearer[i])))
            return Adgang::Forkert;
    return same(sha256_hex(trim(authorization.substr(kBearer.size()))), digest_) ? Adgang::Ok : Adgang::Forkert;
}

} // namespace kvalitet::server
