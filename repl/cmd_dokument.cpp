// kvalitet dokument --kommune ID [--format html|md] [--ud FIL]: the standard as a readable
// Danish document, generated from the loaded script (host/workbench/dokument.hpp).
#include <fmt/format.h>

#include "cli.hpp"
#include "lua/error.hpp"
#include "udskrift.hpp"
#include "workbench/dokument.hpp"

namespace kvalitet::cli {

namespace {

struct DokumentValg {
    std::string kommune, format = "html", ud;
};

int run_dokument(const Common& common, const DokumentValg& o) {
    try {
        Sources sources = common.sources();
        auto standard = Standard::load(sources, o.kommune);
        const auto d = workbench::standard_dokument(*standard);
        return skriv_ud(o.ud, o.format == "md" ? workbench::markdown(d) : workbench::html(d), "dokumentet");
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
    cmd->add_option("--kommune", o.kommune, "Kommunens id (f.eks. varde)")->required();
    cmd->add_option("--format", o.format, "html (én selvstændig fil, kan udskrives) eller md (Markdown)")
        ->check(CLI::IsMember({"html", "md"}));
    cmd->add_option("--ud", o.ud, "Skriv dokumentet til denne fil (standard: standard output)");
    cmd->callback([&common, &exit_code] { exit_code = run_dokument(common, o); });
}

} // namespace kvalitet::cli
