#pragma once
// The case store: one SQLite file holding cases and an append-only log of assessments.
// WAL mode; the schema is versioned with PRAGMA user_version and migrated forward on open.
// One CaseStore per thread (SQLite connections are not shared here).
//
// Guarantees (docs/embedding.md, "Sagsdatabasen"):
// - an assessment is identified by (sag_id, sag_sha256, standard_sha256, motor_version,
//   vurderingsdato); a UNIQUE index makes a second row with the same identity impossible,
//   and add_assessments() skips such rows instead of failing; the trace level a row was
//   stored with (fuld, kort, ingen) is not part of it: the same assessment, told shorter;
// - opening sets the busy timeout before anything else, refuses a newer schema before
//   writing anything, and migrates inside BEGIN IMMEDIATE, so processes may open a new
//   file at the same time;
// - a read-only store never creates or writes the file.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "domain/vurdering.hpp"

namespace simdjson::dom {
class object;
}

namespace kvalitet {

struct StoredCase {
    std::int64_t nr = 0; // rowid: the order cases are read in
    std::string id, kommune, json;
    std::string sha256; // of `json`: which version of the case an assessment is of
};

struct AssessmentRow {
    std::string sag_id, sag_sha256, kommune, standard_sha256, vurderingsdato, json;
    // How much trace `json` carries (db vurder --spor); rows from before schema 3 are fuld.
    SporNiveau spor = SporNiveau::Fuld;
    // The date whose version of the standard assessed it (db vurder --standard-dato); empty:
    // vurderingsdato (and for every row from before schema 3, which did not record it).
    std::string standard_dato = {};
    // Read back only (assessments_of): the log's row number and the engine that wrote it
    // (written from the store's motor()).
    std::int64_t nr = 0;
    std::string motor_version = {};
};

// The text of a version of a standard, kept with the log (schema 4) so an assessment can be
// regenerated under it after the file has changed (db forklar).
struct StoredStandard {
    std::string sha256, kommune, fil, tekst;
};

// What identifies an assessment in the log apart from the date and the engine version
// (both the same for a whole db vurder run).
struct AssessmentKey {
    std::string sag_id, sag_sha256, standard_sha256;
};

// "fuld", "kort", "ingen": a trace level as the store records it (and --spor names it).
const char* spor_navn(SporNiveau spor);

class CaseStore {
public:
    static constexpr int kSchemaVersion = 4;
    // How long a connection waits for another process's write lock (migration, batch).
    static constexpr int kBusyTimeoutMs = 30'000;

    enum class Access { ReadWrite, ReadOnly };

    // KVALITET_DB, else "kvalitet.db" in the working directory.
    static std::string default_path();
    // An SQLite error in Danish, by its primary code (its own text is English): what the
    // user can do about it.
    static std::string beskriv(const SQLite::Exception& e);

    // ReadWrite: opens (creating if needed) and migrates. ReadOnly: opens an existing file
    // without writing to it (a missing file is an error, never created). Throws InputError
    // in Danish naming the file.
    explicit CaseStore(const std::string& path, Access access = Access::ReadWrite);

    int schema_version();
    const std::string& path() const { return path_; }
    // The engine recorded with each row and asked for by has_assessment/assessed
    // (store/motor_version.hpp); KVALITET_VERSION until set.
    void set_motor_version(std::string motor) { motor_ = std::move(motor); }
    const std::string& motor() const { return motor_; }
    bool read_only() const { return access_ == Access::ReadOnly; }

    // PRAGMA quick_check; throws InputError naming the file when the file is damaged.
    void check_integrity();

    // For a connection that writes batch after batch (db vurder): a page cache that holds
    // a whole batch (SQLite's 2 MB default spilled a batch's pages into the WAL before its
    // commit, some of them more than once), and, when `checkpoints_elsewhere`, no checkpoint
    // when it commits (a WalCheckpointer copies the WAL into the file beside the writing).
    void prepare_for_batches(bool checkpoints_elsewhere);
    // Copies what it can of the WAL into the database file, waiting for no one (PASSIVE);
    // another process's checkpoint running already is not an error. True when the whole
    // WAL is now in the file.
    bool checkpoint();
    // Copies the whole WAL and empties its file, if no reader is in the middle of it; else
    // copies what it can and leaves the file as it is. Waits for no one either way.
    void checkpoint_and_truncate();

    // Inserts or replaces cases (through Import: in one transaction up to its batch size).
    void put_cases(const std::vector<StoredCase>& cases);

    // The same, one case at a time, so an import of any size holds one case in memory.
    // Stored in batches of ~`batch_bytes` of case text, each committed when the next one
    // begins, and the last by commit() (destroyed first: that one is rolled back): a
    // million cases in one transaction were a WAL as large as the import (6 GB), copied
    // into the file only at the end. A run stopped midway keeps whole batches, as db vurder.
    class Import {
    public:
        // What storing a case did: a new id; a stored case replaced by another text; the
        // same text again; or an id given earlier in this same import (the later one stays).
        enum class Udfald { Ny, Aendret, Uaendret, IgenIImporten };
        static constexpr std::size_t kBatchBytes = 64u << 20;
        explicit Import(CaseStore& store, std::size_t batch_bytes = kBatchBytes);
        Udfald add(const StoredCase& c);
        void commit() {
            if (tx_) tx_->commit();
        }

    private:
        CaseStore& store_;
        std::size_t batch_bytes_, in_batch_ = 0;
        std::optional<SQLite::Transaction> tx_;
        SQLite::Statement insert_, before_;
        std::string now_;
        std::unordered_set<std::uint64_t> seen_; // hashes of the ids this import stored
    };
    std::int64_t count_cases();
    std::int64_t count_assessments();
    // Rows from before schema 2 (no case hash) that repeat an earlier row exactly: kept,
    // because the log is never edited, but worth telling.
    std::int64_t count_old_duplicates();

    // Up to `limit` cases with nr > after, in nr order; `kommune` empty: all. Each with
    // its sha256 (computed here for cases stored before schema 2).
    std::vector<StoredCase> read_cases(std::int64_t after, std::size_t limit, const std::string& kommune);

    // True when the log holds an assessment of this version of the case (its sha256), on
    // that date, under that standard, by this engine (motor()).
    bool has_assessment(const std::string& sag_id, const std::string& sag_sha256, const std::string& standard_sha256,
                        const std::string& dato);
    // The same for a whole batch in one query (db vurder asks once per batch, not per
    // case): element i is has_assessment(keys[i]…, dato).
    std::vector<bool> assessed(const std::vector<AssessmentKey>& keys, const std::string& dato);

    // Appends assessments in one transaction (all or none), with the texts of the standards
    // that made them, so no row names a standard the store lacks. Rows whose identity is
    // already in the log, and standards already kept, are skipped; returns how many rows
    // were added.
    std::size_t add_assessments(const std::vector<AssessmentRow>& rows, const std::vector<StoredStandard>& standards = {});
    // A standard's text by its sha256, as kept by add_assessments; nullopt when not kept
    // (also for a file from before schema 4, read without migrating).
    std::optional<StoredStandard> standard_text(const std::string& sha256);

    // One case by its id (the server's GET /v1/sager/{id}), or nullopt.
    std::optional<StoredCase> read_case(const std::string& id);
    // Every assessment of one case in the log, oldest first (`json` is the assessment), with
    // the trace level and standard date each was stored with (schema 3; older rows: fuld, none).
    std::vector<AssessmentRow> assessments_of(const std::string& sag_id);

    // The latest assessment of each case, in case id order.
    void latest_assessments(const std::function<void(const std::string& json)>& each);
    // The same rows, checked the same way, each with the row's municipality and its JSON as
    // parsed for the check (valid for the call): read once, not once per question.
    void latest_parsed(const std::function<void(std::string_view kommune, const simdjson::dom::object& vurdering)>& each);

    SQLite::Database& db() { return db_; }

private:
    void prepare_for_writing();
    void switch_to_wal();
    void migrate();
    void refuse_version(int v) const; // throws InputError for a version it cannot migrate from
    void refuse_foreign_schema(int v); // throws InputError when the schema is not the one kvalitet made
    // Each case's latest row, checked: municipality, JSON text, and the JSON as parsed.
    void latest_rows(const std::function<void(std::string_view, const std::string&, const simdjson::dom::object&)>& each);
    std::string path_;
    Access access_;
    SQLite::Database db_;
    std::string motor_ = KVALITET_VERSION;
};

} // namespace kvalitet
