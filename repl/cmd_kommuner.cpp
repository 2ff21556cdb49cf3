// kvalitet kommuner: the standards there are, with title, approval date, source and versions.
#include <fmt/format.h>

#include "cli.hpp"
#include "engine/standard.hpp"
#include "engine/versioner.hpp"
#include "lua/error.hpp"

namespace kvalitet::cli {

void add_kommuner(CLI::App& app, Common& common, int& exit_code) {
    auto* cmd = app.add_subcommand("kommuner", "List kommunerne med titel, godkendelsesdato, kilde og versioner (hvilken fil gælder hvornår)");
    static bool detaljer = false;
    cmd->add_flag("--detaljer", detaljer, "Vis også beskrivelse og parametre (antagelser markeret)");
    cmd->callback([&common, &exit_code] {
        Sources sources = common.sources();
        int bad = 0;
        for (const auto& id : kommuner(sources)) {
            try {
                auto s = Standard::load(sources, id);
                const auto alle = versioner(sources, id); // before printing: a bad version prints nothing half
                const auto& i = s->info();
                fmt::print("{:<12} {}\n", id, i.titel);
                fmt::print("{:<12} godkendt: {}; kilde: {}\n", "", i.godkendt ? i.godkendt->tekst() : "ikke angivet", i.kilde);
                if (!i.revideres.empty()) fmt::print("{:<12} revision: {}\n", "", i.revideres);
                // which version is in force when: the contract lists them with every municipality
                for (std::size_t v = 0; v < alle.size(); ++v)
                    fmt::print("{:<12} version {}: {}\n", "", alle[v].fil, periode_tekst(alle, v));
                if (detaljer) {
                    for (const auto& [h, t] : i.beskrivelse) fmt::print("{:<12} {}: {}\n", "", h, t);
                    for (const auto& p : i.parametre)
                        fmt::print("{:<12} parameter {} = {}{} ({})\n", "", p.id, p.vaerdi,
                                   p.antagelse ? " [antagelse]" : "", p.antagelse ? p.tekst : p.kilde);
                }
            } catch (const std::exception& e) {
                fmt::print("{:<12} KAN IKKE INDLÆSES: {}\n", id, e.what());
                ++bad;
            }
        }
        exit_code = bad ? kInvalid : kOk;
    });
}

} // namespace kvalitet::cli
