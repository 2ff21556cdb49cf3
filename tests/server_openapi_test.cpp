// GET /v1/openapi.json (issue 16): OpenAPI 3.1 that names every route the router knows with
// its method, and nothing else; whose Sag and Vurdering are the files in docs/schema as they
// are now; and whose every $ref resolves.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "server/openapi.hpp"
#include "server/ruter.hpp"
#include "server/tjeneste.hpp"
#include "server/token.hpp"

using namespace kvalitet;
using namespace kvalitet::server;
using Json = nlohmann::json;

namespace {

Json read_json(const std::string& rel) {
    std::ifstream in(KVALITET_SOURCE_DIR "/" + rel, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return Json::parse(ss.str());
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Every "$ref" under `j`, with the schema resource it sits in (the nearest object with
// "$id"): "#/$defs/…" resolves there, "#/components/…" in the whole document.
void each_ref(const Json& j, const Json* resource, const std::function<void(const std::string&, const Json&)>& f) {
    if (j.is_object()) {
        if (j.contains("$id")) resource = &j;
        for (const auto& [k, v] : j.items()) {
            if (k == "$ref" && v.is_string()) f(v.get<std::string>(), *resource);
            else each_ref(v, resource, f);
        }
    } else if (j.is_array()) {
        for (const auto& v : j) each_ref(v, resource, f);
    }
}

} // namespace

TEST_CASE("server OpenAPI: every route, the schemas of docs/schema, every reference resolves") {
    const Json doc = Json::parse(openapi_json());
    CHECK(doc["openapi"] == "3.1.0");
    CHECK(doc["info"]["version"] == KVALITET_VERSION);

    std::set<std::string> want;
    for (Rute r : alle_ruter()) {
        const std::string p(skabelon(r));
        want.insert(p);
        INFO(p << " " << metode(r));
        REQUIRE(doc["paths"].contains(p));
        REQUIRE(doc["paths"][p].contains(lower(metode(r))));
        const Json& op = doc["paths"][p][lower(metode(r))];
        CHECK_FALSE(op["summary"].get<std::string>().empty());
        CHECK(op["responses"].contains("200"));
        CHECK(op["responses"]["default"]["content"]["application/json"]["schema"]["$ref"] == "#/components/schemas/Fejl");
        // A route that wants the token says so; /sundhed and the page do not.
        CHECK(op["security"][0].contains("bearer") == kraever_token(r));
        if (p.find("{id}") != std::string::npos) CHECK(op["parameters"][0]["in"] == "path");
    }
    std::set<std::string> got;
    for (const auto& [p, v] : doc["paths"].items()) got.insert(p);
    CHECK(got == want); // nothing described that the router does not know

    CHECK(doc["components"]["schemas"]["Sag"] == read_json("docs/schema/sag.schema.json"));
    CHECK(doc["components"]["schemas"]["Vurdering"] == read_json("docs/schema/vurdering.schema.json"));

    std::size_t refs = 0;
    each_ref(doc, &doc, [&](const std::string& ref, const Json& resource) {
        INFO(ref);
        REQUIRE(ref.rfind("#/", 0) == 0);
        const Json& base = ref.rfind("#/components/", 0) == 0 ? doc : resource;
        CHECK(base.contains(Json::json_pointer(ref.substr(1))));
        ++refs;
    });
    CHECK(refs > 20);
}

TEST_CASE("server OpenAPI: served on GET /v1/openapi.json as built") {
    Indstillinger i;
    i.traade = 0;
    i.log = [](std::string_view) {};
    Tjeneste t(Sources::embedded(), std::move(i));
    Anmodning a;
    a.metode = "GET";
    a.sti = "/v1/openapi.json";
    const Svar s = t.haandter(a);
    CHECK(s.status == 200);
    CHECK(s.type == "application/json");
    CHECK(s.krop == openapi_json());
}

// What the service answers when a request goes wrong on each route (a bad parameter, no
// token, an unknown id, a broken body, no case store) is described on that route: the
// status, and the code among that status's codes.
TEST_CASE("server OpenAPI: every error a route answers is described on that route") {
    const Json doc = Json::parse(openapi_json());
    const std::string token = "0123456789abcdef0123456789abcdef";
    Indstillinger i;
    i.traade = 0;
    i.log = [](std::string_view) {};
    i.token = Token(token);
    Tjeneste t(Sources::embedded(), std::move(i));
    std::size_t checked = 0;
    for (Rute r : alle_ruter()) {
        const std::string p(skabelon(r));
        const Json& op = doc["paths"][p][lower(metode(r))];
        auto ask = [&](const std::string& id, Felter parametre, std::string krop, bool auth) {
            Anmodning a;
            a.metode = std::string(metode(r));
            a.sti = p;
            if (const auto at = a.sti.find("{id}"); at != std::string::npos) a.sti.replace(at, 4, id);
            a.parametre = std::move(parametre);
            if (auth) a.hoveder.push_back({"Authorization", "Bearer " + token});
            a.krop = std::move(krop);
            a.laengde = a.krop.size();
            const Svar s = t.haandter(a);
            if (s.status < 400) return;
            INFO(a.metode << " " << a.sti << " → " << s.status << " " << s.krop);
            const std::string kode = Json::parse(s.krop)["fejl"]["kode"];
            REQUIRE(op["responses"].contains(std::to_string(s.status)));
            const std::string beskrivelse = op["responses"][std::to_string(s.status)]["description"];
            CHECK(beskrivelse.find(kode) != std::string::npos);
            ++checked;
        };
        const std::string sag = R"({"id": "s", "kommune": "varde", "borger": {"alder": 40}})";
        ask("varde", {{"zzz", "1"}}, sag, true);        // a parameter no route knows
        ask("varde", {}, sag, false);                   // no token
        ask("findes_ikke", {}, sag, true);              // an unknown municipality or case
        ask("varde", {}, "{", true);                    // a broken body
        ask("varde", {{"dato", "2026-02-30"}}, sag, true); // a date that is not one
        ask("varde", {}, R"({"id": "s", "kommune": "aarhus"})", true);
    }
    CHECK(checked > 30);
}
