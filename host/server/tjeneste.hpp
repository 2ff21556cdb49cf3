#pragma once
// The service: a request in, its answer out, without a socket. http.cpp puts it behind
// cpp-httplib; the unit tests and the fuzz target call it directly.
//
// Decided before the body is read (foer_krop): the route, the method, the token, the size
// announced. Then haandter() answers: the assessment endpoints hand their cases to the
// workers (one Lua state per worker per municipality), the rest is answered at once.
#include <atomic>
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
#include "server/sagsarkiv.hpp"
#include "server/token.hpp"
#include "server/udgave.hpp"
#include "sources.hpp"

namespace kvalitet::server {

struct Indstillinger {
    unsigned traade = 1;      // assessment workers; 0: each job in the request's own thread
    std::size_t pladser = 64; // jobs that may wait for a worker before requests get 503
    std::optional<Token> token;
    std::size_t maks_sag = std::size_t(1) << 20;     // one case (SagGraenser's max_bytes)
    std::size_t maks_ndjson = std::size_t(64) << 20; // one NDJSON request
    // Request bodies held at once, all connections together: each is read whole before it is
    // assessed, so 32 slow clients each sending most of 64 MiB held 2 GiB.
    std::size_t maks_kroppe = std::size_t(256) << 20;
    std::size_t parti = 64;                          // NDJSON lines per job
    std::function<Dato()> i_dag;                     // the date without ?dato=; default: today (UTC)
    std::function<void(std::string_view)> log;       // access log lines; default: stderr
    std::string db; // --db: the case store (/v1/sager); empty: none
};

// What the last reload did (/sundhed and POST /v1/admin/genindlaes say it).
struct Genindlaesning {
    bool taget = false;
    std::uint64_t udgave = 0; // the udgave serving after it
    std::vector<std::pair<std::string, std::string>> fejl; // kommune, why: the reason it was refused
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

    // A request body's share of maks_kroppe, empty; 503 when it cannot grow: optaget_krop().
    std::shared_ptr<Kropkvote> ny_kropkvote() { return std::make_shared<Kropkvote>(kroppe_, ind_.maks_kroppe, krop_venter_); }
    Svar optaget_krop();

    const Indstillinger& indstillinger() const { return ind_; }
    Metrikker& metrikker() { return metrikker_; }
    Arbejdere& arbejdere() { return *arbejdere_; }
    // The standards serving now; a request holds on to the one it began with.
    std::shared_ptr<const Udgave> udgave() const;

    // Reads the standards from the sources again (SIGHUP, POST /v1/admin/genindlaes) and
    // runs their tests; switches to them unless a municipality that served now would not.
    // One at a time: nullopt when another reload is under way.
    std::optional<Genindlaesning> genindlaes();
    // The largest body any route takes (the HTTP layer's own limit).
    std::size_t maks_krop() const;
    // The largest body the request's route takes; a chunked body is counted against it as
    // it is read, since no Content-Length said its size first.
    std::size_t maks_krop(const Anmodning& a) const;
    // 413 for a body over its route's limit: `fylder` bytes when the head said so, else a
    // chunked body cut off at the limit.
    Svar for_stor(const Anmodning& a, std::optional<std::size_t> fylder) const;

private:
    Svar dispatch(Anmodning& a);
    Svar vurdering(const Anmodning& a, const std::string& kommune);
    Svar vurderinger(Anmodning& a, const std::string& kommune); // takes the body
    Svar kommune(const std::string& id) const;
    Svar dokument(const std::string& id) const;
    Svar sundhed() const;
    Svar genindlaes_svar();
    Svar sager(const Anmodning& a);
    Svar ny_sag(const Anmodning& a);
    Svar sag(const std::string& id, bool vurderinger);
    // 404 ukendt_kommune unless `id` is one; with sag_id when `krop` is a case with an id,
    // and `felt` when the id came from a query parameter of that name.
    std::optional<Svar> ukendt_kommune(const Udgave& u, const std::string& id, std::string_view krop = {},
                                       std::string_view felt = {}) const;

    Sources sources_; // where a reload reads from
    Indstillinger ind_;
    mutable std::mutex udgave_mutex_;
    std::shared_ptr<const Udgave> udgave_;
    std::optional<Genindlaesning> sidste_genindlaesning_; // under udgave_mutex_
    std::mutex genindlaes_mutex_;                          // one reload at a time
    std::unique_ptr<Sagsarkiv> arkiv_;                     // --db
    // What the last sign of a damaged --db file said (SQLite found it corrupt, or no database):
    // kept for /sundhed, since a damaged file does not mend while the server runs. Under udgave_mutex_.
    std::optional<std::string> sagsdatabase_skade_;
    Metrikker metrikker_;
    std::atomic<std::size_t> kroppe_{0}; // body bytes held now (Kropkvote)
    std::atomic<bool> krop_venter_{false}; // a body waits for room (Kropkvote::vent_og_tag)
    std::unique_ptr<Arbejdere> arbejdere_; // last: its workers stop before the rest goes
};

// Today's date on the host's clock (UTC), as `kvalitet vurder` takes it without --dato.
Dato i_dag_utc();

} // namespace kvalitet::server
