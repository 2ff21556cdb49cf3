#pragma once
// One line of JSON per request on stderr: when, which route, which municipality, the status,
// how long, how many bytes, and the case id (or a batch's counts). Never the case's
// content, the raw path or query, nor the client's address: a log is no place for personal
// data, and a case id is the one handle a case system needs to find the request again.
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "server/anmodning.hpp"

namespace kvalitet::server {

struct Adgangspost {
    std::chrono::system_clock::time_point tid;
    std::string_view metode;
    int status = 0;
    std::chrono::nanoseconds varighed{};
    std::size_t ind = 0, ud = 0; // body bytes in and out
};

// {"tid":"2026-11-29T16:40:00.123Z","metode":"POST","rute":"/v1/kommuner/{id}/vurdering",
//  "kommune":"varde","status":200,"us":412,"ind":2345,"ud":6789,"sag_id":"s-17"}
std::string adgangslinje(const Adgangspost& a, const Logdata& log);

} // namespace kvalitet::server
