#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "store/case_store.hpp"
#include "store/wal_checkpointer.hpp"

using namespace kvalitet;
namespace fs = std::filesystem;

namespace {
struct TempDb {
    fs::path path;
    explicit TempDb(const std::string& name)
        : path(fs::temp_directory_path() / ("kvalitet-wal-" + name + "-" + std::to_string(::getpid()) + ".db")) {}
    ~TempDb() {
        for (auto ext : {"", "-wal", "-shm"}) fs::remove(path.string() + ext);
    }
    std::uintmax_t wal_size() const {
        std::error_code ec;
        const auto n = fs::file_size(path.string() + "-wal", ec);
        return ec ? 0 : n;
    }
};

// A batch of `n` rows, each with ~2 KB of JSON, ids from `first`.
std::vector<AssessmentRow> batch(int first, int n) {
    std::vector<AssessmentRow> rows;
    for (int i = first; i < first + n; ++i) {
        const std::string id = "s" + std::to_string(i);
        rows.push_back({id, "c" + id, "varde", "std", "2026-11-22",
                        "{\"sag_id\":\"" + id + "\",\"fyld\":\"" + std::string(2000, 'x') + "\"}"});
    }
    return rows;
}

// The rows in the database file itself, without its WAL: a copy of the file alone, read;
// -1 when not even the table is there yet (its creation still only in the WAL).
int rows_in_file(const fs::path& db) {
    const fs::path copy = db.string() + ".alene";
    fs::copy_file(db, copy, fs::copy_options::overwrite_existing);
    int n = 0;
    {
        SQLite::Database file(copy.string(), SQLite::OPEN_READWRITE);
        n = file.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'vurderinger'").getInt() == 0
                ? -1
                : file.execAndGet("SELECT count(*) FROM vurderinger").getInt();
    }
    for (auto ext : {"", "-wal", "-shm"}) fs::remove(copy.string() + ext);
    return n;
}

constexpr int kBatches = 24, kRows = 100; // ~5 MB in all, ~200 KB a batch
} // namespace

TEST_CASE("wal checkpointer: a writer without checkpoints of its own keeps a short WAL, and loses no row") {
    TempDb with("med"), without("uden");
    {
        CaseStore writer(with.path.string());
        writer.prepare_for_batches(true);
        WalCheckpointer checkpointer(with.path.string());
        for (int b = 0; b < kBatches; ++b) {
            if (b % 2 == 1) checkpointer.caught_up();
            CHECK(writer.add_assessments(batch(b * kRows, kRows)) == std::size_t(kRows));
            checkpointer.committed();
        }
        checkpointer.caught_up();
        // Measured before the connections close (closing copies and removes the WAL).
        CaseStore control(without.path.string());
        control.prepare_for_batches(true);
        for (int b = 0; b < kBatches; ++b) control.add_assessments(batch(b * kRows, kRows));
        INFO("WAL with the checkpointer " << with.wal_size() << " bytes, without " << without.wal_size());
        CHECK(without.wal_size() > std::uintmax_t(kBatches * kRows) * 2000); // no copy: the whole run
        CHECK(with.wal_size() * 4 < without.wal_size());
        CHECK(rows_in_file(with.path) == kBatches * kRows); // copied, not only in the WAL
        CHECK(rows_in_file(without.path) == -1);
    }
    CaseStore again(with.path.string());
    CHECK(again.count_assessments() == kBatches * kRows);
}

TEST_CASE("wal checkpointer: a reader holding an old snapshot makes it wait for no one") {
    TempDb t("laeser");
    CaseStore writer(t.path.string());
    writer.prepare_for_batches(true);
    WalCheckpointer checkpointer(t.path.string());
    writer.add_assessments(batch(0, kRows));
    checkpointer.committed();
    checkpointer.caught_up();
    // Another connection in the middle of a read: the frames after its snapshot cannot be
    // copied while it reads, and a PASSIVE checkpoint does not wait for it.
    SQLite::Database reader(t.path.string(), SQLite::OPEN_READONLY);
    reader.exec("BEGIN");
    CHECK(reader.execAndGet("SELECT count(*) FROM vurderinger").getInt() == kRows);
    for (int b = 1; b < 4; ++b) {
        writer.add_assessments(batch(b * kRows, kRows));
        checkpointer.committed();
        checkpointer.caught_up(); // returns, though the WAL is not all copied
    }
    CHECK(rows_in_file(t.path) == kRows);
    CHECK(reader.execAndGet("SELECT count(*) FROM vurderinger").getInt() == kRows); // its snapshot
    reader.exec("COMMIT");
    CHECK(writer.count_assessments() == 4 * kRows);
    writer.add_assessments(batch(4 * kRows, kRows));
    checkpointer.committed();
    checkpointer.caught_up();
    CHECK(rows_in_file(t.path) == 5 * kRows); // the reader gone, all of it is copied
}

TEST_CASE("wal checkpointer: finish empties the WAL's file beside an open connection, and waits for no reader") {
    TempDb t("slut");
    CaseStore writer(t.path.string());
    writer.prepare_for_batches(true);
    SQLite::Database other(t.path.string(), SQLite::OPEN_READONLY); // open, not reading: keeps the WAL
    {
        WalCheckpointer checkpointer(t.path.string());
        for (int b = 0; b < 3; ++b) {
            writer.add_assessments(batch(b * kRows, kRows));
            checkpointer.committed();
        }
        CHECK(t.wal_size() > 0);
        checkpointer.finish();
        CHECK(t.wal_size() == 0);
        CHECK(rows_in_file(t.path) == 3 * kRows);
    }
    // A reader in the middle of a snapshot: finish copies what it may and returns at once
    // (the busy timeout is 30 s), leaving the file; the rows are all there.
    other.exec("BEGIN");
    CHECK(other.execAndGet("SELECT count(*) FROM vurderinger").getInt() == 3 * kRows);
    WalCheckpointer checkpointer(t.path.string());
    writer.add_assessments(batch(3 * kRows, kRows));
    checkpointer.committed();
    const auto started = std::chrono::steady_clock::now();
    checkpointer.finish();
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
    CHECK(t.wal_size() > 0);
    other.exec("COMMIT");
    CHECK(writer.count_assessments() == 4 * kRows);
}
