// kvalitet server: the engine as an HTTP/JSON service (host/server/, docs/server.md).
#include <fmt/format.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <thread>

#include <SQLiteCpp/Exception.h>

#include "store/case_store.hpp"

#include "cli.hpp"
#include "lua/error.hpp"
#include "server/http.hpp"
#include "server/tjeneste.hpp"

namespace kvalitet::cli {

namespace {

struct Options {
    std::string adresse = "127.0.0.1", token_fil, db, tls_cert, tls_noegle;
    int port = 8085;
    unsigned traade = 0;
    std::size_t koe = 64, forbindelser = 32, kroppe_mib = 256;
    int tidsgraense = 10; // seconds one read of a request or one write of an answer may wait
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

// A file the server must read at start, checked before anything is loaded, so a wrong path
// is said in one line with the option that named it.
void must_read(const std::string& fil, std::string_view tilvalg) {
    if (::access(fil.c_str(), R_OK) != 0)
        throw InputError(fmt::format("{} {}: filen findes ikke eller kan ikke læses", tilvalg, fil));
}

int run(const Options& o, const Common& common) {
    if (o.tls_cert.empty() != o.tls_noegle.empty())
        throw CLI::ValidationError("--tls-cert og --tls-noegle", "TLS kræver begge: certifikatet og dets nøgle");
    if (!o.tls_cert.empty()) {
        must_read(o.tls_cert, "--tls-cert");
        must_read(o.tls_noegle, "--tls-noegle");
    }
    server::blokker_stopsignaler(); // before the workers start: only koer() takes SIGTERM and SIGHUP
    // A request body of many MiB grows by doubling; glibc then raises its mmap threshold to the
    // freed size and keeps later bodies in each thread's arena, never given back: an idle
    // server stayed at 350-650 MB after a few 40 MiB bodies under --kroppe 64. A fixed
    // threshold gives every block from 1 MiB up back to the system when freed (idle: 18 MB).
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
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
    if (o.tls_cert.empty() && !loopback(o.adresse))
        fmt::print(stderr, "kvalitet server: advarsel: lytter på {} uden TLS: sager og token sendes i klar tekst; "
                           "giv --tls-cert og --tls-noegle, eller sæt en reverse proxy med TLS foran\n", o.adresse);
    ind.maks_kroppe = o.kroppe_mib << 20;
    ind.db = o.db;
    server::Tjeneste tjeneste(common.sources(), std::move(ind));
    server::HttpIndstillinger http;
    http.adresse = o.adresse;
    http.port = o.port;
    http.forbindelser = o.forbindelser;
    http.ventende = o.koe;
    http.laese_sekunder = o.tidsgraense;
    http.skrive_sekunder = o.tidsgraense;
    http.tls_cert = o.tls_cert;
    http.tls_noegle = o.tls_noegle;
    const bool ok = server::koer(tjeneste, http, [&](int port) {
        const auto& i = tjeneste.indstillinger();
        fmt::print(stderr, "kvalitet server: lytter på {}://{}:{} ({} tråde til vurderinger, kø med {} pladser, {}{})\n",
                   o.tls_cert.empty() ? "http" : "https",
                   o.adresse.find(':') != std::string::npos ? "[" + o.adresse + "]" : o.adresse, port, i.traade,
                   i.pladser, i.token ? "token kræves" : "uden token",
                   o.db.empty() ? "" : ", sagsdatabase " + o.db);
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
    cmd->add_option("--kroppe", o.kroppe_mib,
                    "MiB anmodningskroppe, der holdes på én gang, alle forbindelser tilsammen; er de brugt, svares "
                    "503 med Retry-After (standard: 256; mindst 64, én NDJSON-anmodnings grænse)")
        ->check(CLI::Range(std::size_t(64), std::size_t(1) << 20));
    cmd->add_option("--tidsgraense", o.tidsgraense,
                    "Sekunder, én læsning af en anmodning eller én skrivning af et svar må vente, før forbindelsen "
                    "lukkes; en langsom eller tavs klient holder ikke sin plads længere (standard: 10)")
        ->check(CLI::Range(1, 3600));
    cmd->add_option("--token-fil", o.token_fil,
                    "Fil med et hemmeligt token (første linje, mindst 16 tegn); hver anmodning skal da sende "
                    "'Authorization: Bearer <token>'");
    cmd->add_option("--db", o.db,
                    "Sagsdatabasen (SQLite, som 'kvalitet db'): giver /v1/sager; oprettes, hvis den ikke findes");
    cmd->add_option("--tls-cert", o.tls_cert, "Certifikat (PEM) til HTTPS; kræver --tls-noegle");
    cmd->add_option("--tls-noegle", o.tls_noegle, "Certifikatets private nøgle (PEM); kræver --tls-cert");
    cmd->callback([&common, &exit_code] {
        try {
            exit_code = run(o, common);
        } catch (const InputError& e) {
            exit_code = fail(e.what());
        } catch (const ScriptError& e) {
            exit_code = fail(e.what());
        } catch (const SQLite::Exception& e) {
            exit_code = fail(fmt::format("sagsdatabasen {}: {}", o.db, CaseStore::beskriv(e)));
        }
    });
}

} // namespace kvalitet::cli
