#include "domain/danske_navne.hpp"

#include <utility>

#include "domain/sag.hpp"

namespace kvalitet {

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
        {"behov_for_ledsagelse", "borgeren af psykiske årsager ikke kan tage af sted på egen hånd eller ikke magter at "
                                 "forklare sig eller omsætte beskeder"},
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

std::string mangler_tekst(std::string_view navn) {
    if (Forhold::index(navn)) return "om " + forhold_tekst(navn) + " (forhold." + std::string(navn) + ")";
    static constexpr std::pair<std::string_view, std::string_view> words[] = {
        {"vum", "VUM-udredningen"},
        {"borger.alder", "borgerens alder eller fødselsdato"},
        {"leverancer", "de leverede ydelser"},
        {"opfoelgninger", "opfølgningerne"},
        {"afbud", "afbuddene"},
        {"opfoelgninger[].form", "en opfølgnings form (personlig, virtuel, telefonisk eller administrativ)"},
        {"bevilling.foerstegangs", "om bevillingen er en førstegangsbevilling"},
        {"ansoegning.akut", "om behovet er akut"},
        {"bevilling.timer", "bevillingens timetal"},
        {"bevilling.periode", "om bevillingens timer er pr. uge eller pr. måned"},
        {"bevilling.form", "om støtten er individuel eller i gruppe"},
        {"bevilling.pakke", "den bevilgede pakke"},
        {"bevilling.afgoerelse_kanal", "om afgørelsen blev sendt digitalt eller med fysisk post"},
        {"bevilling.opfoelgning_interval_maaneder", "hvor ofte afgørelsen siger, der følges op"},
        {"bevilling.leverandoer.naert_beslaegtet", "om leverandøren er nært beslægtet med borgeren"},
    };
    for (const auto& [k, v] : words)
        if (k == navn) return std::string(v) + " (" + std::string(navn) + ")";
    const std::string dato = datosti_tekst(navn);
    return dato == navn ? std::string(navn) : dato + " (" + std::string(navn) + ")";
}

std::string mangler_liste(const std::vector<std::string>& navne) {
    std::string out;
    for (const auto& m : navne) out += (out.empty() ? "" : "; ") + mangler_tekst(m);
    return out;
}

std::string_view udfald_tekst(std::string_view udfald) {
    static constexpr std::pair<std::string_view, std::string_view> kTekster[] = {
        {"ikke_opfyldt", "ikke opfyldt"}, {"gaelder", "gælder"},    {"gaelder_ikke", "gælder ikke"},
        {"ikke_omfattet", "ikke omfattet"}, {"udloebet", "udløbet"}, {"for_sent", "for sent"},
    };
    for (const auto& [token, tekst] : kTekster)
        if (token == udfald) return tekst;
    return udfald;
}

} // namespace kvalitet
