#include "workbench/pakke_analyse.hpp"

#include <fmt/format.h>

#include <chrono>
#include <map>

#include "workbench/grundsag.hpp"

namespace kvalitet::workbench {

std::string vektor_tekst(const Vektor& v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i)
        out += fmt::format("{}{} {}", i ? ", " : "", Vum::tema_ids[i], int(v[i]));
    return out;
}

namespace {

// The packages whose criteria the assessment found met, as bits by package index.
std::uint64_t met(const Vurdering& v, const std::map<const Regel*, std::size_t>& index) {
    std::uint64_t bits = 0;
    for (const auto& p : v.spor) {
        if (p.trin != Trin::Pakke || p.udfald != "opfyldt") continue;
        if (auto it = index.find(p.regel); it != index.end()) bits |= std::uint64_t(1) << it->second;
    }
    return bits;
}

bool is_prefix(std::uint64_t bits) { return (bits & (bits + 1)) == 0; } // 0b0…01…1

std::vector<std::size_t> members(std::uint64_t bits) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < 64; ++i)
        if (bits >> i & 1u) out.push_back(i);
    return out;
}

bool next(Vektor& v) {
    for (auto& x : v) {
        if (++x <= 4) return true;
        x = 0;
    }
    return false;
}

} // namespace

PakkeAnalyse analyser_pakker(Standard& standard, Dato dato, double max_sekunder) {
    const auto start = std::chrono::steady_clock::now();
    PakkeAnalyse a;
    std::map<const Regel*, std::size_t> index;
    for (const auto& r : standard.rules())
        if (r.art == Art::Pakke) {
            index[r.regel] = a.pakker.size();
            a.pakker.push_back(&r);
        }
    const std::size_t n = a.pakker.size();
    if (n == 0 || n > 64) return a; // 64: the bit set; no standard has near that many
    a.valgt.assign(n, 0);
    a.opfyldt.assign(n, 0);
    a.opfyldt_ved.assign(n, std::nullopt);
    a.valgt_i_stedet.assign(n, {});
    for (int seed : {0, 4}) {
        Vum vum;
        vum.score.fill(std::int8_t(seed));
        if ((a.grundsag = grundsag(standard, dato, vum))) break;
    }
    if (!a.grundsag) return a;

    Sag sag = *a.grundsag;
    Vektor v{};
    std::optional<Vektor> prefix_multi; // a vector meeting the first k > 1 packages
    auto over_tiden = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > max_sekunder;
    };
    do {
        if (a.vektorer % 64 == 0 && over_tiden()) {
            a.afbrudt = true;
            break;
        }
        ++a.vektorer;
        sag.vum->score = v;
        const Vurdering vu = standard.vurder(sag, dato);
        if (vu.i_maalgruppe != true) {
            ++a.uden_for_maalgruppen;
            continue;
        }
        const std::uint64_t bits = met(vu, index);
        if (bits == 0) {
            if (!a.huller++) a.hul = v;
            continue;
        }
        const auto ms = members(bits);
        const std::size_t top = ms.back();
        ++a.valgt[top];
        for (auto m : ms) {
            ++a.opfyldt[m];
            if (!a.opfyldt_ved[m]) a.opfyldt_ved[m] = v;
            a.valgt_i_stedet[m].insert(top);
        }
        if (ms.size() > 1 && !is_prefix(bits)) {
            if (!a.overlap_antal++) {
                a.overlap = v;
                a.overlap_pakker = ms;
            }
        } else if (ms.size() > 1 && !prefix_multi) {
            prefix_multi = v;
        } else if (ms.size() == 1 && top > 0 && !a.enkelt) {
            a.enkelt = v;
            a.enkelt_pakke = top;
        }
    } while (next(v));

    // Steps in one place and bands in another: neither reading holds for the whole space.
    if (!a.overlap && prefix_multi && a.enkelt) {
        a.overlap = prefix_multi;
        Sag s = *a.grundsag;
        s.vum->score = *prefix_multi;
        a.overlap_pakker = members(met(standard.vurder(s, dato), index));
        a.overlap_antal = 1;
    } else {
        a.enkelt.reset();
    }
    a.sekunder = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return a;
}

} // namespace kvalitet::workbench
