// GET and POST /v1/sager, GET /v1/sager/{id} and …/vurderinger: the case store (--db), the
// same file `kvalitet db` keeps. Cases are stored as `db importer` stores them; the
// assessments are the store's audit log, read as they were written.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "store/case_store.hpp"
#include "domain/fejl_json.hpp"
#include "domain/json_writer.hpp"
#include "domain/sag.hpp"
#include "engine/standard.hpp"
#include "server/parametre.hpp"
#include "server/fejl_svar.hpp"
#include "server/tjeneste.hpp"

namespace kvalitet::server {

namespace {

Svar uden_arkiv() {
    return fejl_svar(fejl("ingen_sagsdatabase", "serveren er startet uden sagsdatabase; start den med "
                                                "'kvalitet server --db FIL' for at bruge /v1/sager"));
}

// A case id shown in a message only when it is plain text: the path may hold anything.
std::string vist_id(const std::string& id) {
    const bool plain = id.size() <= 64 && std::all_of(id.begin(), id.end(), [](unsigned char c) {
                           return std::isalnum(c) || c == '-' || c == '_' || c == '.';
                       });
    return plain ? fmt::format("'{}'", id) : std::string("med det id, stien nævner");
}

Svar ukendt_sag(const std::string& id) {
    return fejl_svar(fejl("ukendt_sag", fmt::format("sagsdatabasen har ingen sag {}; gem den med POST /v1/sager, "
                                                    "eller se de gemte med GET /v1/sager",
                                                    vist_id(id))));
}

std::optional<std::int64_t> heltal(std::string_view v, std::int64_t min, std::int64_t max) {
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() || n < min || n > max) return std::nullopt;
    return n;
}

} // namespace

Svar Tjeneste::sager(const Anmodning& a) {
    if (!arkiv_) return uden_arkiv();
    std::string kommune;
    std::int64_t efter = 0, antal = 100;
    for (std::size_t i = 0; i < a.parametre.size(); ++i) {
        const auto& [navn, v] = a.parametre[i];
        for (std::size_t k = 0; k < i; ++k)
            if (a.parametre[k].first == navn)
                return fejl_svar(fejl("ugyldig_parameter", fmt::format("parameteren '{}' er givet mere end én gang", navn), navn));
        if (navn == "kommune") {
            kommune = v;
            if (auto s = ukendt_kommune(*udgave(), kommune, {}, "kommune")) return std::move(*s);
        } else if (navn == "efter" || navn == "antal") {
            const auto n = navn == "efter" ? heltal(v, 0, INT64_MAX) : heltal(v, 1, 1000);
            if (!n)
                return fejl_svar(fejl("ugyldig_parameter",
                                      navn == "efter" ? "parameteren 'efter' skal være et helt tal, 0 eller mere (et 'nr' fra listen)"
                                                      : "parameteren 'antal' skal være et helt tal fra 1 til 1000",
                                      navn));
            (navn == "efter" ? efter : antal) = *n;
        } else {
            return fejl_svar(ukendt_parameter(navn, "GET /v1/sager tager parametrene kommune, efter og antal"));
        }
    }
    const auto sager = arkiv_->liste(kommune, efter, std::size_t(antal));
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.key("sager").begin_array();
    for (const auto& c : sager) {
        w.begin_object();
        w.key("id").value(c.id);
        w.key("kommune").value(c.kommune);
        w.key("nr").value(c.nr);
        w.key("sha256").value(c.sha256);
        w.end_object();
    }
    w.end_array();
    // The next page starts after the last case shown; null when this page was the last.
    w.key("naeste");
    if (sager.size() == std::size_t(antal)) w.value(sager.back().nr);
    else w.null();
    w.end_object();
    Svar s;
    s.krop = out + "\n";
    return s;
}

Svar Tjeneste::ny_sag(const Anmodning& a) {
    if (!arkiv_) return uden_arkiv();
    Sagsarkiv::Gemt g;
    try {
        g = arkiv_->gem(a.krop, udgave()->kendte);
    } catch (const SQLite::Exception&) {
        throw; // the store's, not the case's (Tjeneste::haandter)
    } catch (...) { // a bad case: its kode and field, as `db importer` names them
        Fejl f = aktuel_fejl();
        if (f.sag_id.empty()) {
            try {
                f.sag_id = sag_id_of(a.krop).value_or("");
            } catch (...) {
            }
        }
        metrikker_.fejl(f.kode);
        return fejl_svar(f);
    }
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.key("id").value(g.sag.id);
    w.key("kommune").value(g.sag.kommune);
    w.key("sha256").value(g.sag.sha256);
    w.key("ny").value(g.ny);
    w.end_object();
    Svar s;
    s.status = g.ny ? 201 : 200;
    s.krop = out + "\n";
    s.log->sag_id = g.sag.id;
    s.log->kommune = g.sag.kommune;
    return s;
}

Svar Tjeneste::sag(const std::string& id, bool vurderinger) {
    if (!arkiv_) return uden_arkiv();
    const auto c = arkiv_->sag(id);
    Svar s;
    s.log->sag_id = c ? c->id : std::string();
    if (!vurderinger) {
        if (!c) return ukendt_sag(id);
        s.krop = c->json + "\n";
        s.log->kommune = c->kommune;
        return s;
    }
    const auto rows = arkiv_->vurderinger(id);
    if (!c && rows.empty()) return ukendt_sag(id);
    // The assessments as the log holds them, oldest first; each is the contract's JSON.
    std::string out = "{\"sag_id\":";
    JsonWriter::quote_into(out, id);
    out += ",\"vurderinger\":[";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        out += i ? ",{" : "{";
        for (const auto& [k, v] : {std::pair{"vurderingsdato", &r.vurderingsdato}, std::pair{"kommune", &r.kommune},
                                   std::pair{"standard_sha256", &r.standard_sha256}}) {
            out += fmt::format("\"{}\":", k);
            JsonWriter::quote_into(out, *v);
            out += ',';
        }
        out += "\"sag_sha256\":";
        if (r.sag_sha256.empty()) out += "null"; // written before the store recorded it
        else JsonWriter::quote_into(out, r.sag_sha256);
        out += ",\"vurdering\":" + r.json + "}"; // the contract's JSON, as the log holds it
    }
    s.krop = out + "]}\n";
    return s;
}

} // namespace kvalitet::server
