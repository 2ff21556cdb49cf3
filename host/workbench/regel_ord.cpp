#include "workbench/regel_ord.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "domain/sag.hpp"
#include "domain/tekst.hpp"
#include "workbench/danske_ord.hpp"
#include "workbench/konstant_varighed.hpp"

namespace kvalitet::workbench {

namespace {

bool symbol(const Token& t, std::string_view s) { return t.art == Token::Art::Tegn && t.tekst == s; }
bool names(std::span<const Token> code, std::string_view name) {
    return std::any_of(code.begin(), code.end(),
                       [&](const Token& t) { return t.art == Token::Art::Navn && t.tekst == name; });
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
    return out;
}

} // namespace

std::vector<std::string> sagsfelter(std::span<const Token> code) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i + 2 < code.size(); ++i) {
        if (code[i].art != Token::Art::Navn || code[i].tekst != "sag" || !symbol(code[i + 1], ".") ||
            code[i + 2].art != Token::Art::Navn)
            continue;
        std::string path = code[i + 2].tekst;
        // one level more for the groups whose members are what is read (forhold.x, borger.alder)
        if (i + 4 < code.size() && symbol(code[i + 3], ".") && code[i + 4].art == Token::Art::Navn &&
            (path == "forhold" || path == "borger" || path == "bevilling" || path == "ansoegning" ||
             path == "klage" || path == "arbejdspladsvurdering" || path == "indsatsplan"))
            path += "." + code[i + 4].tekst;
        if (std::find(out.begin(), out.end(), path) == out.end()) out.push_back(path);
    }
    return out;
}

std::string sagsfelt_tekst(std::string_view felt) {
    if (felt.starts_with("forhold.")) return "om " + forhold_tekst(felt.substr(8));
    static constexpr std::pair<std::string_view, std::string_view> words[] = {
        {"borger.alder", "borgerens alder"},
        {"borger.foedselsdato", "borgerens alder"},
        {"vum", "VUM-udredningens scorer"},
        {"ydelser", "støtte efter andre paragraffer"},
        {"ansoegte_aktiviteter", "de ansøgte aktiviteter"},
        {"ansoegning.akut", "om behovet er akut"},
        {"ansoegning.modtaget", "modtagelsen af ansøgningen"},
        {"bevilling.foerstegangs", "om bevillingen er en førstegangsbevilling"},
        {"bevilling.form", "støttens form (individuel, gruppe, kombination)"},
        {"bevilling.leverandoer", "leverandøren"},
        {"bevilling.timer", "de bevilgede timer"},
        {"bevilling.periode", "bevillingens periode"},
        {"bevilling.start", "bevillingens start"},
        {"bevilling.afgoerelse_dato", "afgørelsens dato"},
        {"bevilling.opfoelgning_interval_maaneder", "det opfølgningsinterval, afgørelsen fastsætter"},
        {"opfoelgninger", "opfølgningerne"},
        {"leverancer", "leverancerne"},
        {"afbud", "afbuddene"},
        {"klage.modtaget", "modtagelsen af klagen"},
        {"klage.genvurderet", "genvurderingen af klagen"},
        {"arbejdspladsvurdering.dato", "vurderingen af hjemmet som arbejdsplads"},
        {"indsatsplan.dato", "indsatsplanen"},
    };
    for (const auto& [k, v] : words)
        if (k == felt) return std::string(v);
    return std::string(felt);
}

std::string RegelOrd::oprindelse(const Regel& r) {
    if (!r.kommunal) return "national";
    return r.erstatter ? "kommunal; erstatter den nationale regel" : "kommunal";
}

std::span<const Token> RegelOrd::felt(const Rule& r, std::string_view navn) {
    return field_value(kilder_.fil(r.regel->fil), r.regel->linje, art_navn(r.art), navn);
}

std::string RegelOrd::fields_in_words(std::span<const Token> code) {
    std::vector<std::string> words;
    for (const auto& f : sagsfelter(code)) {
        std::string w = sagsfelt_tekst(f);
        if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(std::move(w));
    }
    return join(words, "; ");
}

std::string RegelOrd::afgoeres_af(const Rule& r) {
    if (r.forhold >= 0)
        return "af sagsbehandlerens vurdering af, om " + forhold_tekst(Forhold::ids[std::size_t(r.forhold)]);
    const std::string felter = fields_in_words(felt(r, "naar"));
    return felter.empty() ? "af scriptet uden oplysninger fra sagen" : "ud fra " + felter;
}

std::string RegelOrd::omfattet(const Rule& r) {
    if (r.omfattet_fn) return "afhænger af sagen";
    return r.omfattet.value_or(false) ? "ja" : "nej";
}

std::string RegelOrd::henvis_til(const Rule& r) {
    if (!r.til.empty()) return r.til;
    if (r.til_fn) {
        const std::string felter = fields_in_words(felt(r, "henvis_til"));
        return "afhænger af sagen" + (felter.empty() ? std::string() : " (" + felter + ")");
    }
    return {};
}

std::string RegelOrd::laengde(const Rule& r) {
    std::string out;
    if (auto v = konstant_varighed(standard_, r)) out = v->tekst();
    else if (names(felt(r, "varighed"), "interval_fra_afgoerelsen")) out = "det interval, afgørelsen fastsætter";
    else if (auto h = names(felt(r, "varighed"), "interval_hoejst") ? hoejst_varighed(standard_, r) : std::nullopt)
        out = h->tekst() + "; kortere, når afgørelsen fastsætter det";
    else out = "afhænger af sagen";
    if (r.flyt == Flyt::NaesteArbejdsdag)
        out += "; ender den på en lørdag, søndag, helligdag, grundlovsdag, 24. eller 31. december, flyttes den til "
               "næste dag, der ikke er nogen af dem";
    return out;
}

std::string RegelOrd::fra(const Rule& r) {
    if (!r.fra_navn.empty()) return datosti_tekst(r.fra_navn);
    const auto code = felt(r, "fra");
    if (names(code, "seneste_opfoelgning_eller_start"))
        return "seneste opfølgning, eller bevillingens start når der ingen er";
    const std::string felter = fields_in_words(code);
    return felter.empty() ? "beregnes af scriptet" : "beregnes af scriptet ud fra " + felter;
}

std::string RegelOrd::opfyldt_ved(const Rule& r) {
    std::string out;
    if (!r.opfyldt_navn.empty()) out = datosti_tekst(r.opfyldt_navn);
    else if (r.opfyldt_fn) {
        const std::string felter = fields_in_words(felt(r, "opfyldt_ved"));
        out = felter.empty() ? "beregnes af scriptet" : "beregnes af scriptet ud fra " + felter;
    } else return "ingen hændelse (fristen viser, hvornår noget senest skal ske)";
    if (r.opfyldt_senest)
        out += "; datoen viser kun, at det var sket senest da: ligger den efter fristen, afgøres fristen ikke";
    return out;
}

std::string RegelOrd::gaelder_naar(const Rule& r) {
    if (!r.naar) return {};
    const std::string felter = fields_in_words(felt(r, "naar"));
    return felter.empty() ? "gælder kun, når scriptets betingelse er opfyldt" : "gælder afhængigt af " + felter;
}

namespace {
// A parameter's value as a rule's line shows it: the whole value stands in the table of
// parameters, so a long one is cut here (at a character's start), or 200 rules each naming
// 200 values of 15 KB made a document of gigabytes.
constexpr std::size_t kVaerdiILinje = 200, kParametreILinje = 12;
std::string kort_vaerdi(const std::string& v) {
    if (v.size() <= kVaerdiILinje) return v;
    return std::string(utf8_prefix(v, kVaerdiILinje)) + "… (se Parametre)";
}
} // namespace

std::vector<std::string> RegelOrd::parametre(const Rule& r) {
    std::vector<std::string> out;
    const auto& ps = standard_.info().parametre;
    std::size_t flere = 0;
    for (const auto& navn : laesninger_.i(r.regel->fil, kilder_.spaend(r))) {
        auto it = std::find_if(ps.begin(), ps.end(), [&](const Parameter& p) { return p.id == navn; });
        if (it == ps.end()) continue;
        if (out.size() == kParametreILinje) {
            ++flere;
            continue;
        }
        out.push_back(fmt::format("{} = {}{}{}", navn, kort_vaerdi(it->vaerdi), it->enhed.empty() ? "" : " " + it->enhed,
                                  it->antagelse ? " (antagelse)" : ""));
    }
    if (flere) out.push_back(fmt::format("og {} {} mere (se Parametre)", flere, flere == 1 ? "parameter" : "parametre"));
    return out;
}

} // namespace kvalitet::workbench
