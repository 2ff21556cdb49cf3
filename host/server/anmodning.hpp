#pragma once
// A request and its answer as plain values. The service (tjeneste.hpp) maps one to the other
// without a socket, so the unit tests and the fuzz target drive exactly the code the server
// runs; http.cpp only translates to and from cpp-httplib.
#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kvalitet::server {

using Felter = std::vector<std::pair<std::string, std::string>>;

// Header names (and tokens such as "chunked") compare without regard to case.
bool same_name(std::string_view a, std::string_view b);

// The bytes a request's body holds of what all bodies together may hold at once
// (Indstillinger::maks_kroppe), given back when the last holder lets go: an NDJSON body and
// its index of lines live as long as the answer is being written, not as long as the read.
class Kropkvote {
public:
    Kropkvote(std::atomic<std::size_t>& i_brug, std::size_t maks, std::atomic<bool>& venter)
        : i_brug_(i_brug), maks_(maks), venter_(venter) {}
    Kropkvote(const Kropkvote&) = delete;
    Kropkvote& operator=(const Kropkvote&) = delete;
    ~Kropkvote() { slip(); }
    bool tag(std::size_t n); // `n` bytes more; false, taking nothing, when there is no room
    // As tag, waiting up to 2 s for room another body gives back, when no other body is
    // waiting: of two bodies that fit alone but not together, one is read whole.
    bool vent_og_tag(std::size_t n);
    void slip();             // gives back all it holds
    std::size_t holder() const { return n_; }

private:
    std::atomic<std::size_t>& i_brug_;
    const std::size_t maks_;
    std::atomic<bool>& venter_; // a body is waiting for room
    std::size_t n_ = 0;
};

struct Anmodning {
    std::string metode; // "GET", "POST" …
    std::string sti;    // the decoded path without its query: "/v1/kommuner/varde/vurdering"
    Felter parametre;   // the query, decoded, in order
    Felter hoveder;     // header names compare case-insensitively
    std::string krop;
    // Content-Length as announced: the body's size is known (and refused) before it is read.
    std::optional<std::size_t> laengde;
    std::shared_ptr<Kropkvote> kvote; // what `krop` holds of maks_kroppe; none: not counted (tests)

    // The first header of that name, or empty.
    std::string_view hoved(std::string_view navn) const;
};

// What the access log and the metrics learn of a request: the route, never the case's
// content (a case id at most). Shared with a streamed body, which fills in its counts.
struct Logdata {
    std::string rute = "ukendt"; // the route's template, e.g. "/v1/kommuner/{id}/vurdering"
    std::string kommune, sag_id, fejlkode;
    std::size_t linjer = 0, fejl_linjer = 0; // NDJSON: lines answered, of them errors
};

// Writes one piece of a streamed body; false when the client has gone (stop writing).
using Skriver = std::function<bool(std::string_view)>;

struct Svar {
    int status = 200;
    std::string type = "application/json";
    std::string krop;
    Felter hoveder; // Retry-After, WWW-Authenticate, Allow …
    // A body written piece by piece (NDJSON), used instead of `krop` when set.
    std::function<void(const Skriver&)> stroem;
    std::shared_ptr<Logdata> log = std::make_shared<Logdata>();
};

} // namespace kvalitet::server
