#pragma once
// The service's counters in Prometheus's text format (GET /metrics): requests by route and
// status, their latency as a histogram per route, assessments per municipality, errors by
// kode, Lua budget trips, requests refused while busy. Labels come from bounded sets (route
// templates, known municipalities, error codes), never from what a client sent.
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace kvalitet::server {

class Metrikker {
public:
    void anmodning(std::string_view rute, int status, std::chrono::nanoseconds varighed);
    void vurdering(std::string_view kommune);
    void fejl(std::string_view kode); // budget_overskredet also counts as a budget trip
    void afvist_optaget();

    // The gauges at the moment: the queue's, and the request bodies' held of --kroppe.
    struct Maalere {
        std::size_t i_koe = 0, pladser = 0, kroppe = 0, maks_kroppe = 0;
    };
    // The exposition text.
    std::string tekst(const Maalere& nu) const;

    // Upper bounds of the latency buckets, in seconds (+Inf is implied).
    static constexpr std::array<double, 14> kGraenser{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,    0.25,  0.5,    1,     2.5,  5,     10};

private:
    struct Histogram {
        std::array<std::uint64_t, kGraenser.size()> spande{}; // not cumulative; summed when written
        std::uint64_t antal = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::uint64_t> anmodninger_;
    std::map<std::string, Histogram, std::less<>> varighed_;
    std::map<std::string, std::uint64_t, std::less<>> vurderinger_, fejl_;
    std::uint64_t budget_ = 0, afvist_ = 0;
};

} // namespace kvalitet::server
