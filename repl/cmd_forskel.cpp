// kvalitet forskel --kommune ID [A] [B] | --fil FIL: what changed between two versions of a
// standard, rule by rule (host/workbench/forskel.hpp). Exit 0 with the differences (or
// none), 1 when a version does not load or is not there, 2 on wrong use.
#include <fmt/format.h>

#include "cli.hpp"
#include "lua/error.hpp"
#include "udskrift.hpp"
#include "version_valg.hpp"
#include "workbench/forskel.hpp"

namespace kvalitet::cli {

namespace {

struct ForskelValg {
    std::string kommune, a, b, fil, dato, format = "tekst", ud;
};

// The two sides: A and B; A and the one after it; the two newest; or A (else the version
// in force on --dato) and the file.
std::pair<Udgave, Udgave> sides(const Sources& sources, const ForskelValg& o) {
    const auto alle = versioner(sources, o.kommune);
    if (!o.fil.empty()) {
        const Dato d = o.a.empty() ? evaluation_date(o.dato) : version_dato(o.a, "A");
        Udgave a = version_udgave(sources, o.kommune, alle, d);
        Udgave b = fil_udgave_mod(sources, o.kommune, o.fil, a);
        return {std::move(a), std::move(b)};
    }
    if (!o.a.empty()) {
        Udgave a = version_udgave(sources, o.kommune, alle, version_dato(o.a, "A"));
        Udgave b = o.b.empty() ? naeste_udgave(sources, o.kommune, alle, a)
                               : version_udgave(sources, o.kommune, alle, version_dato(o.b, "B"));
        // Two dates in one version have nothing to compare: "ingen forskel" would read as if
        // two versions had been compared.
        if (a.fil == b.fil)
            throw CLI::ValidationError(
                "B", fmt::format("{} og {} ligger i den samme version af standarden for {} ({}); vælg datoer i hver sin "
                                 "version (kvalitet kommuner viser dem), eller sammenlign med en fil: kvalitet forskel "
                                 "--kommune {} --fil FIL",
                                 o.a, o.b, o.kommune, a.navn, o.kommune));
        return {std::move(a), std::move(b)};
    }
    if (alle.size() < 2)
        throw CLI::ValidationError(
            "--kommune", fmt::format("standarden for {} har kun én version ({}); sammenlign den med en fil, du retter i: "
                                     "kvalitet forskel --kommune {} --fil FIL",
                                     o.kommune, alle.back().fil, o.kommune));
    Udgave a = version_udgave(sources, o.kommune, alle, *alle[alle.size() - 2].gyldig_fra);
    return {std::move(a), naeste_udgave(sources, o.kommune, alle, a)};
}

// A draft's rules and parameters where the user has the file, not in the temporary tree.
void shown_in_draft(workbench::StandardForskel& f, const Udgave& b) {
    if (!b.udkast) return;
    auto vis = [&](workbench::Post& p) { p.fil = b.udkast->vis(p.fil); };
    for (auto& p : f.regler_tilfoejet) vis(p);
    for (auto& p : f.parametre_tilfoejet) vis(p);
    for (auto& p : f.antagelser_tilfoejet) vis(p);
    for (auto& a : f.regler_aendret) vis(a.efter);
    for (auto& a : f.parametre_aendret) vis(a.efter);
}

int run_forskel(const Common& common, const ForskelValg& o) {
    try {
        Sources sources = common.sources();
        auto [a, b] = sides(sources, o);
        auto f = workbench::forskel(*a.standard, *b.standard);
        f.foer_navn = a.navn;
        f.efter_navn = b.navn;
        shown_in_draft(f, b);
        return skriv_ud(o.ud, o.format == "json" ? workbench::forskel_json(f) : workbench::forskel_tekst(f), "forskellen");
    } catch (const InputError& e) {
        return fail(e.what());
    } catch (const ScriptError& e) {
        return fail(fmt::format("standarden kan ikke indlæses: {}", e.what()));
    }
}

} // namespace

void add_forskel(CLI::App& app, Common& common, int& exit_code) {
    static ForskelValg o;
    auto* cmd = app.add_subcommand(
        "forskel",
        "Vis hvad der er ændret mellem to versioner af en standard, regel for regel: regler tilføjet, fjernet og "
        "ændret (hvilke felter: betingelse, tekst, kilde, henvisning, timer, fristens længde og start …), parametre "
        "med ny værdi (gammel → ny) og antagelser tilføjet eller fjernet. Funktioner sammenlignes som tekst uden "
        "mellemrum og kommentarer. Versioner nævnes ved deres gyldig_fra (ÅÅÅÅ-MM-DD). Uden versioner: de to "
        "nyeste; med A alene: A og versionen efter den; med --fil: versionen i kraft (eller A) mod filen. "
        "Afslutningskode 0 (også med forskelle), 1 hvis en version ikke findes eller ikke kan indlæses, 2 ved "
        "forkert brug");
    cmd->add_option("--kommune", o.kommune, "Kommunens id (f.eks. varde)")->required();
    cmd->add_option("A", o.a, "Den gamle version: dens gyldig_fra, eller en dato, den var i kraft på");
    cmd->add_option("B", o.b, "Den nye version: dens gyldig_fra, eller en dato, den er i kraft på");
    auto* fil = cmd->add_option("--fil", o.fil, "Sammenlign med denne fil (en standard, du retter i)");
    cmd->add_option("--dato", o.dato, "Med --fil uden A: versionen i kraft på denne dato ÅÅÅÅ-MM-DD (standard: i dag)")
        ->needs(fil);
    cmd->add_option("--format", o.format, "tekst (standard) eller json (til programmer)")
        ->check(CLI::IsMember({"tekst", "json"}));
    cmd->add_option("--ud", o.ud, "Skriv forskellen til denne fil (standard: standard output)");
    cmd->callback([&common, &exit_code] {
        if (!o.fil.empty() && !o.b.empty())
            throw CLI::ValidationError("--fil", "nævn højst én version (A) sammen med --fil; filen er den nye");
        exit_code = run_forskel(common, o);
    });
}

} // namespace kvalitet::cli
