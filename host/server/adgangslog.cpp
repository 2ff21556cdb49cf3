#include "server/adgangslog.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <cstdint>

#include "domain/json_writer.hpp"
#include "domain/tekst.hpp"

namespace kvalitet::server {

namespace {

std::string utc(std::chrono::system_clock::time_point t) {
    const auto ms = std::chrono::time_point_cast<std::chrono::milliseconds>(t);
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", std::chrono::time_point_cast<std::chrono::seconds>(ms),
                       ms.time_since_epoch().count() % 1000);
}

// A method is a token (RFC 9110); anything else is logged as "?" rather than echoed.
std::string_view token(std::string_view metode) {
    if (metode.empty() || metode.size() > 16) return "?";
    for (char c : metode)
        if (!(c >= 'A' && c <= 'Z')) return "?";
    return metode;
}

} // namespace

std::string adgangslinje(const Adgangspost& a, const Logdata& log) {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.key("tid").value(utc(a.tid));
    w.key("metode").value(token(a.metode));
    w.key("rute").value(log.rute);
    if (!log.kommune.empty()) w.key("kommune").value(log.kommune);
    w.key("status").value(a.status);
    w.key("us").value(std::int64_t(std::chrono::duration_cast<std::chrono::microseconds>(a.varighed).count()));
    w.key("ind").value(std::int64_t(a.ind)).key("ud").value(std::int64_t(a.ud));
    // shown as text: a DEL or bidi character in an id is valid JSON, but not a line a person reads
    if (!log.sag_id.empty()) w.key("sag_id").value(printable_line(log.sag_id));
    if (log.linjer) w.key("linjer").value(std::int64_t(log.linjer)).key("fejl_linjer").value(std::int64_t(log.fejl_linjer));
    if (!log.fejlkode.empty()) w.key("fejl").value(log.fejlkode);
    w.end_object();
    return out;
}

} // namespace kvalitet::server
