#include "cli.hpp"

#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "lua/error.hpp"

namespace kvalitet::cli {

// --hjem DIR, else KVALITET_HJEM, else a checkout in the working directory, else the
// embedded standards. A checkout is used so that a policy officer who edits a standard and
// runs `kvalitet test` in it sees the edit count, but never silently: the program says so
// on stderr, once, since the same command elsewhere assesses with the embedded ones.
Sources Common::sources() const {
    if (!hjem.empty()) return Sources::directory(hjem);
    Sources s = Sources::discover();
    static bool announced = false;
    if (s.origin() == Sources::Origin::WorkingDirectory && !announced) {
        announced = true;
        fmt::print(stderr,
                   "kvalitet: bruger standarderne i {} (arbejdsmappen er en checkout), ikke de indbyggede; "
                   "vælg med --hjem MAPPE eller KVALITET_HJEM\n",
                   s.root().string());
    }
    return s;
}

Dato evaluation_date(const std::string& flag) {
    if (flag.empty()) {
        auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
        return Dato(std::chrono::sys_days(today));
    }
    auto d = Dato::parse(flag);
    if (!d) throw CLI::ValidationError("--dato", fmt::format("\"{}\" er ikke en dato (ÅÅÅÅ-MM-DD)", flag));
    if (!d->i_omraadet())
        throw CLI::ValidationError("--dato", fmt::format("{} ligger uden for de datoer, der kan regnes med ({}–{})",
                                                         flag, Dato::foerste().iso(), Dato::sidste().iso()));
    return *d;
}

std::string read_input(const std::string& path) {
    std::stringstream ss;
    if (path == "-") {
        ss << std::cin.rdbuf();
        return ss.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fmt::format("{}: kan ikke åbne filen", path));
    ss << in.rdbuf();
    return ss.str();
}

InputFile::InputFile(const std::string& path)
    : f_(path.empty() || path == "-" ? stdin : std::fopen(path.c_str(), "rb")) {
    if (!f_) throw InputError(fmt::format("{}: kan ikke åbne filen", path));
}

InputFile::~InputFile() {
    if (f_ != stdin) std::fclose(f_);
}

int fail(const std::string& message) {
    fmt::print(stderr, "kvalitet: {}\n", message);
    return kInvalid;
}

} // namespace kvalitet::cli
