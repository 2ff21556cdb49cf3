#pragma once
// The service on a socket: cpp-httplib in front of Tjeneste. Everything the server decides
// is in Tjeneste; this file only translates requests and answers, sets the limits of the
// HTTP layer (timeouts, body size, connections) and stops on SIGTERM or SIGINT.
#include <cstddef>
#include <functional>
#include <string>

#include "server/tjeneste.hpp"

namespace kvalitet::server {

struct HttpIndstillinger {
    std::string adresse = "127.0.0.1";
    int port = 8085;                // 0: any free port (announced on stderr)
    std::size_t forbindelser = 32;  // connections served at once
    std::size_t ventende = 64;      // connections waiting for a thread before 503
    int laese_sekunder = 10;        // a request's head and body must arrive within this
    int skrive_sekunder = 10;       // each write of the answer must finish within this
    int keep_alive_sekunder = 5;
    // Both set: HTTPS with this certificate (PEM, the chain after it) and its private key.
    std::string tls_cert, tls_noegle;
};

// Blocks SIGTERM, SIGINT and SIGHUP in the calling thread and the threads it starts after:
// call it before the Tjeneste (whose workers are threads) is made; koer() then takes them.
void blokker_stopsignaler();

// Serves until SIGTERM or SIGINT; in-flight requests are answered first. SIGHUP reloads the
// standards (Tjeneste::genindlaes) and says on stderr what came of it. `klar` is called
// with the bound port once the server listens. Returns false (with a Danish message on
// stderr) when the address cannot be bound or the certificate and key cannot be used.
bool koer(Tjeneste& tjeneste, const HttpIndstillinger& ind, const std::function<void(int port)>& klar);

} // namespace kvalitet::server
