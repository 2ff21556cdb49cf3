#include "store/motor_version.hpp"

#include <fmt/format.h>

#include "domain/sha256.hpp"

namespace kvalitet {

extern const char* const kMotorKode; // generated: cmake/motor_digest.cmake

std::string motor_version(const Sources& sources) {
    // The host's code, then each shared file as its path, its length and its text: no two
    // different trees give the same input. Only what a standard can read (brug): the .lua
    // and .json files, as embedded, so an editor's backup file changes nothing.
    std::string all = fmt::format("{}\n", kMotorKode);
    for (const char* tree : {"dsl", "stdlib"})
        for (const auto& rel : sources.list(tree)) {
            if (!rel.ends_with(".lua") && !rel.ends_with(".json")) continue;
            const std::string text = sources.read(rel).value_or("");
            all += fmt::format("{}\n{}\n", rel, text.size());
            all += text;
        }
    return fmt::format("{}+{}", KVALITET_VERSION, sha256_hex(all).substr(0, 16));
}

std::string motor_tekst(std::string_view motor_version) {
    const auto plus = motor_version.find('+');
    if (plus == std::string_view::npos)
        return fmt::format("kvalitet {} (de fælles regler er ikke registreret)", motor_version);
    return fmt::format("kvalitet {} med motorkode og fælles regler (dsl/, stdlib/) {}", motor_version.substr(0, plus),
                       motor_version.substr(plus + 1));
}

} // namespace kvalitet
