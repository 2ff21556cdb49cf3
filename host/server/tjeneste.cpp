#include "server/tjeneste.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <mutex>

#include "domain/json_writer.hpp"
#include "engine/standard.hpp"
#include "server/adgangslog.hpp"
#include "server/fejl_svar.hpp"
#include "server/ruter.hpp"

namespace kvalitet::server {

namespace {

Svar json_svar(std::string krop) {
    Svar s;
    s.krop = std::move(krop);
    return s;
}

std::string kendte_liste(const std::vector<std::string>& kendte) {
    std::string out;
    for (const auto& k : kendte) out += (out.empty() ? "" : ", ") + k;
    return out;
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
    : sources_(std::move(sources)), ind_(std::move(indstillinger)), kendte_(kommuner(sources_)) {
    if (!ind_.i_dag) ind_.i_dag = i_dag_utc;
    if (!ind_.log) ind_.log = stderr_line;
    if (ind_.parti == 0) ind_.parti = 1;
    katalog_ = std::make_unique<Katalog>(sources_, kendte_);
    info_ = laes_kommuner(sources_, *katalog_);
    liste_ = kommuneliste(info_, kendte_);
    arbejdere_ = std::make_unique<Arbejdere>(sources_, *katalog_, ind_.traade, ind_.pladser);
}

Tjeneste::~Tjeneste() = default;

std::size_t Tjeneste::maks_krop() const { return std::max(ind_.maks_sag, ind_.maks_ndjson); }

std::optional<Svar> Tjeneste::foer_krop(const Anmodning& a) const {
    const Match m = find_rute(a.sti);
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
        s = fejl_svar(fejl("ukendt_sti", "stien findes ikke; tjenestens stier: GET /sundhed, GET /metrics, "
                                         "GET /v1/kommuner, GET /v1/kommuner/{id}, POST /v1/kommuner/{id}/vurdering "
                                         "og POST /v1/kommuner/{id}/vurderinger (se docs/server.md)"));
    const std::string_view want = metode(m.rute);
    if (!s && a.metode != want && !(a.metode == "HEAD" && want == "GET")) {
        s = fejl_svar(fejl("metode_ikke_tilladt", fmt::format("{} bruger metoden {}", skabelon(m.rute), want)));
        s->hoveder.emplace_back("Allow", std::string(want));
    }
    if (!s && a.laengde) {
        const std::size_t max = m.rute == Rute::Vurderinger ? ind_.maks_ndjson : ind_.maks_sag;
        if (*a.laengde > max)
            s = fejl_svar(fejl("for_stor", fmt::format("anmodningen fylder {} bytes; {} tager højst {} bytes{}",
                                                       *a.laengde, skabelon(m.rute), max,
                                                       m.rute == Rute::Vurdering
                                                           ? ": send mange sager som NDJSON til "
                                                             "/v1/kommuner/{id}/vurderinger"
                                                           : m.rute == Rute::Vurderinger ? ": del sagerne i flere anmodninger" : "")));
    }
    if (s) s->log->rute = std::string(skabelon(m.rute));
    return s;
}

Svar Tjeneste::haandter(Anmodning a) {
    Svar s;
    try {
        if (auto afvist = foer_krop(a)) return std::move(*afvist);
        s = dispatch(a);
    } catch (...) {
        // Nothing a request sends should land here; if it does, it is our fault, said as such.
        Fejl f = aktuel_fejl();
        s = fejl_svar(f, f.kode == "ikke_nok_hukommelse" ? 503 : 500);
    }
    s.log->rute = std::string(skabelon(find_rute(a.sti).rute));
    return s;
}

Svar Tjeneste::dispatch(Anmodning& a) {
    const Match m = find_rute(a.sti);
    switch (m.rute) {
    case Rute::Sundhed:
        return sundhed();
    case Rute::Metrics: {
        Svar s;
        s.type = "text/plain; version=0.0.4; charset=utf-8";
        s.krop = metrikker_.tekst(arbejdere_->i_koe(), arbejdere_->pladser());
        return s;
    }
    case Rute::Kommuner:
        return json_svar(liste_);
    case Rute::Kommune:
        return kommune(m.kommune);
    case Rute::Vurdering:
        return vurdering(a, m.kommune);
    case Rute::Vurderinger:
        return vurderinger(a, m.kommune);
    case Rute::OpenApi:
    case Rute::Ukendt:
        break;
    }
    return fejl_svar(fejl("ukendt_sti", "stien findes ikke (se docs/server.md)"));
}

std::optional<Svar> Tjeneste::ukendt_kommune(const std::string& id) const {
    if (info_.count(id)) return std::nullopt;
    // Echoed only when it looks like an id: the path may hold anything.
    const bool vis = valid_kommune_id(id) && id.size() <= 64;
    Svar s = fejl_svar(fejl("ukendt_kommune", fmt::format("{} er ikke en kendt kommune; kendte: {} (GET /v1/kommuner)",
                                                          vis ? fmt::format("'{}'", id) : "stiens kommune",
                                                          kendte_liste(kendte_))));
    return s;
}

Svar Tjeneste::kommune(const std::string& id) const {
    if (auto s = ukendt_kommune(id)) return std::move(*s);
    const KommuneInfo& k = info_.at(id);
    if (!k.fejl.empty()) return fejl_svar(fejl("script_fejl", k.fejl), 500);
    Svar s = json_svar(k.fuld);
    s.log->kommune = id;
    return s;
}

Svar Tjeneste::sundhed() const {
    std::string out;
    JsonWriter w(out);
    std::size_t fejl = 0;
    for (const auto& [id, k] : info_) fejl += !k.fejl.empty();
    w.begin_object();
    w.key("status").value(fejl ? "delvis" : "ok");
    w.key("version").value(KVALITET_VERSION);
    w.key("kommuner").value(std::int64_t(kendte_.size()));
    w.key("standarder_med_fejl").begin_array();
    for (const auto& [id, k] : info_)
        if (!k.fejl.empty()) w.value(id);
    w.end_array();
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
