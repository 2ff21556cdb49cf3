#pragma once
// A throwaway project tree for tests: the real dsl/ and stdlib/, plus standards written
// by the test. Removed when the test ends.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "sources.hpp"

namespace kvalitet::test {

struct TestTree {
    std::filesystem::path root;

    explicit TestTree(const std::string& name)
        : root(std::filesystem::temp_directory_path() / ("kvalitet-" + name + "-" + std::to_string(::getpid()))) {
        namespace fs = std::filesystem;
        fs::remove_all(root);
        fs::create_directories(root / "municipalities");
        fs::copy(KVALITET_SOURCE_DIR "/dsl", root / "dsl", fs::copy_options::recursive);
        fs::copy(KVALITET_SOURCE_DIR "/stdlib", root / "stdlib", fs::copy_options::recursive);
    }
    ~TestTree() { std::filesystem::remove_all(root); }
    TestTree(const TestTree&) = delete;
    TestTree& operator=(const TestTree&) = delete;

    // municipalities/<kommune>/standard.lua: the national baseline, a kvalitetsstandard
    // declaration, then `body`.
    Sources write(const std::string& kommune, const std::string& body) const {
        std::filesystem::create_directories(root / "municipalities" / kommune);
        std::ofstream(root / "municipalities" / kommune / "standard.lua")
            << "brug \"stdlib.sel85\"\nkvalitetsstandard { kommune = \"" << kommune << "\", titel = \"T\", kilde = \""
            << kommune << " KS\" }\n"
            << body;
        return Sources::directory(root);
    }
};

} // namespace kvalitet::test
