#pragma once
// A Danish locale for the process while alive, as a program embedding the library might set
// it: made with localedef (the locales package) in a temporary directory, so the test does
// not depend on which locales the machine has. Restores the C locale after.
#include <catch2/catch.hpp>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace kvalitet::test {

class DanskLocale {
public:
    DanskLocale() : dir_(std::filesystem::temp_directory_path() / ("kvalitet-locale-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(dir_);
        const std::string make = "localedef -i da_DK -f UTF-8 '" + dir_.string() + "/da_DK.UTF-8' > /dev/null 2>&1";
        (void)std::system(make.c_str()); // warnings give a status of 1; the directory says whether it was made
        REQUIRE(std::filesystem::exists(dir_ / "da_DK.UTF-8"));
        ::setenv("LOCPATH", dir_.c_str(), 1);
        REQUIRE(std::setlocale(LC_ALL, "da_DK.UTF-8"));
    }
    ~DanskLocale() {
        std::setlocale(LC_ALL, "C");
        ::unsetenv("LOCPATH");
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    DanskLocale(const DanskLocale&) = delete;
    DanskLocale& operator=(const DanskLocale&) = delete;

private:
    std::filesystem::path dir_;
};

} // namespace kvalitet::test
