#pragma once
// The bearer token: read once from a file (never from the command line, where `ps` shows
// it), compared in constant time so the answer's timing says nothing about the secret.
#include <filesystem>
#include <string>
#include <string_view>

namespace kvalitet::server {

enum class Adgang { Ok, Mangler, Forkert };

class Token {
public:
    // The file's first line, without surrounding white space. Throws InputError (Danish,
    // naming the file) when it cannot be read, is empty or shorter than kMinLaengde.
    static Token fra_fil(const std::filesystem::path& fil);
    explicit Token(std::string_view hemmelighed);

    // The Authorization header's value against the token: "Bearer <token>".
    Adgang tjek(std::string_view authorization) const;

    static constexpr std::size_t kMinLaengde = 16;

private:
    std::string digest_; // sha256 of the secret: every comparison costs the same
};

} // namespace kvalitet::server
