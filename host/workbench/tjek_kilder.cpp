// Every rule says which section of the standard (or which law) it comes from. The DSL
// refuses a declaration without `kilde`, but not an empty or blank one.
#include <fmt/format.h>

#include "lua/field_line.hpp"
#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\n") == std::string::npos; }

// The line `kilde = …` is written on in the declaration made on `linje`, else `linje`.
int kilde_line(Tjek& t, const std::string& fil, int linje) {
    const std::string_view path[] = {"kilde"};
    const int at = lua::field_line(t.kilder.raa(fil), linje, path);
    return at ? at : linje;
}

} // namespace

void tjek_kilder(Tjek& t) {
    const auto& info = t.standard.info();
    if (blank(info.kilde))
        t.add("uden_kilde", info.fil, 1, "kvalitetsstandarden har ingen kilde",
              "skriv standardens titel og godkendelse i kvalitetsstandard { kilde = \"…\" }");
    for (const auto& r : t.standard.rules()) {
        if (!blank(r.regel->kilde)) continue;
        t.add("uden_kilde", r.regel->fil, kilde_line(t, r.regel->fil, r.regel->linje),
              fmt::format("{} '{}' har ingen kilde", art_navn(r.art), r.regel->id),
              "skriv afsnittet i standarden eller paragraffen, reglen bygger på, f.eks. kilde = \"Varde KS 3.7 "
              "Opfølgning\" eller \"SEL § 85\"");
    }
    for (const auto& p : info.parametre) {
        if (p.antagelse || !blank(p.kilde)) continue;
        t.add("uden_kilde", p.fil, kilde_line(t, p.fil, p.linje), fmt::format("parameteren '{}' har ingen kilde", p.id),
              "skriv afsnittet i standarden, værdien står i; siger standarden det ikke, så skriv antagelse = true og "
              "en kommentar om, hvad den siger");
    }
}

} // namespace kvalitet::workbench
