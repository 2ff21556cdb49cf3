// Fuzz target: the server's request handler (host/server/tjeneste.hpp), as the HTTP layer
// calls it. The input is a request written like HTTP: "METHOD TARGET", header lines, a blank
// line, the body. The first byte picks a service with or without a token. Promises checked:
//  - nothing throws, and no request gets 500 (the standards are sound: a 5xx would be the
//    request crashing the server's logic);
//  - every refusal is the contract's error object, its kode's status, with a clean Danish
//    message; a refusal before the body (foer_krop) is the answer the whole handler gives;
//  - an assessment is one JSON line; an NDJSON answer has one JSON line per non-blank line;
//  - the access log line is JSON and clean text.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "server/fejl_svar.hpp"
#include "server/query.hpp"
#include "server/ruter.hpp"
#include "server/tjeneste.hpp"

using namespace kvalitet;
using namespace kvalitet::server;
using Json = nlohmann::json;

namespace {

constexpr std::string_view kToken = "fuzz-token-0123456789";

Tjeneste& service(bool with_token) {
    static std::unique_ptr<Tjeneste> t[2];
    auto& s = t[with_token];
    if (!s) {
        Indstillinger i;
        i.traade = 0; // every job in this thread: deterministic, and ASan sees all of it
        i.parti = 3;
        i.maks_sag = 64 << 10;
        i.maks_ndjson = 256 << 10;
        i.i_dag = [] { return *Dato::parse("2026-11-22"); };
        i.log = [](std::string_view line) {
            FUZZ_CHECK(fuzz::clean_text(line), "loglinjen er ikke ren tekst");
            FUZZ_CHECK(!Json::parse(line, nullptr, false).is_discarded(), "loglinjen er ikke JSON");
        };
        if (with_token) i.token = Token(kToken);
        s = std::make_unique<Tjeneste>(Sources::embedded(), std::move(i));
    }
    return *s;
}

std::string_view take_line(std::string_view& in) {
    const auto nl = in.find('\n');
    std::string_view line = in.substr(0, nl);
    in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

Anmodning parse(std::string_view in) {
    Anmodning a;
    std::string_view first = take_line(in);
    const auto sp = first.find(' ');
    a.metode = std::string(first.substr(0, sp));
    const std::string_view target = sp == std::string_view::npos ? std::string_view() : first.substr(sp + 1);
    a.sti = std::string(target.substr(0, target.find('?')));
    a.parametre = laes_query(target);
    while (!in.empty()) {
        const std::string_view h = take_line(in);
        if (h.empty()) break;
        const auto colon = h.find(':');
        if (colon == std::string_view::npos) continue;
        std::string_view v = h.substr(colon + 1);
        while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
        a.hoveder.emplace_back(std::string(h.substr(0, colon)), std::string(v));
    }
    a.krop = std::string(in);
    if (auto cl = a.hoved("Content-Length"); !cl.empty() && cl.size() < 19 && cl.find_first_not_of("0123456789") == std::string_view::npos)
        a.laengde = std::stoull(std::string(cl));
    return a;
}

void check_error(const Svar& s) {
    const Json j = Json::parse(s.krop, nullptr, false);
    FUZZ_CHECK(j.is_object() && j.contains("fejl"), "en afvisning uden fejlobjekt");
    const Json& f = j["fejl"];
    FUZZ_CHECK(f["kode"].is_string() && f["besked"].is_string(), "fejlobjektet mangler kode eller besked");
    const std::string kode = f["kode"], besked = f["besked"];
    FUZZ_CHECK(!besked.empty() && fuzz::clean_text(besked), "beskeden er tom eller ikke ren UTF-8");
    FUZZ_CHECK(s.status == http_status(kode) || (kode == "script_fejl" && s.status == 500), "status passer ikke til koden");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    Tjeneste& t = service(data[0] & 1);
    const std::string_view raw(reinterpret_cast<const char*>(data + 1), size - 1);
    Anmodning a = parse(raw);
    if (data[0] & 2) a.hoveder.emplace_back("Authorization", "Bearer " + std::string(kToken));
    const auto early = t.foer_krop(a);
    const std::string metode = a.metode;
    const Rute rute = find_rute(a.sti, a.metode).rute;
    const std::size_t ind = a.krop.size();
    Svar s = t.haandter(std::move(a));
    FUZZ_CHECK(s.status != 500, "500 for en anmodning");
    if (early) FUZZ_CHECK(early->status == s.status && early->krop == s.krop, "foer_krop og haandter er uenige");

    std::string body = s.krop;
    if (s.stroem) {
        body.clear();
        s.stroem([&](std::string_view d) {
            body += d;
            return true;
        });
        std::string_view rest = body;
        while (!rest.empty()) {
            const std::string_view line = take_line(rest);
            FUZZ_CHECK(Json::parse(line, nullptr, false).is_object(), "en NDJSON-linje er ikke et JSON-objekt");
        }
        FUZZ_CHECK(s.log->linjer == std::size_t(std::count(body.begin(), body.end(), '\n')), "linjer talt forkert");
    } else if (s.status >= 400) {
        check_error(s);
    } else if (rute == Rute::Vurdering && s.type == "application/json") {
        FUZZ_CHECK(!body.empty() && body.back() == '\n' && body.find('\n') == body.size() - 1, "vurderingen er ikke én linje");
        FUZZ_CHECK(Json::parse(body, nullptr, false).is_object(), "vurderingen er ikke JSON");
    }
    t.afslut(metode, s.status, *s.log, std::chrono::microseconds(size), ind, body.size());
    return 0;
}
