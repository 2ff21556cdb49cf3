// kvalitet server's case store (issue 16, --db): POST /v1/sager stores a case as
// `kvalitet db importer` does, GET /v1/sager/{id} gives it back, …/vurderinger reads the
// audit log `kvalitet db vurder` writes; every refusal has its kode and status.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "server/tjeneste.hpp"
#include "store/case_store.hpp"
#include "store/import_json.hpp"

using namespace kvalitet;
using namespace kvalitet::server;
using Json = nlohmann::json;

namespace {

Indstillinger with_db(const std::string& db) {
    Indstillinger i;
    i.traade = 0;
    i.log = [](std::string_view) {};
    i.db = db;
    return i;
}

Anmodning request(std::string metode, std::string sti, std::string krop = {}, Felter query = {}) {
    Anmodning a;
    a.metode = std::move(metode);
    a.sti = std::move(sti);
    a.krop = std::move(krop);
    a.parametre = std::move(query);
    return a;
}

std::string kode(const Svar& s) { return Json::parse(s.krop)["fejl"]["kode"]; }

} // namespace

TEST_CASE("server case store: store, read back, list, the log, and each refusal") {
    const auto dir = std::filesystem::temp_directory_path() / ("kvalitet-server-sager-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string db = (dir / "sager.db").string();
    {
        Tjeneste t(Sources::embedded(), with_db(db));
        const std::string sag = "{\"id\": \"s-1\",\n \"kommune\": \"varde\", \"borger\": {\"alder\": 40}}";
        Svar s = t.haandter(request("POST", "/v1/sager", sag));
        REQUIRE(s.status == 201);
        const Json gemt = Json::parse(s.krop);
        CHECK(gemt["id"] == "s-1");
        CHECK(gemt["ny"] == true);
        CHECK(t.haandter(request("POST", "/v1/sager", sag)).status == 200); // the same id again: replaced

        s = t.haandter(request("GET", "/v1/sager/s-1"));
        CHECK(s.status == 200);
        CHECK(s.krop == compact_json(sag) + "\n"); // stored as `db importer` stores it

        // The store the CLI reads is the same file: what the server stored, it sees.
        CaseStore store(db, CaseStore::Access::ReadOnly);
        const auto c = store.read_case("s-1");
        REQUIRE(c);
        CHECK(c->sha256 == gemt["sha256"]);
        CHECK(Json::parse(t.haandter(request("GET", "/v1/sager/s-1/vurderinger")).krop)["vurderinger"].empty());

        CaseStore(db).add_assessments({{"s-1", c->sha256, "varde", "abc", "2026-11-22", R"({"sag_id":"s-1"})"}});
        const Json log = Json::parse(t.haandter(request("GET", "/v1/sager/s-1/vurderinger")).krop);
        REQUIRE(log["vurderinger"].size() == 1);
        CHECK(log["vurderinger"][0]["vurderingsdato"] == "2026-11-22");
        CHECK(log["vurderinger"][0]["vurdering"]["sag_id"] == "s-1");

        REQUIRE(t.haandter(request("POST", "/v1/sager", R"({"id": "s-2", "kommune": "lejre"})")).status == 201);
        Json liste = Json::parse(t.haandter(request("GET", "/v1/sager")).krop);
        CHECK(liste["sager"].size() == 2);
        liste = Json::parse(t.haandter(request("GET", "/v1/sager", {}, {{"kommune", "lejre"}})).krop);
        REQUIRE(liste["sager"].size() == 1);
        CHECK(liste["sager"][0]["id"] == "s-2");
        liste = Json::parse(t.haandter(request("GET", "/v1/sager", {}, {{"antal", "1"}})).krop);
        CHECK(liste["sager"].size() == 1);
        const auto naeste = std::to_string(liste["naeste"].get<std::int64_t>());
        liste = Json::parse(t.haandter(request("GET", "/v1/sager", {}, {{"efter", naeste}})).krop);
        REQUIRE(liste["sager"].size() == 1);
        CHECK(liste["sager"][0]["id"] == "s-2");
        CHECK(liste["naeste"].is_null());

        // A journal number with a '/' is one segment, written %2F, and can be read back.
        REQUIRE(t.haandter(request("POST", "/v1/sager", R"({"id": "2026/123", "kommune": "varde"})")).status == 201);
        s = t.haandter(request("GET", "/v1/sager/2026%2F123"));
        CHECK(s.status == 200);
        CHECK(Json::parse(s.krop)["id"] == "2026/123");
        CHECK(t.haandter(request("GET", "/v1/sager/2026%2f123/vurderinger")).status == 200);
        CHECK(t.haandter(request("GET", "/v1/sager/2026/123")).status == 404); // two segments: no such route
        CHECK(t.haandter(request("GET", "/v1/sager/%zz")).status == 404);      // not a %XX: no route either
        CHECK(t.haandter(request("POST", "/v1/sager", R"({"id": "s-2", "kommune": "lejre"})")).status == 200);

        // A parameter a route does not take is refused by name, not ignored: ?streng=true on
        // POST /v1/sager stored a case with an unknown field.
        s = t.haandter(request("POST", "/v1/sager", R"({"id": "s-9", "kommune": "varde", "zzz": 1})", {{"streng", "true"}}));
        CHECK(s.status == 400);
        CHECK(kode(s) == "ukendt_parameter");
        CHECK(Json::parse(s.krop)["fejl"]["felt"] == "streng");
        CHECK(t.haandter(request("GET", "/v1/sager/s-9")).status == 404); // not stored
        for (const auto& [sti, navn] : std::vector<std::pair<std::string, std::string>>{
                 {"/v1/sager/s-1/vurderinger", "dato"}, {"/v1/kommuner/varde/dokument", "format"}, {"/v1/kommuner", "x"}}) {
            INFO(sti);
            s = t.haandter(request("GET", sti, {}, {{navn, "1"}}));
            CHECK(s.status == 400);
            CHECK(Json::parse(s.krop)["fejl"]["felt"] == navn);
            CHECK(Json::parse(s.krop)["fejl"]["besked"].get<std::string>().find("tager ingen parametre") != std::string::npos);
        }
        s = t.haandter(request("GET", "/v1/sager", {}, {{"foo", "1"}}));
        CHECK(kode(s) == "ukendt_parameter");
        CHECK(Json::parse(s.krop)["fejl"]["felt"] == "foo");

        s = t.haandter(request("GET", "/v1/sager/findes-ikke"));
        CHECK(s.status == 404);
        CHECK(kode(s) == "ukendt_sag");
        CHECK(t.haandter(request("GET", "/v1/sager/findes-ikke/vurderinger")).status == 404);
        s = t.haandter(request("POST", "/v1/sager", R"({"kommune": "varde"})"));
        CHECK(s.status == 400);
        CHECK(Json::parse(s.krop)["fejl"]["felt"] == "id");
        s = t.haandter(request("POST", "/v1/sager", R"({"id": "s-3"})"));
        CHECK(Json::parse(s.krop)["fejl"]["felt"] == "kommune");
        s = t.haandter(request("POST", "/v1/sager", R"({"id": "s-3", "kommune": "aarhus"})"));
        CHECK(s.status == 404);
        CHECK(kode(s) == "ukendt_kommune");
        s = t.haandter(request("POST", "/v1/sager", R"({"id": "s-3", "kommune": "varde", "borger": {"alder": -1}})"));
        CHECK(s.status == 400);
        CHECK(kode(s) == "ugyldigt_felt");
        CHECK(kode(t.haandter(request("POST", "/v1/sager", "{"))) == "ugyldig_json");
        CHECK(kode(t.haandter(request("GET", "/v1/sager", {}, {{"antal", "0"}}))) == "ugyldig_parameter");
        CHECK(kode(t.haandter(request("GET", "/v1/sager", {}, {{"side", "2"}}))) == "ukendt_parameter");
        s = t.haandter(request("DELETE", "/v1/sager"));
        CHECK(s.status == 405);
        CHECK(s.hoveder == Felter{{"Allow", "GET, POST"}});
        CHECK(Json::parse(t.haandter(request("GET", "/sundhed")).krop)["sagsdatabase"] == true);
    }
    std::filesystem::remove_all(dir);

    Indstillinger uden;
    uden.traade = 0;
    uden.log = [](std::string_view) {};
    Tjeneste t(Sources::embedded(), std::move(uden));
    const Svar s = t.haandter(request("GET", "/v1/sager/s-1"));
    CHECK(s.status == 404);
    CHECK(kode(s) == "ingen_sagsdatabase");
}
