// Sag::from_json against the three passes it falls back on (detail::sag_from_json_passes),
// and a plain loop for callgrind. Not a timer: instruction counts are what to compare.
//   bench_sag_json ANTAL [--tre]    parse ANTAL demo cases (callgrind --toggle-collect),
//                                   with --tre by the three passes alone
//   bench_sag_json --forskel FIL    each line of FIL (NDJSON) read both ways, under the
//                                   default and tight limits, ignoring and refusing unknown
//                                   fields; prints each difference, exits 1 on any
#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "domain/sag.hpp"
#include "domain/sag_json_scan.hpp"
#include "lua/error.hpp"
#include "store/demo_sager.hpp"
#include "../tests/sag_tekst.hpp"

using namespace kvalitet;

namespace {

SagGraenser tight() {
    SagGraenser g;
    g.max_bytes = 4096;
    g.max_dybde = 3;
    g.max_liste = 4;
    g.max_felter = 4;
    g.max_tekst = 9;
    return g;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::string(argv[1]) == "--forskel") {
        std::ifstream in(argv[2]);
        std::string line;
        std::size_t n = 0, errors = 0, differ = 0;
        while (std::getline(in, line)) {
            for (const SagGraenser& g : {SagGraenser{}, tight()})
                for (auto u : {UkendteFelter::Ignorer, UkendteFelter::Afvis}) {
                    const std::string a = testdata::udfald([&] { return Sag::from_json(line, g, u); });
                    const std::string b = testdata::udfald([&] { return detail::sag_from_json_passes(line, g, u); });
                    ++n;
                    errors += a.rfind("fejl", 0) == 0;
                    if (a != b) {
                        ++differ;
                        fmt::print("FORSKEL i {}\n--- ny\n{}\n--- gammel\n{}\n", line.substr(0, 300), a, b);
                    }
                }
        }
        fmt::print("{} læsninger, {} fejl, {} forskelle\n", n, errors, differ);
        return differ ? 1 : 0;
    }
    // --tre: the three passes alone (callgrind --toggle-collect='kvalitet::detail::sag_from_json_passes*').
    const bool tre = argc > 2 && std::string(argv[2]) == "--tre";
    const std::uint64_t antal = argc > 1 ? std::stoull(argv[1]) : 1000;
    const Dato dato = *Dato::parse("2026-11-22");
    std::vector<std::string> lines;
    for (std::uint64_t i = 0; i < antal; ++i) lines.push_back(demo_sag(85, i, dato));
    std::size_t sink = 0, bytes = 0;
    for (const auto& l : lines) {
        sink += (tre ? detail::sag_from_json_passes(l, {}, UkendteFelter::Ignorer) : Sag::from_json(l)).leverancer.size();
        bytes += l.size();
    }
    fmt::print("{} sager, {} bytes i snit, {} leverancer\n", antal, bytes / antal, sink);
    return 0;
}
