#include "server/http.hpp"

#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <limits>
#include <memory>
#include <pthread.h>
#include <thread>

#include "server/fejl_svar.hpp"
#include "server/forbindelser.hpp"
#include "server/query.hpp"
#include "server/ruter.hpp"

namespace kvalitet::server {

namespace {

using Clock = std::chrono::steady_clock;

// What the logger needs from the request's own thread: cpp-httplib calls the routing
// handlers and the logger on the thread that serves the connection.
struct Kontekst {
    Clock::time_point start = Clock::now();
    std::shared_ptr<Logdata> log;
    std::size_t ind = 0; // bytes of the request's body read (through the content reader)
    std::size_t ud = 0;  // bytes of a streamed body
    bool stroemmet = false;
    bool lukker = false; // the answer closes the connection (close_after)
};
thread_local Kontekst kontekst;

// The path as the client wrote it, before '?': routes decode its segments themselves
// (ruter.cpp), so an id with a '/' (written %2F) stays one segment.
std::string raa_sti(const httplib::Request& req) {
    const auto q = req.target.find_first_of("?#");
    return req.target.substr(0, q);
}

Anmodning hoved_af(const httplib::Request& req) {
    Anmodning a;
    a.metode = req.method;
    a.sti = raa_sti(req);
    a.parametre = laes_query(req.target); // req.params would mix in a form-encoded body
    for (const auto& [k, v] : req.headers) a.hoveder.emplace_back(k, v);
    if (req.has_header("Content-Length")) {
        const std::string n = req.get_header_value("Content-Length");
        try { // digits only: stoull would read "-1" as 2^64 - 1 (foer_krop refuses the rest)
            if (!n.empty() && n.find_first_not_of("0123456789") == std::string::npos) a.laengde = std::stoull(n);
        } catch (...) { // more than 2^64 - 1: over every limit
            a.laengde = std::numeric_limits<std::size_t>::max();
        }
    }
    return a;
}

bool has_body(const httplib::Request& req) {
    return req.has_header("Transfer-Encoding") ||
           (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0");
}

void fill(httplib::Response& res, Svar& s) {
    res.status = s.status;
    res.set_header("Accept-Ranges", "none"); // ranges are ignored (uden_range); cpp-httplib says "bytes" to a HEAD
    for (const auto& [k, v] : s.hoveder) res.set_header(k, v);
    kontekst.log = s.log;
    if (s.stroem) {
        kontekst.stroemmet = true;
        res.set_chunked_content_provider(
            s.type, [stroem = std::move(s.stroem)](std::size_t, httplib::DataSink& sink) {
                stroem([&sink](std::string_view d) {
                    kontekst.ud += d.size();
                    return d.empty() || sink.write(d.data(), d.size());
                });
                sink.done();
                return !kontekst.lukker; // false once all is written: closes (close_after)
            });
    } else {
        res.set_content(std::move(s.krop), s.type);
    }
}

// cpp-httplib 0.11 keeps a connection open after an answer unless the request said
// "Connection: close" or writing the answer failed; a "Connection: close" in the answer
// does not close it. After an answer where the request's bytes may not all have been read
// as it meant them (a refusal, an error of cpp-httplib's own parsing, a chunked body), the
// rest would be read as the next request: a request smuggled in behind the first. Such an
// answer is written by a provider that reports a failed write once all of it is out (a
// stream, after its last chunk): the client gets the whole answer, then the connection is
// closed. cpp-httplib writes no body to a HEAD, so a HEAD is answered as the GET it stands
// for (the request is process_request's own, not a const object).
void close_after(const httplib::Request& req, httplib::Response& res) {
    if (kontekst.lukker) return;
    kontekst.lukker = true;
    res.set_header("Connection", "close");
    if (kontekst.stroemmet) return; // the stream's provider closes after its last chunk
    if (req.method == "HEAD") const_cast<httplib::Request&>(req).method = "GET";
    auto body = std::make_shared<std::string>(std::move(res.body));
    if (body->empty()) *body = "\n"; // something to write, so that the write can end it
    res.body.clear();
    const std::string type = res.get_header_value("Content-Type");
    const auto types = res.headers.equal_range("Content-Type");
    res.headers.erase(types.first, types.second);
    kontekst.stroemmet = true;
    kontekst.ud = body->size();
    res.set_content_provider(body->size(), type.empty() ? "text/plain" : type,
                             [body](std::size_t, std::size_t, httplib::DataSink& sink) {
                                 sink.write(body->data(), body->size());
                                 return false;
                             });
}

// Every answer of 400 or more, ours and cpp-httplib's own (a request it cannot parse, a
// body over the limit), the latter in the contract's error form. Each closes the
// connection: cpp-httplib may have stopped anywhere in the request, even before its
// headers told whether it had a body.
void own_error(const httplib::Request& req, httplib::Response& res) {
    if (!kontekst.lukker && !kontekst.stroemmet && res.body.empty()) {
        Fejl f = res.status == 413 ? fejl("for_stor", "anmodningens krop er større end serveren tager imod")
                 : res.status == 414 ? fejl("ugyldig_anmodning", "stien er for lang")
                 : res.status == 404 ? fejl("ukendt_sti", "stien findes ikke (se docs/server.md)")
                 // cpp-httplib refuses a Range it cannot read before any handler sees it
                 : res.status == 416 ? fejl("ugyldig_anmodning", "hovedet Range kan ikke læses; tjenesten sender altid "
                                                                 "hele svaret, så send anmodningen uden Range")
                                     : fejl("ugyldig_anmodning", fmt::format("anmodningen kunne ikke læses som HTTP "
                                                                              "(status {})", res.status));
        Svar s = fejl_svar(f, res.status);
        s.log->rute = std::string(skabelon(find_rute(raa_sti(req), req.method).rute));
        res.set_content(s.krop, s.type);
        if (!kontekst.log) kontekst.log = s.log;
        else kontekst.log->fejlkode = f.kode;
    }
    close_after(req, res);
}

void sig_set(sigset_t& set) {
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
}

// What SIGHUP did, on stderr: the operator's only answer to a signal.
void genindlaes(Tjeneste& t) {
    const auto g = t.genindlaes();
    if (!g) {
        fmt::print(stderr, "kvalitet server: SIGHUP: en genindlæsning er allerede i gang\n");
    } else if (g->taget) {
        fmt::print(stderr, "kvalitet server: standarderne er genindlæst (udgave {})\n", g->udgave);
    } else {
        // One write: a reader of the log never sees the heading without its reasons.
        std::string besked = fmt::format(
            "kvalitet server: de nye standarder er ikke taget i brug; de gamle (udgave {}) vurderer stadig:\n", g->udgave);
        for (const auto& [k, f] : g->fejl) besked += fmt::format("  {}: {}\n", k, f);
        std::fputs(besked.c_str(), stderr);
    }
}

// SIGTERM, SIGINT and SIGHUP are taken by one thread (sigwait), which stops the server or
// reloads; every other thread has them blocked, so no handler runs in the middle of a request.
class Signaler {
public:
    Signaler() {
        blokker_stopsignaler();
        sig_set(set_);
    }
    void start(httplib::Server& svr, Tjeneste& tjeneste) {
        thread_ = std::thread([this, &svr, &tjeneste] {
            const timespec tick{0, 100'000'000};
            while (!done_) {
                const int sig = sigtimedwait(&set_, nullptr, &tick);
                if (sig == SIGHUP) {
                    genindlaes(tjeneste);
                } else if (sig > 0) {
                    fmt::print(stderr, "kvalitet server: stopper; svarer først på de anmodninger, der er i gang\n");
                    svr.stop();
                    return;
                }
            }
        });
    }
    ~Signaler() {
        done_ = true;
        if (thread_.joinable()) thread_.join();
    }

private:
    sigset_t set_;
    std::atomic<bool> done_{false};
    std::thread thread_;
};

} // namespace

void blokker_stopsignaler() {
    sigset_t set;
    sig_set(set);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

namespace {

// A Range header is ignored (RFC 9110 allows it): cpp-httplib would answer each of its
// ranges with a copy of the body, so a header of 2,700 ranges made one answer 1.2 GB, built
// in memory, and a single range cut a JSON answer short under status 200. The request is
// cpp-httplib's own, not const where it lives; its handlers only see it as const.
void uden_range(const httplib::Request& req) { const_cast<httplib::Request&>(req).ranges.clear(); }

// HTTPS when the options say so; the certificate and key are read here, once.
std::unique_ptr<httplib::Server> ny_server(const HttpIndstillinger& ind) {
    if (ind.tls_cert.empty()) return std::make_unique<httplib::Server>();
    auto svr = std::make_unique<httplib::SSLServer>(ind.tls_cert.c_str(), ind.tls_noegle.c_str());
    if (!svr->is_valid()) {
        fmt::print(stderr, "kvalitet server: certifikatet {} og nøglen {} kan ikke bruges til TLS (er de PEM-filer, "
                           "kan de læses, og hører nøglen til certifikatet?)\n", ind.tls_cert, ind.tls_noegle);
        return nullptr;
    }
    return svr;
}

} // namespace

bool koer(Tjeneste& tjeneste, const HttpIndstillinger& ind, const std::function<void(int port)>& klar) {
    Signaler signaler; // before cpp-httplib's threads start, so all of them inherit the mask
    std::signal(SIGPIPE, SIG_IGN);
    const auto server = ny_server(ind);
    if (!server) return false;
    httplib::Server& svr = *server;
    // cpp-httplib's default sets SO_REUSEPORT: a second server on a busy port then started
    // and took part of the first one's requests. SO_REUSEADDR alone lets a restart bind
    // while old connections linger, and a busy port fails as it should.
    // The listening socket, seen here before it is bound (cpp-httplib keeps it to itself).
    socket_t lytter = INVALID_SOCKET;
    svr.set_socket_options([&lytter](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        if (lytter == INVALID_SOCKET) lytter = sock; // the first: the one bound below
    });
    svr.new_task_queue = [&ind] { return new Forbindelser(ind.forbindelser, ind.ventende); };
    svr.set_read_timeout(ind.laese_sekunder, 0);
    svr.set_write_timeout(ind.skrive_sekunder, 0);
    svr.set_keep_alive_timeout(ind.keep_alive_sekunder);
    svr.set_keep_alive_max_count(10000);
    svr.set_payload_max_length(tjeneste.maks_krop());
    // An answer is written in pieces (head, body): without this, Nagle holds the last piece
    // until the client's delayed ACK, 40 ms for every request on a kept-alive connection.
    svr.set_tcp_nodelay(true);

    auto before_body = [&tjeneste](const httplib::Request& req, httplib::Response& res) {
        if (Forbindelser::afvises()) {
            Svar s = tjeneste.optaget();
            s.log->rute = std::string(skabelon(find_rute(raa_sti(req), req.method).rute));
            fill(res, s); // 503: own_error() closes the connection, as after every refusal
            return true;
        }
        if (auto s = tjeneste.foer_krop(hoved_af(req))) {
            fill(res, *s);
            return true;
        }
        return false;
    };
    svr.set_pre_routing_handler([before_body](const httplib::Request& req, httplib::Response& res) {
        kontekst = Kontekst{};
        uden_range(req);
        return before_body(req, res) ? httplib::Server::HandlerResponse::Handled
                                     : httplib::Server::HandlerResponse::Unhandled;
    });
    // "Expect: 100-continue" (curl sends it for large bodies): refused here, the client never
    // sends the body at all.
    svr.set_expect_100_continue_handler([before_body](const httplib::Request& req, httplib::Response& res) {
        kontekst = Kontekst{};
        uden_range(req);
        return before_body(req, res) ? res.status : 100;
    });
    auto handler = [&tjeneste](const httplib::Request& req, httplib::Response& res) {
        Svar s = tjeneste.haandter(hoved_af(req));
        fill(res, s);
    };
    // POST bodies through a content reader: cpp-httplib would otherwise parse a body sent as
    // application/x-www-form-urlencoded (curl's default) into parameters, and refuse one
    // over 8 KB with 413. Its payload limit (set above) still holds.
    auto post = [&tjeneste](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
        // A form (curl -F) is no case: cpp-httplib reads it only with a multipart receiver,
        // and a plain one raised bad_function_call (500, an English header). Left unread, so
        // the connection is closed.
        if (req.is_multipart_form_data()) {
            Svar s = fejl_svar(fejl("ugyldig_anmodning",
                                    "kroppen er en formular (multipart/form-data), som tjenesten ikke læser; send sagen "
                                    "som JSON direkte i kroppen (Content-Type: application/json, f.eks. curl "
                                    "--data-binary @sag.json)"));
            s.log->rute = std::string(skabelon(find_rute(raa_sti(req), req.method).rute));
            fill(res, s);
            close_after(req, res);
            return;
        }
        Anmodning a = hoved_af(req);
        // A POST without a body (curl -X POST) has neither length nor chunks: nothing to read.
        // cpp-httplib holds a Content-Length to its limit before this, but not chunks: they
        // are counted here, and reading stops at the route's limit (the 413 closes the
        // connection, as every error answer does: own_error).
        const std::size_t max = tjeneste.maks_krop(a);
        std::size_t seen = 0;
        // What this body holds of the bodies all connections may hold (maks_kroppe): what it
        // has sent and a step more (up to its announced length), not the whole announced
        // length at its first byte: four connections announcing 64 MiB and sending a byte now
        // and then held all 256 MiB, and every other POST got 503. Given back when the last
        // holder of the body (an NDJSON batch still answering) lets go.
        a.kvote = tjeneste.ny_kropkvote();
        bool no_room = false;
        const bool read = !has_body(req) || reader([&](const char* data, std::size_t n) {
            seen += n;
            kontekst.ind = seen;
            if (seen > max) {
                std::string().swap(a.krop);
                a.kvote->slip();
                return false;
            }
            // No room: the rest is read and dropped (up to the route's limit, as a body over
            // it is), so the 503 reaches a client still sending; closing on unread bytes would
            // reset the connection before it reads the answer.
            if (!no_room && seen > a.kvote->holder()) {
                constexpr std::size_t kSkridt = std::size_t(1) << 20; // not one atomic step per read
                const std::size_t mangler = seen - a.kvote->holder();
                const std::size_t frem = (a.laengde ? std::min(*a.laengde, seen + kSkridt) : seen) - a.kvote->holder();
                no_room = !a.kvote->tag(frem) && !a.kvote->tag(mangler) && !a.kvote->vent_og_tag(mangler);
                if (no_room) { // its share first: a body waiting for room goes on
                    a.kvote->slip();
                    std::string().swap(a.krop);
                }
            }
            if (no_room) return true;
            a.krop.append(data, n);
            return true;
        });
        if (seen > max) {
            Svar s = tjeneste.for_stor(a, std::nullopt);
            fill(res, s);
            return;
        }
        if (no_room) { // a 503 closes the connection, as every refusal does (own_error)
            Svar s = tjeneste.optaget_krop();
            s.log->rute = std::string(skabelon(find_rute(raa_sti(req), req.method).rute));
            fill(res, s);
            return;
        }
        if (!read) { // over the limit (413) or cut off: own_error() words it and closes
            if (res.status < 400) res.status = 400;
            return;
        }
        Svar s = tjeneste.haandter(std::move(a));
        fill(res, s);
        // cpp-httplib 0.11 ends a chunked body at a malformed line after a chunk as if it were
        // the end: what follows must not be read as a request. A chunked request is the last
        // on its connection.
        if (req.has_header("Transfer-Encoding")) close_after(req, res);
    };
    // Every method on every path: the router (ruter.cpp) decides, so 404 and 405 have one source.
    svr.Get(".*", handler).Post(".*", post).Put(".*", handler).Delete(".*", handler);
    svr.Patch(".*", handler).Options(".*", handler);
    svr.set_error_handler([](const httplib::Request& req, httplib::Response& res) { own_error(req, res); });
    svr.set_logger([&tjeneste](const httplib::Request& req, const httplib::Response& res) {
        Logdata fallback;
        fallback.rute = std::string(skabelon(find_rute(raa_sti(req), req.method).rute));
        const Logdata& log = kontekst.log ? *kontekst.log : fallback;
        const std::size_t ud = kontekst.stroemmet ? kontekst.ud : res.body.size();
        tjeneste.afslut(req.method, res.status, log, Clock::now() - kontekst.start, std::max(req.body.size(), kontekst.ind), ud);
        kontekst = Kontekst{};
    });

    int port = ind.port;
    if (port == 0) port = svr.bind_to_any_port(ind.adresse);
    else if (!svr.bind_to_port(ind.adresse, port)) port = -1;
    if (port <= 0) {
        fmt::print(stderr, "kvalitet server: kan ikke lytte på {}:{} (er adressen rigtig, og er porten ledig?)\n",
                   ind.adresse, ind.port);
        return false;
    }
    // Debian's cpp-httplib is a compiled library that listens with a backlog of 5: a burst
    // of connections beyond the threads and the queue was reset by the kernel before the
    // server could answer 503 optaget. Listening again on the socket sets a longer one.
    if (lytter != INVALID_SOCKET) ::listen(lytter, 1024);
    signaler.start(svr, tjeneste);
    klar(port);
    svr.listen_after_bind();
    return true;
}

} // namespace kvalitet::server
