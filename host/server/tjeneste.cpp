#include "store/case_store.hpp"
#include "server/parametre.hpp"
#include "server/tjeneste.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <mutex>

#include "domain/json_writer.hpp"
#include "engine/rute.hpp"
#include "engine/standard.hpp"
#include "server/adgangslog.hpp"
#include "server/fejl_svar.hpp"
#include "server/openapi.hpp"
#include "server/ruter.hpp"
#include "server/side.hpp"
#include "server/vurder_sag.hpp"

namespace kvalitet::server {

namespace {

Svar json_svar(std::string krop) {
    Svar s;
    s.krop = std::move(krop);
    return s;
}

void stderr_line(std::string_view line) {
    static std::mutex m;
    std::lock_guard lock(m);
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fputc('\n', stderr);
}

} // namespace

Dato i_dag_utc() {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return Dato(std::chrono::sys_days(today));
}

Tjeneste::Tjeneste(Sources sources, Indstillinger indstillinger)
    : sources_(std::move(sources)), ind_(std::move(indstillinger)) {
    if (!ind_.i_dag) ind_.i_dag = i_dag_utc;
    if (!ind_.log) ind_.log = stderr_line;
    if (ind_.parti == 0) ind_.parti = 1;
    udgave_ = laes_udgave(sources_, 1, false);
    if (!ind_.db.empty()) arkiv_ = std::make_unique<Sagsarkiv>(ind_.db);
    arbejdere_ = std::make_unique<Arbejdere>(ind_.traade, ind_.pladser);
}

std::shared_ptr<const Udgave> Tjeneste::udgave() const {
    std::lock_guard lock(udgave_mutex_);
    return udgave_;
}

std::optional<Genindlaesning> Tjeneste::genindlaes() {
    std::unique_lock one(genindlaes_mutex_, std::try_to_lock);
    if (!one.owns_lock()) return std::nullopt;
    const auto gammel = udgave();
    // Built beside the serving udgave, from a snapshot of the sources: requests go on
    // meanwhile, and what passed is what serves, whatever is edited afterwards.
    auto ny = laes_udgave(sources_, gammel->nr + 1, true);
    Genindlaesning g;
    g.fejl = daarligere(*gammel, *ny);
    g.taget = g.fejl.empty();
    g.udgave = g.taget ? ny->nr : gammel->nr;
    std::lock_guard lock(udgave_mutex_);
    if (g.taget) udgave_ = std::move(ny);
    sidste_genindlaesning_ = g;
    return g;
}

Tjeneste::~Tjeneste() = default;

std::size_t Tjeneste::maks_krop() const { return std::max(ind_.maks_sag, ind_.maks_ndjson); }

std::optional<Svar> Tjeneste::foer_krop(const Anmodning& a) const {
    const Match m = find_rute(a.sti, a.metode);
    std::optional<Svar> s;
    // The token first: without it a client learns nothing, not even which paths exist.
    if (ind_.token && kraever_token(m.rute)) {
        switch (ind_.token->tjek(a.hoved("Authorization"))) {
        case Adgang::Ok:
            break;
        case Adgang::Mangler:
            s = fejl_svar(fejl("mangler_token", "anmodningen mangler et token: send hovedet "
                                                "'Authorization: Bearer <token>' med tokenet fra serverens --token-fil"));
            s->hoveder.emplace_back("WWW-Authenticate", "Bearer realm=\"kvalitet\"");
            break;
        case Adgang::Forkert:
            s = fejl_svar(fejl("forkert_token", "tokenet passer ikke: brug tokenet fra serverens --token-fil "
                                                "som 'Authorization: Bearer <token>'"));
            s->hoveder.emplace_back("WWW-Authenticate", "Bearer realm=\"kvalitet\", error=\"invalid_token\"");
            break;
        }
    }
    if (!s && m.rute == Rute::Ukendt)
        s = fejl_svar(fejl("ukendt_sti", "stien findes ikke; tjenestens stier står i GET /v1/openapi.json og "
                                         "docs/server.md (f.eks. POST /v1/kommuner/{id}/vurdering)"));
    const std::string_view want = metode(m.rute);
    if (!s && a.metode != want && !(a.metode == "HEAD" && want == "GET")) {
        s = fejl_svar(fejl("metode_ikke_tilladt", fmt::format("{} bruger metoden {}", skabelon(m.rute), tilladte(m.rute))));
        s->hoveder.emplace_back("Allow", tilladte(m.rute));
    }
    // How long the body is must be said once and one way only: a proxy in front that reads
    // the other header (or the other one of two) would see a different request boundary.
    if (!s) {
        std::size_t laengder = 0, kodninger = 0;
        std::string_view kodning;
        for (const auto& [k, v] : a.hoveder) {
            if (same_name(k, "Content-Length")) ++laengder;
            if (same_name(k, "Transfer-Encoding")) ++kodninger, kodning = v;
        }
        if (laengder > 1 || kodninger > 1 || (laengder && kodninger))
            s = fejl_svar(fejl("ugyldig_anmodning", "kroppens længde skal angives én gang: enten ét Content-Length eller "
                                                    "ét Transfer-Encoding: chunked"));
        else if (kodninger && !same_name(kodning, "chunked"))
            s = fejl_svar(fejl("ugyldig_anmodning", "Transfer-Encoding kan kun være chunked"));
    }
    // No route but a POST takes a body, and cpp-httplib reads none for a GET or a HEAD: its
    // bytes would be read as the next request. Refused (and the connection closed).
    if (const bool body = !a.hoved("Transfer-Encoding").empty() || (a.laengde && *a.laengde > 0);
        !s && body && a.metode != "POST")
        s = fejl_svar(fejl("ugyldig_anmodning", fmt::format("{} {} tager ingen krop; send anmodningen uden", a.metode,
                                                            skabelon(m.rute))));
    if (const auto n = a.hoved("Content-Length"); !s && !n.empty() && !a.laengde) {
        std::string shown; // printable ASCII only, and not all of a long one
        for (char c : n.substr(0, 40)) shown += c >= 0x20 && c < 0x7f ? c : '?';
        s = fejl_svar(fejl("ugyldig_anmodning",
                           fmt::format("hovedet Content-Length skal være kroppens antal bytes (et heltal fra 0), ikke '{}'", shown)));
    }
    if (!s && a.laengde && *a.laengde > maks_krop(a))
        return for_stor(a, *a.laengde == std::numeric_limits<std::size_t>::max() ? std::nullopt : a.laengde); // past 2^64 - 1
    if (s) s->log->rute = std::string(skabelon(m.rute));
    return s;
}

std::size_t Tjeneste::maks_krop(const Anmodning& a) const {
    const Rute r = find_rute(a.sti, a.metode).rute;
    return r == Rute::Vurderinger ? ind_.maks_ndjson
           : r == Rute::Vurdering || r == Rute::NySag ? ind_.maks_sag
                                                      : std::size_t(64) << 10;
}

Svar Tjeneste::for_stor(const Anmodning& a, std::optional<std::size_t> fylder) const {
    const Rute r = find_rute(a.sti, a.metode).rute;
    const std::size_t max = maks_krop(a);
    Svar s = fejl_svar(fejl("for_stor", fmt::format("anmodningen fylder {} bytes; {} tager højst {} bytes{}",
                                                    fylder ? fmt::format("{}", *fylder) : fmt::format("mere end {}", max),
                                                    skabelon(r), max,
                                                    r == Rute::Vurdering
                                                        ? ": send mange sager som NDJSON til /v1/kommuner/{id}/vurderinger"
                                                    : r == Rute::Vurderinger ? ": del sagerne i flere anmodninger"
                                                                             : "")));
    s.log->rute = std::string(skabelon(r));
    return s;
}

Svar Tjeneste::haandter(Anmodning a) {
    Svar s;
    try {
        if (auto afvist = foer_krop(a)) return std::move(*afvist);
        s = dispatch(a);
    } catch (const SQLite::Exception& e) {
        // A full disk or a read-only file is no fault of the request, nor a bug here.
        const std::string besked = fmt::format("sagsdatabasen: {}; prøv igen, når den er rettet", CaseStore::beskriv(e));
        if (e.getErrorCode() == SQLITE_CORRUPT || e.getErrorCode() == SQLITE_NOTADB) {
            std::lock_guard lock(udgave_mutex_);
            sagsdatabase_skade_ = besked;
        }
        s = fejl_svar(fejl("sagsdatabase_fejl", besked), 503);
    } catch (...) {
        // Nothing a request sends should land here; if it does, it is our fault, said as such.
        Fejl f = aktuel_fejl();
        s = fejl_svar(f, f.kode == "ikke_nok_hukommelse" || f.kode == "sagsdatabase_fejl" ? 503 : 500);
    }
    s.log->rute = std::string(skabelon(find_rute(a.sti, a.metode).rute));
    return s;
}

Svar Tjeneste::dispatch(Anmodning& a) {
    const Match m = find_rute(a.sti, a.metode);
    // Only the assessments and the list of cases take a query (and the page, whose script
    // reads its own); elsewhere a parameter would be ignored in silence (?streng=true on
    // POST /v1/sager did not make it strict).
    if (!a.parametre.empty() && m.rute != Rute::Vurdering && m.rute != Rute::Vurderinger && m.rute != Rute::Sager &&
        m.rute != Rute::Side)
        return fejl_svar(ukendt_parameter(a.parametre.front().first,
                                          fmt::format("{} {} tager ingen parametre", metode(m.rute), skabelon(m.rute))));
    switch (m.rute) {
    case Rute::Side: {
        Svar s;
        s.type = "text/html; charset=utf-8";
        s.krop = std::string(side_html());
        // No request leaves this server: the page is self-contained, and says so to the browser.
        s.hoveder.emplace_back("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; "
                                                          "style-src 'unsafe-inline'; connect-src 'self'; "
                                                          "img-src 'self' data:; form-action 'none'");
        return s;
    }
    case Rute::OpenApi:
        return json_svar(std::string(openapi_json()));
    case Rute::Dokument:
        return dokument(m.id);
    case Rute::Genindlaes:
        return genindlaes_svar();
    case Rute::Sager:
        return sager(a);
    case Rute::NySag:
        return ny_sag(a);
    case Rute::Sag:
        return sag(m.id, false);
    case Rute::SagVurderinger:
        return sag(m.id, true);
    case Rute::Sundhed:
        return sundhed();
    case Rute::Metrics: {
        Svar s;
        s.type = "text/plain; version=0.0.4; charset=utf-8";
        s.krop = metrikker_.tekst({arbejdere_->i_koe(), arbejdere_->pladser(), kroppe_.load(), ind_.maks_kroppe});
        return s;
    }
    case Rute::Kommuner:
        return json_svar(udgave()->liste);
    case Rute::Kommune:
        return kommune(m.id);
    case Rute::Vurdering:
        return vurdering(a, m.id);
    case Rute::Vurderinger:
        return vurderinger(a, m.id);
    case Rute::Ukendt:
        break;
    }
    return fejl_svar(fejl("ukendt_sti", "stien findes ikke (se docs/server.md)"));
}

std::optional<Svar> Tjeneste::ukendt_kommune(const Udgave& u, const std::string& id, std::string_view krop,
                                             std::string_view felt) const {
    if (u.info.count(id)) return std::nullopt;
    // The same text as for a case's own field (only an id is echoed), with where to look.
    const bool id_form = valid_kommune_id(id) && id.size() <= 64;
    Fejl f = fejl("ukendt_kommune", fmt::format("{}{}; se GET /v1/kommuner", id_form ? "" : "kommunen i anmodningen ",
                                                ukendt_kommune_tekst(id, u.kendte)),
                  std::string(felt));
    f.sag_id = id_if_any(krop); // read only on this path: a known municipality costs nothing more
    return fejl_svar(f);
}

Svar Tjeneste::kommune(const std::string& id) const {
    const auto u = udgave();
    if (auto s = ukendt_kommune(*u, id)) return std::move(*s);
    const KommuneInfo& k = u->info.at(id);
    if (!k.fejl.empty()) return fejl_svar(fejl("script_fejl", k.fejl), 500);
    Svar s = json_svar(k.fuld);
    s.log->kommune = id;
    return s;
}

Svar Tjeneste::dokument(const std::string& id) const {
    const auto u = udgave();
    if (auto s = ukendt_kommune(*u, id)) return std::move(*s);
    const KommuneInfo& k = u->info.at(id);
    if (!k.fejl.empty()) return fejl_svar(fejl("script_fejl", k.fejl), 500);
    if (k.dokument.empty())
        return fejl_svar(fejl("intern_fejl", fmt::format("dokumentet for '{}' kunne ikke dannes; prøv 'kvalitet dokument "
                                                         "--kommune {}' for at se hvorfor", id, id)));
    Svar s;
    s.type = "text/html; charset=utf-8";
    s.krop = k.dokument;
    s.log->kommune = id;
    return s;
}

Svar Tjeneste::genindlaes_svar() {
    auto g = genindlaes();
    if (!g) {
        Svar s = fejl_svar(fejl("optaget", "en genindlæsning er allerede i gang; prøv igen om et øjeblik"));
        s.hoveder.emplace_back("Retry-After", "1");
        return s;
    }
    if (!g->taget) {
        std::string hvorfor;
        for (const auto& [k, f] : g->fejl) hvorfor += fmt::format("{}{}: {}", hvorfor.empty() ? "" : "; ", k, f);
        return fejl_svar(fejl("genindlaesning_afvist",
                              fmt::format("de nye standarder er ikke taget i brug, de gamle (udgave {}) vurderer "
                                          "stadig: {}",
                                          g->udgave, hvorfor)));
    }
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.key("genindlaest").value(true);
    w.key("udgave").value(std::int64_t(g->udgave));
    w.end_object();
    return json_svar(out + "\n");
}

Svar Tjeneste::sundhed() const {
    std::shared_ptr<const Udgave> u;
    std::optional<Genindlaesning> g;
    std::optional<std::string> skade;
    {
        std::lock_guard lock(udgave_mutex_);
        u = udgave_;
        g = sidste_genindlaesning_;
        skade = sagsdatabase_skade_;
    }
    std::string out;
    JsonWriter w(out);
    std::size_t fejl = 0;
    for (const auto& id : u->kendte) fejl += !u->fejl(id).empty();
    w.begin_object();
    w.key("status").value(fejl || skade ? "delvis" : "ok");
    w.key("version").value(KVALITET_VERSION);
    w.key("kommuner").value(std::int64_t(u->kendte.size()));
    w.key("standarder_med_fejl").begin_array();
    for (const auto& id : u->kendte)
        if (!u->fejl(id).empty()) w.value(id);
    w.end_array();
    w.key("udgave").value(std::int64_t(u->nr));
    if (g) { // the last reload: taken, or refused and why (the old standards still serve)
        w.key("genindlaesning").begin_object();
        w.key("taget").value(g->taget);
        w.key("fejl").begin_array();
        for (const auto& [k, f] : g->fejl) {
            w.begin_object();
            w.key("kommune").value(k);
            w.key("besked").value(f);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.key("sagsdatabase").value(arkiv_ != nullptr);
    if (skade) w.key("sagsdatabase_fejl").value(*skade);
    w.key("traade").value(std::int64_t(arbejdere_->traade()));
    w.key("i_koe").value(std::int64_t(arbejdere_->i_koe()));
    w.key("pladser").value(std::int64_t(arbejdere_->pladser()));
    w.end_object();
    return json_svar(out + "\n");
}

Svar Tjeneste::optaget() {
    metrikker_.afvist_optaget();
    Svar s = fejl_svar(fejl("optaget", fmt::format("serveren er optaget: alle {} pladser i køen er i brug; prøv igen om "
                                                   "et øjeblik (Retry-After)",
                                                   arbejdere_->pladser())));
    s.hoveder.emplace_back("Retry-After", "1");
    return s;
}

Svar Tjeneste::optaget_krop() {
    metrikker_.afvist_optaget();
    Svar s = fejl_svar(fejl("optaget", fmt::format("serveren er optaget: andre anmodningers kroppe fylder allerede de {} MiB, "
                                                   "den tager imod på én gang; prøv igen om et øjeblik (Retry-After), "
                                                   "eller del sagerne i mindre anmodninger",
                                                   ind_.maks_kroppe >> 20)));
    s.hoveder.emplace_back("Retry-After", "1");
    return s;
}

void Tjeneste::afslut(std::string_view metode, int status, const Logdata& log, std::chrono::nanoseconds varighed,
                      std::size_t ind, std::size_t ud) {
    metrikker_.anmodning(log.rute, status, varighed);
    Adgangspost a;
    a.tid = std::chrono::system_clock::now();
    a.metode = metode;
    a.status = status;
    a.varighed = varighed;
    a.ind = ind;
    a.ud = ud;
    ind_.log(adgangslinje(a, log));
}

} // namespace kvalitet::server
