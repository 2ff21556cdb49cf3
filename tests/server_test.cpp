// kvalitet server without a socket (issue 16): the router, the token, the queue, and the
// service answering requests as values. What the service answers is checked against the
// engine itself (Standard, ParallelAssessor), never against copied output.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <chrono>
#include <future>
#include <thread>
#include <sstream>
#include <unistd.h>

#include "engine/parallel.hpp"
#include "example_case.hpp"
#include "engine/standard.hpp"
#include "lua/error.hpp"
#include "server/arbejdere.hpp"
#include "server/ruter.hpp"
#include "server/tjeneste.hpp"
#include "server/token.hpp"

using namespace kvalitet;
using namespace kvalitet::server;
using Json = nlohmann::json;

namespace {

const Dato kDato = *Dato::parse("2026-11-22");

std::string one_line(std::string s) {
    return Json::parse(s).dump(); // the example file spans lines; NDJSON wants one
}

Anmodning post(std::string sti, std::string krop, Felter query = {}) {
    Anmodning a;
    a.metode = "POST";
    a.sti = std::move(sti);
    a.krop = std::move(krop);
    a.parametre = std::move(query);
    return a;
}

Anmodning get(std::string sti) {
    Anmodning a;
    a.metode = "GET";
    a.sti = std::move(sti);
    return a;
}

Indstillinger settings(unsigned traade = 0) {
    Indstillinger i;
    i.traade = traade;
    i.i_dag = [] { return kDato; };
    i.log = [](std::string_view) {};
    return i;
}

std::string body_of(Svar& s) {
    if (!s.stroem) return s.krop;
    std::string out;
    s.stroem([&](std::string_view d) {
        out += d;
        return true;
    });
    return out;
}

Json fejl_of(const Svar& s) {
    const Json j = Json::parse(s.krop);
    REQUIRE(j.contains("fejl"));
    return j["fejl"];
}

std::string expected_json(const std::string& kommune, const std::string& text) {
    auto standard = Standard::load(Sources::embedded(), kommune);
    Sag sag = Sag::from_json(text);
    Vurdering v = standard->vurder(sag, kDato);
    v.ignorerede_felter = sag.ignorerede_felter;
    return v.json() + "\n";
}

} // namespace

TEST_CASE("server router: each endpoint by its path, exactly") {
    CHECK(find_rute("/sundhed").rute == Rute::Sundhed);
    CHECK(find_rute("/metrics").rute == Rute::Metrics);
    CHECK(find_rute("/v1/kommuner").rute == Rute::Kommuner);
    const Match m = find_rute("/v1/kommuner/varde/vurdering");
    CHECK(m.rute == Rute::Vurdering);
    CHECK(m.id == "varde");
    CHECK(find_rute("/v1/kommuner/lejre/vurderinger").rute == Rute::Vurderinger);
    CHECK(find_rute("/v1/kommuner/lejre").rute == Rute::Kommune);
    CHECK(find_rute("/").rute == Rute::Side);
    CHECK(find_rute("/v1/sager", "POST").rute == Rute::NySag);
    CHECK(find_rute("/v1/sager", "GET").rute == Rute::Sager);
    CHECK(find_rute("/v1/sager", "HEAD").rute == Rute::Sager);
    CHECK(find_rute("/v1/sager", "DELETE").rute == Rute::Sager); // refused by its method after
    CHECK(tilladte(Rute::NySag) == "GET, POST");
    CHECK(find_rute("/v1/sager/s-1/vurderinger").id == "s-1");
    CHECK_FALSE(kraever_token(Rute::Side));
    CHECK(kraever_token(Rute::Genindlaes));
    for (const char* bad : {"", "//", "/v1", "/v1/kommuner/", "/v1/kommuner//vurdering", "/sundhed/",
                            "/v1/kommuner/varde/vurdering/x", "v1/kommuner", "/V1/kommuner"})
        CHECK(find_rute(bad).rute == Rute::Ukendt);
    CHECK(metode(Rute::Vurdering) == "POST");
    CHECK(metode(Rute::Kommuner) == "GET");
    CHECK_FALSE(kraever_token(Rute::Sundhed));
    CHECK(kraever_token(Rute::Metrics));
    CHECK(kraever_token(Rute::Ukendt));
}

TEST_CASE("server token: Bearer with the secret, nothing else") {
    const Token t("en-hemmelighed-paa-mindst-16");
    CHECK(t.tjek("Bearer en-hemmelighed-paa-mindst-16") == Adgang::Ok);
    CHECK(t.tjek("bearer en-hemmelighed-paa-mindst-16") == Adgang::Ok);
    CHECK(t.tjek("") == Adgang::Mangler);
    CHECK(t.tjek("Bearer en-hemmelighed-paa-mindst-1") == Adgang::Forkert);
    CHECK(t.tjek("Bearer en-hemmelighed-paa-mindst-166") == Adgang::Forkert);
    CHECK(t.tjek("Basic en-hemmelighed-paa-mindst-16") == Adgang::Forkert);
    CHECK(t.tjek("en-hemmelighed-paa-mindst-16") == Adgang::Forkert);

    const auto dir = std::filesystem::temp_directory_path() / ("kvalitet_server_token_test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "kort") << "kort\n";
    CHECK_THROWS_AS(Token::fra_fil(dir / "kort"), InputError);
    CHECK_THROWS_AS(Token::fra_fil(dir / "findes-ikke"), InputError);
    std::ofstream(dir / "god") << "  0123456789abcdef0123  \nanden linje\n";
    CHECK(Token::fra_fil(dir / "god").tjek("Bearer 0123456789abcdef0123") == Adgang::Ok);
    std::filesystem::remove_all(dir);
}

TEST_CASE("server workers: a full queue refuses instead of growing") {
    const auto u = laes_udgave(Sources::embedded(), 1, false);
    Arbejdere arbejdere(1, 1);
    std::promise<void> started, release;
    auto released = release.get_future().share();
    REQUIRE(arbejdere.proev(u, [&](StandardLager&) {
        started.set_value();
        released.wait();
    }));
    started.get_future().wait(); // the one worker is busy
    std::promise<void> second_ran;
    REQUIRE(arbejdere.proev(u, [&](StandardLager&) { second_ran.set_value(); })); // takes the one place
    CHECK(arbejdere.i_koe() == 1);
    CHECK_FALSE(arbejdere.proev(u, [](StandardLager&) {}));
    release.set_value();
    second_ran.get_future().wait();
    CHECK(arbejdere.proev(u, [](StandardLager&) {}));
}

TEST_CASE("server: one case gives the engine's assessment, as JSON or text") {
    Tjeneste t(Sources::embedded(), settings());
    const std::string sag = example_case();
    Svar s = t.haandter(post("/v1/kommuner/varde/vurdering", sag, {{"dato", "2026-11-22"}}));
    CHECK(s.status == 200);
    CHECK(s.type == "application/json");
    CHECK(s.krop == expected_json("varde", sag));
    CHECK(s.log->sag_id == Sag::from_json(sag).id);
    CHECK(s.log->kommune == "varde");

    Svar tekst = t.haandter(post("/v1/kommuner/varde/vurdering", sag, {{"format", "tekst"}}));
    CHECK(tekst.status == 200);
    CHECK(tekst.type.rfind("text/plain", 0) == 0);
    auto standard = Standard::load(Sources::embedded(), "varde");
    CHECK(tekst.krop == standard->vurder(Sag::from_json(sag), kDato).tekst()); // no ?dato: i_dag

    Svar kort = t.haandter(post("/v1/kommuner/varde/vurdering", sag, {{"spor", "ingen"}}));
    Vurdering v = standard->vurder(Sag::from_json(sag), kDato);
    v.spor_niveau = SporNiveau::Ingen;
    CHECK(kort.krop == v.json() + "\n");
    CHECK(kort.krop != s.krop);
}

TEST_CASE("server: a case the request gets wrong is a 4xx with the contract's error object") {
    Tjeneste t(Sources::embedded(), settings());
    const std::string sag = example_case();

    Svar s = t.haandter(post("/v1/kommuner/varde/vurdering", "{\"id\": \"x1\", \"borger\": "));
    CHECK(s.status == 400);
    CHECK(fejl_of(s)["kode"] == "ugyldig_json");
    CHECK(Json::parse(s.krop)["sag_id"] == "x1");

    s = t.haandter(post("/v1/kommuner/varde/vurdering", "{\"id\": \"x2\", \"borger\": {\"alder\": -1}}"));
    CHECK(s.status == 400);
    CHECK(fejl_of(s)["kode"] == "ugyldigt_felt");
    CHECK(fejl_of(s)["felt"] == "borger.alder");

    s = t.haandter(post("/v1/kommuner/lejre/vurdering", "{\"id\": \"x3\", \"kommune\": \"varde\"}"));
    CHECK(s.status == 400);
    CHECK(fejl_of(s)["kode"] == "kommune_forskellig");
    CHECK(fejl_of(s)["besked"].get<std::string>().find("/v1/kommuner/varde") != std::string::npos);
    // no path to point to for a municipality the service does not know
    s = t.haandter(post("/v1/kommuner/lejre/vurdering", "{\"id\": \"x4\", \"kommune\": \"aarhus\"}"));
    CHECK(fejl_of(s)["kode"] == "kommune_forskellig");
    CHECK(fejl_of(s)["besked"].get<std::string>().find("/v1/kommuner/aarhus") == std::string::npos);
    CHECK(fejl_of(s)["besked"].get<std::string>().find("kender tjenesten ikke") != std::string::npos);

    s = t.haandter(post("/v1/kommuner/aarhus/vurdering", sag));
    CHECK(s.status == 404);
    CHECK(fejl_of(s)["kode"] == "ukendt_kommune");

    s = t.haandter(post("/v1/kommuner/varde/vurdering", sag, {{"dato", "2026-02-30"}}));
    CHECK(s.status == 400);
    CHECK(fejl_of(s)["kode"] == "ugyldig_dato");
    CHECK(fejl_of(s)["felt"] == "dato");

    s = t.haandter(post("/v1/kommuner/varde/vurdering", sag, {{"datoo", "2026-11-22"}}));
    CHECK(s.status == 400);
    CHECK(fejl_of(s)["kode"] == "ukendt_parameter");

    s = t.haandter(post("/v1/kommuner/varde/vurdering", sag, {{"format", "xml"}}));
    CHECK(s.status == 400);
    CHECK(fejl_of(s)["felt"] == "format");

    s = t.haandter(post("/v1/kommuner/varde/vurdering", sag, {{"spor", "lang"}}));
    CHECK(s.status == 400);
    CHECK(fejl_of(s)["felt"] == "spor");

    s = t.haandter(post("/v1/kommuner/varde/vurdering", sag, {{"dato", "2026-11-22"}, {"dato", "2026-11-23"}}));
    CHECK(s.status == 400);
    CHECK(fejl_of(s)["kode"] == "ugyldig_parameter");

    s = t.haandter(post("/v1/kommuner/varde/vurdering", "{\"id\": \"x4\", \"forhold\": {\"motivret\": true}}",
                        {{"streng", "true"}}));
    CHECK(s.status == 400);
    CHECK(fejl_of(s)["kode"] == "ukendt_felt");

    s = t.haandter(post("/v1/kommuner/varde/vurdering", std::string((1 << 20) + 1, ' ')));
    CHECK(s.status == 413);
    CHECK(fejl_of(s)["kode"] == "for_stor");
}

TEST_CASE("server: route, method and announced size are refused before the body") {
    Tjeneste t(Sources::embedded(), settings());
    Anmodning a = get("/v1/findes-ikke");
    REQUIRE(t.foer_krop(a));
    CHECK(t.foer_krop(a)->status == 404);
    CHECK(fejl_of(*t.foer_krop(a))["kode"] == "ukendt_sti");

    a = get("/v1/kommuner/varde/vurdering");
    REQUIRE(t.foer_krop(a));
    CHECK(t.foer_krop(a)->status == 405);
    CHECK(t.foer_krop(a)->hoveder == Felter{{"Allow", "POST"}});

    a = post("/v1/kommuner/varde/vurdering", "");
    a.laengde = (std::size_t(1) << 20) + 1;
    REQUIRE(t.foer_krop(a));
    CHECK(t.foer_krop(a)->status == 413);
    a.sti = "/v1/kommuner/varde/vurderinger"; // NDJSON takes more
    CHECK_FALSE(t.foer_krop(a));

    a = get("/v1/kommuner");
    a.metode = "HEAD";
    CHECK_FALSE(t.foer_krop(a));
}

TEST_CASE("server: the token guards every route but /sundhed") {
    Indstillinger i = settings();
    i.token = Token("0123456789abcdef-token");
    Tjeneste t(Sources::embedded(), std::move(i));

    Svar s = t.haandter(get("/v1/kommuner"));
    CHECK(s.status == 401);
    CHECK(fejl_of(s)["kode"] == "mangler_token");
    CHECK(s.hoveder.at(0).first == "WWW-Authenticate");

    Anmodning a = get("/v1/kommuner");
    a.hoveder = {{"authorization", "Bearer forkert-forkert-forkert"}};
    s = t.haandter(a);
    CHECK(s.status == 401);
    CHECK(fejl_of(s)["kode"] == "forkert_token");

    a.hoveder = {{"Authorization", "Bearer 0123456789abcdef-token"}};
    s = t.haandter(a);
    CHECK(s.status == 200);
    CHECK(Json::parse(s.krop)["kommuner"].size() == kommuner(Sources::embedded()).size());

    CHECK(t.haandter(get("/sundhed")).status == 200);
    CHECK(t.haandter(get("/findes-ikke")).status == 401); // unknown paths are not told apart
}

TEST_CASE("server: NDJSON gives the batch's lines, a bad line its error object, and goes on") {
    Indstillinger i = settings(2);
    i.parti = 2; // several parts, so order across workers is exercised
    Tjeneste t(Sources::embedded(), std::move(i));
    const std::string good = one_line(example_case());
    const std::vector<std::string> input{good, "{\"id\": \"d\", \"vum\": 1}", "", good, "ikke json", good + "\r"};
    std::string body;
    for (const auto& l : input) body += l + "\n";
    Svar s = t.haandter(post("/v1/kommuner/varde/vurderinger", body, {{"dato", "2026-11-22"}}));
    REQUIRE(s.status == 200);
    CHECK(s.type == "application/x-ndjson");
    const std::string out = body_of(s);

    // The batch assessor (vurder --ndjson) on the same lines is the oracle.
    const Sources embedded = Sources::embedded(); // outlives the assessor, which keeps a reference
    ParallelAssessor oracle(embedded, 1);
    std::vector<Opgave> opgaver;
    std::vector<std::size_t> nr;
    for (std::size_t k = 0; k < input.size(); ++k) {
        std::string l = input[k];
        if (!l.empty() && l.back() == '\r') l.pop_back();
        if (l.empty()) continue;
        opgaver.push_back({l, "varde", k + 1});
        nr.push_back(k + 1);
    }
    const auto u = oracle.assess(opgaver, kDato);
    std::istringstream lines(out);
    std::string line;
    std::size_t k = 0;
    for (; std::getline(lines, line); ++k) {
        REQUIRE(k < u.size());
        if (u[k].ok()) {
            CHECK(line == u[k].vurdering_json);
        } else {
            const Json j = Json::parse(line);
            CHECK(j["fejl"]["kode"] == u[k].kode);
            CHECK(j["fejl"]["besked"] == u[k].fejl);
            CHECK(j["linje"] == nr[k]);
        }
    }
    CHECK(k == u.size());
    // a syntax error's position is the body's line, as "linje" is
    CHECK_THAT(out, Catch::Contains("ugyldig JSON i linje 5, kolonne 1") && Catch::Contains("\"linje\":5"));
    CHECK(s.log->linjer == u.size());
    CHECK(s.log->fejl_linjer == 2);
}

TEST_CASE("server: 503 with Retry-After while every place in the queue is taken") {
    Indstillinger i = settings(1);
    i.pladser = 1;
    Tjeneste t(Sources::embedded(), std::move(i));
    std::promise<void> started, release;
    auto released = release.get_future().share();
    REQUIRE(t.arbejdere().proev(t.udgave(), [&](StandardLager&) {
        started.set_value();
        released.wait();
    }));
    started.get_future().wait();
    std::promise<void> second_ran;
    REQUIRE(t.arbejdere().proev(t.udgave(), [&](StandardLager&) { second_ran.set_value(); }));

    Svar s = t.haandter(post("/v1/kommuner/varde/vurdering", example_case()));
    CHECK(s.status == 503);
    CHECK(fejl_of(s)["kode"] == "optaget");
    CHECK(s.hoveder == Felter{{"Retry-After", "1"}});
    s = t.haandter(post("/v1/kommuner/varde/vurderinger", one_line(example_case()) + "\n"));
    CHECK(s.status == 503);
    CHECK_FALSE(s.stroem);
    release.set_value();
    second_ran.get_future().wait(); // the queue is empty again: a job leaves it before it runs
    CHECK(t.haandter(post("/v1/kommuner/varde/vurdering", example_case())).status == 200);
    CHECK(t.metrikker().tekst({0, 1, 0, 0}).find("kvalitet_afvist_optaget_total 2\n") != std::string::npos);
}

TEST_CASE("server: metrics count requests, assessments and errors; the log holds no case content") {
    std::vector<std::string> log;
    Indstillinger i = settings();
    i.log = [&](std::string_view l) { log.emplace_back(l); };
    Tjeneste t(Sources::embedded(), std::move(i));
    const std::string secret =
        "{\"id\": \"log-1\", \"borger\": {\"foedselsdato\": \"1961-07-04\"}, \"hemmelig\": \"Jensen\"}";
    Anmodning a = post("/v1/kommuner/varde/vurdering", secret);
    Svar s = t.haandter(a);
    REQUIRE(s.status == 200);
    t.afslut(a.metode, s.status, *s.log, std::chrono::microseconds(1500), a.krop.size(), s.krop.size());
    Svar bad = t.haandter(post("/v1/kommuner/varde/vurdering", "{"));
    t.afslut("POST", bad.status, *bad.log, std::chrono::milliseconds(20), 1, bad.krop.size());

    REQUIRE(log.size() == 2);
    const Json l = Json::parse(log[0]);
    CHECK(l["rute"] == "/v1/kommuner/{id}/vurdering");
    CHECK(l["kommune"] == "varde");
    CHECK(l["status"] == 200);
    CHECK(l["sag_id"] == "log-1");
    CHECK(l["us"] == 1500);
    CHECK(log[0].find("Jensen") == std::string::npos);
    CHECK(log[0].find("1961") == std::string::npos);
    CHECK(Json::parse(log[1])["fejl"] == "ugyldig_json");

    const std::string m = t.metrikker().tekst({0, 64, 0, 0});
    CHECK(m.find("kvalitet_http_anmodninger_total{rute=\"/v1/kommuner/{id}/vurdering\",status=\"200\"} 1\n") !=
          std::string::npos);
    CHECK(m.find("kvalitet_http_anmodninger_total{rute=\"/v1/kommuner/{id}/vurdering\",status=\"400\"} 1\n") !=
          std::string::npos);
    // 1.5 ms falls in the 2.5 ms bucket, 20 ms in the 25 ms one; +Inf holds both.
    CHECK(m.find("kvalitet_http_varighed_sekunder_bucket{rute=\"/v1/kommuner/{id}/vurdering\",le=\"0.001\"} 0\n") !=
          std::string::npos);
    CHECK(m.find("kvalitet_http_varighed_sekunder_bucket{rute=\"/v1/kommuner/{id}/vurdering\",le=\"0.0025\"} 1\n") !=
          std::string::npos);
    CHECK(m.find("kvalitet_http_varighed_sekunder_bucket{rute=\"/v1/kommuner/{id}/vurdering\",le=\"0.025\"} 2\n") !=
          std::string::npos);
    CHECK(m.find("kvalitet_http_varighed_sekunder_count{rute=\"/v1/kommuner/{id}/vurdering\"} 2\n") != std::string::npos);
    CHECK(m.find("kvalitet_vurderinger_total{kommune=\"varde\"} 1\n") != std::string::npos);
    CHECK(m.find("kvalitet_fejl_total{kode=\"ugyldig_json\"} 1\n") != std::string::npos);

    Svar metrics = t.haandter(get("/metrics"));
    CHECK(metrics.status == 200);
    CHECK(metrics.type.rfind("text/plain; version=0.0.4", 0) == 0);
}

TEST_CASE("server: the municipalities as the engine loads them") {
    Tjeneste t(Sources::embedded(), settings());
    const Json liste = Json::parse(t.haandter(get("/v1/kommuner")).krop);
    const auto ids = kommuner(Sources::embedded());
    REQUIRE(liste["kommuner"].size() == ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        auto s = Standard::load(Sources::embedded(), ids[i]);
        CHECK(liste["kommuner"][i]["id"] == ids[i]);
        CHECK(liste["kommuner"][i]["sha256"] == s->info().sha256);
        const Json one = Json::parse(t.haandter(get("/v1/kommuner/" + ids[i])).krop);
        CHECK(one["titel"] == s->info().titel);
        CHECK(one["parametre"].size() == s->info().parametre.size());
        std::size_t regler = 0;
        for (const auto& r : s->rules()) regler += r.regel != nullptr;
        CHECK(one["regler"].size() == regler);
    }
    CHECK(t.haandter(get("/v1/kommuner/aarhus")).status == 404);
    const Json lejre = Json::parse(t.haandter(get("/v1/kommuner/lejre")).krop);
    CHECK(lejre["versioner"].size() == versioner(Sources::embedded(), "lejre").size());
    const Json sundhed = Json::parse(t.haandter(get("/sundhed")).krop);
    CHECK(sundhed["status"] == "ok");
}

// A version's last day is what `kvalitet kommuner` says: the day before the next version
// starts, when it declares no gyldig_til of its own (the fixture testby: 2025 and 2026).
TEST_CASE("server: a version that a newer one follows ends the day before it") {
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / ("kvalitet-server-versioner-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
    for (const char* tree : {"dsl", "stdlib"})
        fs::copy(fs::path(KVALITET_SOURCE_DIR) / tree, root / tree, fs::copy_options::recursive);
    fs::copy(KVALITET_SOURCE_DIR "/tests/fixtures/versioner/municipalities", root / "municipalities", fs::copy_options::recursive);
    {
        Tjeneste t(Sources::directory(root), settings());
        const Json testby = Json::parse(t.haandter(get("/v1/kommuner/testby")).krop);
        INFO(testby["versioner"].dump());
        REQUIRE(testby["versioner"].size() == 2);
        CHECK(testby["versioner"][0]["gyldig_fra"] == "2025-01-01");
        CHECK(testby["versioner"][0]["gyldig_til"] == "2025-12-31");
        CHECK(testby["versioner"][1]["gyldig_fra"] == "2026-01-01");
        CHECK(testby["versioner"][1]["gyldig_til"].is_null());
    }
    fs::remove_all(root);
}

// Bodies reserve their share as they arrive: two that fit alone but not together reach the
// limit together. The first to find no room waits for the other's share; the other is
// refused at once and gives its share back, so one of them is read whole (both were refused
// when each gave up at the limit; from an attack).
TEST_CASE("of two bodies at the limit together, the first to wait gets the other's share") {
    std::atomic<std::size_t> i_brug{0};
    std::atomic<bool> venter{false};
    Kropkvote a(i_brug, 64, venter), b(i_brug, 64, venter);
    REQUIRE(a.tag(40));
    REQUIRE(b.tag(20));
    CHECK_FALSE(a.tag(10));
    auto vent = std::async(std::launch::async, [&] { return a.vent_og_tag(10); });
    while (!venter.load()) std::this_thread::yield(); // a waits
    CHECK_FALSE(b.vent_og_tag(10)); // not a second waiter: refused at once
    b.slip();
    CHECK(vent.get());
    CHECK(a.holder() == 50);
    CHECK(i_brug.load() == 50);
    CHECK_FALSE(venter.load());
    // a small body does not wait: refused at once (not held 2 s behind a stalled client)
    Kropkvote c(i_brug, 64, venter);
    const auto t0 = std::chrono::steady_clock::now();
    CHECK_FALSE(c.vent_og_tag(20));
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(1500)); // the wait is 2 s
    // nobody gives back: the wait ends, without the room, after its time
    CHECK_FALSE(a.vent_og_tag(20));
    CHECK(i_brug.load() == 50);
}
