// kvalitet tjek [--kommune ID | FIL]: lint a standard in Danish (host/workbench/tjek.hpp).
// Exit 0 when nothing is found, 1 with findings (a standard that does not load is one),
// 2 on wrong use.
#include <fmt/format.h>

#include <functional>
#include <memory>

#include "cli.hpp"
#include "udskrift.hpp"
#include "engine/versioner.hpp"
#include "lua/error.hpp"
#include "workbench/fil_standard.hpp"
#include "workbench/tjek.hpp"

namespace kvalitet::cli {

namespace {

struct TjekValg {
    std::string kommune, fil;
};

using Vis = std::function<std::string(std::string_view)>;

// The whole message with the temporary tree's paths (the standard and its tests/) as the
// user knows them.
std::string shown(std::string text, const Vis& vis, const std::string& kommune) {
    for (const std::string& own : {"municipalities/" + kommune + "/standard.lua", "municipalities/" + kommune + "/tests/"}) {
        const std::string as = vis(own);
        for (auto at = text.find(own); at != std::string::npos; at = text.find(own, at + as.size()))
            text.replace(at, own.size(), as);
    }
    return text;
}

// The checks look at standard.lua; vurder and test also need every version under
// versioner/ to load, with its gyldig_fra in order (docs/versioner.md). A version that does
// not is one finding; returns 0 or 1.
std::size_t versions_load(const Sources& sources, const std::string& kommune, const Vis& vis) {
    try {
        versioner(sources, kommune);
        return 0;
    } catch (const std::exception& e) { // ScriptError or InputError, both the user's to mend
        vis_sikkert("{} [versioner]\n    forslag: ret versionen, så alle versioner kan indlæses og følger efter "
                   "hinanden (docs/versioner.md); vurder og test bruger dem\n",
                   shown(e.what(), vis, kommune));
        return 1;
    }
}

// Checks one municipality's standard and prints what it finds; returns the count.
std::size_t check_one(const Sources& sources, const std::string& kommune, const Vis& vis) {
    std::unique_ptr<Standard> s;
    try {
        s = Standard::load(sources, kommune);
    } catch (const ScriptError& e) {
        vis_sikkert("{}\n    forslag: ret fejlen, så standarden kan indlæses; de øvrige tjek kræver det [indlaesning]\n",
                   shown(e.what(), vis, kommune));
        vis_sikkert("{}: standarden kan ikke indlæses\n\n", kommune);
        return 1;
    }
    workbench::Tjek t{*s, evaluation_date("")};
    vis_sikkert("tjek af {} ({})\n", kommune, vis(s->info().fil));
    const auto fund = workbench::tjek_alt(t);
    for (const auto& f : fund) {
        vis_sikkert("{}:{}: {} [{}]\n", vis(f.fil), f.linje, shown(f.besked, vis, kommune), f.kode);
        vis_sikkert("    forslag: {}\n", f.forslag);
    }
    const std::size_t versions = versions_load(sources, kommune, vis);
    for (const auto& n : t.noter) vis_sikkert("  bemærk: {}\n", shown(n, vis, kommune));
    const std::size_t n = fund.size() + versions;
    vis_sikkert("{}: {}\n\n", kommune, n == 0 ? std::string("ingen fund") : fmt::format("{} fund", n));
    return n;
}

int run_tjek(const Common& common, const TjekValg& o) {
    std::size_t total = 0;
    try {
        Sources sources = common.sources();
        if (!o.fil.empty()) {
            workbench::FilStandard fs(sources, o.fil);
            const Vis vis = [&fs](std::string_view p) { return fs.vis(p); };
            total = check_one(fs.sources(), fs.kommune(), vis);
        } else {
            const Vis same = [](std::string_view p) { return std::string(p); };
            if (!o.kommune.empty()) {
                try {
                    Standard::load(sources, o.kommune); // an unknown id is wrong use, not a finding
                } catch (const ScriptError&) {         // a standard that does not load is one: said below
                }
                total = check_one(sources, o.kommune, same);
            } else {
                for (const auto& id : kommuner(sources)) total += check_one(sources, id, same);
            }
        }
    } catch (const InputError& e) {
        fail(e.what());
        return kUsage;
    } catch (const ScriptError& e) {
        return fail(e.what());
    }
    vis_sikkert("{}\n", total ? fmt::format("{} fund i alt", total) : std::string("ingen fund"));
    return total ? kInvalid : kOk;
}

} // namespace

void add_tjek(CLI::App& app, Common& common, int& exit_code) {
    static TjekValg o;
    auto* cmd = app.add_subcommand(
        "tjek", "Tjek en standard for fejl og huller, med fil:linje og et forslag: regler uden kilde, parametre ingen "
                "regel læser, uforklarede antagelser, ukendte aktiviteter og forhold, frister uden hændelse, huller og "
                "overlap i pakkerne, skyggede regler, grænser, en delvis VUM ikke kan afgøre, parametre læst uden for reglerne (uden spor), og regler, der afgør noget, de ikke ved. Uden kommune og fil: alle "
                "kommuner. Afslutningskode 0 uden fund, 1 med fund, 2 ved forkert brug");
    auto* k = cmd->add_option("--kommune", o.kommune, "Kommunens id (f.eks. varde)");
    cmd->add_option("fil", o.fil, "En standard.lua et vilkårligt sted (med testsager i tests/ ved siden af)")
        ->excludes(k);
    cmd->callback([&common, &exit_code] { exit_code = run_tjek(common, o); });
}

} // namespace kvalitet::cli
