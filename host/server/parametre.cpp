#include "server/parametre.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace kvalitet::server {

namespace {

// A value from the query shown in a message: short, and only when it is plain text.
std::string shown(std::string_view v) {
    const bool plain = v.size() <= 40 && std::all_of(v.begin(), v.end(), [](char c) {
                           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                  c == '-' || c == '_' || c == '.';
                       });
    return plain ? fmt::format("'{}'", v) : std::string("værdien");
}

Fejl bad(std::string_view navn, std::string besked) {
    return fejl("ugyldig_parameter", fmt::format("parameteren '{}': {}", navn, besked), std::string(navn));
}

} // namespace

Fejl ukendt_parameter(std::string_view navn, std::string_view brug) {
    const bool vis = shown(navn) != "værdien";
    return fejl("ukendt_parameter",
                fmt::format("{} findes ikke her; {}",
                            vis ? "parameteren " + shown(navn) : std::string("en parameter med et ulæseligt navn"), brug),
                vis ? std::string(navn) : std::string());
}

std::variant<Bestilling, Fejl> laes_parametre(const Felter& query, const std::string& kommune, bool format_tilladt,
                                              const std::function<Dato()>& i_dag) {
    static constexpr std::array<std::string_view, 5> kNavne{"dato", "standard_dato", "format", "spor", "streng"};
    Bestilling b;
    b.kommune = kommune;
    bool har_dato = false;
    for (std::size_t i = 0; i < query.size(); ++i) {
        const auto& [navn, vaerdi] = query[i];
        const bool kendt = std::find(kNavne.begin(), kNavne.end(), navn) != kNavne.end();
        if (!kendt || (navn == "format" && !format_tilladt))
            return ukendt_parameter(navn, format_tilladt ? "brug dato, standard_dato, format, spor og streng"
                                                         : "brug dato, standard_dato, spor og streng (NDJSON er altid JSON)");
        for (std::size_t k = 0; k < i; ++k)
            if (query[k].first == navn) return bad(navn, "er givet mere end én gang");
        if (navn == "dato" || navn == "standard_dato") {
            const auto d = Dato::parse(vaerdi);
            if (!d)
                return fejl("ugyldig_dato", fmt::format("parameteren '{}': {} er ikke en dato (ÅÅÅÅ-MM-DD)", navn, shown(vaerdi)),
                            navn);
            if (!d->i_omraadet())
                return fejl("ugyldig_dato",
                            fmt::format("parameteren '{}': {} ligger uden for de datoer, der kan regnes med ({}–{})", navn,
                                        vaerdi, Dato::foerste().iso(), Dato::sidste().iso()),
                            navn);
            if (navn == "dato") {
                b.dato = *d;
                har_dato = true;
            } else {
                b.standard_dato = *d;
            }
        } else if (navn == "format") {
            if (vaerdi != "json" && vaerdi != "tekst") return bad(navn, fmt::format("{} er hverken json eller tekst", shown(vaerdi)));
            b.tekst = vaerdi == "tekst";
        } else if (navn == "spor") {
            const auto s = spor_niveau(vaerdi);
            if (!s) return bad(navn, fmt::format("{} er hverken fuld, kort eller ingen", shown(vaerdi)));
            b.spor = *s;
        } else {
            if (vaerdi != "true" && vaerdi != "false") return bad(navn, fmt::format("{} er hverken true eller false", shown(vaerdi)));
            b.ukendte = vaerdi == "true" ? UkendteFelter::Afvis : UkendteFelter::Ignorer;
        }
    }
    if (!har_dato) b.dato = i_dag();
    return b;
}

} // namespace kvalitet::server
