#include "store/motor_version.hpp"

#include <fmt/format.h>

#include "domain/sha256.hpp"

namespace kvalitet {

std::string motor_version(const Sources& sources) {
    // Each file as its path, its length and its text: no two different trees give the same input.
    std::string all;
    for (const char* tree : {"dsl", "stdlib"})
        for (const auto& rel : sources.list(tree)) {
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
    return fmt::format("kvalitet {} med de fælles regler (dsl/, stdlib/) {}", motor_version.substr(0, plus),
                       motor_version.substr(plus + 1));
}

} // namespace kvalitet
