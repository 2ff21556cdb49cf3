#pragma once
// The case store: one SQLite file holding cases and an append-only log of assessments.
// WAL mode; the schema is versioned with PRAGMA user_version and migrated forward on open.
// One CaseStore per thread (SQLite connections are not shared here).
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kvalitet {

struct StoredCase {
    std::int64_t nr = 0; // rowid: the order cases are read in
    std::string id, kommune, json;
};

struct AssessmentRow {
    std::string sag_id, kommune, standard_sha256, vurderingsdato, json;
};

class CaseStore {
public:
    static constexpr int kSchemaVersion = 1;

    // KVALITET_DB, else "kvalitet.db" in the working directory.
    static std::string default_path();

    // Opens (creating if needed) and migrates. Throws InputError in Danish naming the file.
    explicit CaseStore(const std::string& path);

    int schema_version();
    const std::string& path() const { return path_; }

    // Inserts or replaces cases in one transaction.
    void put_cases(const std::vector<StoredCase>& cases);

    // The same, one case at a time, so an import of any size holds one case in memory:
    // nothing is stored unless commit() is called (destroyed first: rolled back).
    class Import {
    public:
        explicit Import(CaseStore& store);
        void add(const StoredCase& c);
        void commit() { tx_.commit(); }

    private:
        SQLite::Transaction tx_;
        SQLite::Statement insert_;
        std::string now_;
    };
    std::int64_t count_cases();
    std::int64_t count_assessments();

    // Up to `limit` cases with nr > after, in nr order; `kommune` empty: all. With
    // `only_unassessed`, only cases with no assessment on `dato` under the standard's
    // current sha256 (`sha_by_kommune` gives it).
    std::vector<StoredCase> read_cases(std::int64_t after, std::size_t limit, const std::string& kommune);

    // True when the case already has an assessment on that date under that standard.
    bool has_assessment(const std::string& sag_id, const std::string& sha256, const std::string& dato);

    // Appends assessments in one transaction (all or none).
    void add_assessments(const std::vector<AssessmentRow>& rows);

    // The latest assessment of each case, in case id order.
    void latest_assessments(const std::function<void(const std::string& json)>& each);

    SQLite::Database& db() { return db_; }

private:
    void migrate();
    std::string path_;
    SQLite::Database db_;
};

} // namespace kvalitet
