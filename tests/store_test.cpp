#include <catch2/catch.hpp>

#include <SQLiteCpp/Statement.h>

#include <filesystem>

#include "lua/error.hpp"
#include "store/case_store.hpp"
#include "store/demo_sager.hpp"
#include "domain/sag.hpp"

using namespace kvalitet;
namespace fs = std::filesystem;

namespace {
struct TempDb {
    fs::path path = fs::temp_directory_path() / ("kvalitet-store-" + std::to_string(::getpid()) + ".db");
    ~TempDb() {
        for (auto ext : {"", "-wal", "-shm"}) fs::remove(path.string() + ext);
    }
};
} // namespace

TEST_CASE("store: a new file gets the current schema in WAL mode") {
    TempDb t;
    CaseStore s(t.path.string());
    CHECK(s.schema_version() == CaseStore::kSchemaVersion);
    CHECK(s.db().execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(s.count_cases() == 0);
}

TEST_CASE("store: a file from a newer kvalitet is refused in Danish") {
    TempDb t;
    {
        CaseStore s(t.path.string());
        s.db().exec("PRAGMA user_version = 99");
    }
    CHECK_THROWS_WITH(CaseStore(t.path.string()), Catch::Contains("skemaversion 99"));
}

TEST_CASE("store: cases upsert by id; assessments are an append-only log") {
    TempDb t;
    CaseStore s(t.path.string());
    s.put_cases({{0, "a", "varde", "{\"id\":\"a\"}"}, {0, "b", "lejre", "{\"id\":\"b\"}"}});
    s.put_cases({{0, "a", "varde", "{\"id\":\"a\",\"x\":1}"}});
    CHECK(s.count_cases() == 2);
    auto all = s.read_cases(0, 10, "");
    REQUIRE(all.size() == 2);
    CHECK(all[0].json == "{\"id\":\"a\",\"x\":1}");
    CHECK(s.read_cases(0, 10, "lejre").size() == 1);
    CHECK(s.read_cases(all[0].nr, 10, "").size() == 1);

    s.add_assessments({{"a", "varde", "sha1", "2026-11-22", "{\"n\":1}"}});
    s.add_assessments({{"a", "varde", "sha1", "2026-11-23", "{\"n\":2}"}, {"b", "lejre", "sha2", "2026-11-22", "{\"n\":3}"}});
    CHECK(s.count_assessments() == 3);
    CHECK(s.has_assessment("a", "sha1", "2026-11-22"));
    CHECK_FALSE(s.has_assessment("a", "sha2", "2026-11-22"));
    std::vector<std::string> latest;
    s.latest_assessments([&](const std::string& j) { latest.push_back(j); });
    CHECK(latest == std::vector<std::string>{"{\"n\":2}", "{\"n\":3}"});
    CHECK_THROWS_WITH(s.db().exec("UPDATE vurderinger SET vurdering = '{}'"), Catch::Contains("revisionslog"));
    CHECK_THROWS_WITH(s.db().exec("DELETE FROM vurderinger"), Catch::Contains("revisionslog"));
    CHECK(s.count_assessments() == 3);
}

TEST_CASE("demo cases: deterministic, valid, and spread over all five municipalities") {
    const Dato ref = *Dato::parse("2026-11-22");
    CHECK(demo_sag(85, 7, ref) == demo_sag(85, 7, ref));
    CHECK(demo_sag(85, 7, ref) != demo_sag(86, 7, ref));
    std::map<std::string, int> per;
    int leverancer = 0;
    for (int i = 0; i < 500; ++i) {
        Sag s = Sag::from_json(demo_sag(85, std::uint64_t(i), ref));
        REQUIRE(s.kommune);
        ++per[*s.kommune];
        leverancer += int(s.leverancer.size());
    }
    CHECK(per.size() == 5);
    CHECK(leverancer > 500 * 5);
}
