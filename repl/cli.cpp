#include "cli.hpp"

#include "domain/tekst.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "lua/error.hpp"

namespace kvalitet::cli {

namespace {

// A home folder named by the user must hold the three trees: without dsl/ no standard can
// load, and the engine's error about that is no help to someone who mistyped a path.
void check_home(const std::filesystem::path& dir, const char* from) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw CLI::ValidationError(from, fmt::format("mappen '{}' findes ikke", dir.string()));
    std::vector<std::string> missing;
    for (const char* sub : {"dsl", "stdlib", "municipalities"})
        if (!fs::is_directory(dir / sub, ec)) missing.push_back(std::string(sub) + "/");
    if (!missing.empty())
        throw CLI::ValidationError(
            from, fmt::format("mappen '{}' mangler {}; den skal rumme dsl/, stdlib/ og municipalities/ (som en "
                              "checkout af Kvalitet), eller udelad {} for at bruge de indbyggede standarder",
                              dir.string(), fmt::join(missing, " og "), from));
}

} // namespace

// --hjem DIR, else KVALITET_HJEM, else a checkout in the working directory, else the
// embedded standards. A checkout is used so that a policy officer who edits a standard and
// runs `kvalitet test` in it sees the edit count, but never silently: the program says so
// on stderr, once, since the same command elsewhere assesses with the embedded ones.
Sources Common::sources() const {
    if (!hjem.empty()) {
        check_home(hjem, "--hjem");
        return Sources::directory(hjem);
    }
    Sources s = Sources::discover();
    if (s.origin() == Sources::Origin::Environment) check_home(s.root(), "KVALITET_HJEM");
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

Dato date_option(const std::string& text, const std::string& option, std::string_view hint) {
    const auto d = Dato::parse(text);
    if (!d)
        throw CLI::ValidationError(option, fmt::format("\"{}\" er ikke en dato (ÅÅÅÅ-MM-DD){}{}", text, dansk_dato_hint(text), hint));
    if (!d->i_omraadet())
        throw CLI::ValidationError(option, Dato::uden_for_omraadet(text) + std::string(hint));
    return *d;
}

Dato evaluation_date(const std::string& flag) {
    if (flag.empty()) {
        auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
        return Dato(std::chrono::sys_days(today));
    }
    return date_option(flag, "--dato");
}

std::optional<Dato> standard_date(const std::string& flag) {
    if (flag.empty()) return std::nullopt;
    return date_option(flag, "--standard-dato");
}

void skriv_stdout(std::string_view text) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
        throw UdskriftFejl(skrivefejl(errno));
}

namespace {
// A path that is a directory opens for reading on Linux and then reads nothing: say so.
void not_a_directory(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        throw InputError(fmt::format("{}: {}", path, io_fejl(EISDIR)));
}
} // namespace

std::string read_input(const std::string& path, std::size_t limit) {
    std::FILE* f = stdin;
    if (path != "-") {
        not_a_directory(path);
        f = std::fopen(path.c_str(), "rb");
        if (!f) throw InputError(fmt::format("{}: kan ikke åbne filen", path));
    }
    // Never more than `limit`: a case past it is refused by its size, and an endless stream
    // (/dev/zero, `yes |`) is not held in memory while it runs.
    std::string text;
    char buf[1 << 16];
    std::size_t n = 0;
    while (text.size() < limit && (n = std::fread(buf, 1, std::min(sizeof buf, limit - text.size()), f)) > 0)
        text.append(buf, n);
    const bool bad = std::ferror(f);
    const int err = errno;
    if (f != stdin) std::fclose(f);
    if (bad) throw InputError(fmt::format("{}: kan ikke læse filen: {}", path == "-" ? "standard input" : path, io_fejl(err)));
    return text;
}

InputFile::InputFile(const std::string& path)
    : f_(path.empty() || path == "-" ? stdin : (not_a_directory(path), std::fopen(path.c_str(), "rb"))) {
    if (!f_) throw InputError(fmt::format("{}: kan ikke åbne filen", path));
}

InputFile::~InputFile() {
    if (f_ != stdin) std::fclose(f_);
}

int fail(const std::string& message) {
    // Never "kvalitet: " and nothing: an error without its text is a bug somewhere below,
    // but the user still gets a line to act on.
    fmt::print(stderr, "kvalitet: {}\n",
               message.empty() ? "der opstod en fejl uden forklaring (en fejl i Kvalitet); prøv igen med --hjem på en "
                                 "mappe med dsl/, stdlib/ og municipalities/, eller meld fejlen"
                               : printable(message)); // it may quote a file name or a script's text
    return kInvalid;
}

} // namespace kvalitet::cli
