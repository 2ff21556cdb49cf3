#pragma once
// The packages over every VUM vector: each of the seven themes scored 0–4, 5^7 = 78,125
// vectors, each assessed (the whole standard, as a case would be) on a case in the target
// group (workbench/grundsag.hpp) with that vector. A vector in the group must meet the
// criteria of some package (else a gap), and the packages a vector meets must be either
// one package (bands) or the first k (steps, where the highest wins); anything else is an
// overlap the order decides silently. A package that is never the highest is never chosen.
#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/sag.hpp"
#include "engine/standard.hpp"

namespace kvalitet::workbench {

using Vektor = std::array<std::int8_t, Vum::kTemaer>;
// "praktiske_opgaver 0, egenomsorg 1, …" in the themes' order.
std::string vektor_tekst(const Vektor& v);

struct PakkeAnalyse {
    std::vector<const Rule*> pakker;    // in declared (rising) order
    std::optional<Sag> grundsag;        // none: no case in the target group was found
    std::size_t vektorer = 0, uden_for_maalgruppen = 0;

    std::size_t huller = 0;
    std::optional<Vektor> hul;

    // an overlap: the packages an example vector meets, with the vector
    std::size_t overlap_antal = 0;
    std::optional<Vektor> overlap;
    std::vector<std::size_t> overlap_pakker;
    std::optional<Vektor> enkelt; // with a mixed overlap: a vector meeting one later package only
    std::size_t enkelt_pakke = 0;

    std::vector<std::size_t> valgt, opfyldt;          // per package: vectors where chosen, met
    std::vector<std::optional<Vektor>> opfyldt_ved;   // per package: a vector meeting it
    std::vector<std::set<std::size_t>> valgt_i_stedet; // per package: the winners where it was met
    double sekunder = 0;
    bool afbrudt = false; // stopped at max_sekunder: only the first `vektorer` were seen
};

// Throws ScriptError when a rule fails on one of the cases. Stops after about max_sekunder
// (a package rule just under the per-call time limit would otherwise run for hours over
// the 78,125 vectors), with afbrudt set.
PakkeAnalyse analyser_pakker(Standard& standard, Dato dato, double max_sekunder = 60);

} // namespace kvalitet::workbench
