#pragma once
// The dsl/, stdlib/ and municipalities/ trees, compiled into the library (cmake/embed.cmake).
#include <cstddef>
#include <string_view>

namespace kvalitet::embedded {
struct File {
    std::string_view path;
    std::string_view text;
};
extern const File files[];
extern const std::size_t count;
} // namespace kvalitet::embedded
