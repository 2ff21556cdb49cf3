#include "server/openapi.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "server/fejl_svar.hpp"
#include "server/indlejret.hpp"
#include "server/ruter.hpp"

namespace kvalitet::server {

namespace {

using Json = nlohmann::ordered_json;

Json schema_fil(std::string_view sti) {
    const auto text = indlejret::fil(sti);
    return text ? Json::parse(*text) : Json::object();
}

Json ref(std::string_view navn) { return {{"$ref", "#/components/schemas/" + std::string(navn)}}; }

Json indhold(std::string_view type, Json schema) { return {{std::string(type), {{"schema", std::move(schema)}}}}; }

Json svar(std::string beskrivelse, std::string_view type = {}, Json schema = {}) {
    Json j{{"description", std::move(beskrivelse)}};
    if (!type.empty()) j["content"] = indhold(type, std::move(schema));
    return j;
}

Json query(std::string navn, std::string beskrivelse, Json schema) {
    return {{"name", std::move(navn)}, {"in", "query"}, {"required", false}, {"description", std::move(beskrivelse)},
            {"schema", std::move(schema)}};
}

Json dato_param(std::string navn, std::string beskrivelse) {
    return query(std::move(navn), std::move(beskrivelse), {{"type", "string"}, {"format", "date"}});
}

Json enum_param(std::string navn, std::string beskrivelse, std::vector<std::string> vaerdier) {
    return query(std::move(navn), std::move(beskrivelse), {{"type", "string"}, {"enum", std::move(vaerdier)}});
}

// The codes a route can answer with (docs/server.md's table, narrowed to the route), by
// the status http_status gives each: what a client generated from this document must handle.
std::map<int, std::vector<std::string_view>> fejlsvar(Rute r) {
    const bool krop = r == Rute::Vurdering || r == Rute::Vurderinger || r == Rute::NySag;
    const bool vurder = r == Rute::Vurdering || r == Rute::Vurderinger;
    const bool sager = r == Rute::Sager || r == Rute::NySag || r == Rute::Sag || r == Rute::SagVurderinger;
    std::vector<std::string_view> koder{"ugyldig_parameter", "ukendt_parameter", "ugyldig_anmodning",
                                        "intern_fejl",       "optaget",          "lukker",            "ikke_nok_hukommelse"};
    auto add = [&](std::initializer_list<std::string_view> k) { koder.insert(koder.end(), k); };
    if (kraever_token(r)) add({"mangler_token", "forkert_token"});
    if (krop)
        add({"ugyldig_json", "ugyldigt_felt", "ukendt_felt", "dubleret_felt", "for_dyb", "for_lang_liste", "for_mange_felter",
             "for_lang_tekst", "for_stor", "ugyldigt_input"});
    if (vurder) add({"ugyldig_dato", "kommune_forskellig", "ukendt_version", "budget_overskredet"});
    if (vurder || r == Rute::Kommune || r == Rute::Dokument || r == Rute::NySag || r == Rute::Sager) add({"ukendt_kommune"});
    if (vurder) add({"script_fejl"});
    if (sager) add({"ingen_sagsdatabase", "sagsdatabase_fejl"});
    if (r == Rute::Sag || r == Rute::SagVurderinger) add({"ukendt_sag"});
    if (r == Rute::Genindlaes) add({"genindlaesning_afvist"});
    std::map<int, std::vector<std::string_view>> out;
    for (auto k : koder) out[http_status(k)].push_back(k);
    // A standard that cannot be loaded at all is the service's fault, not the request's.
    if (vurder || r == Rute::Kommune || r == Rute::Dokument) out[500].push_back("script_fejl");
    return out;
}

// What each route does, said once; the paths and methods come from the router.
Json operation(Rute r) {
    const Json fejl_json = indhold("application/json", ref("Fejl"));
    Json op;
    Json params = Json::array();
    Json svar_ok;
    auto id_param = [&](std::string beskrivelse) {
        params.push_back({{"name", "id"}, {"in", "path"}, {"required", true}, {"description", std::move(beskrivelse)},
                          {"schema", {{"type", "string"}}}});
    };
    const Json vurder_params = Json::array(
        {dato_param("dato", "vurderingsdatoen (standard: dagens dato på serverens ur, UTC)"),
         dato_param("standard_dato", "vurder efter den version af standarden, der gjaldt denne dag"),
         enum_param("spor", "hvor meget spor vurderingen har (som vurder --spor)", {"fuld", "kort", "ingen"}),
         enum_param("streng", "true: et felt, sagens skema ikke kender, er fejlen ukendt_felt", {"true", "false"})});
    switch (r) {
    case Rute::Side:
        op["summary"] = "Siden til sagsbehandlere og fagfolk: vælg kommune og dato, indsæt en sag, se vurderingen";
        svar_ok = svar("siden (HTML, uden eksterne kald)", "text/html", {{"type", "string"}});
        break;
    case Rute::Sundhed:
        op["summary"] = "Lever serveren, og kunne standarderne indlæses (kræver aldrig token)";
        svar_ok = svar("status", "application/json", ref("Sundhed"));
        break;
    case Rute::Metrics:
        op["summary"] = "Tællerne i Prometheus' tekstformat";
        svar_ok = svar("målinger", "text/plain", {{"type", "string"}});
        break;
    case Rute::OpenApi:
        op["summary"] = "Denne beskrivelse (OpenAPI 3.1)";
        svar_ok = svar("beskrivelsen", "application/json", {{"type", "object"}});
        break;
    case Rute::Kommuner:
        op["summary"] = "Kommunerne med titel, godkendelse, kilde og sha256";
        svar_ok = svar("kommunerne", "application/json", ref("Kommuner"));
        break;
    case Rute::Kommune:
        op["summary"] = "Én kommunes standard: versioner, beskrivelse, parametre og regler med kilde";
        id_param("kommunens id");
        svar_ok = svar("standarden", "application/json", ref("Kommune"));
        break;
    case Rute::Dokument:
        op["summary"] = "Standarden som læsbart dokument, som kvalitet dokument skriver det";
        id_param("kommunens id");
        svar_ok = svar("dokumentet (HTML)", "text/html", {{"type", "string"}});
        break;
    case Rute::Vurdering:
        op["summary"] = "Én sag ind, dens vurdering ud (byte for byte som kvalitet vurder --kommune ID)";
        id_param("kommunen, hvis standard vurderer sagen");
        for (const auto& p : vurder_params) params.push_back(p);
        params.push_back(enum_param("format", "json (standard) eller den danske tekst", {"json", "tekst"}));
        op["requestBody"] = {{"required", true}, {"content", indhold("application/json", ref("Sag"))}};
        svar_ok = svar("vurderingen", "application/json", ref("Vurdering"));
        svar_ok["content"]["text/plain"] = {{"schema", {{"type", "string"}}}};
        break;
    case Rute::Vurderinger:
        op["summary"] = "NDJSON ind (én sag pr. linje), NDJSON ud: én vurdering eller ét fejlobjekt pr. linje";
        id_param("kommunen, hvis standard vurderer sagerne");
        for (const auto& p : vurder_params) params.push_back(p);
        op["requestBody"] = {{"required", true}, {"content", indhold("application/x-ndjson", ref("Sag"))}};
        svar_ok = svar("én linje pr. sag i samme rækkefølge", "application/x-ndjson",
                       {{"oneOf", Json::array({ref("Vurdering"), ref("Fejl")})}});
        break;
    case Rute::Sager:
        op["summary"] = "Sagerne i sagsdatabasen (--db), i den rækkefølge de blev gemt";
        params.push_back(query("kommune", "kun denne kommunes sager", {{"type", "string"}}));
        params.push_back(query("efter", "sider: naeste fra forrige svar", {{"type", "integer"}, {"minimum", 0}}));
        params.push_back(query("antal", "højst så mange (standard 100)", {{"type", "integer"}, {"minimum", 1}, {"maximum", 1000}}));
        svar_ok = svar("sags-id'erne", "application/json", ref("Sagsliste"));
        break;
    case Rute::NySag:
        op["summary"] = "Gem en sag i sagsdatabasen (en ny, eller erstat sagen med samme id)";
        // The store keeps a case by its id and municipality: both required here.
        op["requestBody"] = {{"required", true},
                             {"content", indhold("application/json",
                                                 {{"allOf", Json::array({ref("Sag"), {{"required", Json::array({"id", "kommune"})}}})}})}};
        svar_ok = svar("sagen er erstattet", "application/json", ref("GemtSag"));
        op["responses"]["201"] = svar("sagen er ny", "application/json", ref("GemtSag"));
        break;
    case Rute::Sag:
        op["summary"] = "Én gemt sag";
        id_param("sagens id");
        svar_ok = svar("sagen, som den er gemt", "application/json", ref("Sag"));
        break;
    case Rute::SagVurderinger:
        op["summary"] = "Sagens vurderinger i revisionsloggen, ældste først";
        id_param("sagens id");
        svar_ok = svar("vurderingerne", "application/json", ref("SagensVurderinger"));
        break;
    case Rute::Genindlaes:
        op["summary"] = "Indlæs standarderne igen; de nye tages kun i brug, hvis ingen kommune, der virkede, "
                        "fejler at indlæse eller i sine tests (som SIGHUP)";
        svar_ok = svar("de nye standarder vurderer nu", "application/json",
                       {{"type", "object"}, {"properties", {{"genindlaest", {{"type", "boolean"}}}, {"udgave", {{"type", "integer"}}}}}});
        break;
    case Rute::Ukendt:
        break;
    }
    if (!params.empty()) op["parameters"] = std::move(params);
    op["responses"]["200"] = std::move(svar_ok);
    for (const auto& [status, koder] : fejlsvar(r)) {
        std::string liste;
        for (auto k : koder) liste += (liste.empty() ? "" : ", ") + std::string(k);
        op["responses"][std::to_string(status)] = {{"description", "fejlobjektet; kode: " + liste}, {"content", fejl_json}};
    }
    op["responses"]["default"] = {{"description", "fejl: kontraktens fejlobjekt med den HTTP-status, koden har "
                                                  "(docs/server.md, docs/fejlkoder.md)"},
                                  {"content", fejl_json}};
    if (kraever_token(r)) op["security"] = Json::array({{{"bearer", Json::array()}}});
    else op["security"] = Json::array({Json::object()});
    return op;
}

Json komponenter() {
    Json s;
    // The schemas as docs/schema has them, $id and $defs included: their own "#/$defs/…"
    // references resolve inside each (OpenAPI 3.1 is JSON Schema 2020-12).
    s["Sag"] = schema_fil("docs/schema/sag.schema.json");
    s["Vurdering"] = schema_fil("docs/schema/vurdering.schema.json");
    s["Fejl"] = {
        {"type", "object"},
        {"required", Json::array({"fejl"})},
        {"properties",
         {{"fejl",
           {{"type", "object"},
            {"required", Json::array({"kode", "besked"})},
            {"properties",
             {{"kode", {{"type", "string"}, {"description", "stabil kode (docs/fejlkoder.md)"}}},
              {"besked", {{"type", "string"}, {"description", "på dansk"}}},
              {"felt", {{"type", "string"}, {"description", "JSON-stien til feltet eller parameteren"}}}}}}},
          {"linje", {{"type", "integer"}}},
          {"sag_id", {{"type", "string"}}}}}};
    const Json tekst{{"type", "string"}};
    s["Kommuner"] = {{"type", "object"},
                     {"properties", {{"kommuner", {{"type", "array"}, {"items", ref("KommuneKort")}}}}}};
    s["KommuneKort"] = {{"type", "object"},
                        {"required", Json::array({"id"})},
                        {"properties",
                         {{"id", tekst}, {"titel", tekst}, {"godkendt", {{"type", Json::array({"string", "null"})}}}, {"kilde", tekst},
                          {"revideres", tekst}, {"sha256", tekst}, {"fejl", tekst}}}};
    s["Kommune"] = {{"allOf", Json::array({ref("KommuneKort"),
                                           {{"type", "object"},
                                            {"properties",
                                             {{"versioner", {{"type", "array"}}},
                                              {"beskrivelse", {{"type", "array"}}},
                                              {"parametre", {{"type", "array"}}},
                                              {"regler", {{"type", "array"}}}}}}})}};
    s["Sundhed"] = {{"type", "object"},
                    {"required", Json::array({"status"})},
                    {"properties",
                     {{"status", {{"enum", Json::array({"ok", "delvis"})}}},
                      {"version", tekst},
                      {"kommuner", {{"type", "integer"}}},
                      {"standarder_med_fejl", {{"type", "array"}, {"items", tekst}}},
                      {"udgave", {{"type", "integer"}}},
                      {"genindlaesning", {{"type", "object"}}},
                      {"sagsdatabase", {{"type", "boolean"}}},
                      {"sagsdatabase_fejl", tekst},
                      {"traade", {{"type", "integer"}}},
                      {"i_koe", {{"type", "integer"}}},
                      {"pladser", {{"type", "integer"}}}}}};
    s["Sagsliste"] = {{"type", "object"},
                      {"properties",
                       {{"sager",
                         {{"type", "array"},
                          {"items",
                           {{"type", "object"},
                            {"properties",
                             {{"id", tekst}, {"kommune", tekst}, {"nr", {{"type", "integer"}}}, {"sha256", tekst}}}}}}},
                        {"naeste", {{"type", Json::array({"integer", "null"})}}}}}};
    s["GemtSag"] = {{"type", "object"},
                    {"properties", {{"id", tekst}, {"kommune", tekst}, {"sha256", tekst}, {"ny", {{"type", "boolean"}}}}}};
    s["SagensVurderinger"] = {
        {"type", "object"},
        {"properties",
         {{"sag_id", tekst},
          {"vurderinger",
           {{"type", "array"},
            {"items",
             {{"type", "object"},
              {"properties",
               {{"vurderingsdato", tekst},
                {"kommune", tekst},
                {"standard_sha256", tekst},
                {"sag_sha256", {{"type", Json::array({"string", "null"})}}},
                {"vurdering", ref("Vurdering")}}}}}}}}}};
    return s;
}

std::string byg() {
    Json doc;
    doc["openapi"] = "3.1.0";
    doc["info"] = {{"title", "Kvalitet"},
                   {"version", KVALITET_VERSION},
                   {"description", "Kommunernes kvalitetsstandarder for socialpædagogisk støtte (SEL § 85) som "
                                   "HTTP/JSON-tjeneste: samme motor, samme JSON og samme fejlobjekt som "
                                   "kvalitet vurder (docs/server.md)."}};
    Json paths = Json::object();
    for (Rute r : alle_ruter()) {
        std::string m(metode(r));
        for (auto& c : m) c = char(std::tolower(static_cast<unsigned char>(c)));
        paths[std::string(skabelon(r))][m] = operation(r);
    }
    doc["paths"] = std::move(paths);
    doc["components"]["schemas"] = komponenter();
    doc["components"]["securitySchemes"]["bearer"] = {
        {"type", "http"}, {"scheme", "bearer"}, {"description", "tokenet fra serverens --token-fil"}};
    return doc.dump() + "\n";
}

} // namespace

std::string_view openapi_json() {
    static const std::string doc = byg();
    return doc;
}

} // namespace kvalitet::server
