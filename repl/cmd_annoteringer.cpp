// kvalitet annoteringer [--ud FIL]: the case part of the editor annotations (LuaLS),
// generated from the host's case views (host/workbench/annoteringer.hpp). The checkout
// keeps the result in annotations/sag.lua; the test says when it is stale.
#include <fmt/format.h>

#include "cli.hpp"
#include "engine/standard.hpp"
#include "lua/error.hpp"
#include "udskrift.hpp"
#include "workbench/annoteringer.hpp"

namespace kvalitet::cli {

namespace {

int run_annoteringer(const Common& common, const std::string& ud) {
    try {
        Sources sources = common.sources();
        const auto ids = kommuner(sources);
        if (ids.empty()) return fail("ingen kommuner fundet: annoteringerne dannes fra en indlæst standard");
        auto standard = Standard::load(sources, ids.front());
        return skriv_ud(ud, workbench::sag_annotationer(workbench::sag_klasser(*standard)), "annoteringerne");
    } catch (const InputError& e) {
        return fail(e.what());
    } catch (const ScriptError& e) {
        return fail(fmt::format("standarden kan ikke indlæses: {}", e.what()));
    }
}

} // namespace

void add_annoteringer(CLI::App& app, Common& common, int& exit_code) {
    static std::string ud;
    auto* cmd = app.add_subcommand(
        "annoteringer", "Dan editorens annoteringer af sagen (LuaLS, annotations/sag.lua) fra værtens egne "
                        "felter, så VS Code og Neovim fuldfører og typetjekker sag.… i standard.lua");
    cmd->add_option("--ud", ud, "Skriv til denne fil, f.eks. annotations/sag.lua (standard: standard output)");
    cmd->callback([&common, &exit_code] { exit_code = run_annoteringer(common, ud); });
}

} // namespace kvalitet::cli
