// forskel as Danish text for a terminal: a section per kind, a line per rule or parameter
// ("+" added, "-" removed, "~" changed) and an indented line per changed field.
#include <fmt/format.h>

#include "domain/tekst.hpp"
#include "workbench/forskel.hpp"

namespace kvalitet::workbench {

namespace {

std::string vis(std::string_view s) { return s.empty() ? "(ingen)" : printable(s); }

std::string linje(char tegn, const Post& p) {
    std::string s = fmt::format("  {} {} {}", tegn, p.art, printable(p.id));
    if (!p.tekst.empty()) s += ": " + printable(p.tekst);
    if (!p.kilde.empty()) s += fmt::format(" ({})", printable(p.kilde));
    if (!p.fil.empty()) s += fmt::format(" [{}:{}]", printable(p.fil), p.linje);
    return s + "\n";
}

void felter(std::string& out, const std::vector<FeltForskel>& fs, std::string_view indryk) {
    for (const auto& f : fs) out += fmt::format("{}{}: {} → {}\n", indryk, f.felt, vis(f.foer), vis(f.efter));
}

void afsnit(std::string& out, std::string_view titel, char tegn, const std::vector<Post>& ps) {
    if (ps.empty()) return;
    out += fmt::format("\n{} ({})\n", titel, ps.size());
    for (const auto& p : ps) out += linje(tegn, p);
}

void aendret(std::string& out, std::string_view titel, const std::vector<Aendret>& as) {
    if (as.empty()) return;
    out += fmt::format("\n{} ({})\n", titel, as.size());
    for (const auto& a : as) {
        out += linje('~', a.efter);
        felter(out, a.felter, "      ");
    }
}

} // namespace

std::string forskel_tekst(const StandardForskel& f) {
    std::string out = fmt::format("Forskel på standarden for {}\n  før:   {}\n  efter: {}\n", printable(f.kommune),
                                  printable(f.foer_navn), printable(f.efter_navn));
    if (!f.standard.empty()) {
        out += "\nStandarden\n";
        felter(out, f.standard, "  ");
    }
    afsnit(out, "Regler tilføjet", '+', f.regler_tilfoejet);
    afsnit(out, "Regler fjernet", '-', f.regler_fjernet);
    aendret(out, "Regler ændret", f.regler_aendret);
    afsnit(out, "Parametre tilføjet", '+', f.parametre_tilfoejet);
    afsnit(out, "Parametre fjernet", '-', f.parametre_fjernet);
    aendret(out, "Parametre ændret", f.parametre_aendret);
    afsnit(out, "Antagelser tilføjet", '+', f.antagelser_tilfoejet);
    afsnit(out, "Antagelser fjernet", '-', f.antagelser_fjernet);
    if (f.tom()) {
        out += "\nIngen forskel: reglerne, parametrene og standardens oplysninger er de samme.\n";
        return out;
    }
    out += fmt::format("\nI alt: regler {} tilføjet, {} fjernet, {} ændret; parametre {} tilføjet, {} fjernet, {} "
                       "ændret; antagelser {} tilføjet, {} fjernet\n",
                       f.regler_tilfoejet.size(), f.regler_fjernet.size(), f.regler_aendret.size(),
                       f.parametre_tilfoejet.size(), f.parametre_fjernet.size(), f.parametre_aendret.size(),
                       f.antagelser_tilfoejet.size(), f.antagelser_fjernet.size());
    return out;
}

} // namespace kvalitet::workbench
