// A threshold on sag.vum:max() or sag.vum:sum() (`mindst(sag.vum:max(), 3)`) counts only the
// scored themes, so a VUM scored in part gives a silent no (or, with hoejst, a silent yes)
// where a theme without a score (0 to 4) could still decide. sag.vum:et_tema_mindst(n) and
// sag.vum:sum_mindst(n) answer nil while it could, and name the themes in `mangler`. Found
// in the text: `vum:max()` or `vum:sum()` among the arguments of mindst(…) or hoejst(…).
#include <fmt/format.h>

#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

namespace {

bool tegn(const Token& t, std::string_view s) { return is(t, Token::Art::Tegn, s); }
bool navn(const Token& t, std::string_view s) { return is(t, Token::Art::Navn, s); }

// sag.vum:max() or sag.vum:sum() at ts[k]: "max" or "sum", else empty.
std::string_view vum_tal(const std::vector<Token>& ts, std::size_t k) {
    if (k + 2 >= ts.size() || !navn(ts[k], "vum") || !tegn(ts[k + 1], ":")) return {};
    if (navn(ts[k + 2], "max") || navn(ts[k + 2], "sum")) return ts[k + 2].tekst;
    return {};
}

void rapporter(Tjek& t, const std::string& fil, int linje, std::string_view kald, std::string_view tal) {
    const bool mindst = kald == "mindst";
    const std::string metode = tal == "max" ? "et_tema_mindst" : "sum_mindst";
    t.add("vum_delvis", fil, linje,
          fmt::format("{}(sag.vum:{}(), …) regner kun med de scorede temaer: er VUM'en kun delvis scoret, giver "
                      "reglen et stille {}, hvor et tema uden score (0-4) kunne give {}",
                      kald, tal, mindst ? "nej" : "ja", mindst ? "ja" : "nej"),
          mindst ? fmt::format("brug sag.vum:{}(n): den svarer nil (og nævner temaerne uden score i mangler), mens "
                               "et tema uden score kunne afgøre det",
                               metode)
                 : fmt::format("brug ikke(sag.vum:{}(n + 1)): den svarer nil (og nævner temaerne uden score i "
                               "mangler), mens et tema uden score kunne afgøre det",
                               metode));
}

} // namespace

void tjek_vum_delvis(Tjek& t) {
    for (const auto& fil : t.kilder.filer()) {
        const auto& ts = t.kilder.fil(fil).tokens;
        for (std::size_t i = 0; i + 1 < ts.size(); ++i) {
            if (!(navn(ts[i], "mindst") || navn(ts[i], "hoejst")) || !tegn(ts[i + 1], "(")) continue;
            int dybde = 0;
            for (std::size_t k = i + 1; k < ts.size(); ++k) {
                if (tegn(ts[k], "(")) ++dybde;
                else if (tegn(ts[k], ")") && --dybde == 0) break;
                else if (const auto tal = vum_tal(ts, k); !tal.empty()) {
                    rapporter(t, fil, ts[k].linje, ts[i].tekst, tal);
                    break;
                }
            }
        }
    }
}

} // namespace kvalitet::workbench
