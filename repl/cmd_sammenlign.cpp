// kvalitet sammenlign [ID …]: the standards side by side in one table
// (host/workbench/sammenligning.hpp).
#include <fmt/format.h>

#include <memory>

#include "cli.hpp"
#include "lua/error.hpp"
#include "udskrift.hpp"
#include "workbench/sammenligning.hpp"

namespace kvalitet::cli {

namespace {

struct SammenlignValg {
    std::vector<std::string> kommuner;
    std::string format = "html", ud;
};

int run_sammenlign(const Common& common, const SammenlignValg& o) {
    Sources sources = common.sources();
    const auto ids = o.kommuner.empty() ? kommuner(sources) : o.kommuner;
    std::vector<std::unique_ptr<Standard>> loaded;
    std::vector<Standard*> standarder;
    for (const auto& id : ids) {
        try {
            loaded.push_back(Standard::load(sources, id));
            standarder.push_back(loaded.back().get());
        } catch (const InputError& e) {
            return fail(e.what());
        } catch (const ScriptError& e) {
            return fail(fmt::format("standarden for '{}' kan ikke indlæses: {}", id, e.what()));
        }
    }
    if (standarder.empty()) return fail("der er ingen standarder at sammenligne");
    const auto d = workbench::sammenligning(standarder);
    return skriv_ud(o.ud, o.format == "md" ? workbench::markdown(d) : workbench::html(d), "sammenligningen");
}

} // namespace

void add_sammenlign(CLI::App& app, Common& common, int& exit_code) {
    static SammenlignValg o;
    auto* cmd = app.add_subcommand("sammenlign", "Stil standarderne side om side i én tabel (HTML eller Markdown): "
                                                 "målgruppe, aktiviteter, frister, opfølgning, pakker, antagelser");
    cmd->add_option("kommuner", o.kommuner, "Kommunernes id'er (standard: alle)");
    cmd->add_option("--format", o.format, "html (én selvstændig fil, kan udskrives) eller md (Markdown)")
        ->check(CLI::IsMember({"html", "md"}));
    cmd->add_option("--ud", o.ud, "Skriv tabellen til denne fil (standard: standard output)");
    cmd->callback([&common, &exit_code] { exit_code = run_sammenlign(common, o); });
}

} // namespace kvalitet::cli
