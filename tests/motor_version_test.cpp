#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "store/motor_version.hpp"

using namespace kvalitet;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

} // namespace

TEST_CASE("motor_version: the program's version and a digest of every file of dsl/ and stdlib/") {
    const fs::path root = fs::temp_directory_path() / ("kvalitet-motor-" + std::to_string(::getpid()));
    fs::remove_all(root);
    write(root / "dsl/init.lua", "return {}\n");
    write(root / "stdlib/sel85.lua", "-- a\n");
    write(root / "municipalities/x/standard.lua", "-- the municipality's own\n");
    const Sources src = Sources::directory(root);
    const std::string first = motor_version(src);
    CHECK(first.starts_with(std::string(KVALITET_VERSION) + "+"));
    CHECK(first.size() == std::string(KVALITET_VERSION).size() + 17);
    CHECK(motor_version(src) == first); // the same trees, the same engine

    // A municipality's script is not part of it (standard_sha256 records that).
    write(root / "municipalities/x/standard.lua", "-- changed\n");
    CHECK(motor_version(src) == first);
    // Any change to the shared rules is: a comment, a new file, text moved between files.
    write(root / "stdlib/sel85.lua", "-- b\n");
    const std::string second = motor_version(src);
    CHECK(second != first);
    write(root / "stdlib/frister.lua", "");
    CHECK(motor_version(src) != second);
    fs::remove(root / "stdlib/frister.lua");
    CHECK(motor_version(src) == second);
    // Not a file a standard can read: an editor's backup, a note.
    write(root / "stdlib/sel85.lua~", "-- backup\n");
    write(root / "dsl/NOTER.txt", "noter\n");
    CHECK(motor_version(src) == second);
    write(root / "dsl/init.lua", "return {}\n-- b\n");
    write(root / "stdlib/sel85.lua", "");
    CHECK(motor_version(src) != second);

    CHECK(motor_tekst(second).find("med motorkode og fælles regler (dsl/, stdlib/) ") != std::string::npos);
    CHECK(motor_tekst("0.1.0") == "kvalitet 0.1.0 (de fælles regler er ikke registreret)");
    fs::remove_all(root);
}

TEST_CASE("motor_version: the embedded sources have one") {
    const std::string m = motor_version(Sources::embedded());
    CHECK(m == motor_version(Sources::embedded()));
    CHECK(m.find('+') == std::string(KVALITET_VERSION).size());
}
