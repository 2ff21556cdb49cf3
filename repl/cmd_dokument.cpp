// kvalitet dokument --kommune ID [--fil FIL] [--format html|md] [--ud FIL]: the standard as a
// readable Danish document, generated from the loaded script (host/workbench/dokument.hpp);
// with --fil, from a draft not yet put in place.
#include <fmt/format.h>

#include "cli.hpp"
#include "lua/error.hpp"
#include "udskrift.hpp"
#include "version_valg.hpp"
#include "workbench/dokument.hpp"

namespace kvalitet::cli {

namespace {

struct DokumentValg {
    std::string kommune, fil, format = "html", ud;
};

int skriv(const DokumentValg& o, const workbench::Dokument& d) {
    return skriv_ud(o.ud, o.format == "md" ? workbench::markdown(d) : workbench::html(d), "dokumentet");
}

int run_dokument(const Common& common, const DokumentValg& o) {
    try {
        Sources sources = common.sources();
        if (o.kommune.empty() && o.fil.empty())
            throw CLI::ValidationError("--kommune", "vælg en kommune (--kommune ID) eller et udkast (--fil FIL)");
        if (!o.fil.empty()) { // the draft's own municipality, unless --kommune names one
            const Udgave udkast = fil_udgave(sources, o.kommune, o.fil);
            return skriv(o, workbench::standard_dokument(*udkast.standard, o.fil));
        }
        auto standard = Standard::load(sources, o.kommune);
        return skriv(o, workbench::standard_dokument(*standard));
    } catch (const InputError& e) {
        return fail(e.what());
    } catch (const ScriptError& e) {
        return fail(fmt::format("standarden kan ikke indlæses: {}", e.what()));
    }
}

} // namespace

void add_dokument(CLI::App& app, Common& common, int& exit_code) {
    static DokumentValg o;
    auto* cmd = app.add_subcommand(
        "dokument", "Skriv standarden som et læsbart dokument (HTML eller Markdown), dannet af kommunens script: "
                    "målgruppe, aktiviteter, pakker, frister, krav, parametre og antagelser, med kilder");
    cmd->add_option("--kommune", o.kommune, "Kommunens id (f.eks. varde); med --fil: udkastets egen, hvis udeladt");
    cmd->add_option("--fil", o.fil, "Et udkast, du retter i (en standard, der endnu ikke er lagt på plads)");
    cmd->add_option("--format", o.format, "html (én selvstændig fil, kan udskrives) eller md (Markdown)")
        ->check(CLI::IsMember({"html", "md"}));
    cmd->add_option("--ud", o.ud, "Skriv dokumentet til denne fil (standard: standard output)");
    cmd->callback([&common, &exit_code] { exit_code = run_dokument(common, o); });
}

} // namespace kvalitet::cli
