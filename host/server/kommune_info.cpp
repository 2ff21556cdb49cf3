#include "server/kommune_info.hpp"

#include <nlohmann/json.hpp>

#include "domain/fejl_json.hpp"
#include "workbench/dokument.hpp"

namespace kvalitet::server {

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json head(const StandardInfo& i) {
    Json j;
    j["id"] = i.kommune;
    j["titel"] = i.titel;
    j["godkendt"] = i.godkendt ? Json(i.godkendt->iso()) : Json(nullptr);
    j["kilde"] = i.kilde;
    if (!i.revideres.empty()) j["revideres"] = i.revideres;
    j["sha256"] = i.sha256;
    return j;
}

Json parameter(const Parameter& p) {
    Json j;
    j["id"] = p.id;
    j["tekst"] = p.tekst;
    j["kilde"] = p.kilde;
    j["vaerdi"] = p.vaerdi;
    j["type"] = p.type;
    if (!p.enhed.empty()) j["enhed"] = p.enhed;
    j["antagelse"] = p.antagelse;
    j["kommunal"] = p.kommunal;
    return j;
}

Json rule(const Rule& r) {
    Json j;
    j["id"] = r.regel->id;
    j["art"] = std::string(art_navn(r.art));
    j["trin"] = std::string(trin_navn(r.trin));
    j["tekst"] = r.regel->tekst;
    j["kilde"] = r.regel->kilde;
    j["kommunal"] = r.regel->kommunal;
    j["erstatter"] = r.regel->erstatter;
    j["antagelse"] = r.regel->antagelse;
    return j;
}

// Its last day as kommuner says it: its own gyldig_til, else the day before the next starts.
Json version(const std::vector<Version>& alle, std::size_t i) {
    const Version& v = alle[i];
    const auto til = sidste_dag(alle, i);
    Json j;
    j["gyldig_fra"] = v.gyldig_fra ? Json(v.gyldig_fra->iso()) : Json(nullptr);
    j["gyldig_til"] = til ? Json(til->iso()) : Json(nullptr);
    j["sha256"] = v.sha256;
    return j;
}

KommuneInfo describe(const Standard& s, const std::vector<Version>* versioner) {
    const StandardInfo& i = s.info();
    KommuneInfo k;
    k.kort = dump(head(i));
    Json j = head(i);
    Json vs = Json::array();
    if (versioner)
        for (std::size_t n = 0; n < versioner->size(); ++n) vs.push_back(version(*versioner, n));
    j["versioner"] = std::move(vs);
    Json beskrivelse = Json::array();
    for (const auto& [afsnit, tekst] : i.beskrivelse) beskrivelse.push_back({{"afsnit", afsnit}, {"tekst", tekst}});
    j["beskrivelse"] = std::move(beskrivelse);
    Json parametre = Json::array();
    for (const auto& p : i.parametre) parametre.push_back(parameter(p));
    j["parametre"] = std::move(parametre);
    Json regler = Json::array();
    for (const auto& r : s.rules())
        if (r.regel) regler.push_back(rule(r));
    j["regler"] = std::move(regler);
    k.fuld = dump(j) + "\n";
    return k;
}

} // namespace

std::map<std::string, KommuneInfo> laes_kommuner(const Sources& sources, const Katalog& katalog) {
    std::map<std::string, KommuneInfo> out;
    for (const auto& id : katalog.kendte()) {
        std::unique_ptr<Standard> s;
        try {
            s = Standard::load(sources, id);
            out[id] = describe(*s, katalog.versioner(id));
        } catch (...) {
            out[id].fejl = aktuel_fejl().besked;
            continue;
        }
        try {
            out[id].dokument = workbench::html(workbench::standard_dokument(*s));
        } catch (...) { // the document is a view of the standard; without it the standard still serves
        }
    }
    return out;
}

std::string kommuneliste(const std::map<std::string, KommuneInfo>& info, const std::vector<std::string>& kendte) {
    std::string out = "{\"kommuner\":[";
    bool first = true;
    for (const auto& id : kendte) {
        const auto it = info.find(id);
        if (it == info.end()) continue;
        if (!first) out += ',';
        first = false;
        if (it->second.fejl.empty()) out += it->second.kort;
        else out += dump(Json{{"id", id}, {"fejl", it->second.fejl}});
    }
    return out + "]}\n";
}

} // namespace kvalitet::server
