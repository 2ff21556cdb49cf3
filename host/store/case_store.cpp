#include "store/case_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>

#include "lua/error.hpp"

namespace kvalitet {

namespace {

// Each step takes the schema from version i to i+1; never edit one, only append.
constexpr const char* kMigrations[] = {
    R"sql(
    CREATE TABLE sager (
      id        TEXT PRIMARY KEY,
      kommune   TEXT NOT NULL,
      sag       TEXT NOT NULL,          -- the case JSON of the contract
      opdateret TEXT NOT NULL
    );
    CREATE INDEX sager_kommune ON sager(kommune);
    CREATE TABLE vurderinger (
      nr              INTEGER PRIMARY KEY,
      sag_id          TEXT NOT NULL,
      kommune         TEXT NOT NULL,
      standard_sha256 TEXT NOT NULL,
      motor_version   TEXT NOT NULL,
      vurderingsdato  TEXT NOT NULL,
      vurdering       TEXT NOT NULL,    -- the assessment JSON of the contract
      oprettet        TEXT NOT NULL
    );
    CREATE INDEX vurderinger_sag ON vurderinger(sag_id, nr);
    CREATE TRIGGER vurderinger_aendres_ikke BEFORE UPDATE ON vurderinger
      BEGIN SELECT RAISE(ABORT, 'vurderinger er en revisionslog og ændres aldrig'); END;
    CREATE TRIGGER vurderinger_slettes_ikke BEFORE DELETE ON vurderinger
      BEGIN SELECT RAISE(ABORT, 'vurderinger er en revisionslog og slettes aldrig'); END;
    )sql",
};
static_assert(std::size(kMigrations) == CaseStore::kSchemaVersion);

std::string now_utc() {
    auto t = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", t);
}

SQLite::Database open(const std::string& path) {
    try {
        return SQLite::Database(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    } catch (const SQLite::Exception& e) {
        throw InputError(fmt::format("{}: kan ikke åbne sagsdatabasen: {}", path, e.what()));
    }
}

} // namespace

std::string CaseStore::default_path() {
    if (const char* p = std::getenv("KVALITET_DB"); p && *p) return p;
    return "kvalitet.db";
}

CaseStore::CaseStore(const std::string& path) : path_(path), db_(open(path)) {
    try {
        // Only takes effect on a new file. An assessment is ~6 KB of JSON: with the
        // default 4 KB pages each spilled into overflow pages; storing 20,000 of them
        // took 1.78 s, with 16 KB pages 1.37 s.
        db_.exec("PRAGMA page_size = 16384");
        db_.exec("PRAGMA journal_mode = WAL");
        db_.exec("PRAGMA synchronous = NORMAL");
        db_.exec("PRAGMA foreign_keys = ON");
        db_.setBusyTimeout(5000);
        migrate();
    } catch (const SQLite::Exception& e) {
        throw InputError(fmt::format("{}: er ikke en sagsdatabase, eller den er beskadiget: {}", path, e.what()));
    }
}

int CaseStore::schema_version() { return db_.execAndGet("PRAGMA user_version").getInt(); }

void CaseStore::migrate() {
    int v = schema_version();
    if (v > kSchemaVersion)
        throw InputError(fmt::format("{}: databasen har skemaversion {}, men denne kvalitet kender kun op til {}; "
                                     "brug en nyere kvalitet",
                                     path_, v, kSchemaVersion));
    for (; v < kSchemaVersion; ++v) {
        SQLite::Transaction tx(db_);
        db_.exec(kMigrations[v]);
        db_.exec(fmt::format("PRAGMA user_version = {}", v + 1));
        tx.commit();
    }
}

CaseStore::Import::Import(CaseStore& store)
    : tx_(store.db_),
      insert_(store.db_, "INSERT INTO sager(id, kommune, sag, opdateret) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT(id) DO UPDATE SET kommune = excluded.kommune, sag = excluded.sag, "
                         "opdateret = excluded.opdateret"),
      now_(now_utc()) {}

void CaseStore::Import::add(const StoredCase& c) {
    insert_.bind(1, c.id);
    insert_.bind(2, c.kommune);
    insert_.bind(3, c.json);
    insert_.bind(4, now_);
    insert_.exec();
    insert_.reset();
}

void CaseStore::put_cases(const std::vector<StoredCase>& cases) {
    Import import(*this);
    for (const auto& c : cases) import.add(c);
    import.commit();
}

std::int64_t CaseStore::count_cases() { return db_.execAndGet("SELECT count(*) FROM sager").getInt64(); }
std::int64_t CaseStore::count_assessments() { return db_.execAndGet("SELECT count(*) FROM vurderinger").getInt64(); }

std::vector<StoredCase> CaseStore::read_cases(std::int64_t after, std::size_t limit, const std::string& kommune) {
    SQLite::Statement st(db_, kommune.empty()
                                  ? "SELECT rowid, id, kommune, sag FROM sager WHERE rowid > ? ORDER BY rowid LIMIT ?"
                                  : "SELECT rowid, id, kommune, sag FROM sager WHERE rowid > ? AND kommune = ? "
                                    "ORDER BY rowid LIMIT ?");
    int i = 1;
    st.bind(i++, after);
    if (!kommune.empty()) st.bind(i++, kommune);
    st.bind(i, static_cast<std::int64_t>(limit));
    std::vector<StoredCase> out;
    while (st.executeStep())
        out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                       st.getColumn(3).getString()});
    return out;
}

bool CaseStore::has_assessment(const std::string& sag_id, const std::string& sha256, const std::string& dato) {
    SQLite::Statement st(db_, "SELECT 1 FROM vurderinger WHERE sag_id = ? AND standard_sha256 = ? AND "
                              "vurderingsdato = ? LIMIT 1");
    st.bind(1, sag_id);
    st.bind(2, sha256);
    st.bind(3, dato);
    return st.executeStep();
}

void CaseStore::add_assessments(const std::vector<AssessmentRow>& rows) {
    SQLite::Transaction tx(db_);
    SQLite::Statement st(db_, "INSERT INTO vurderinger(sag_id, kommune, standard_sha256, motor_version, "
                              "vurderingsdato, vurdering, oprettet) VALUES (?, ?, ?, ?, ?, ?, ?)");
    const std::string now = now_utc();
    for (const auto& r : rows) {
        st.bind(1, r.sag_id);
        st.bind(2, r.kommune);
        st.bind(3, r.standard_sha256);
        st.bind(4, KVALITET_VERSION);
        st.bind(5, r.vurderingsdato);
        st.bind(6, r.json);
        st.bind(7, now);
        st.exec();
        st.reset();
    }
    tx.commit();
}

void CaseStore::latest_assessments(const std::function<void(const std::string&)>& each) {
    SQLite::Statement st(db_, "SELECT v.vurdering FROM vurderinger v "
                              "JOIN (SELECT max(nr) AS nr FROM vurderinger GROUP BY sag_id) m ON v.nr = m.nr "
                              "ORDER BY v.sag_id");
    while (st.executeStep()) each(st.getColumn(0).getString());
}

} // namespace kvalitet
