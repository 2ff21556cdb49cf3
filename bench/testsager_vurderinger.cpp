// Every municipality test case's full assessment, one line each ("fil:linje navn<TAB>JSON"),
// for bench/samme_uddata.sh: an optimisation of a script or of the host must leave these
// bytes as they were. Not a test (it asserts nothing); it prints.
#include <fmt/format.h>

#include <exception>

#include "harness/koersel.hpp"
#include "sources.hpp"

using namespace kvalitet;

int main(int argc, char** argv) {
    const Sources sources = Sources::directory(argc > 1 ? argv[1] : ".");
    harness::Koersel koersel(sources);
    int bad = 0;
    for (const auto& f : harness::find_test_files(sources, {})) {
        for (const auto& t : harness::load_test_file(sources, f.fil, f.tekst)) {
            const auto r = koersel.run(t);
            if (!r.vurdering) {
                fmt::print("{}:{} {}\tFEJL {}\n", t.fil, t.linje, t.navn, r.fejl);
                ++bad;
                continue;
            }
            fmt::print("{}:{} {}\t{}\n", t.fil, t.linje, t.navn, r.vurdering->json());
        }
    }
    return bad ? 1 : 0;
}
