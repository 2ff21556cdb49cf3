// kvalitet: the command-line program. Sub-commands follow the public contract.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <unistd.h>

namespace {

int not_yet(const char* verb) {
    fmt::print(stderr, "kvalitet {}: ikke implementeret endnu\n", verb);
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Kvalitet: kvalitetsstandarder for socialpædagogisk støtte (SEL § 85) som kode",
                 "kvalitet"};
    app.set_version_flag("--version", std::string("kvalitet ") + KVALITET_VERSION);
    app.require_subcommand(0, 1);

    auto* vurder = app.add_subcommand("vurder", "Vurder én sag (eller NDJSON) efter en kommunes standard");
    auto* test = app.add_subcommand("test", "Kør kommunernes testsager");
    auto* repl = app.add_subcommand("repl", "Interaktiv prompt");
    auto* kommuner = app.add_subcommand("kommuner", "List kommunerne med titel, godkendelse og kilde");
    auto* db = app.add_subcommand("db", "Sagsdatabasen (SQLite)");
    auto* demo = app.add_subcommand("demo", "Hovedjobbet: demosager i en lokal SQLite-fil");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (*vurder) return not_yet("vurder");
    if (*test) return not_yet("test");
    if (*repl) return not_yet("repl");
    if (*kommuner) return not_yet("kommuner");
    if (*db) return not_yet("db");
    if (*demo) return not_yet("demo");
    if (isatty(STDIN_FILENO)) return not_yet("repl");
    fmt::print("{}", app.help());
    return 0;
}
