// kvalitet test [PATH…]: the municipalities' test cases, a readable diff for each failure
// with the trace that led there, and (--daekning) which rule outcomes the tests reached.
#include <algorithm>
#include <filesystem>
#include <fmt/format.h>

#include <cstdio>
#include <map>
#include <utility>

#include "cli.hpp"
#include "udskrift.hpp"
#include "harness/koersel.hpp"
#include "test_rapport.hpp"
#include "lua/error.hpp"

namespace kvalitet::cli {

namespace {

struct TestOptions {
    std::vector<std::string> stier;
    bool daekning = false, kraev_daekning = false, alle = false, spor = false;
};

// "testby", or for a version's own tests "testby, versionen fra 2025-01-01".
std::string key_label(const std::string& key) {
    const auto slash = key.rfind('/');
    if (slash == std::string::npos) return key;
    return fmt::format("{}, versionen fra {}", harness::kommune_of_path(key), key.substr(slash + 1, 10));
}

// Prints the coverage of each municipality; returns the number of rules no test reached.
int print_coverage(harness::Koersel& k, const std::vector<std::string>& kommuner) {
    int unreached = 0;
    for (const auto& id : kommuner) {
        const Standard* s = k.standard(id);
        if (!s) continue;
        auto it = k.daekning().find(id);
        harness::Daekning empty;
        const auto lines = (it == k.daekning().end() ? empty : it->second).report(*s);
        int rules = 0, hit_rules = 0, outcomes = 0, hit_outcomes = 0;
        vis_sikkert("Dækning: {}\n", key_label(id));
        for (const auto& l : lines) {
            ++rules;
            hit_rules += l.afproevet;
            std::string udfald;
            for (const auto& [u, hit] : l.udfald) {
                ++outcomes;
                hit_outcomes += hit;
                udfald += fmt::format(" {}{}", hit ? "+" : "-", u);
            }
            vis_sikkert("  {} {:<12} {:<42}{}\n", l.afproevet ? "  " : "!!", l.art, l.id, udfald);
        }
        unreached += rules - hit_rules;
        vis_sikkert("  {}: {}/{} regler afprøvet ({:.0f} %), {}/{} udfald nået ({:.0f} %)\n\n", key_label(id), hit_rules, rules,
                   rules ? 100.0 * hit_rules / rules : 100.0, hit_outcomes, outcomes,
                   outcomes ? 100.0 * hit_outcomes / outcomes : 100.0);
    }
    return unreached;
}

// A standard that does not load is said once, with its place, and its tests are not run:
// the same message under each of them says nothing more.
void print_load_failure(const std::string& kommune, const std::string& why, int tests) {
    vis_sikkert("FEJL  [{}] standarden kunne ikke indlæses; kommunens {} test{} er ikke kørt\n      {}\n\n", kommune,
               tests, tests == 1 ? "" : "s", why);
}

int run_tests(const Common& common, const TestOptions& o) {
    Sources sources = common.sources();
    std::vector<harness::Testfil> filer;
    int passed = 0, failed = 0;
    // A path that names nothing fails as one test; the others still run, and the last line
    // still counts them all.
    auto find = [&](const std::vector<std::string>& stier, const std::string& hvad) {
        try {
            for (auto& f : harness::find_test_files(sources, stier)) filer.push_back(std::move(f));
        } catch (const InputError& e) {
            vis_sikkert("FEJL  {}\n      {}\n\n", hvad, e.what());
            ++failed;
        }
    };
    if (o.stier.empty()) find({}, "kommunernes testsager");
    for (const auto& sti : o.stier) find({sti}, sti);
    harness::Koersel koersel(sources);
    std::vector<harness::TestSag> tests;
    std::vector<std::string> keys; // beside tests: what each runs under (standard.lua or a version)
    for (const auto& f : filer) {
        try {
            auto loaded = harness::load_tests(sources, f);
            // A file whose tests are all commented out tests nothing: a run
            // over it alone would end "0 bestået, 0 fejlet" and succeed.
            if (loaded.empty()) {
                vis_sikkert("FEJL  {}\n      testfilen har ingen testsager: skriv dem som test {{ navn = …, dato = …, "
                            "sag = …, forvent = … }} (docs/test.md)\n\n",
                            f.fil);
                ++failed;
            }
            for (auto& t : loaded) {
                keys.push_back(harness::standard_key(t, f.fil));
                tests.push_back(std::move(t));
            }
        } catch (const std::exception& e) {
            vis_sikkert("FEJL  {}\n      testfilen kan ikke indlæses: {}\n\n", f.fil, e.what());
            ++failed;
        }
    }
    // Counted per municipality, and per version for a version's own tests.
    std::map<std::string, int> per_kommune_tests;
    for (const auto& k : keys) ++per_kommune_tests[k];
    std::map<std::string, std::pair<int, int>> per_kommune;
    std::map<std::string, std::string> samme_fejl; // a failure's message -> the first test that gave it
    for (std::size_t i = 0; i < tests.size(); ++i) {
        const auto& t = tests[i];
        const std::string& key = keys[i];
        auto& [ok, bad] = per_kommune[key];
        if (!koersel.standard(key)) {
            if (bad == 0) print_load_failure(key_label(key), *koersel.load_error(key), per_kommune_tests[key]);
            ++failed, ++bad;
            continue;
        }
        auto r = koersel.run(t, key);
        if (r.ok()) {
            ++passed, ++ok;
            if (o.alle) vis_sikkert("ok    {}:{}  [{}] {}\n", t.fil, t.linje, t.kommune, t.navn);
        } else {
            ++failed, ++bad;
            // One mistake in a rule fails every test that reaches it: its message once, and
            // after that a line per test pointing back to it.
            const std::string hvor = fmt::format("{}:{}", t.fil, t.linje);
            if (!r.regelfejl.empty()) {
                const auto [first, ny] = samme_fejl.try_emplace(r.regelfejl, hvor);
                if (!ny) {
                    vis_sikkert("FEJL  {}  [{}] {}\n      samme fejl som {} ovenfor\n\n", hvor, t.kommune, t.navn,
                               first->second);
                    continue;
                }
            }
            vis_sikkert("{}", fejlrapport(r, o.spor));
        }
    }
    // A municipality whose versions have tests and whose standard.lua has none, when all its
    // tests ran: its newest version is untested, and a run that said "83 bestået" hid it
    // (tests/ moved to a version, as docs/versioner.md does, before new ones were written).
    std::vector<std::string> uden_tests;
    for (const auto& [key, n] : per_kommune) {
        if (key.find('/') == std::string::npos) continue;
        const std::string k = harness::kommune_of_path(key);
        // the municipality by its id or its folder (municipalities/varde, ./municipalities/varde/)
        const bool alle_koert = o.stier.empty() || std::any_of(o.stier.begin(), o.stier.end(), [&](const std::string& sti) {
            const auto p = std::filesystem::path(sti).lexically_normal();
            const auto navn = p.has_filename() ? p : p.parent_path();
            return sti == k || (navn.filename() == k && navn.parent_path().filename() == "municipalities");
        });
        if (alle_koert && !per_kommune.count(k) && std::find(uden_tests.begin(), uden_tests.end(), k) == uden_tests.end())
            uden_tests.push_back(k);
    }
    for (const auto& k : uden_tests) per_kommune.try_emplace(k, 0, 0);
    for (const auto& [id, n] : per_kommune)
        vis_sikkert("{:<12} {} bestået, {} fejlet{}\n", key_label(id), n.first, n.second,
                   koersel.load_error(id) ? " (ikke kørt, fordi standarden ikke kunne indlæses; de tælles som fejlet)" : "");
    for (const auto& k : uden_tests) {
        if (!koersel.standard(k)) { // its load error first: tests would not run either
            vis_sikkert("bemærk: den nyeste version af {} (municipalities/{}/standard.lua) kan ikke indlæses: {}\n", k, k,
                        *koersel.load_error(k));
            continue;
        }
        vis_sikkert("bemærk: ingen test afprøver den nyeste version af {} (municipalities/{}/standard.lua); skriv dens "
                    "tests i municipalities/{}/tests/ (docs/test.md){}\n",
                    k, k, k, o.kraev_daekning ? "" : ", og kør med --kraev-daekning for at se, hvad de skal nå");
    }
    int unreached = 0;
    if (o.daekning || o.kraev_daekning) {
        std::vector<std::string> ids;
        for (const auto& [id, n] : per_kommune) ids.push_back(id);
        vis_sikkert("\n");
        unreached = print_coverage(koersel, ids);
        if (o.kraev_daekning && unreached)
            vis_sikkert("{} regler er ikke afprøvet af nogen test (markeret !!)\n", unreached);
    }
    if (filer.empty() && !failed) vis_sikkert("ingen testfiler fundet\n");
    vis_sikkert("{} bestået, {} fejlet\n", passed, failed); // the contract's last line
    return failed || (o.kraev_daekning && unreached) || filer.empty() ? kInvalid : kOk;
}

} // namespace

void add_test(CLI::App& app, Common& common, int& exit_code) {
    static TestOptions o;
    auto* cmd = app.add_subcommand("test", "Kør kommunernes testsager (alle, eller dem STI udpeger)");
    cmd->add_option("sti", o.stier, "Testfil, mappe eller kommune-id (standard: alle kommuner)");
    cmd->add_flag("--daekning", o.daekning, "Vis for hver regel hvilke udfald testene har nået");
    cmd->add_flag("--kraev-daekning", o.kraev_daekning,
                  "Som --daekning, og fejl hvis en regel ikke er afprøvet af nogen test");
    cmd->add_flag("-a,--alle", o.alle, "Vis også de beståede tests");
    cmd->add_flag("--spor", o.spor, "Vis hele sporet under hver fejlet test (ellers kun de regler, der afgjorde forskellen)");
    cmd->callback([&common, &exit_code] { exit_code = run_tests(common, o); });
}

} // namespace kvalitet::cli
