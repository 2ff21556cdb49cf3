#pragma once
// Where Lua sources come from: the copy embedded at build time, or a directory on disk
// (a checkout being edited). Paths are relative and '/'-separated: "stdlib/sel85.lua".
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvalitet {

class Sources {
public:
    static Sources embedded();
    static Sources directory(std::filesystem::path root);
    // KVALITET_HJEM if set, else the working directory when it holds dsl/ and
    // municipalities/ (a checkout), else the embedded copy.
    static Sources discover();

    std::optional<std::string> read(std::string_view relpath) const;
    // Relative paths under `prefix` (a directory, e.g. "municipalities/varde/tests"), sorted.
    std::vector<std::string> list(std::string_view prefix) const;
    bool on_disk() const noexcept { return !root_.empty(); }
    const std::filesystem::path& root() const noexcept { return root_; }
    std::string describe() const;

private:
    std::filesystem::path root_; // empty: embedded
};

} // namespace kvalitet
