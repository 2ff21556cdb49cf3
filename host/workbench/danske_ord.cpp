#include "workbench/danske_ord.hpp"

#include <fmt/format.h>

#include <utility>

namespace kvalitet::workbench {

namespace {

template <std::size_t N>
std::string lookup(const std::pair<std::string_view, std::string_view> (&table)[N], std::string_view key) {
    for (const auto& [k, v] : table)
        if (k == key) return std::string(v);
    return std::string(key);
}

} // namespace

std::string forhold_tekst(std::string_view id) {
    static constexpr std::pair<std::string_view, std::string_view> words[] = {
        {"saerlige_sociale_problemer", "borgeren har særlige sociale problemer"},
        {"kan_deltage_aktivt", "borgeren selv kan deltage aktivt i støtten"},
        {"profiterer_af_stoette", "borgeren profiterer af støtten"},
        {"daarligt_helbred", "borgeren har et dårligt helbred"},
        {"kan_afhjaelpes_med_hjaelpemidler", "funktionsnedsættelsen kan afhjælpes med hjælpemidler"},
        {"kan_afhjaelpes_med_traening", "funktionsnedsættelsen kan afhjælpes med træning"},
        {"kan_afhjaelpes_efter_anden_lovgivning", "funktionsnedsættelsen kan afhjælpes efter anden lovgivning"},
        {"motiveret", "borgeren er motiveret for støtten"},
    };
    return lookup(words, id);
}

std::string datosti_tekst(std::string_view sti) {
    static constexpr std::pair<std::string_view, std::string_view> words[] = {
        {"ansoegning.modtaget", "modtagelsen af ansøgningen"},
        {"vum.dato", "VUM-udredningen"},
        {"bevilling.afgoerelse_dato", "afgørelsens dato"},
        {"bevilling.afgoerelse_modtaget", "borgerens modtagelse af afgørelsen"},
        {"bevilling.afgoerelse_sendt", "afsendelsen af afgørelsen"},
        {"bevilling.start", "bevillingens start"},
        {"klage.modtaget", "modtagelsen af klagen"},
        {"klage.genvurderet", "ny afgørelse på klagen, eller klagen sendt videre til Ankestyrelsen"},
        {"arbejdspladsvurdering.dato", "vurderingen af hjemmet som arbejdsplads"},
        {"indsatsplan.dato", "indsatsplanen"},
        {"opfoelgninger.seneste", "seneste opfølgning"},
        {"opfoelgninger.foerste", "første opfølgning"},
        {"leverancer.foerste", "første leverance"},
    };
    return lookup(words, sti);
}

std::string_view paahviler_tekst(Paahviler p) { return p == Paahviler::Borger ? "borgeren" : "kommunen"; }

std::string antal_tekst(std::size_t n) {
    std::string s = std::to_string(n);
    for (int i = int(s.size()) - 3; i > 0; i -= 3) s.insert(std::size_t(i), 1, '.');
    return s;
}

std::string timer_tekst(double timer) {
    std::string n = fmt::format("{:.2f}", timer);
    while (n.back() == '0') n.pop_back();
    if (n.back() == '.') n.pop_back();
    for (auto& c : n)
        if (c == '.') c = ',';
    return n + (timer == 1 ? " time" : " timer");
}

std::string periode_tekst(std::string_view periode) {
    if (periode == "uge") return "ugen";
    if (periode == "maaned") return "måneden";
    return std::string(periode);
}

} // namespace kvalitet::workbench
