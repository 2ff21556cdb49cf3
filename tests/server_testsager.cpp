// Writes every municipality test case (municipalities/*/tests/*.lua) as a case file the
// server and `kvalitet vurder` can both take: DIR/NNNN_<kommune>_<dato>.json. The harness
// reads the test files; tests/cli/server_lig_cli.sh compares the two answers byte for byte.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "harness/koersel.hpp"
#include "harness/testfil.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        fmt::print(stderr, "brug: server_testsager MAPPE\n");
        return 2;
    }
    using namespace kvalitet;
    const Sources sources = Sources::embedded();
    int n = 0;
    for (const auto& f : harness::find_test_files(sources, {})) {
        for (const auto& t : harness::load_test_file(sources, f.fil, f.tekst)) {
            if (!t.sag_fejl.empty()) {
                fmt::print(stderr, "{}:{}: sagen kan ikke læses: {}\n", t.fil, t.linje, t.sag_fejl);
                return 1;
            }
            std::ofstream out(std::filesystem::path(argv[1]) / fmt::format("{:04}_{}_{}.json", n++, t.kommune, t.dato.iso()));
            out << t.sag.dump() << '\n';
        }
    }
    fmt::print("{} testsager\n", n);
    return n > 0 ? 0 : 1;
}
