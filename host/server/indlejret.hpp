#pragma once
// Files the server carries inside the program (cmake/embed.cmake, at build time): the JSON
// Schemas of docs/schema (for GET /v1/openapi.json), the example case and the page on GET /.
// Built from the files themselves, so what is served cannot drift from them.
#include <optional>
#include <string_view>

#include "embedded_sources.hpp"

namespace kvalitet::server::indlejret {
using File = kvalitet::embedded::File;
extern const File files[];
extern const std::size_t count;

// The text of one file by its path in the repository ("docs/schema/sag.schema.json").
inline std::optional<std::string_view> fil(std::string_view sti) {
    for (std::size_t i = 0; i < count; ++i)
        if (files[i].path == sti) return files[i].text;
    return std::nullopt;
}
} // namespace kvalitet::server::indlejret
