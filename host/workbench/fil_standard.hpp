#pragma once
// A standard read from a file anywhere (`kvalitet tjek FIL`, a draft or a test fixture):
// the engine loads standards only from a tree of dsl/, stdlib/ and municipalities/, so the
// file is placed in a temporary tree beside the national files of `base`, as
// municipalities/<its kommune>/standard.lua, with the test cases in a tests/ folder next
// to it. The tree goes when this does; keep it alive as long as the Standard loaded from it.
#include <filesystem>
#include <string>

#include "sources.hpp"

namespace kvalitet::workbench {

class FilStandard {
public:
    // Throws InputError when the file cannot be read or declares no kommune.
    FilStandard(const Sources& base, const std::filesystem::path& fil);
    ~FilStandard();
    FilStandard(const FilStandard&) = delete;
    FilStandard& operator=(const FilStandard&) = delete;

    const Sources& sources() const { return sources_; }
    const std::string& kommune() const { return kommune_; }
    // A path in the temporary tree as the user knows it: the file they named, and its tests/.
    std::string vis(std::string_view sti) const;

private:
    std::filesystem::path tmp_;
    std::filesystem::path fil_;
    std::string kommune_;
    Sources sources_;
};

} // namespace kvalitet::workbench
