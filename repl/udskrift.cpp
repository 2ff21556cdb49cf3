#include "udskrift.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>

#include "cli.hpp"

namespace kvalitet::cli {

int skriv_ud(const std::string& ud, const std::string& tekst, const std::string& hvad) {
    if (ud.empty() || ud == "-") {
        std::fwrite(tekst.data(), 1, tekst.size(), stdout);
        return std::fflush(stdout) == 0 ? kOk : fail("kan ikke skrive til standard output");
    }
    std::ofstream out(ud, std::ios::binary | std::ios::trunc);
    out << tekst;
    out.close();
    if (!out) return fail(fmt::format("{}: kan ikke skrive filen", ud));
    fmt::print(stderr, "kvalitet: {} er skrevet til {}\n", hvad, ud);
    return kOk;
}

} // namespace kvalitet::cli
