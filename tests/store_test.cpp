#include <catch2/catch.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <array>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <latch>
#include <sstream>
#include <thread>

#include "lua/error.hpp"
#include "domain/sag.hpp"
#include "domain/sha256.hpp"
#include "store/case_store.hpp"
#include "store/demo_rapport.hpp"
#include "store/demo_sager.hpp"
#include "store/import_json.hpp"
#include "store/run_lock.hpp"

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

TEST_CASE("store: a negative schema version, set outside kvalitet, is refused for every access") {
    // Migrating from it indexed before the migration steps (a helper's -100 crashed init).
    for (int v : {-1, -100, -2147483647 - 1}) {
        TempDb t;
        {
            CaseStore s(t.path.string());
            s.db().exec(fmt::format("PRAGMA user_version = {}", v));
        }
        CHECK_THROWS_WITH(CaseStore(t.path.string()), Catch::Contains(fmt::format("skemaversion {}, som ingen kvalitet skriver", v)));
        CHECK_THROWS_WITH(CaseStore(t.path.string(), CaseStore::Access::ReadOnly), Catch::Contains("som ingen kvalitet skriver"));
    }
}

TEST_CASE("store: a file with a second hard link is refused, since SQLite keeps a log per name") {
    TempDb t;
    { CaseStore made(t.path.string()); }
    const auto other = t.path.string() + ".link";
    fs::create_hard_link(t.path, other);
    CHECK_THROWS_WITH(CaseStore(t.path.string()), Catch::Contains("2 hårde links"));
    CHECK_THROWS_WITH(CaseStore(other, CaseStore::Access::ReadOnly), Catch::Contains("2 hårde links"));
    fs::remove(other);
    CHECK_NOTHROW(CaseStore(t.path.string()));
}

TEST_CASE("store: cases upsert by id; assessments are an append-only log") {
    TempDb t;
    CaseStore s(t.path.string());
    s.put_cases({{0, "a", "varde", "{\"id\":\"a\"}", {}}, {0, "b", "lejre", "{\"id\":\"b\"}", {}}});
    s.put_cases({{0, "a", "varde", "{\"id\":\"a\",\"x\":1}", {}}});
    CHECK(s.count_cases() == 2);
    auto all = s.read_cases(0, 10, "");
    REQUIRE(all.size() == 2);
    CHECK(all[0].json == "{\"id\":\"a\",\"x\":1}");
    CHECK(s.read_cases(0, 10, "lejre").size() == 1);
    CHECK(s.read_cases(all[0].nr, 10, "").size() == 1);

    s.add_assessments({{"a", "ca", "varde", "sha1", "2026-11-22", "{\"sag_id\":\"a\",\"n\":1}"}});
    s.add_assessments({{"a", "ca", "varde", "sha1", "2026-11-23", "{\"sag_id\":\"a\",\"n\":2}"},
                       {"b", "cb", "lejre", "sha2", "2026-11-22", "{\"sag_id\":\"b\",\"n\":3}"}});
    CHECK(s.count_assessments() == 3);
    CHECK(s.has_assessment("a", "ca", "sha1", "2026-11-22"));
    CHECK_FALSE(s.has_assessment("a", "ca", "sha2", "2026-11-22"));
    std::vector<std::string> latest;
    s.latest_assessments([&](const std::string& j) { latest.push_back(j); });
    CHECK(latest == std::vector<std::string>{"{\"sag_id\":\"a\",\"n\":2}", "{\"sag_id\":\"b\",\"n\":3}"});
    CHECK_THROWS_WITH(s.db().exec("UPDATE vurderinger SET vurdering = '{}'"), Catch::Contains("revisionslog"));
    CHECK_THROWS_WITH(s.db().exec("DELETE FROM vurderinger"), Catch::Contains("revisionslog"));
    CHECK(s.count_assessments() == 3);
}

TEST_CASE("store: an import commits batch by batch; one stopped midway keeps its whole batches") {
    TempDb t;
    CaseStore s(t.path.string());
    auto sag = [](int i) {
        const std::string id = "s" + std::to_string(i);
        return StoredCase{0, id, "varde", "{\"id\":\"" + id + "\",\"fyld\":\"" + std::string(1000, 'x') + "\"}", {}};
    };
    { // 1,020 bytes a case, a batch past 10,000: 10 cases a batch; 25 cases, never committed
        CaseStore::Import import(s, 10'000);
        for (int i = 0; i < 25; ++i) CHECK(import.add(sag(i)) == CaseStore::Import::Udfald::Ny);
    }
    CHECK(s.count_cases() == 20); // two whole batches; the third rolled back
    {
        CaseStore::Import import(s, 10'000);
        for (int i = 0; i < 25; ++i)
            CHECK(import.add(sag(i)) == (i < 20 ? CaseStore::Import::Udfald::Uaendret : CaseStore::Import::Udfald::Ny));
        CHECK(import.add(sag(3)) == CaseStore::Import::Udfald::IgenIImporten); // across a commit
        import.commit();
    }
    CHECK(s.count_cases() == 25);
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

// --- Hardening (issue 18, finding 9) ---

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A schema-1 file as kvalitet 1 left it: in WAL mode, holding `rows` assessments.
void make_v1_database(const std::string& path, const std::vector<std::array<const char*, 4>>& rows) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("CREATE TABLE sager (id TEXT PRIMARY KEY, kommune TEXT NOT NULL, sag TEXT NOT NULL, opdateret TEXT NOT NULL);"
            "CREATE INDEX sager_kommune ON sager(kommune);"
            "CREATE TABLE vurderinger (nr INTEGER PRIMARY KEY, sag_id TEXT NOT NULL, kommune TEXT NOT NULL,"
            " standard_sha256 TEXT NOT NULL, motor_version TEXT NOT NULL, vurderingsdato TEXT NOT NULL,"
            " vurdering TEXT NOT NULL, oprettet TEXT NOT NULL);"
            "CREATE INDEX vurderinger_sag ON vurderinger(sag_id, nr);"
            "CREATE TRIGGER vurderinger_aendres_ikke BEFORE UPDATE ON vurderinger"
            " BEGIN SELECT RAISE(ABORT, 'vurderinger er en revisionslog og ændres aldrig'); END;"
            "CREATE TRIGGER vurderinger_slettes_ikke BEFORE DELETE ON vurderinger"
            " BEGIN SELECT RAISE(ABORT, 'vurderinger er en revisionslog og slettes aldrig'); END;"
            "INSERT INTO sager VALUES ('a', 'varde', '{\"id\":\"a\"}', 'x');"
            "PRAGMA user_version = 1;");
    for (const auto& r : rows) {
        SQLite::Statement st(db, "INSERT INTO vurderinger(sag_id, kommune, standard_sha256, motor_version, "
                                 "vurderingsdato, vurdering, oprettet) VALUES (?, 'varde', ?, '0.1', ?, ?, 'x')");
        st.bind(1, r[0]);
        st.bind(2, r[1]);
        st.bind(3, r[2]);
        st.bind(4, r[3]);
        st.exec();
    }
}
} // namespace

TEST_CASE("store: a newer schema is refused before anything is written to the file") {
    TempDb t;
    { CaseStore made(t.path.string()); }
    {
        SQLite::Database db(t.path.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
    }
    const std::string before = slurp(t.path);
    CHECK_THROWS_WITH(CaseStore(t.path.string()), Catch::Contains("skemaversion 99"));
    CHECK(slurp(t.path) == before); // not switched to WAL (that rewrites the header)
    CHECK_FALSE(fs::exists(t.path.string() + "-wal"));
    SQLite::Database db(t.path.string());
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "delete");
}

TEST_CASE("store: eight connections creating one new file at once all succeed") {
    for (int trial = 0; trial < 10; ++trial) {
        TempDb t;
        constexpr int n = 8;
        std::latch start(n);
        std::vector<std::string> errors(n);
        std::vector<std::thread> threads;
        for (int i = 0; i < n; ++i)
            threads.emplace_back([&, i] {
                start.arrive_and_wait();
                try {
                    CaseStore s(t.path.string());
                    s.put_cases({{0, "a" + std::to_string(i), "varde", "{}", {}}});
                } catch (const std::exception& e) {
                    errors[std::size_t(i)] = e.what();
                }
            });
        for (auto& th : threads) th.join();
        for (const auto& e : errors) CHECK(e == "");
        CaseStore s(t.path.string());
        CHECK(s.schema_version() == CaseStore::kSchemaVersion);
        CHECK(s.count_cases() == n);
    }
}

TEST_CASE("store: the same assessment identity is stored once, however often it is offered") {
    TempDb t;
    CaseStore s(t.path.string());
    const AssessmentRow row{"a", "casesha1", "varde", "sha1", "2026-11-22", "{\"n\":1}"};
    CHECK(s.add_assessments({row, row}) == 1);
    CHECK(s.add_assessments({row}) == 0);
    CHECK(s.count_assessments() == 1);
    CHECK(s.has_assessment("a", "casesha1", "sha1", "2026-11-22"));
    CHECK_FALSE(s.has_assessment("a", "casesha2", "sha1", "2026-11-22")); // the case changed
    auto changed = row;
    changed.sag_sha256 = "casesha2";
    CHECK(s.add_assessments({changed}) == 1);
    // A second connection (another process) cannot add it either.
    CaseStore other(t.path.string());
    CHECK(other.add_assessments({row, changed}) == 0);
    CHECK(s.count_assessments() == 2);
    // Every new row names the case version, so the index covers all of them.
    CHECK_THROWS_WITH(s.db().exec("INSERT INTO vurderinger(sag_id, kommune, standard_sha256, motor_version, "
                                  "vurderingsdato, vurdering, oprettet) VALUES ('a','v','s','m','d','{}','o')"),
                      Catch::Contains("sha256"));
}

// From an attack (3/12): a file that passed as ours ran whatever SQL a trigger or a view
// added by hand held (a recursive query without end hung the commands). The schema must be
// what the migrations made: an object added, replaced by another kind, changed or taken away
// is refused before anything is read, read-only too.
TEST_CASE("store: a schema changed outside kvalitet is refused, naming what differs") {
    const std::vector<std::pair<const char*, const char*>> changes{
        {"CREATE TRIGGER ond BEFORE INSERT ON sager BEGIN SELECT 1; END;", "har trigger 'ond', som kvalitet ikke har lavet"},
        {"CREATE VIEW v AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c;",
         "har view 'v', som kvalitet ikke har lavet"},
        {"ALTER TABLE sager RENAME TO sager_gammel; CREATE VIEW sager AS SELECT * FROM sager_gammel;", "som kvalitet ikke har lavet"},
        {"DROP INDEX vurderinger_identitet;", "har ikke længere index 'vurderinger_identitet', som kvalitet lavede"},
        // a second attack: a trigger given one of SQLite's own names, and tables whose SQL
        // changed behind the same name (a CHECK that costs, ids that compare without case)
        {"PRAGMA writable_schema = ON; INSERT INTO sqlite_master VALUES ('trigger', 'sqlite_x', 'sager', 0, "
         "'CREATE TRIGGER sqlite_x BEFORE INSERT ON sager BEGIN SELECT 1; END'); PRAGMA writable_schema = OFF;",
         "har trigger 'sqlite_x', som kvalitet ikke har lavet"},
        {"PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(sql, 'id        TEXT PRIMARY KEY', "
         "'id TEXT PRIMARY KEY COLLATE NOCASE') WHERE name = 'sager'; PRAGMA writable_schema = OFF;",
         "har table 'sager', som kvalitet ikke har lavet (eller som er ændret)"},
        {"DROP INDEX sager_kommune; CREATE INDEX sager_kommune ON sager(lower(kommune));",
         "har index 'sager_kommune', som kvalitet ikke har lavet (eller som er ændret)"},
        {"DROP TRIGGER vurderinger_slettes_ikke; CREATE TRIGGER vurderinger_slettes_ikke BEFORE DELETE ON vurderinger "
         "BEGIN SELECT 1; END;",
         "har trigger 'vurderinger_slettes_ikke', som kvalitet ikke har lavet (eller som er ændret)"},
    };
    for (const auto& [sql, said] : changes) {
        INFO(sql);
        TempDb t;
        { CaseStore made(t.path.string()); }
        {
            SQLite::Database db(t.path.string(), SQLite::OPEN_READWRITE);
            db.exec(sql);
        }
        for (auto access : {CaseStore::Access::ReadWrite, CaseStore::Access::ReadOnly})
            CHECK_THROWS_WITH(CaseStore(t.path.string(), access),
                              Catch::Contains("sagsdatabasens skema er ændret uden for kvalitet") && Catch::Contains(said));
    }
    // put back as kvalitet made it (blanks aside): accepted
    TempDb t;
    { CaseStore made(t.path.string()); }
    {
        SQLite::Database db(t.path.string(), SQLite::OPEN_READWRITE);
        db.exec("DROP TRIGGER vurderinger_slettes_ikke; CREATE TRIGGER vurderinger_slettes_ikke BEFORE DELETE ON "
                "vurderinger BEGIN SELECT RAISE(ABORT, 'vurderinger er en revisionslog og slettes aldrig'); END;");
    }
    CHECK_NOTHROW(CaseStore(t.path.string()));
}

TEST_CASE("store: cases carry the sha256 of their stored text") {
    TempDb t;
    CaseStore s(t.path.string());
    s.put_cases({{0, "a", "varde", "{\"id\":\"a\"}", {}}});
    auto cases = s.read_cases(0, 10, "");
    REQUIRE(cases.size() == 1);
    CHECK(cases[0].sha256 == sha256_hex("{\"id\":\"a\"}"));
}

TEST_CASE("store: a schema-1 file is migrated, and its duplicate rows are kept, not deleted") {
    TempDb t;
    make_v1_database(t.path.string(), {{"a", "s", "2026-11-22", "{\"sag_id\":\"a\",\"n\":1}"},
                                       {"a", "s", "2026-11-22", "{\"sag_id\":\"a\",\"n\":1}"},
                                       {"a", "s", "2026-11-23", "{\"sag_id\":\"a\",\"n\":2}"}});
    CaseStore s(t.path.string());
    CHECK(s.schema_version() == CaseStore::kSchemaVersion);
    CHECK(s.count_assessments() == 3);
    CHECK(s.count_old_duplicates() == 1);
    auto cases = s.read_cases(0, 10, "");
    REQUIRE(cases.size() == 1);
    CHECK(cases[0].sha256 == sha256_hex("{\"id\":\"a\"}")); // computed: not stored before schema 2
    // Old rows say nothing about the case version, so they do not count as this one's.
    CHECK_FALSE(s.has_assessment("a", cases[0].sha256, "s", "2026-11-22"));
}

TEST_CASE("store: read-only access never creates, writes or migrates the file") {
    TempDb t;
    CHECK_THROWS_WITH(CaseStore(t.path.string(), CaseStore::Access::ReadOnly), Catch::Contains("findes ikke"));
    CHECK_FALSE(fs::exists(t.path));

    make_v1_database(t.path.string(), {{"a", "s", "2026-11-22", "{\"sag_id\":\"a\",\"n\":1}"}});
    CaseStore r(t.path.string(), CaseStore::Access::ReadOnly);
    CHECK(sqlite3_db_readonly(r.db().getHandle(), "main") == 1);
    CHECK(r.schema_version() == 1); // not migrated
    CHECK(r.count_assessments() == 1);
    CHECK_NOTHROW(r.check_integrity());
    CHECK_THROWS(r.db().exec("CREATE TABLE y(z)"));
}

TEST_CASE("store: quick_check reports a damaged file in Danish") {
    TempDb t;
    {
        CaseStore s(t.path.string());
        std::vector<StoredCase> cases;
        for (int i = 0; i < 2000; ++i)
            cases.push_back({0, "sag-" + std::to_string(i), "varde", std::string(300, 'x'), {}});
        s.put_cases(cases);
    } // closed: the WAL is checkpointed into the file
    {
        std::fstream f(t.path, std::ios::in | std::ios::out | std::ios::binary);
        const std::string garbage(16384 * 2, '\x5a');
        f.seekp(16384 * 3); // past the header and the schema page, into the tables' pages
        f.write(garbage.data(), std::streamsize(garbage.size()));
    }
    CaseStore r(t.path.string(), CaseStore::Access::ReadOnly);
    CHECK_THROWS_WITH(r.check_integrity(), Catch::Contains("databasen er beskadiget"));
}

TEST_CASE("store: one run lock per database; a killed holder does not keep it") {
    TempDb t;
    const std::string lock_file = RunLock::lock_path(t.path.string());
    {
        RunLock first(t.path.string());
        CHECK_THROWS_WITH(RunLock(t.path.string()), Catch::Contains("en anden kørsel af 'db vurder' er i gang") &&
                                                         Catch::Contains(std::to_string(::getpid())));
    }
    CHECK_NOTHROW(RunLock(t.path.string())); // released when its holder goes

    const pid_t child = ::fork();
    if (child == 0) {
        RunLock held(t.path.string());
        ::raise(SIGKILL); // dies holding it, as kill -9 would leave it
        ::_exit(1);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    CHECK_NOTHROW(RunLock(t.path.string()));
    fs::remove(lock_file);
}

TEST_CASE("import: an array element and an NDJSON line store the same text") {
    const std::string line = R"({"id":"a","kommune":"varde","borger":{"alder":70,"navn":"A  B"}})";
    const std::string array = "[\n  {\n    \"id\": \"a\",\n    \"kommune\": \"varde\",\n"
                              "    \"borger\": { \"alder\": 70, \"navn\": \"A  B\" }\n  },\n  {\"id\": \"b, ]}\"}\n]\n";
    std::vector<JsonArraySplitter::Element> got;
    JsonArraySplitter split;
    auto each = [&](JsonArraySplitter::Element& e) { got.push_back(e); };
    std::size_t n = 0;
    std::istringstream in(array);
    for (std::string l; std::getline(in, l);) split.feed_line(l, ++n, each);
    split.finish(n, each);
    REQUIRE(got.size() == 2);
    CHECK(got[0].fejl == "");
    CHECK(got[0].nr == 1);
    CHECK(got[0].linje == 2);
    CHECK(got[0].kolonne == 3); // after the indentation: a syntax error's column counts from there
    CHECK(compact_json(got[0].text) == compact_json(line));
    CHECK(compact_json(line) == line); // whitespace inside strings is kept
    CHECK(got[1].nr == 2);
    CHECK(got[1].linje == 7);
    CHECK(got[1].kolonne == 3);
    CHECK(compact_json(got[1].text) == R"({"id":"b, ]}"})");
}

TEST_CASE("import: a broken array is reported element by element, in bounded memory") {
    auto split_all = [](const std::vector<std::string>& lines, std::size_t max = 1 << 20) {
        std::vector<JsonArraySplitter::Element> got;
        JsonArraySplitter split(max);
        auto each = [&](JsonArraySplitter::Element& e) { got.push_back(e); };
        std::size_t n = 0;
        for (const auto& l : lines) split.feed_line(l, ++n, each);
        split.finish(n, each);
        return got;
    };
    auto truncated = split_all({"[{\"id\":\"a\"},", "{\"id\":\"b\""});
    REQUIRE(truncated.size() == 3);
    CHECK(truncated[0].fejl == "");
    CHECK(truncated[1].fejl == "elementet slutter ikke: filen er afkortet");
    CHECK(truncated[1].linje == 2);
    CHECK(truncated[2].fejl.find("']' mangler") != std::string::npos);

    auto empty = split_all({"[1,,2,]"});
    REQUIRE(empty.size() == 4);
    CHECK(empty[1].nr == 2);
    CHECK(empty[1].fejl.find("tomt element") != std::string::npos);
    CHECK(empty[3].fejl.find("tomt element") != std::string::npos);

    auto big = split_all({"[\"" + std::string(5000, 'x') + "\", 2]"}, 1000);
    REQUIRE(big.size() == 2);
    CHECK(big[0].fejl.find("større end") != std::string::npos);
    CHECK(big[0].text.empty());
    CHECK(big[1].text == "2");

    auto after = split_all({"[1] 2"});
    REQUIRE(after.size() == 2);
    CHECK(after[1].fejl.find("efter arrayets afslutning") != std::string::npos);

    // A closer of the wrong kind, or a text left open at the end of its line, costs only its
    // own element: those after it are found (they were swallowed, and "']' mangler" said).
    auto mismatch = split_all({"[", R"({"id":"g1","x":[1, 2},)", R"({"id":"g2"},)", R"({"id":"g3"})", "]"});
    REQUIRE(mismatch.size() == 3);
    CHECK(mismatch[0].text == R"({"id":"g1","x":[1, 2})");
    CHECK(mismatch[1].text == R"({"id":"g2"})");
    CHECK(compact_json(mismatch[2].text) == R"({"id":"g3"})");
    CHECK(mismatch[2].linje == 4);
    for (const auto& e : mismatch) CHECK(e.fejl == "");

    auto open_text = split_all({"[", R"({"id":"i1","x":"abc},)", R"({"id":"i2"})", "]"});
    REQUIRE(open_text.size() == 2);
    CHECK(open_text[0].text == R"({"id":"i1","x":"abc},)");
    CHECK(compact_json(open_text[1].text) == R"({"id":"i2"})");
    CHECK(open_text[1].nr == 2);
    for (const auto& e : open_text) CHECK(e.fejl == "");
}

TEST_CASE("store: the run lock is one per database file, whatever path reaches it") {
    const fs::path dir = fs::temp_directory_path() / ("kvalitet-laas-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "sub");
    std::ofstream(dir / "a.db") << "";
    fs::create_symlink(dir / "a.db", dir / "b.db");
    fs::create_symlink("../a.db", dir / "sub" / "a.db");
    const std::string a = RunLock::lock_path((dir / "a.db").string());
    CHECK(RunLock::lock_path((dir / "b.db").string()) == a);
    CHECK(RunLock::lock_path((dir / "sub" / "a.db").string()) == a);
    {
        RunLock first((dir / "a.db").string());
        CHECK_THROWS(RunLock((dir / "b.db").string()));
    }
    fs::remove_all(dir);
}

// A schema-2 file as kvalitet wrote it before schema 3 (no spor, no standard_dato): the
// schema-1 file migrated by schema 2's own statements.
static void make_v2_database(const std::string& path) {
    make_v1_database(path, {{"a", "s", "2026-11-22", "{\"sag_id\":\"a\",\"n\":1}"}});
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("ALTER TABLE sager ADD COLUMN sha256 TEXT;"
            "ALTER TABLE vurderinger ADD COLUMN sag_sha256 TEXT;"
            "CREATE UNIQUE INDEX vurderinger_identitet ON vurderinger(sag_id, sag_sha256, standard_sha256, "
            "motor_version, vurderingsdato) WHERE sag_sha256 IS NOT NULL;"
            "CREATE TRIGGER vurderinger_kraever_sag_sha256 BEFORE INSERT ON vurderinger WHEN NEW.sag_sha256 IS NULL "
            "BEGIN SELECT RAISE(ABORT, 'en vurdering skal angive sagens sha256'); END;"
            "INSERT INTO vurderinger(sag_id, kommune, standard_sha256, motor_version, vurderingsdato, vurdering, "
            "oprettet, sag_sha256) VALUES ('a', 'varde', 's', '0.1', '2026-11-24', '{\"sag_id\":\"a\",\"n\":3}', 'x', 'c');"
            "PRAGMA user_version = 2;");
}

TEST_CASE("store: schema 3 records each assessment's trace level and standard date; older rows are fuld") {
    TempDb t;
    make_v2_database(t.path.string());
    {
        // Read-only, not migrated: the rows read as they were written, with the full trace.
        CaseStore r(t.path.string(), CaseStore::Access::ReadOnly);
        CHECK(r.schema_version() == 2);
        const auto rows = r.assessments_of("a");
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].spor == SporNiveau::Fuld);
        CHECK(rows[1].sag_sha256 == "c");
        CHECK(rows[1].standard_dato.empty());
    }
    CaseStore s(t.path.string());
    CHECK(s.schema_version() == CaseStore::kSchemaVersion);
    AssessmentRow kort{"a", "c", "varde", "s", "2026-11-25", "{\"sag_id\":\"a\",\"n\":4}", SporNiveau::Kort, "2026-01-01"};
    AssessmentRow ingen{"a", "c", "varde", "s", "2026-11-26", "{\"sag_id\":\"a\",\"n\":5}", SporNiveau::Ingen};
    CHECK(s.add_assessments({kort, ingen}) == 2);
    // The level is not part of the identity: the same assessment told shorter is not a new one.
    auto igen = kort;
    igen.spor = SporNiveau::Fuld;
    CHECK(s.add_assessments({igen}) == 0);
    const auto rows = s.assessments_of("a");
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].spor == SporNiveau::Fuld);
    CHECK(rows[1].spor == SporNiveau::Fuld);
    CHECK(rows[2].spor == SporNiveau::Kort);
    CHECK(rows[2].standard_dato == "2026-01-01");
    CHECK(rows[2].motor_version == KVALITET_VERSION);
    CHECK(rows[2].nr > rows[1].nr);
    CHECK(rows[3].spor == SporNiveau::Ingen);
    CHECK(rows[3].standard_dato.empty());
    CHECK(s.db().execAndGet("SELECT count(*) FROM vurderinger WHERE standard_dato IS NULL").getInt() == 3);
    // Only the three levels: the log cannot hold a row no reader knows.
    CHECK_THROWS(s.db().exec("INSERT INTO vurderinger(sag_id, sag_sha256, kommune, standard_sha256, motor_version, "
                             "vurderingsdato, vurdering, oprettet, spor) VALUES ('b','c','v','s','m','d','{}','o','lang')"));
    CHECK(std::string(spor_navn(SporNiveau::Ingen)) == "ingen");
}

// Rows go in several to a statement: duplicates within a statement, across statements and
// against the log are skipped alike, and every row keeps its own values.
TEST_CASE("store: a batch of many rows stores each new identity once and in order") {
    TempDb t;
    CaseStore s(t.path.string());
    std::vector<AssessmentRow> rows;
    for (int i = 0; i < 150; ++i)
        rows.push_back({"s" + std::to_string(i), "c" + std::to_string(i), "varde", "std", "2026-11-22",
                        "{\"n\":" + std::to_string(i) + "}", i % 2 ? SporNiveau::Kort : SporNiveau::Fuld,
                        i % 3 ? "" : "2026-01-01"});
    rows.push_back(rows[10]);  // in another statement than its first
    rows.push_back(rows[149]); // in the same statement
    CHECK(s.add_assessments(rows) == 150);
    CHECK(s.count_assessments() == 150);
    CHECK(s.add_assessments(rows) == 0);
    rows.push_back({"ny", "cny", "varde", "std", "2026-11-22", "{}"});
    CHECK(s.add_assessments(rows) == 1);
    SQLite::Statement st(s.db(), "SELECT sag_id, vurdering, spor, ifnull(standard_dato, '') FROM vurderinger ORDER BY nr");
    for (int i = 0; i < 150; ++i) {
        REQUIRE(st.executeStep());
        CHECK(st.getColumn(0).getString() == "s" + std::to_string(i));
        CHECK(st.getColumn(1).getString() == "{\"n\":" + std::to_string(i) + "}");
        CHECK(st.getColumn(2).getString() == (i % 2 ? "kort" : "fuld"));
        CHECK(st.getColumn(3).getString() == (i % 3 ? "" : "2026-01-01"));
    }
    REQUIRE(st.executeStep());
    CHECK(st.getColumn(0).getString() == "ny");
    CHECK_FALSE(st.executeStep());
}

TEST_CASE("store: one query per batch tells which cases are assessed, as has_assessment does one by one") {
    TempDb t;
    CaseStore s(t.path.string());
    std::vector<AssessmentRow> rows;
    for (int i = 0; i < 1200; i += 2) // every second case, on one date
        rows.push_back({"s" + std::to_string(i), "c" + std::to_string(i), "varde", "std", "2026-11-22", "{}"});
    rows.push_back({"x", "c-old", "varde", "std", "2026-11-22", "{}"});   // another version of the case
    rows.push_back({"y", "cy", "varde", "std-old", "2026-11-22", "{}"});  // another standard
    rows.push_back({"z", "cz", "varde", "std", "2026-11-21", "{}"});      // another date
    s.add_assessments(rows);
    std::vector<AssessmentKey> keys;
    for (int i = 0; i < 1200; ++i) keys.push_back({"s" + std::to_string(i), "c" + std::to_string(i), "std"});
    keys.push_back({"x", "c-new", "std"});
    keys.push_back({"y", "cy", "std"});
    keys.push_back({"z", "cz", "std"});
    keys.push_back({"s0", "c0", "std"}); // the same case twice in a batch
    keys.push_back({"s1", "c1", "std"});
    const auto done = s.assessed(keys, "2026-11-22");
    REQUIRE(done.size() == keys.size());
    std::size_t yes = 0;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        CHECK(done[i] == s.has_assessment(keys[i].sag_id, keys[i].sag_sha256, keys[i].standard_sha256, "2026-11-22"));
        yes += done[i];
    }
    CHECK(yes == 601); // 600 even cases (over three statements of ids) and s0 again
    CHECK(s.assessed({}, "2026-11-22").empty());
}

TEST_CASE("store: the engine and its shared rules are part of an assessment's identity") {
    TempDb t;
    CaseStore s(t.path.string());
    CHECK(s.motor() == KVALITET_VERSION);
    s.set_motor_version("0.1.0+aaaaaaaaaaaaaaaa");
    CHECK(s.add_assessments({{"a", "ca", "varde", "std", "2026-11-22", "{\"sag_id\":\"a\"}"}}) == 1);
    CHECK(s.has_assessment("a", "ca", "std", "2026-11-22"));
    CHECK(s.assessed({{"a", "ca", "std"}}, "2026-11-22") == std::vector<bool>{true});
    // Other shared rules: the same case, date and standard is not assessed yet, and is stored.
    s.set_motor_version("0.1.0+bbbbbbbbbbbbbbbb");
    CHECK_FALSE(s.has_assessment("a", "ca", "std", "2026-11-22"));
    CHECK(s.assessed({{"a", "ca", "std"}}, "2026-11-22") == std::vector<bool>{false});
    CHECK(s.add_assessments({{"a", "ca", "varde", "std", "2026-11-22", "{\"sag_id\":\"a\"}"}}) == 1);
    const auto rows = s.assessments_of("a");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].motor_version == "0.1.0+aaaaaaaaaaaaaaaa");
    CHECK(rows[1].motor_version == "0.1.0+bbbbbbbbbbbbbbbb");
}

TEST_CASE("store: schema 4 keeps the text of each standard that assessed, with the rows, never changed") {
    TempDb t;
    make_v2_database(t.path.string());
    {
        CaseStore r(t.path.string(), CaseStore::Access::ReadOnly); // not migrated: none kept, no error
        CHECK_FALSE(r.standard_text("s"));
    }
    CaseStore s(t.path.string());
    const StoredStandard varde{"s", "varde", "municipalities/varde/standard.lua", "-- Varde\n"};
    CHECK(s.add_assessments({{"b", "c", "varde", "s", "2026-11-22", "{}"}}, {varde}) == 1);
    CHECK(s.add_assessments({}, {{"s", "varde", "andet.lua", "andet"}}) == 0); // kept once, the first text
    const auto kept = s.standard_text("s");
    REQUIRE(kept);
    CHECK(kept->kommune == "varde");
    CHECK(kept->fil == "municipalities/varde/standard.lua");
    CHECK(kept->tekst == "-- Varde\n");
    CHECK_FALSE(s.standard_text("t"));
    CHECK_THROWS_WITH(s.db().exec("UPDATE standarder SET tekst = 'x'"), Catch::Contains("ændres aldrig"));
    CHECK_THROWS_WITH(s.db().exec("DELETE FROM standarder"), Catch::Contains("slettes aldrig"));
}

TEST_CASE("store: a file that is not a case store is refused before anything is read or written") {
    TempDb t;
    // Another program's database, with a user_version as many set.
    auto version = GENERATE(0, 2, 3, 4);
    {
        SQLite::Database db(t.path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec(fmt::format("CREATE TABLE x(a); CREATE TABLE vurderinger(motor_version, vurderingsdato); "
                            "PRAGMA user_version = {}",
                            version));
    }
    CHECK_THROWS_WITH(CaseStore(t.path.string()), Catch::Contains("ikke en sagsdatabase fra kvalitet"));
    CHECK_THROWS_WITH(CaseStore(t.path.string(), CaseStore::Access::ReadOnly),
                      Catch::Contains("ikke en sagsdatabase fra kvalitet"));
    SQLite::Database db(t.path.string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 2);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == version);
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "delete"); // not switched to WAL
}

TEST_CASE("demo report: only the undetermined cases' missing facts are counted as what they lack") {
    TempDb t;
    CaseStore s(t.path.string());
    // in the group, with a referral waiting for a fact; and undetermined
    const std::string rest = R"(,"standard":{"titel":"T"},"pakke":null,"frister":[],"advarsler":[]})";
    s.add_assessments({{"a", "ca", "lejre", "sha1", "2026-11-22",
                        R"({"kommune":"lejre","sag_id":"a","maalgruppe":{"i_maalgruppe":true,"mangler":["daarligt_helbred"]})" + rest},
                       {"b", "cb", "lejre", "sha1", "2026-11-22",
                        R"({"kommune":"lejre","sag_id":"b","maalgruppe":{"i_maalgruppe":null,"mangler":["motiveret"]})" + rest}});
    const DemoRapport r = demo_rapport(s, *Dato::parse("2026-11-22"));
    const KommuneRapport& k = r.kommuner.at("lejre");
    CHECK(k.i_maalgruppe == 1);
    CHECK(k.uafklaret == 1);
    CHECK(k.mangler == std::map<std::string, std::int64_t>{{"motiveret", 1}});
}
