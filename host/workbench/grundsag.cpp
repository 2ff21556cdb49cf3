#include "workbench/grundsag.hpp"

namespace kvalitet::workbench {

namespace {

Sag with_facts(unsigned bits, Dato dato, const Vum& vum) {
    Sag s;
    s.id = "tjek-grundsag";
    s.alder = 40;
    s.vum = vum;
    if (!s.vum->dato) s.vum->dato = dato;
    for (std::size_t i = 0; i < Forhold::ids.size(); ++i) s.forhold.vaerdi[i] = bool(bits >> i & 1u);
    return s;
}

unsigned typical() {
    unsigned bits = 0;
    for (auto id : {"saerlige_sociale_problemer", "kan_deltage_aktivt", "profiterer_af_stoette", "motiveret"})
        bits |= 1u << *Forhold::index(id);
    return bits;
}

} // namespace

std::optional<Sag> grundsag(Standard& standard, Dato dato, const Vum& vum) {
    const unsigned first = typical();
    for (unsigned n = 0; n <= (1u << Forhold::ids.size()); ++n) {
        const unsigned bits = n == 0 ? first : n - 1;
        if (n > 0 && bits == first) continue;
        Sag s = with_facts(bits, dato, vum);
        if (standard.vurder(s, dato).i_maalgruppe == true) return s;
    }
    return std::nullopt;
}

} // namespace kvalitet::workbench
