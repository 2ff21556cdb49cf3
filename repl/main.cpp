// kvalitet: the command-line program. Sub-commands follow the public contract.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <system_error>
#include <unistd.h>

#include "cli.hpp"
#include "cli_dansk.hpp"

using namespace kvalitet::cli;

int main(int argc, char** argv) {
    CLI::App app{"Kvalitet: kvalitetsstandarder for socialpædagogisk støtte (SEL § 85) som kode", "kvalitet"};
    dansk(app, std::string("kvalitet ") + KVALITET_VERSION); // first: options and sub-commands inherit it
    app.require_subcommand(0, 1);
    Common common;
    app.add_option("--hjem", common.hjem, "Mappe med dsl/, stdlib/ og municipalities/ (standard: KVALITET_HJEM, "
                                          "arbejdsmappen hvis den er en checkout, ellers de indlejrede)");
    int exit_code = kOk;
    add_vurder(app, common, exit_code);
    add_kommuner(app, common, exit_code);
    add_test(app, common, exit_code);
    add_repl(app, common, exit_code);
    add_db(app, common, exit_code);
    add_dokument(app, common, exit_code);
    add_sammenlign(app, common, exit_code);
    add_tjek(app, common, exit_code);
    add_annoteringer(app, common, exit_code);
    add_server(app, common, exit_code);
    add_forskel(app, common, exit_code);
    add_konsekvens(app, common, exit_code);
    afvis_tomme_vaerdier(app);

    try {
        app.parse(argc, argv);
        if (app.get_subcommands().empty()) {
            if (isatty(STDIN_FILENO)) return run_repl(common, "", "", "");
            fmt::print("{}", app.help());
        }
    } catch (const CLI::ParseError& e) { // also a bad --hjem found while running
        int code = app.exit(e);
        return code == 0 ? kOk : kUsage;
    } catch (const std::bad_alloc&) { // never an abort with an English line
        return fail("der var ikke hukommelse nok; prøv med mindre inddata (eller færre tråde med --traade, hvor "
                    "kommandoen har det)");
    } catch (const std::system_error& e) { // fmt::print's "cannot write to file" (a full disk)
        return fail(e.code().category() == std::generic_category() || e.code().category() == std::system_category()
                        ? skrivefejl(e.code().value())
                        : fmt::format("uventet fejl: {}", e.what()));
    } catch (const std::exception& e) {
        return fail(fmt::format("uventet fejl: {}", e.what()));
    }
    // Output still in the buffer is written now: a full disk or a closed pipe is an error
    // here, not a silent success (dokument > /dev/full ended with 0).
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) return fail(skrivefejl(errno));
    return exit_code;
}
