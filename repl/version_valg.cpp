#include "version_valg.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>

#include "cli.hpp"
#include "lua/error.hpp"

namespace kvalitet::cli {

namespace {

Udgave load(const Sources& sources, const std::string& kommune, const std::vector<Version>& alle, std::size_t i) {
    Udgave u;
    u.sources = &sources;
    u.fil = alle[i].fil;
    u.navn = fmt::format("{} ({})", alle[i].fil, periode_tekst(alle, i));
    u.standard = Standard::load_file(sources, kommune, u.fil);
    return u;
}

std::size_t index_of(const std::vector<Version>& alle, const std::string& fil) {
    for (std::size_t i = 0; i < alle.size(); ++i)
        if (alle[i].fil == fil) return i;
    return alle.size();
}

} // namespace

Dato version_dato(const std::string& tekst, const std::string& tilvalg) {
    return date_option(tekst, tilvalg, "; en version nævnes ved sin gyldig_fra, f.eks. 2027-01-01");
}

Udgave version_udgave(const Sources& sources, const std::string& kommune, const std::vector<Version>& alle, Dato dato) {
    return load(sources, kommune, alle, index_of(alle, version_paa(alle, kommune, dato).fil));
}

Udgave naeste_udgave(const Sources& sources, const std::string& kommune, const std::vector<Version>& alle,
                     const Udgave& foer) {
    const std::size_t i = index_of(alle, foer.fil);
    if (i + 1 >= alle.size())
        throw CLI::ValidationError(
            "VERSION", fmt::format("{} er den nyeste version af standarden for {}; nævn to versioner, eller sammenlign "
                                   "med en fil, du retter i (--fil FIL)",
                                   foer.navn, kommune));
    return load(sources, kommune, alle, i + 1);
}

Udgave fil_udgave(const Sources& base, const std::string& kommune, const std::string& fil) {
    Udgave u;
    u.udkast = std::make_unique<workbench::FilStandard>(base, fil);
    const std::string& egen = u.udkast->kommune();
    if (!kommune.empty() && egen != kommune)
        throw InputError(fmt::format("{} er en standard for {}, ikke {}: vælg --kommune {}, eller en anden fil", fil, egen,
                                     kommune, egen),
                         "kommune_forskellig");
    u.sources = &u.udkast->sources();
    u.fil = "municipalities/" + egen + "/standard.lua";
    u.navn = fil;
    try {
        u.standard = Standard::load_file(*u.sources, egen, u.fil);
    } catch (const ScriptError& e) {
        // the temporary tree's path as the user knows it: the file they named
        std::string besked = e.what();
        for (auto at = besked.find(u.fil); at != std::string::npos; at = besked.find(u.fil, at + fil.size()))
            besked.replace(at, u.fil.size(), fil);
        throw ScriptError(e.kind(), besked);
    }
    return u;
}

// An edit made in the standard's own file is read by both sides: "no difference" whatever
// it changed. Said as wrong use, with the way to compare an edit.
Udgave fil_udgave_mod(const Sources& base, const std::string& kommune, const std::string& fil, const Udgave& foer) {
    if (foer.sources && foer.sources->on_disk()) {
        std::error_code ec; // the same file by any name: a symbolic link, a hard link, "./" or ".."
        if (std::filesystem::equivalent(foer.sources->root() / foer.fil, fil, ec) && !ec)
            throw CLI::ValidationError(
                "--fil", fmt::format("{} er selve den fil, {} læses fra, så begge sider er ens. Læg ændringen i en kopi "
                                     "(cp {} udkast.lua) og giv --fil udkast.lua, eller gem den gældende version i "
                                     "versioner/ først (docs/versioner.md)",
                                     fil, foer.navn, fil));
    }
    return fil_udgave(base, kommune, fil);
}

} // namespace kvalitet::cli
