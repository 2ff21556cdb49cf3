// kvalitet server: the engine as an HTTP/JSON service (host/server/, docs/server.md).
#include <fmt/format.h>
#include <sys/stat.h>

#include <thread>

#include "cli.hpp"
#include "lua/error.hpp"
#include "server/http.hpp"
#include "server/tjeneste.hpp"

namespace kvalitet::cli {

namespace {

struct Options {
    std::string adresse = "127.0.0.1", token_fil;
    int port = 8085;
    unsigned traade = 0;
    std::size_t koe = 64, forbindelser = 32;
};

bool loopback(const std::string& a) { return a == "127.0.0.1" || a == "::1" || a == "localhost"; }

// A token others on the machine can read is no secret; said, not refused (the operator
// may have reasons, e.g. a read-only secret mount).
void warn_if_readable(const std::string& fil) {
    struct stat st {};
    if (::stat(fil.c_str(), &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO)))
        fmt::print(stderr, "kvalitet server: advarsel: {} kan læses af andre end ejeren; gør den privat med "
                           "'chmod 600 {}'\n", fil, fil);
}

int run(const Options& o, const Common& common) {
    server::blokker_stopsignaler(); // before the workers start: only koer() takes SIGTERM
    server::Indstillinger ind;
    ind.traade = o.traade ? o.traade : std::max(1u, std::thread::hardware_concurrency());
    ind.pladser = o.koe;
    if (!o.token_fil.empty()) {
        ind.token = server::Token::fra_fil(o.token_fil);
        warn_if_readable(o.token_fil);
    } else if (!loopback(o.adresse)) {
        fmt::print(stderr, "kvalitet server: advarsel: lytter på {} uden --token-fil: alle, der kan nå adressen, "
                           "kan sende sager; giv et token, eller sæt en reverse proxy med adgangskontrol foran "
                           "(docs/server.md)\n", o.adresse);
    }
    server::Tjeneste tjeneste(common.sources(), std::move(ind));
    server::HttpIndstillinger http;
    http.adresse = o.adresse;
    http.port = o.port;
    http.forbindelser = o.forbindelser;
    http.ventende = o.koe;
    const bool ok = server::koer(tjeneste, http, [&](int port) {
        const auto& i = tjeneste.indstillinger();
        fmt::print(stderr, "kvalitet server: lytter på http://{}:{} ({} tråde til vurderinger, kø med {} pladser, {})\n",
                   o.adresse.find(':') != std::string::npos ? "[" + o.adresse + "]" : o.adresse, port, i.traade,
                   i.pladser, i.token ? "token kræves" : "uden token");
    });
    return ok ? kOk : kInvalid;
}

} // namespace

void add_server(CLI::App& app, Common& common, int& exit_code) {
    static Options o;
    auto* cmd = app.add_subcommand("server", "Kør motoren som HTTP/JSON-tjeneste for sagssystemer (se docs/server.md)");
    cmd->add_option("--adresse", o.adresse, "Adressen, der lyttes på (standard: 127.0.0.1, kun denne maskine)");
    cmd->add_option("--port", o.port, "Porten (standard: 8085; 0: en ledig port, som skrives på stderr)")
        ->check(CLI::Range(0, 65535));
    cmd->add_option("--traade", o.traade, "Tråde til vurderinger, hver med sine egne standarder (standard: alle kerner)")
        ->check(CLI::Range(1u, 256u));
    cmd->add_option("--koe", o.koe, "Pladser i køen; er de optaget, svares 503 med Retry-After (standard: 64)")
        ->check(CLI::Range(std::size_t(1), std::size_t(100000)));
    cmd->add_option("--forbindelser", o.forbindelser, "Forbindelser, der betjenes på én gang (standard: 32)")
        ->check(CLI::Range(std::size_t(1), std::size_t(4096)));
    cmd->add_option("--token-fil", o.token_fil,
                    "Fil med et hemmeligt token (første linje, mindst 16 tegn); hver anmodning skal da sende "
                    "'Authorization: Bearer <token>'");
    cmd->callback([&common, &exit_code] {
        try {
            exit_code = run(o, common);
        } catch (const InputError& e) {
            exit_code = fail(e.what());
        } catch (const ScriptError& e) {
            exit_code = fail(e.what());
        }
    });
}

} // namespace kvalitet::cli
