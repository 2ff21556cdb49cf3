#include "store/case_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <simdjson.h>
#include <sqlite3.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <new>
#include <memory>
#include <set>
#include <string_view>
#include <thread>
#include <tuple>
#include <sys/stat.h>
#include <unistd.h>

#include "domain/sha256.hpp"
#include "domain/tekst.hpp"
#include "lua/error.hpp"

namespace kvalitet {

namespace {

// The log refuses UPDATE and DELETE, not INSERT: a row written beside kvalitet may hold
// anything. What the store hands out (db eksporter, db status, db forklar, the server's
// /v1/sager/{id}/vurderinger) is what kvalitet writes: one line of JSON, an object in valid
// UTF-8 with one sag_id, the row's own text; or an error naming the row, never its bytes.
// `obj`: the parsed object, when it is one (valid until the parser's next parse).
const char* foreign_assessment(simdjson::dom::parser& parser, const std::string& sag_id, const std::string& json,
                               simdjson::dom::object& obj) {
    // Two memchr over the whole text: find_first_of asks memchr once per byte (a fifth of db status).
    if (std::memchr(json.data(), '\n', json.size()) || std::memchr(json.data(), '\r', json.size()))
        return "den står over flere linjer";
    const auto e = parser.parse(json).get(obj);
    if (e == simdjson::MEMALLOC) throw std::bad_alloc(); // the machine's want, not the row's fault
    if (e == simdjson::DEPTH_ERROR) return "den er indlejret dybere, end en vurdering er";
    if (e != simdjson::SUCCESS) return "den er ikke et JSON-objekt i gyldig UTF-8";
    int named = 0;
    bool own = false;
    for (auto [key, value] : obj) {
        if (key != "sag_id") continue;
        std::string_view id;
        own = ++named == 1 && value.get(id) == simdjson::SUCCESS && id == sag_id;
    }
    return named == 1 && own ? nullptr : "dens sag_id er ikke rækkens tekst, eller den har ikke præcis ét";
}

// The row's assessment, once checked; read from the column once. `parsed`: what the check
// parsed, valid until the parser's next parse.
std::string check_own(simdjson::dom::parser& parser, const std::string& path, std::int64_t nr, const std::string& sag_id,
                      const SQLite::Column& vurdering, simdjson::dom::object& parsed) {
    constexpr int kLargest = 64 << 20; // far past any assessment (10,000 deliveries, full trace)
    const char* fault = !vurdering.isText()                ? "den er ikke tekst"
                        : vurdering.getBytes() > kLargest ? "den er større end nogen vurdering"
                                                          : nullptr;
    std::string json;
    if (!fault) {
        json = vurdering.getString();
        fault = foreign_assessment(parser, sag_id, json, parsed);
    }
    if (fault)
        throw InputError(fmt::format("{}: vurdering nr. {} (sag '{}') er ikke en vurdering, kvalitet har skrevet ({}); "
                                     "loggen er ændret uden for kvalitet. Brug en sikkerhedskopi, eller undersøg "
                                     "rækken, før databasen bruges",
                                     path, nr, printable_line(sag_id), fault));
    return json;
}

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
    // 2: an assessment's identity, unique. Which version of the case was assessed is its
    // sha256; rows from schema 1 did not record it and keep NULL (the log is never edited,
    // and today's case text may not be the one they assessed). NULLs are outside the
    // partial index, so old rows, even exact duplicates, stay as they are; every new row
    // must carry the hash, so the index covers everything written from now on.
    R"sql(
    ALTER TABLE sager ADD COLUMN sha256 TEXT;
    ALTER TABLE vurderinger ADD COLUMN sag_sha256 TEXT;
    CREATE UNIQUE INDEX vurderinger_identitet
      ON vurderinger(sag_id, sag_sha256, standard_sha256, motor_version, vurderingsdato)
      WHERE sag_sha256 IS NOT NULL;
    CREATE TRIGGER vurderinger_kraever_sag_sha256 BEFORE INSERT ON vurderinger
      WHEN NEW.sag_sha256 IS NULL
      BEGIN SELECT RAISE(ABORT, 'en vurdering skal angive sagens sha256'); END;
    )sql",
    // 3: how much trace each stored assessment carries (db vurder --spor), and the date whose
    // version of the standard assessed it (--standard-dato; NULL: the assessment date), so
    // db forklar can regenerate the full explanation. Every older row has the full trace.
    // Adding a column rewrites no row, so the triggers that guard the log do not fire.
    R"sql(
    ALTER TABLE vurderinger ADD COLUMN spor TEXT NOT NULL DEFAULT 'fuld'
      CHECK (spor IN ('fuld', 'kort', 'ingen'));
    ALTER TABLE vurderinger ADD COLUMN standard_dato TEXT;
    )sql",
    // 4: the text of each version of a standard that assessed a stored case, by its sha256,
    // so db forklar can regenerate under it after the file moved or changed (a version kept
    // under versioner/ with gyldig_fra added has another sha256). Kept like the log.
    R"sql(
    CREATE TABLE standarder (
      sha256  TEXT PRIMARY KEY,
      kommune TEXT NOT NULL,
      fil     TEXT NOT NULL,    -- where it was read: municipalities/varde/standard.lua
      tekst   TEXT NOT NULL,
      gemt    TEXT NOT NULL
    );
    CREATE TRIGGER standarder_aendres_ikke BEFORE UPDATE ON standarder
      BEGIN SELECT RAISE(ABORT, 'standarder er en del af revisionsloggen og ændres aldrig'); END;
    CREATE TRIGGER standarder_slettes_ikke BEFORE DELETE ON standarder
      BEGIN SELECT RAISE(ABORT, 'standarder er en del af revisionsloggen og slettes aldrig'); END;
    )sql",
};
static_assert(std::size(kMigrations) == CaseStore::kSchemaVersion);

// each(statement, from, n) over [0, total) in parts of at most `part` items, each part with
// the statement make(n) prepares for n items: the full-size one once, a shorter last one
// on its own.
template <class Make, class Each>
void in_parts(std::size_t total, std::size_t part, Make make, Each each) {
    std::unique_ptr<SQLite::Statement> full;
    for (std::size_t from = 0; from < total; from += part) {
        const std::size_t n = std::min(part, total - from);
        std::unique_ptr<SQLite::Statement> last;
        if (n == part && !full) full = make(n);
        each(n == part ? *full : *(last = make(n)), from, n);
    }
}

std::string now_utc() {
    auto t = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", t);
}

// SQLite's errors in Danish, by primary code: what the user can do about each.
std::string describe(const SQLite::Exception& e) {
    switch (e.getErrorCode()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return fmt::format("databasen er optaget af en anden proces (ventede {} s); prøv igen",
                           CaseStore::kBusyTimeoutMs / 1000);
    case SQLITE_NOTADB: return "filen er ikke en SQLite-database";
    case SQLITE_CORRUPT: return "databasen er beskadiget";
    case SQLITE_READONLY: return "der er ikke skriveadgang til databasen";
    case SQLITE_CANTOPEN: return "filen (eller dens -wal/-shm) kan ikke åbnes";
    case SQLITE_PERM:
    case SQLITE_AUTH: return "adgang nægtet";
    case SQLITE_FULL: return "disken er fuld";
    case SQLITE_IOERR: return "læse- eller skrivefejl på disken";
    // The rest are rare, and say most in SQLite's own words (a column missing, a trigger's
    // message), quoted as such: a file changed outside kvalitet is the usual cause.
    default: return fmt::format("SQLite-fejl {} (SQLites egen tekst: \"{}\")", e.getExtendedErrorCode(), e.what());
    }
}

} // namespace

std::string CaseStore::beskriv(const SQLite::Exception& e) { return describe(e); }

namespace {

// A file name as an SQLite URI path: '%', '?' and '#' would otherwise end or escape it.
std::string uri_path(const std::string& path) {
    std::string out = "file:";
    for (unsigned char c : path) {
        if (c == '%' || c == '?' || c == '#' || c < 0x20) out += fmt::format("%{:02X}", c);
        else out += char(c);
    }
    return out;
}

// SQLite names a database's write-ahead log after the path it was opened by: two processes
// that reach one file through two hard links keep two logs, each writing pages the other does
// not know of, and the file is corrupt (a helper saw it happen under two `db vurder`). The run
// lock is per path for the same reason. So a file with more than one link is refused.
void refuse_hard_links(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink <= 1) return;
    throw InputError(fmt::format("{}: filen har {} hårde links (flere navne for samme fil); SQLite kan kun holde en "
                                 "sagsdatabase hel, når den bruges gennem ét navn. Slet de andre navne for filen, "
                                 "eller kopiér den med cp og brug kopien",
                                 path, st.st_nlink));
}

SQLite::Database open_read_write(const std::string& path) {
    refuse_hard_links(path);
    try {
        return SQLite::Database(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    } catch (const SQLite::Exception& e) {
        throw InputError(fmt::format("{}: kan ikke åbne sagsdatabasen: {}", path, describe(e)));
    }
}

SQLite::Database open_read_only(const std::string& path) {
    // SQLite would report "unable to open"; the likely cause is a typo, so say that. Never
    // create the file: a read verb on a wrong name must not leave an empty database behind.
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw InputError(fmt::format("{} er en mappe, ikke en sagsdatabase; angiv filen med --db", path));
    if (!std::filesystem::is_regular_file(path, ec))
        throw InputError(fmt::format("databasen {} findes ikke; opret den med 'kvalitet db init' eller "
                                     "'kvalitet db importer'",
                                     path));
    refuse_hard_links(path);
    try {
        return SQLite::Database(path, SQLite::OPEN_READONLY);
    } catch (const SQLite::Exception& e) {
        throw InputError(fmt::format("{}: kan ikke åbne sagsdatabasen: {}", path, describe(e)));
    }
}

// A WAL database is read through its -shm file, which a reader creates when it is
// missing. On a read-only medium it cannot; with no -wal file there is nothing beyond the
// main file to read and no writer (a writer would need the medium writable), so the file
// is read as immutable.
bool can_read_as_immutable(const std::string& path, const SQLite::Exception& e) {
    const int code = e.getErrorCode();
    if (code != SQLITE_CANTOPEN && code != SQLITE_READONLY) return false;
    std::error_code ec;
    if (std::filesystem::exists(path + "-wal", ec)) return false;
    const auto dir = std::filesystem::absolute(path, ec).parent_path();
    return ::access(dir.c_str(), W_OK) != 0;
}

} // namespace

const char* spor_navn(SporNiveau spor) {
    switch (spor) {
    case SporNiveau::Kort: return "kort";
    case SporNiveau::Ingen: return "ingen";
    case SporNiveau::Fuld: break;
    }
    return "fuld";
}

std::string CaseStore::default_path() {
    if (const char* p = std::getenv("KVALITET_DB"); p && *p) return p;
    return "kvalitet.db";
}

CaseStore::CaseStore(const std::string& path, Access access)
    : path_(path), access_(access), db_(access == Access::ReadOnly ? open_read_only(path) : open_read_write(path)) {
    // First, so every statement below, the very first read included, waits for another
    // process's write lock instead of failing with "database is locked".
    db_.setBusyTimeout(kBusyTimeoutMs);
    int v = 0;
    try {
        try {
            v = schema_version();
        } catch (const SQLite::Exception& e) {
            if (access_ != Access::ReadOnly || !can_read_as_immutable(path_, e)) throw;
            db_ = SQLite::Database(uri_path(path_) + "?immutable=1", SQLite::OPEN_READONLY | SQLite::OPEN_URI);
            v = schema_version();
        }
    } catch (const SQLite::Exception& e) {
        // A store that may not be written is no foreign file: say what is missing, and what still works.
        if (access_ != Access::ReadOnly && (e.getErrorCode() == SQLITE_READONLY || e.getErrorCode() == SQLITE_CANTOPEN))
            throw InputError(fmt::format("{}: kan ikke skrive i sagsdatabasen: der er ikke skriveadgang til filen eller "
                                         "til dens mappe (SQLite lægger -wal og -shm ved siden af filen); giv "
                                         "skriveadgang, eller brug en kommando, der kun læser (db status, eksporter, forklar)",
                                         path_));
        throw InputError(fmt::format("{}: er ikke en sagsdatabase, eller den kan ikke læses: {}", path_, describe(e)));
    }
    // Ours, before anything is read or written: a new, empty file (version 0, no tables), or
    // one whose tables sager and vurderinger have our columns. Another program's database
    // (many set a user_version) is neither read as ours nor written to. All read in one
    // statement, one snapshot: another process may be making the same new file ready.
    std::int64_t tables = 0, ours = 0;
    try {
        SQLite::Statement st(db_, "SELECT user_version, (SELECT count(*) FROM sqlite_master), "
                                  "(SELECT count(*) FROM pragma_table_info('sager') WHERE name IN ('kommune', 'sag')) + "
                                  "(SELECT count(*) FROM pragma_table_info('vurderinger') WHERE name IN "
                                  "('standard_sha256', 'motor_version', 'vurderingsdato')) FROM pragma_user_version");
        st.executeStep();
        v = st.getColumn(0).getInt();
        tables = st.getColumn(1).getInt64();
        ours = st.getColumn(2).getInt64();
    } catch (const SQLite::Exception& e) {
        throw InputError(fmt::format("{}: er ikke en sagsdatabase, eller den kan ikke læses: {}", path_, describe(e)));
    }
    if ((v == 0 && tables > 0) || (v > 0 && ours != 5))
        throw InputError(fmt::format("{}: er en SQLite-database, men ikke en sagsdatabase fra kvalitet (den har ikke "
                                     "dens tabeller); brug en anden fil",
                                     path_));
    // Refused before anything is written: not even the switch to WAL touches the file.
    refuse_version(v);
    if (v > 0) refuse_foreign_schema(v);
    if (v == 0 && access_ == Access::ReadOnly)
        throw InputError(fmt::format("{}: er tom, ikke en sagsdatabase endnu; opret den med 'kvalitet db init' eller "
                                     "'kvalitet db importer'",
                                     path_));
    if (access_ == Access::ReadOnly) return;
    try {
        prepare_for_writing();
        migrate();
    } catch (const InputError&) {
        throw;
    } catch (const SQLite::Exception& e) {
        throw InputError(fmt::format("{}: kan ikke gøre sagsdatabasen klar: {}", path_, describe(e)));
    }
}

void CaseStore::prepare_for_writing() {
    // Only takes effect on a new file, and only before WAL. An assessment is ~6 KB of
    // JSON: with the default 4 KB pages each spilled into overflow pages; storing 20,000
    // of them took 1.78 s, with 16 KB pages 1.37 s.
    db_.exec("PRAGMA page_size = 16384");
    switch_to_wal();
    db_.exec("PRAGMA synchronous = NORMAL");
    db_.exec("PRAGMA foreign_keys = ON");
}

void CaseStore::prepare_for_batches(bool checkpoints_elsewhere) {
    db_.exec("PRAGMA cache_size = -65536"); // KiB: a 4,096-case batch is 12-24 MB of pages
    if (checkpoints_elsewhere) db_.exec("PRAGMA wal_autocheckpoint = 0");
}

bool CaseStore::checkpoint() {
    // One row: busy (another checkpoint is running: it copies the same frames), the WAL's
    // frames, the frames now copied (-1, -1 when the file is not in WAL mode).
    SQLite::Statement st(db_, "PRAGMA wal_checkpoint(PASSIVE)");
    if (!st.executeStep()) return true;
    return st.getColumn(0).getInt() == 0 && st.getColumn(1).getInt64() == st.getColumn(2).getInt64();
}

void CaseStore::checkpoint_and_truncate() {
    // TRUNCATE waits for readers through the busy handler; here it may not wait at all (a
    // reader holding a snapshot is then told as busy in the row, not raised as an error).
    db_.setBusyTimeout(0);
    struct Restore {
        SQLite::Database& db;
        ~Restore() { db.setBusyTimeout(kBusyTimeoutMs); }
    } restore{db_};
    SQLite::Statement st(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
    while (st.executeStep()) {
    }
}

// Outside any transaction (SQLite requires that). Switching a new file upgrades a read
// lock to a write lock, and SQLite does not call the busy handler for an upgrade (two
// upgrading readers would deadlock), so a process racing another one over the same new
// file gets SQLITE_BUSY at once: 1 to 4 of 16 processes did in 1 of 20 trials. Retried
// here, within the same busy timeout.
void CaseStore::switch_to_wal() {
    using namespace std::chrono;
    const auto deadline = steady_clock::now() + milliseconds(kBusyTimeoutMs);
    for (auto pause = milliseconds(1);; pause = std::min(pause * 2, milliseconds(100))) {
        try {
            db_.exec("PRAGMA journal_mode = WAL");
            return;
        } catch (const SQLite::Exception& e) {
            if (e.getErrorCode() != SQLITE_BUSY || steady_clock::now() + pause > deadline) throw;
        }
        std::this_thread::sleep_for(pause);
    }
}

// A version this kvalitet cannot migrate from: a newer one, or a negative one no kvalitet
// writes (PRAGMA user_version set by hand); migrating from it would index past the steps.
void CaseStore::refuse_version(int v) const {
    if (v > kSchemaVersion)
        throw InputError(fmt::format("{}: databasen har skemaversion {}, men denne kvalitet kender kun op til {}; "
                                     "brug en nyere kvalitet",
                                     path_, v, kSchemaVersion));
    if (v < 0)
        throw InputError(fmt::format("{}: databasen har skemaversion {}, som ingen kvalitet skriver (0 til {}); "
                                     "filen er ændret uden for kvalitet. Brug en sikkerhedskopi",
                                     path_, v, kSchemaVersion));
}

// The schema must be what kvalitet's migrations made up to version v: a trigger added by
// hand, or a view in place of a table, runs whatever SQL it holds inside our statements (an
// attack's recursive CTE in a trigger hung `db importer`; in a view, `db status`), and a
// trigger or index taken away would let the log be edited. Compared with the migrations
// applied to an empty database in memory: every object by kind, name and SQL (a CHECK, an
// index expression or a collation changes what our statements do, too). SQLite's own tables
// (sqlite_…) and the indexes it makes for a key (no SQL) are left out; a trigger, view or
// index of another name or with SQL is not. SQL is
// compared without comments and blanks: a file made by hand in a test, or written by an
// older SQLite, may set it out otherwise.
void CaseStore::refuse_foreign_schema(int v) {
    using Objekt = std::tuple<std::string, std::string, std::string>; // type, name, sql
    auto uden_blanke = [](std::string_view sql) {
        std::string out;
        for (std::size_t i = 0; i < sql.size(); ++i) {
            if (sql[i] == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
                while (i < sql.size() && sql[i] != '\n') ++i;
                continue;
            }
            if (!std::isspace(static_cast<unsigned char>(sql[i]))) out += sql[i];
        }
        return out;
    };
    auto objekter = [&](SQLite::Database& db) {
        std::set<Objekt> out;
        SQLite::Statement st(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE NOT ((type = 'table' "
                                 "AND name LIKE 'sqlite\\_%' ESCAPE '\\') OR (type = 'index' AND sql IS NULL))");
        while (st.executeStep())
            out.emplace(st.getColumn(0).getString(), st.getColumn(1).getString(), uden_blanke(st.getColumn(2).getString()));
        return out;
    };
    std::set<Objekt> ventet, fundet;
    try {
        SQLite::Database mem(":memory:", SQLite::OPEN_READWRITE);
        for (int i = 0; i < v; ++i) mem.exec(kMigrations[i]);
        ventet = objekter(mem);
        fundet = objekter(db_);
    } catch (const SQLite::Exception& e) {
        throw InputError(fmt::format("{}: er ikke en sagsdatabase, eller den kan ikke læses: {}", path_, describe(e)));
    }
    if (ventet == fundet) return;
    auto navn = [](const Objekt& o) { return fmt::format("{} '{}'", std::get<0>(o), printable_line(std::get<1>(o))); };
    std::string hvad;
    for (const auto& o : fundet)
        if (!ventet.count(o)) {
            hvad = fmt::format("{}, som kvalitet ikke har lavet (eller som er ændret)", navn(o));
            break;
        }
    if (hvad.empty())
        for (const auto& o : ventet)
            if (!fundet.count(o)) {
                hvad = fmt::format("ikke længere {}, som kvalitet lavede", navn(o));
                break;
            }
    throw InputError(fmt::format("{}: sagsdatabasens skema er ændret uden for kvalitet: den har {}; kvalitet bruger "
                                 "den ikke (den kunne køre anden SQL end vores). Brug en sikkerhedskopi",
                                 path_, hvad));
}

int CaseStore::schema_version() { return db_.execAndGet("PRAGMA user_version").getInt(); }

// All steps in one write transaction taken before the version is read: two processes
// opening the same new file cannot both see version 0 and both create the tables.
void CaseStore::migrate() {
    if (schema_version() == kSchemaVersion) return; // the common case: no write lock needed
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    int v = schema_version();
    refuse_version(v); // again, inside the transaction: another process may have written it
    for (; v < kSchemaVersion; ++v) db_.exec(kMigrations[v]);
    db_.exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
    tx.commit();
}

void CaseStore::check_integrity() {
    try {
        SQLite::Statement st(db_, "PRAGMA quick_check(5)");
        std::vector<std::string> problems;
        while (st.executeStep())
            if (auto line = st.getColumn(0).getString(); line != "ok") problems.push_back(line);
        if (problems.empty()) return;
        throw InputError(fmt::format("{}: databasen er beskadiget (SQLites kontrol, PRAGMA quick_check, siger på engelsk: "
                                     "\"{}\"); gendan den fra en "
                                     "sikkerhedskopi, eller importér sagerne igen i en ny fil",
                                     path_, fmt::join(problems, "; ")));
    } catch (const SQLite::Exception& e) {
        const std::string why = describe(e); // said once: "beskadiget (databasen er beskadiget)" said it twice
        throw InputError(fmt::format("{}: databasen er beskadiget{}; gendan den fra en sikkerhedskopi, eller "
                                     "importér sagerne igen i en ny fil",
                                     path_, why == "databasen er beskadiget" ? std::string() : " (" + why + ")"));
    }
}

// IMMEDIATE: the first statement reads (what was stored before), and a read transaction
// that later writes fails at once when another connection wrote meanwhile, without
// waiting its turn.
CaseStore::Import::Import(CaseStore& store, std::size_t batch_bytes)
    : store_(store), batch_bytes_(batch_bytes), tx_(std::in_place, store.db_, SQLite::TransactionBehavior::IMMEDIATE),
      insert_(store.db_, "INSERT INTO sager(id, kommune, sag, sha256, opdateret) VALUES (?, ?, ?, ?, ?) "
                         "ON CONFLICT(id) DO UPDATE SET kommune = excluded.kommune, sag = excluded.sag, "
                         "sha256 = excluded.sha256, opdateret = excluded.opdateret"),
      before_(store.db_, "SELECT sha256 FROM sager WHERE id = ?"),
      now_(now_utc()) {}

CaseStore::Import::Udfald CaseStore::Import::add(const StoredCase& c) {
    if (in_batch_ >= batch_bytes_) {
        tx_->commit();
        tx_.reset();
        tx_.emplace(store_.db_, SQLite::TransactionBehavior::IMMEDIATE);
        in_batch_ = 0;
    }
    in_batch_ += c.json.size();
    const std::string sha = c.sha256.empty() ? sha256_hex(c.json) : c.sha256;
    Udfald udfald = Udfald::Ny;
    before_.bind(1, c.id);
    if (before_.executeStep()) {
        const auto earlier = before_.getColumn(0);
        udfald = seen_.count(std::hash<std::string>{}(c.id)) ? Udfald::IgenIImporten
                 : !earlier.isNull() && earlier.getString() == sha ? Udfald::Uaendret
                                                                    : Udfald::Aendret;
    }
    before_.reset();
    insert_.bind(1, c.id);
    insert_.bind(2, c.kommune);
    insert_.bind(3, c.json);
    insert_.bind(4, sha);
    insert_.bind(5, now_);
    insert_.exec();
    insert_.reset();
    seen_.insert(std::hash<std::string>{}(c.id));
    return udfald;
}

void CaseStore::put_cases(const std::vector<StoredCase>& cases) {
    Import import(*this);
    for (const auto& c : cases) import.add(c);
    import.commit();
}

std::int64_t CaseStore::count_cases() { return db_.execAndGet("SELECT count(*) FROM sager").getInt64(); }
std::int64_t CaseStore::count_assessments() { return db_.execAndGet("SELECT count(*) FROM vurderinger").getInt64(); }

std::int64_t CaseStore::count_old_duplicates() {
    if (schema_version() < 2) return 0; // not migrated yet (a read-only open does not migrate)
    // Each old row against the earlier rows of its case (index vurderinger_sag): one pass,
    // no sort of the assessments' text.
    return db_
        .execAndGet("SELECT count(*) FROM vurderinger a WHERE a.sag_sha256 IS NULL AND EXISTS ("
                    "SELECT 1 FROM vurderinger b WHERE b.sag_id = a.sag_id AND b.nr < a.nr AND b.sag_sha256 IS NULL "
                    "AND b.standard_sha256 = a.standard_sha256 AND b.motor_version = a.motor_version "
                    "AND b.vurderingsdato = a.vurderingsdato AND b.vurdering = a.vurdering)")
        .getInt64();
}

std::vector<StoredCase> CaseStore::read_cases(std::int64_t after, std::size_t limit, const std::string& kommune) {
    // A read-only store is not migrated: before schema 2 the cases have no sha256 column.
    const char* sha = schema_version() >= 2 ? "sha256" : "NULL";
    SQLite::Statement st(db_, kommune.empty()
                                  ? fmt::format("SELECT rowid, id, kommune, sag, {} FROM sager WHERE rowid > ? "
                                                "ORDER BY rowid LIMIT ?",
                                                sha)
                                  : fmt::format("SELECT rowid, id, kommune, sag, {} FROM sager WHERE rowid > ? AND "
                                                "kommune = ? ORDER BY rowid LIMIT ?",
                                                sha));
    int i = 1;
    st.bind(i++, after);
    if (!kommune.empty()) st.bind(i++, kommune);
    st.bind(i, static_cast<std::int64_t>(limit));
    std::vector<StoredCase> out;
    while (st.executeStep()) {
        StoredCase c{st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                     st.getColumn(3).getString(), st.getColumn(4).getString()};
        if (c.sha256.empty()) c.sha256 = sha256_hex(c.json); // stored before schema 2
        out.push_back(std::move(c));
    }
    return out;
}

bool CaseStore::has_assessment(const std::string& sag_id, const std::string& sag_sha256,
                               const std::string& standard_sha256, const std::string& dato) {
    SQLite::Statement st(db_, "SELECT 1 FROM vurderinger WHERE sag_id = ? AND sag_sha256 = ? AND "
                              "standard_sha256 = ? AND motor_version = ? AND vurderingsdato = ? LIMIT 1");
    st.bind(1, sag_id);
    st.bind(2, sag_sha256);
    st.bind(3, standard_sha256);
    st.bind(4, motor_);
    st.bind(5, dato);
    return st.executeStep();
}

std::vector<bool> CaseStore::assessed(const std::vector<AssessmentKey>& keys, const std::string& dato) {
    std::vector<bool> out(keys.size(), false);
    if (keys.empty()) return out;
    // The rows of this date and engine for the batch's ids, by the identity index (sag_id
    // first), at most kChunk ids per statement (SQLite's limit on parameters is far above).
    constexpr std::size_t kChunk = 500;
    std::map<std::string_view, std::vector<std::size_t>> by_id; // id -> its keys (an id may repeat)
    for (std::size_t i = 0; i < keys.size(); ++i) by_id[keys[i].sag_id].push_back(i);
    std::vector<const std::string*> ids;
    ids.reserve(by_id.size());
    for (const auto& [id, which] : by_id) ids.push_back(&keys[which.front()].sag_id);
    auto statement = [&](std::size_t n) {
        std::string sql = "SELECT sag_id, sag_sha256, standard_sha256 FROM vurderinger WHERE sag_sha256 IS NOT NULL "
                          "AND motor_version = ? AND vurderingsdato = ? AND sag_id IN (";
        for (std::size_t i = 0; i < n; ++i) sql += i ? ",?" : "?";
        sql += ")";
        return std::make_unique<SQLite::Statement>(db_, sql);
    };
    in_parts(ids.size(), kChunk, statement, [&](SQLite::Statement& st, std::size_t from, std::size_t n) {
        st.reset();
        st.clearBindings();
        st.bind(1, motor_);
        st.bind(2, dato);
        for (std::size_t i = 0; i < n; ++i) st.bindNoCopy(int(i + 3), *ids[from + i]);
        while (st.executeStep()) {
            const std::string id = st.getColumn(0).getString();
            const char* sag_sha = st.getColumn(1).getText();
            const char* std_sha = st.getColumn(2).getText();
            auto it = by_id.find(id);
            if (it == by_id.end()) continue;
            for (std::size_t k : it->second)
                if (keys[k].sag_sha256 == sag_sha && keys[k].standard_sha256 == std_sha) out[k] = true;
        }
    });
    return out;
}

std::size_t CaseStore::add_assessments(const std::vector<AssessmentRow>& rows,
                                       const std::vector<StoredStandard>& standards) {
    // Each insert into the log may be aborted by its triggers, so SQLite keeps a statement
    // journal: the pages the insert changes (table and both indexes), copied before it
    // changes them. With 16 KB pages that passes SQLite's 64 KiB limit for keeping it in
    // memory, and in a temporary file it was ~9 pwrite calls per stored assessment, most of
    // db vurder's system time. In memory for these inserts only: a query's large sort on the
    // same connection still spills to disk.
    struct TempInMemory {
        SQLite::Database& db;
        explicit TempInMemory(SQLite::Database& d) : db(d) { db.exec("PRAGMA temp_store = MEMORY"); }
        ~TempInMemory() {
            try {
                db.exec("PRAGMA temp_store = DEFAULT");
            } catch (...) { // only a hint for later statements; never an error of its own
            }
        }
    } temp_in_memory(db_);
    SQLite::Transaction tx(db_);
    if (!standards.empty()) {
        SQLite::Statement keep(db_, "INSERT INTO standarder(sha256, kommune, fil, tekst, gemt) VALUES (?, ?, ?, ?, ?) "
                                    "ON CONFLICT DO NOTHING");
        for (const auto& x : standards) {
            keep.bind(1, x.sha256);
            keep.bind(2, x.kommune);
            keep.bind(3, x.fil);
            keep.bind(4, x.tekst);
            keep.bind(5, now_utc());
            keep.exec();
            keep.reset();
        }
    }
    // DO NOTHING on the identity index only: NOT NULL, CHECK and the triggers still abort.
    // Up to kRowsPerInsert rows per statement: SQLite opens a statement journal for every
    // statement (the trigger may abort it) and copies each page the statement changes into it
    // first, so one row per statement copied its index pages for every row.
    constexpr std::size_t kColumns = 10, kRowsPerInsert = 64;
    auto insert = [this](std::size_t n) {
        std::string sql = "INSERT INTO vurderinger(sag_id, sag_sha256, kommune, standard_sha256, motor_version, "
                          "vurderingsdato, vurdering, oprettet, spor, standard_dato) VALUES ";
        for (std::size_t i = 0; i < n; ++i) sql += i ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        sql += " ON CONFLICT DO NOTHING";
        return std::make_unique<SQLite::Statement>(db_, sql);
    };
    const std::string now = now_utc();
    std::size_t added = 0;
    in_parts(rows.size(), kRowsPerInsert, insert, [&](SQLite::Statement& st, std::size_t from, std::size_t n) {
        // Bound without a copy: every row outlives its statement (an assessment is ~5 KB).
        for (std::size_t i = 0; i < n; ++i) {
            const AssessmentRow& r = rows[from + i];
            const int c = int(i * kColumns);
            st.bindNoCopy(c + 1, r.sag_id);
            st.bindNoCopy(c + 2, r.sag_sha256);
            st.bindNoCopy(c + 3, r.kommune);
            st.bindNoCopy(c + 4, r.standard_sha256);
            st.bindNoCopy(c + 5, motor_);
            st.bindNoCopy(c + 6, r.vurderingsdato);
            st.bindNoCopy(c + 7, r.json);
            st.bindNoCopy(c + 8, now);
            st.bind(c + 9, spor_navn(r.spor));
            if (r.standard_dato.empty()) st.bind(c + 10);
            else st.bind(c + 10, r.standard_dato);
        }
        added += std::size_t(st.exec()); // rows added: DO NOTHING skips count none
        st.reset();
    });
    tx.commit();
    return added;
}

std::optional<StoredCase> CaseStore::read_case(const std::string& id) {
    SQLite::Statement st(db_, fmt::format("SELECT rowid, id, kommune, sag, {} FROM sager WHERE id = ?",
                                          schema_version() >= 2 ? "sha256" : "NULL"));
    st.bind(1, id);
    if (!st.executeStep()) return std::nullopt;
    StoredCase c{st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                 st.getColumn(3).getString(), st.getColumn(4).getString()};
    if (c.sha256.empty()) c.sha256 = sha256_hex(c.json); // stored before schema 2
    return c;
}

std::optional<StoredStandard> CaseStore::standard_text(const std::string& sha256) {
    if (schema_version() < 4) return std::nullopt; // read-only, not migrated: none kept
    SQLite::Statement st(db_, "SELECT sha256, kommune, fil, tekst FROM standarder WHERE sha256 = ?");
    st.bind(1, sha256);
    if (!st.executeStep()) return std::nullopt;
    return StoredStandard{st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                          st.getColumn(3).getString()};
}

std::vector<AssessmentRow> CaseStore::assessments_of(const std::string& sag_id) {
    // A read-only store is not migrated: a file from before schema 3 has no spor or
    // standard_dato column (every row in it has the full trace), before 2 no sag_sha256.
    const int v = schema_version();
    SQLite::Statement st(db_, fmt::format("SELECT sag_id, {}, kommune, standard_sha256, vurderingsdato, vurdering, "
                                          "{}, {}, nr, motor_version FROM vurderinger WHERE sag_id = ? ORDER BY nr",
                                          v >= 2 ? "coalesce(sag_sha256, '')" : "''",
                                          v >= 3 ? "spor" : "'fuld'", v >= 3 ? "coalesce(standard_dato, '')" : "''"));
    st.bind(1, sag_id);
    std::vector<AssessmentRow> out;
    simdjson::dom::parser parser;
    simdjson::dom::object parsed;
    while (st.executeStep()) {
        AssessmentRow r{st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getString(),
                        st.getColumn(3).getString(), st.getColumn(4).getString(),
                        check_own(parser, path_, st.getColumn(8).getInt64(), sag_id, st.getColumn(5), parsed)};
        const auto spor = spor_niveau(st.getColumn(6).getText());
        if (!spor) // the CHECK constraint keeps it out; a file edited around it
            throw InputError(fmt::format("{}: vurdering nr. {} i loggen har et sporniveau, der ikke er fuld, kort "
                                         "eller ingen; loggen er ændret uden om kvalitet",
                                         path_, st.getColumn(8).getInt64()));
        r.spor = *spor;
        r.standard_dato = st.getColumn(7).getString();
        r.nr = st.getColumn(8).getInt64();
        r.motor_version = st.getColumn(9).getString();
        out.push_back(std::move(r));
    }
    return out;
}

void CaseStore::latest_assessments(const std::function<void(const std::string&)>& each) {
    latest_rows([&](std::string_view, const std::string& json, const simdjson::dom::object&) { each(json); });
}

void CaseStore::latest_parsed(const std::function<void(std::string_view, const simdjson::dom::object&)>& each) {
    latest_rows([&](std::string_view kommune, const std::string&, const simdjson::dom::object& v) { each(kommune, v); });
}

void CaseStore::latest_rows(
    const std::function<void(std::string_view, const std::string&, const simdjson::dom::object&)>& each) {
    SQLite::Statement st(db_, "SELECT v.nr, v.sag_id, v.vurdering, v.kommune FROM vurderinger v "
                              "JOIN (SELECT max(nr) AS nr FROM vurderinger GROUP BY sag_id) m ON v.nr = m.nr "
                              "ORDER BY v.sag_id");
    simdjson::dom::parser parser;
    simdjson::dom::object parsed;
    while (st.executeStep()) {
        const std::string sag_id = st.getColumn(1).getString();
        const std::string json = check_own(parser, path_, st.getColumn(0).getInt64(), sag_id, st.getColumn(2), parsed);
        each(st.getColumn(3).getString(), json, parsed);
    }
}

} // namespace kvalitet
