// kvalitet server's reload (issue 16): the standards read again from the disk are taken only
// when no municipality that served fails to load or fails its own tests; otherwise the old
// ones go on assessing and /sundhed says why. The answers are checked against the engine
// loading the same files, never against copied output.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>

#include "engine/standard.hpp"
#include "server/tjeneste.hpp"
#include "test_tree.hpp"

using namespace kvalitet;
using namespace kvalitet::server;
using Json = nlohmann::json;

namespace {

Indstillinger quiet() {
    Indstillinger i;
    i.traade = 0;
    i.i_dag = [] { return *Dato::parse("2026-11-22"); };
    i.log = [](std::string_view) {};
    return i;
}

Anmodning request(std::string metode, std::string sti, std::string krop = {}) {
    Anmodning a;
    a.metode = std::move(metode);
    a.sti = std::move(sti);
    a.krop = std::move(krop);
    return a;
}

// A test of its own for "testby": a child is outside the target group (the national rule).
void write_test(const test::TestTree& tree, bool forvent_i_maalgruppe) {
    const auto dir = tree.root / "municipalities" / "testby" / "tests";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "alder.lua") << "test { navn = \"et barn\", dato = \"2026-11-22\", sag = { borger = { alder = 10 } },\n"
                                     << "  forvent = { maalgruppe = { i_maalgruppe = "
                                     << (forvent_i_maalgruppe ? "true" : "false") << " } } }\n";
}

const std::string kSag = R"({"id": "g-1", "borger": {"alder": 10}})";

} // namespace

TEST_CASE("server reload: a broken standard or a failing test keeps the old standards") {
    test::TestTree tree("server-genindlaes");
    const Sources sources = tree.write("testby", "-- første udgave\n");
    write_test(tree, false);
    Tjeneste t(sources, quiet());
    const Svar foer = t.haandter(request("POST", "/v1/kommuner/testby/vurdering", kSag));
    REQUIRE(foer.status == 200);
    const std::string sha1 = Json::parse(foer.krop)["standard"]["sha256"];

    SECTION("a script that does not load") {
        tree.write("testby", "kvalitetsstandard {\n"); // now a syntax error
        Svar s = t.haandter(request("POST", "/v1/admin/genindlaes"));
        CHECK(s.status == 422);
        const Json f = Json::parse(s.krop)["fejl"];
        CHECK(f["kode"] == "genindlaesning_afvist");
        CHECK(f["besked"].get<std::string>().find("testby") != std::string::npos);
    }
    SECTION("a standard whose own test now fails") {
        write_test(tree, true);
        CHECK(t.haandter(request("POST", "/v1/admin/genindlaes")).status == 422);
    }
    // The old standard still assesses, byte for byte as before; /sundhed says what happened.
    CHECK(t.haandter(request("POST", "/v1/kommuner/testby/vurdering", kSag)).krop == foer.krop);
    const Json h = Json::parse(t.haandter(request("GET", "/sundhed")).krop);
    CHECK(h["status"] == "ok");
    CHECK(h["udgave"] == 1);
    CHECK(h["genindlaesning"]["taget"] == false);
    REQUIRE(h["genindlaesning"]["fejl"].size() == 1);
    CHECK(h["genindlaesning"]["fejl"][0]["kommune"] == "testby");
}

TEST_CASE("server reload: a sound new standard is taken, and what passed serves after later edits") {
    test::TestTree tree("server-genindlaes-ny");
    const Sources sources = tree.write("testby", "-- første udgave\n");
    write_test(tree, false);
    Tjeneste t(sources, quiet());
    const std::string foer = t.haandter(request("POST", "/v1/kommuner/testby/vurdering", kSag)).krop;

    tree.write("testby", "-- anden udgave\n");
    const Svar s = t.haandter(request("POST", "/v1/admin/genindlaes"));
    REQUIRE(s.status == 200);
    CHECK(Json::parse(s.krop)["udgave"] == 2);
    const auto ny = Standard::load(Sources::directory(tree.root), "testby");
    const std::string efter = t.haandter(request("POST", "/v1/kommuner/testby/vurdering", kSag)).krop;
    CHECK(efter != foer);
    CHECK(Json::parse(efter)["standard"]["sha256"] == ny->info().sha256);
    CHECK(Json::parse(t.haandter(request("GET", "/v1/kommuner")).krop)["kommuner"][0]["sha256"] == ny->info().sha256);

    // The udgave in use was read into memory: breaking the file now changes nothing.
    tree.write("testby", "kvalitetsstandard {\n");
    CHECK(t.haandter(request("POST", "/v1/kommuner/testby/vurdering", kSag)).krop == efter);
    const Json h = Json::parse(t.haandter(request("GET", "/sundhed")).krop);
    CHECK(h["udgave"] == 2);
    CHECK(h["genindlaesning"]["taget"] == true);
}
