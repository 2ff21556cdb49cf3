#pragma once
// The query of a request target ("/sti?dato=2026-11-22&format=tekst"), decoded: only the
// target's own query, never a form body (cpp-httplib merges those into its params).
#include <string_view>

#include "server/anmodning.hpp"

namespace kvalitet::server {

// Pairs in order; '+' is a space and %XX a byte; a name without '=' has an empty value;
// a malformed %-escape is kept as written.
Felter laes_query(std::string_view target);

} // namespace kvalitet::server
