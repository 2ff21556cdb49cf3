#include "engine/versioner.hpp"

#include <fmt/format.h>

#include "engine/standard.hpp"
#include "lua/error.hpp"

namespace kvalitet {

namespace {

// The older versions' files, oldest first (Sources::list sorts, and ISO dates sort by time).
std::vector<std::string> version_files(const Sources& sources, const std::string& kommune) {
    const std::string dir = "municipalities/" + kommune + "/versioner/";
    std::vector<std::string> out;
    for (auto& fil : sources.list(dir)) {
        const std::string_view navn = std::string_view(fil).substr(dir.size());
        if (navn.find('/') != std::string_view::npos || !navn.ends_with(".lua")) continue; // tests, notes
        if (!Dato::parse(navn.substr(0, navn.size() - 4)))
            throw ScriptError(ScriptError::Kind::Runtime,
                              fmt::format("en version skal hedde efter den dato, den gælder fra (ÅÅÅÅ-MM-DD.lua), "
                                          "ikke {}: omdøb filen",
                                          navn),
                              fil, 1);
        out.push_back(std::move(fil));
    }
    return out;
}

Version read_version(const Sources& sources, const std::string& kommune, const std::string& fil) {
    const auto s = Standard::load_file(sources, kommune, fil);
    return {fil, s->info().gyldig_fra, s->info().gyldig_til, s->info().sha256};
}

// standard.lua is the newest version: with older ones beside it, it must say from when.
void check_newest(const std::vector<Version>& out) {
    if (out.size() < 2) return;
    const Version& nyeste = out.back();
    const Version& forrige = out[out.size() - 2];
    if (!nyeste.gyldig_fra)
        throw ScriptError(ScriptError::Kind::Runtime,
                          fmt::format("der er ældre versioner i versioner/, så kvalitetsstandard skal sige, hvornår denne "
                                      "version gælder fra: skriv gyldig_fra = \"ÅÅÅÅ-MM-DD\" (efter {})",
                                      forrige.gyldig_fra->iso()),
                          nyeste.fil, 1);
    if (*nyeste.gyldig_fra <= *forrige.gyldig_fra)
        throw ScriptError(ScriptError::Kind::Runtime,
                          fmt::format("standard.lua er den nyeste version, men dens gyldig_fra ({}) ligger ikke efter den "
                                      "nyeste i versioner/ ({}): ret gyldig_fra, eller flyt filen",
                                      nyeste.gyldig_fra->iso(), forrige.gyldig_fra->iso()),
                          nyeste.fil, 1);
}

// A version's own gyldig_til on or after the next version's gyldig_fra: two versions would
// be in force on the same days, and vurder took the later one without a word.
void check_overlap(const std::vector<Version>& out) {
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
        const Version &v = out[i], &next = out[i + 1];
        if (!v.gyldig_til || !next.gyldig_fra || *v.gyldig_til < *next.gyldig_fra) continue;
        throw ScriptError(ScriptError::Kind::Runtime,
                          fmt::format("gyldig_til ({}) ligger ikke før den næste versions gyldig_fra ({}, {}), så to "
                                      "versioner ville gælde de samme dage: sæt gyldig_til til {} eller tidligere, eller "
                                      "slet den (versionen gælder så til dagen før den næste)",
                                      v.gyldig_til->iso(), next.gyldig_fra->iso(), next.fil,
                                      next.gyldig_fra->plus_days(-1).iso()),
                          v.fil, 1);
    }
}

} // namespace

std::optional<Dato> sidste_dag(const std::vector<Version>& v, std::size_t i) {
    if (v[i].gyldig_til) return v[i].gyldig_til;
    if (i + 1 < v.size() && v[i + 1].gyldig_fra) return v[i + 1].gyldig_fra->plus_days(-1);
    return std::nullopt;
}

std::vector<Version> versioner(const Sources& sources, const std::string& kommune) {
    if (!valid_kommune_id(kommune)) Standard::load(sources, kommune); // its message, before any path is built
    std::vector<Version> out;
    for (const auto& fil : version_files(sources, kommune)) out.push_back(read_version(sources, kommune, fil));
    out.push_back(read_version(sources, kommune, "municipalities/" + kommune + "/standard.lua"));
    check_newest(out);
    check_overlap(out);
    return out;
}

std::string periode_tekst(const std::vector<Version>& v, std::size_t i) {
    const auto til = sidste_dag(v, i);
    if (!v[i].gyldig_fra) return til ? fmt::format("til og med {}", til->tekst()) : std::string("gælder altid");
    if (!til) return fmt::format("fra {}", v[i].gyldig_fra->tekst());
    return fmt::format("fra {} til og med {}", v[i].gyldig_fra->tekst(), til->tekst());
}

const Version& version_paa(const std::vector<Version>& v, const std::string& kommune, Dato dato) {
    // The newest version that has started is the one in force, unless it has ended.
    for (std::size_t i = v.size(); i-- > 0;) {
        if (v[i].gyldig_fra && *v[i].gyldig_fra > dato) continue;
        const auto til = sidste_dag(v, i);
        if (til && dato > *til) break;
        return v[i];
    }
    std::string findes;
    for (std::size_t i = 0; i < v.size(); ++i)
        findes += fmt::format("{}{} ({})", findes.empty() ? "" : "; ", v[i].fil, periode_tekst(v, i));
    throw InputError(fmt::format("ingen version af standarden for {} er i kraft den {}; versionerne er: {}. Vælg en dato, "
                                 "hvor en version gælder (på kommandolinjen --standard-dato ÅÅÅÅ-MM-DD, i tjenesten "
                                 "?standard_dato=ÅÅÅÅ-MM-DD, i C-API'et kvalitet_assess_standard)",
                                 kommune, dato.tekst(), findes),
                     "ukendt_version");
}

} // namespace kvalitet
