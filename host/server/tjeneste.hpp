#pragma once
// The service: a request in, its answer out, without a socket. http.cpp puts it behind
// cpp-httplib; the unit tests and the fuzz target call it directly.
//
// Decided before the body is read (foer_krop): the route, the method, the token, the size
// announced. Then haandter() answers: the assessment endpoints hand their cases to the
// workers (one Lua state per worker per municipality), the rest is answered at once.
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dato.hpp"
#include "server/anmodning.hpp"
#include "server/arbejdere.hpp"
#include "server/kommune_info.hpp"
#include "server/metrikker.hpp"
#include "server/token.hpp"
#include "sources.hpp"

namespace kvalitet::server {

struct Indstillinger {
    unsigned traade = 1;      // assessment workers; 0: each job in the request's own thread
    std::size_t pladser = 64; // jobs that may wait for a worker before requests get 503
    std::optional<Token> token;
    std::size_t maks_sag = std::size_t(1) << 20;     // one case (SagGraenser's max_bytes)
    std::size_t maks_ndjson = std::size_t(64) << 20; // one NDJSON request
    std::size_t parti = 64;                          // NDJSON lines per job
    std::function<Dato()> i_dag;                     // the date without ?dato=; default: today (UTC)
    std::function<void(std::string_view)> log;       // access log lines; default: stderr
};

class Tjeneste {
public:
    Tjeneste(Sources sources, Indstillinger indstillinger);
    ~Tjeneste();

    // An answer when the request is refused on its head alone (401, 404, 405, 413), so a
    // refused body is never read; nullopt to go on.
    std::optional<Svar> foer_krop(const Anmodning& a) const;
    // The whole answer (foer_krop's checks included). Never throws.
    Svar haandter(Anmodning a);
    // After the answer is written: counts it and writes its access log line.
    void afslut(std::string_view metode, int status, const Logdata& log, std::chrono::nanoseconds varighed,
                std::size_t ind, std::size_t ud);

    // 503 with Retry-After: the queue (or the HTTP layer's connections) is full.
    Svar optaget();

    const Indstillinger& indstillinger() const { return ind_; }
    Metrikker& metrikker() { return metrikker_; }
    Arbejdere& arbejdere() { return *arbejdere_; }
    // The largest body any route takes (the HTTP layer's own limit).
    std::size_t maks_krop() const;

private:
    Svar dispatch(Anmodning& a);
    Svar vurdering(const Anmodning& a, const std::string& kommune);
    Svar vurderinger(Anmodning& a, const std::string& kommune); // takes the body
    Svar kommune(const std::string& id) const;
    Svar sundhed() const;
    std::optional<Svar> ukendt_kommune(const std::string& id) const;

    Sources sources_;
    Indstillinger ind_;
    std::vector<std::string> kendte_;
    std::unique_ptr<Katalog> katalog_; // before the workers, who read it
    std::map<std::string, KommuneInfo> info_;
    std::string liste_;
    Metrikker metrikker_;
    std::unique_ptr<Arbejdere> arbejdere_; // last: its workers stop before the rest goes
};

// Today's date on the host's clock (UTC), as `kvalitet vurder` takes it without --dato.
Dato i_dag_utc();

} // namespace kvalitet::server
