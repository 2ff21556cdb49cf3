// kvalitet db …: the case store (SQLite). kvalitet demo: the main job on synthetic cases.
#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <unistd.h>

#include "cli.hpp"
#include "domain/tekst.hpp"
#include "db_forklar.hpp"
#include "line_reader.hpp"
#include "domain/sha256.hpp"
#include "engine/parallel.hpp"
#include "engine/rute.hpp"
#include "engine/standard.hpp"
#include "engine/versioner.hpp"
#include "lua/error.hpp"
#include "store/case_store.hpp"
#include "store/wal_checkpointer.hpp"
#include "store/motor_version.hpp"
#include "store/demo_rapport.hpp"
#include "store/demo_sager.hpp"
#include "store/import_json.hpp"
#include "store/run_lock.hpp"
#include "store/status.hpp"

namespace kvalitet::cli {

namespace {

struct DbOptions {
    std::string db, kommune, dato, fil, standard_dato, rapport, spor = "fuld", sag, format = "tekst";
    bool alle = false, ndjson = false;
    unsigned traade = 0;
    std::size_t batch = 4096, antal = 3000;
    std::uint64_t seed = 85;
};

std::atomic<bool> g_interrupted{false};
extern "C" void on_sigint(int) { g_interrupted = true; }

// While alive, Ctrl-C sets g_interrupted instead of ending the process. Without
// SA_RESTART, so it also ends a read that waits on a terminal or a pipe.
class CatchSigint {
public:
    CatchSigint() {
        g_interrupted = false;
        struct sigaction stop {};
        stop.sa_handler = on_sigint;
        sigemptyset(&stop.sa_mask);
        sigaction(SIGINT, &stop, &old_);
    }
    ~CatchSigint() { sigaction(SIGINT, &old_, nullptr); }
    CatchSigint(const CatchSigint&) = delete;
    CatchSigint& operator=(const CatchSigint&) = delete;

private:
    struct sigaction old_ {};
};

std::string db_path(const DbOptions& o) { return o.db.empty() ? CaseStore::default_path() : o.db; }

// A case for the store: valid under the contract, with an id and a known municipality.
// Stored compacted, so an array element and an NDJSON line holding the same case store
// the same text. Whatever the parser throws is this case's error, never the import's.
// `linje` and `kolonne`: where the case begins in the input, for a syntax error's position.
std::optional<std::string> check_case(const std::string& text, std::size_t linje, std::size_t kolonne,
                                      const std::vector<std::string>& kommuner, StoredCase& out) {
    try {
        SagGraenser g;
        g.foerste_linje = linje;
        g.foerste_kolonne = kolonne;
        Sag sag = Sag::from_json(text, g);
        if (sag.id.empty()) return "feltet 'id' mangler eller er tomt: sagsdatabasen kræver et sags-id";
        if (!sag.kommune) return "feltet 'kommune' mangler: sagsdatabasen kræver kommunen";
        if (std::find(kommuner.begin(), kommuner.end(), *sag.kommune) == kommuner.end())
            return "feltet 'kommune': " + ukendt_kommune_tekst(*sag.kommune, kommuner);
        out = {0, sag.id, *sag.kommune, compact_json(text), {}};
        return std::nullopt;
    } catch (const InputError& e) {
        return std::string(e.what());
    } catch (const std::bad_alloc&) {
        return "sagen er for stor til at blive læst";
    } catch (const std::exception&) {
        // Defensive: the parser should throw InputError only; its text might not be Danish.
        return "ugyldig sag: JSON-teksten kunne ikke læses";
    }
}

// The texts of every version of the municipalities' standards (of `kommune`, or all), for
// the store to keep: then a row assessed before the store kept texts is still explained
// after its file changes, when one of today's versions made it. A municipality whose
// versions do not load now is left out (its cases fail on their own when assessed).
// `versions_of(k)` gives them: loaded here, or the assessor's, which loads each once.
template <class VersionsOf>
std::vector<StoredStandard> all_versions(const Sources& sources, const std::string& kommune, VersionsOf versions_of) {
    std::vector<StoredStandard> out;
    for (const auto& k : kommune.empty() ? kommuner(sources) : std::vector<std::string>{kommune}) {
        try {
            for (const Version& v : versions_of(k))
                if (auto text = sources.read(v.fil); text && sha256_hex(*text) == v.sha256)
                    out.push_back({v.sha256, k, v.fil, std::move(*text)});
        } catch (const std::exception&) { // said when its cases are assessed
        }
    }
    return out;
}

int cmd_init(const DbOptions& o, const Sources& sources) {
    CaseStore store(db_path(o));
    // "klar" only for a file that is whole: init is how one checks a database before use
    store.check_integrity();
    store.add_assessments({}, all_versions(sources, "", [&](const std::string& k) { return versioner(sources, k); }));
    fmt::print("{}: klar (skemaversion {}, {} sager, {} vurderinger)\n", store.path(), store.schema_version(),
               store.count_cases(), store.count_assessments());
    return kOk;
}

// On a terminal, how far a long import has read; redrawn at most five times a second.
class ImportProgress {
public:
    void tick(std::size_t good, std::size_t bad) {
        if (!tty_ || (++n_ & 1023) != 0) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - last_ < std::chrono::milliseconds(200)) return;
        last_ = now;
        shown_ = true;
        fmt::print(stderr, "\rlæst: {} sager ({} afvist) …", good + bad, bad);
    }
    // Clears the line, before anything else is printed.
    void done() {
        if (shown_) fmt::print(stderr, "\r\033[K");
        shown_ = false;
    }
    ~ImportProgress() { done(); }

private:
    bool tty_ = isatty(STDERR_FILENO) != 0, shown_ = false;
    std::size_t n_ = 0;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// Streamed either way: one NDJSON line or one array element in memory at a time. All
// valid cases are stored in one transaction; a bad case is named and skipped, never a
// reason to drop the others. Ctrl-C stops reading and keeps what was read: importing the
// same file again stores the rest (the cases already stored count as unchanged).
int cmd_importer(const DbOptions& o, const Sources& sources) {
    const auto ids = kommuner(sources);
    const InputFile in(o.fil);
    const CatchSigint catching; // before the first read, which may wait on a pipe
    LineReader src(in.get());
    std::string line;
    // An array is told from NDJSON before any line is read: an array's line has no bound
    // (it may hold every case), so it is read in blocks, never as lines cut to the limit.
    const bool array = src.peek_nonspace() == '[';
    std::size_t line_no = src.skipped_lines();

    CaseStore store(db_path(o));
    const RunLock lock(store.path(), RunLock::Run::Importer); // one import at a time: it commits batch by batch
    CaseStore::Import import(store);
    std::size_t good = 0, bad = 0, nye = 0, aendrede = 0, igen = 0;
    bool not_ndjson = false;
    constexpr std::size_t kVisIgen = 20; // said one by one; the rest counted
    ImportProgress shown;
    std::size_t last_line = 0, last_nr = 0; // of the last case read: where Ctrl-C stopped
    auto take = [&](const std::string& item, std::size_t linje, std::size_t kolonne, const std::string& where) {
        shown.tick(good, bad);
        StoredCase c;
        if (auto err = check_case(item, linje, kolonne, ids, c)) {
            shown.done();
            fmt::print(stderr, "{}: {}; sagen er sprunget over\n", where, *err);
            ++bad;
            return;
        }
        ++good;
        switch (import.add(c)) {
        case CaseStore::Import::Udfald::Ny: ++nye; break;
        case CaseStore::Import::Udfald::Aendret: ++aendrede; break;
        case CaseStore::Import::Udfald::Uaendret: break;
        case CaseStore::Import::Udfald::IgenIImporten:
            if (++igen <= kVisIgen)
                shown.done(), fmt::print(stderr, "{}: sagen '{}' stod også tidligere i inddata; denne senere udgave er den, der gemmes\n",
                           where, printable_line(c.id));
            break;
        }
    };
    const std::string name = o.fil == "-" ? "standard input" : o.fil;
    if (array) {
        JsonArraySplitter split;
        auto each = [&](JsonArraySplitter::Element& e) {
            const std::string where = e.nr ? fmt::format("{} element {} (linje {})", name, e.nr, e.linje)
                                           : fmt::format("{} linje {}", name, e.linje);
            last_line = e.linje, last_nr = e.nr;
            if (e.fejl.empty()) return take(e.text, e.linje, e.kolonne, where);
            shown.done();
            fmt::print(stderr, "{}: {}{}\n", where, e.fejl, e.nr ? "; sagen er sprunget over" : "");
            ++bad;
        };
        std::size_t linje = line_no + 1;
        bool newline_last = false;
        for (std::string_view block; src.next_block(block);) {
            if (g_interrupted) src.cut();
            split.feed_text(block, linje, each);
            newline_last = block.back() == '\n';
        }
        if (!g_interrupted) split.finish(newline_last ? linje - 1 : linje, each);
    } else {
        bool first = true;
        for (bool more = src.next(line); more; more = src.next(line)) {
            if (g_interrupted) src.cut(); // the lines already read are taken
            ++line_no;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            if (first) first = false, not_ndjson = ikke_ndjson(line);
            last_line = line_no;
            take(line, line_no, 1, fmt::format("{} linje {}", name, line_no));
        }
    }
    shown.done();
    import.commit();
    if (igen > kVisIgen) fmt::print(stderr, "og {} sager mere stod flere gange i inddata\n", igen - kVisIgen);
    // One case written over several lines fails line by line; say why once. (A list of
    // cases, [ … ], is read as one.)
    if (not_ndjson && bad)
        fmt::print(stderr, "kvalitet db importer: inddata ser ud til at være én sag skrevet over flere linjer; importer "
                           "læser NDJSON (én sag pr. linje) eller en liste [ … ]: skriv det om med jq -c . FIL\n");
    // What the store now holds that it did not: new ids, and stored cases given another text.
    fmt::print("{} {} importeret ({} nye, {} ændrede, {} uændrede{}), {} afvist{}\n", good, good == 1 ? "sag" : "sager", nye,
               aendrede, good - nye - aendrede - igen,
               igen ? fmt::format(", {} gentaget i inddata", igen) : std::string(), bad,
               bad ? " (se ovenfor; de gyldige er importeret)" : "");
    if (g_interrupted) {
        fmt::print(stderr, "afbrudt efter {} i {}: de sager, der blev læst, er gemt; importér den samme fil igen "
                           "for at få resten med (de gemte tælles som uændrede)\n",
                   last_nr ? fmt::format("element {} (linje {})", last_nr, last_line) : fmt::format("linje {}", last_line),
                   name);
        return kInvalid;
    }
    return bad ? kInvalid : kOk;
}

void progress(std::int64_t done, std::int64_t total) {
    if (!isatty(STDERR_FILENO) || total <= 0) return;
    const int width = 30, filled = int(width * done / total);
    fmt::print(stderr, "\r[{}{}] {}/{} sager", std::string(std::size_t(filled), '#'),
               std::string(std::size_t(width - filled), ' '), done, total);
    if (done >= total) fmt::print(stderr, "\n");
}

// How much a db vurder run writes to the WAL before the writer waits for it to be copied
// into the database file (WalCheckpointer), and a row's bytes there beside its JSON (its
// other columns and its two index entries). Larger waits less, and takes more disk while
// it runs; see bench/README.md, "4/12".
constexpr std::size_t kWalBudget = std::size_t(64) << 20, kRowOverhead = 400;

// Assesses the stored cases batch by batch; each batch's assessments are stored in one
// transaction, so an interruption leaves whole batches only.
int assess_store(const DbOptions& o, const Sources& on_disk, CaseStore& store, Dato dato) {
    // Read once: an edit to the sources during the run changes neither what assesses nor
    // what each row records as having assessed it.
    const Sources sources = on_disk.snapshot();
    const RunLock lock(store.path()); // held until the last batch is stored
    ParallelAssessor assessor(sources, o.traade);
    const SporNiveau spor = spor_niveau(o.spor).value_or(SporNiveau::Fuld);
    assessor.set_spor(spor);
    const std::optional<Dato> standard_dato = standard_date(o.standard_dato);
    // Recorded with each row (db forklar regenerates under it); none: the assessment date.
    const std::string standard_dato_iso = standard_dato ? standard_dato->iso() : "";
    // kommune -> the sha256 of the version in force on the run's date, which assesses each of
    // its cases; empty when none is (then each case fails with ukendt_version).
    std::map<std::string, std::string> sha;
    auto sha_of = [&](const std::string& k) -> const std::string& {
        auto it = sha.find(k);
        if (it != sha.end()) return it->second;
        std::string v;
        try {
            v = version_paa(assessor.versions(k), k, standard_dato.value_or(dato)).sha256;
        } catch (const InputError& e) {
            // a row of a municipality not here (a database made elsewhere): that case fails
            // with its id, the others are assessed
            if (e.kode() != "ukendt_version" && e.kode() != "ukendt_kommune") throw;
        }
        return sha.emplace(k, std::move(v)).first->second;
    };
    if (!o.kommune.empty()) { // fail early on an unknown municipality, or one with no version in force
        assessor.info(o.kommune);
        if (sha_of(o.kommune).empty()) version_paa(assessor.versions(o.kommune), o.kommune, standard_dato.value_or(dato));
    }
    // The texts of the versions, kept with the first batch (db forklar).
    std::vector<StoredStandard> new_standards =
        all_versions(sources, o.kommune, [&](const std::string& k) -> const std::vector<Version>& { return assessor.versions(k); });
    const std::int64_t total = store.count_cases();
    CaseStore writer(store.path());
    writer.prepare_for_batches(true);
    WalCheckpointer checkpointer(store.path()); // before `storing`, whose task uses it
    // The shared rules are part of an assessment's identity: after a change to dsl/ or
    // stdlib/, the cases are assessed again, and each row names what assessed it.
    const std::string motor = motor_version(sources);
    store.set_motor_version(motor);
    writer.set_motor_version(motor);
    std::future<std::size_t> storing; // how many rows the batch added
    std::int64_t after = 0, seen = 0, failed = 0, skipped = 0;
    std::size_t stored = 0, offered = 0; // rows added to the log, rows given to it
    // Bytes given to the log since the writer last waited for the WAL to be copied.
    std::size_t since_copied = 0;
    g_interrupted = false;
    auto old = std::signal(SIGINT, on_sigint);
    while (!g_interrupted) {
        auto cases = store.read_cases(after, o.batch, o.kommune);
        if (cases.empty()) break;
        after = cases.back().nr;
        seen += std::int64_t(cases.size());
        // Which of the batch are in the log already: one query for the batch, not one per case.
        std::vector<bool> done;
        if (!o.alle) {
            std::vector<AssessmentKey> keys;
            keys.reserve(cases.size());
            for (const auto& c : cases) keys.push_back({c.id, c.sha256, sha_of(c.kommune)});
            done = store.assessed(keys, dato.iso());
        }
        std::vector<Opgave> todo;
        std::vector<std::string> case_sha, case_id; // beside todo: results come back in its order
        for (std::size_t ci = 0; ci < cases.size(); ++ci) {
            auto& c = cases[ci];
            if (!o.alle && done[ci]) {
                ++skipped;
                continue;
            }
            todo.push_back({std::move(c.json), c.kommune});
            case_sha.push_back(std::move(c.sha256));
            case_id.push_back(std::move(c.id));
        }
        auto results = assessor.assess(todo, dato, standard_dato);
        std::vector<AssessmentRow> rows;
        rows.reserve(results.size());
        for (std::size_t i = 0; i < results.size(); ++i) {
            auto& r = results[i];
            // The row's id is the case's: a text whose "id" names another case (a row written
            // by hand) would log its assessment under that other case.
            if (r.ok() && r.sag_id != case_id[i])
                r.fejl = fmt::format("rækkens id og sagens \"id\" ('{}') er forskellige; ret rækken, eller importér "
                                     "sagen igen med 'kvalitet db importer'",
                                     r.sag_id);
            if (!r.ok()) {
                fmt::print(stderr, "sag '{}': {}\n", printable_line(case_id[i]), printable(r.fejl));
                ++failed;
                continue;
            }
            rows.push_back({r.sag_id, case_sha[i], r.kommune, sha_of(r.kommune), dato.iso(), std::move(r.vurdering_json),
                            spor, standard_dato_iso});
        }
        // Stored on a second connection while the next batch is read and assessed
        // (storing was ~60% of a run); one batch in flight, its error rethrown here.
        if (storing.valid()) stored += storing.get();
        offered += rows.size();
        // After ~kWalBudget written the writer waits for the WAL to be copied, so it starts
        // over: the WAL stays about that long instead of growing with the run.
        const bool wait_for_copy = since_copied >= kWalBudget;
        if (wait_for_copy) since_copied = 0;
        for (const auto& r : rows) since_copied += r.json.size() + kRowOverhead;
        storing = std::async(std::launch::async, [&writer, &checkpointer, wait_for_copy, rows = std::move(rows),
                                                  kept = std::move(new_standards)] {
            if (wait_for_copy) checkpointer.caught_up();
            const std::size_t added = writer.add_assessments(rows, kept);
            checkpointer.committed();
            return added;
        });
        new_standards.clear();
        progress(o.kommune.empty() ? seen : std::min(seen, total), total);
    }
    if (storing.valid()) stored += storing.get();
    // The last batches copied too (and a failed copy reported), and the WAL's file emptied.
    checkpointer.finish();
    std::signal(SIGINT, old);
    // With --alle, rows already in the log are assessed again but not stored twice.
    fmt::print("{} sager vurderet pr. {}{}{}{}\n", offered, dato.iso(),
               skipped ? fmt::format(", {} allerede vurderet (brug --alle for at vurdere igen)", skipped) : "",
               offered > stored ? fmt::format(", {} stod allerede i loggen og er ikke gemt igen", offered - stored) : "",
               failed ? fmt::format(", {} kunne ikke vurderes (se ovenfor)", failed) : "");
    if (g_interrupted) {
        fmt::print(stderr, "afbrudt: de gemte vurderinger er hele batches; kør igen for at fortsætte\n");
        return kInvalid;
    }
    return failed ? kInvalid : kOk;
}

// The read verbs open read-only (never creating or migrating the file) and check the
// file first, so a damaged database is reported instead of half read.
CaseStore open_for_reading(const DbOptions& o) {
    CaseStore store(db_path(o), CaseStore::Access::ReadOnly);
    store.check_integrity();
    return store;
}

int cmd_status(const DbOptions& o) {
    CaseStore store = open_for_reading(o);
    const int version = store.schema_version();
    fmt::print("{}: {} sager, {} vurderinger (skemaversion {}{})\n", store.path(), store.count_cases(),
               store.count_assessments(), version,
               version < CaseStore::kSchemaVersion
                   ? fmt::format("; 'kvalitet db init' opgraderer til {}", CaseStore::kSchemaVersion)
                   : "");
    if (const auto dup = store.count_old_duplicates())
        fmt::print("heraf {} dubletter fra før skemaversion 2; de er bevaret, for loggen ændres aldrig\n", dup);
    fmt::print("\n{}", status_tekst(store_status(store)));
    return kOk;
}

int cmd_eksporter(const DbOptions& o) {
    CaseStore store = open_for_reading(o);
    std::string buffer;
    store.latest_assessments([&](const std::string& json) {
        buffer += json;
        buffer += '\n';
        if (buffer.size() > (1u << 20)) {
            std::fwrite(buffer.data(), 1, buffer.size(), stdout);
            buffer.clear();
        }
    });
    std::fwrite(buffer.data(), 1, buffer.size(), stdout);
    return kOk;
}

// The report beside the database (kvalitet.db → kvalitet-rapport.html), absolute so it can
// be opened from anywhere.
std::string report_path(const DbOptions& o, const std::string& db) {
    if (!o.rapport.empty()) return std::filesystem::absolute(o.rapport).string();
    std::filesystem::path p = std::filesystem::absolute(db);
    return (p.parent_path() / (p.stem().string() + "-rapport.html")).string();
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) throw std::runtime_error(fmt::format("rapporten kunne ikke skrives til {}", path));
}

// The main job: a store of synthetic cases (made on first run), assessed, summarised.
int cmd_demo(const DbOptions& o, const Sources& sources) {
    const Dato dato = evaluation_date(o.dato);
    if (o.ndjson) {
        std::string buffer;
        for (std::size_t i = 0; i < o.antal; ++i) {
            buffer += demo_sag(o.seed, i, dato);
            buffer += '\n';
            if (buffer.size() > (1u << 20)) std::fwrite(buffer.data(), 1, buffer.size(), stdout), buffer.clear();
        }
        std::fwrite(buffer.data(), 1, buffer.size(), stdout);
        return kOk;
    }
    CaseStore store(db_path(o));
    if (store.count_cases() == 0) {
        fmt::print("{}: opretter {} syntetiske sager (frø {}, omkring {})\n", store.path(), o.antal, o.seed, dato.iso());
        std::vector<StoredCase> cases;
        cases.reserve(o.antal);
        for (std::size_t i = 0; i < o.antal; ++i) {
            std::string json = demo_sag(o.seed, i, dato);
            Sag sag = Sag::from_json(json);
            cases.push_back({0, sag.id, *sag.kommune, std::move(json), {}});
        }
        store.put_cases(cases);
    } else {
        fmt::print("{}: genbruger {} sager\n", store.path(), store.count_cases());
    }
    const int rc = assess_store(o, sources, store, dato);
    fmt::print("\n{}", status_tekst(store_status(store)));
    const std::string path = report_path(o, store.path());
    write_file(path, demo_rapport_html(demo_rapport(store, dato)));
    fmt::print("\nRapport: {}\n", path);
    return rc;
}

template <class F>
void guarded_callback(CLI::App* cmd, const DbOptions& o, int& exit_code, F f) {
    cmd->callback([cmd, &o, &exit_code, f] {
        (void)cmd;
        try {
            exit_code = f();
        } catch (const CLI::ParseError&) {
            throw; // a usage error (a bad --hjem): main says it, with exit code 2
        } catch (const InputError& e) {
            exit_code = fail(e.what());
        } catch (const ScriptError& e) {
            exit_code = fail(e.what());
        } catch (const SQLite::Exception& e) { // mid-run: what is stored stays, and a new run skips it
            exit_code = fail(fmt::format("sagsdatabasen {}: {}; kør kommandoen igen, når fejlen er rettet (en afbrudt "
                                         "kørsel gemmer ingen halve sager eller vurderinger, og det gemte springes over)",
                                         db_path(o), CaseStore::beskriv(e)));
        } catch (const std::exception& e) {
            exit_code = fail(fmt::format("sagsdatabasen {}: {}", db_path(o), e.what()));
        }
    });
}

} // namespace

void add_db(CLI::App& app, Common& common, int& exit_code) {
    static DbOptions o;
    auto* db = app.add_subcommand("db", "Sagsdatabasen (SQLite): init, importer, vurder, forklar, eksporter, status");
    db->require_subcommand(1);
    db->add_option("--db", o.db, "SQLite-filen (standard: KVALITET_DB, ellers kvalitet.db)");
    auto* init = db->add_subcommand("init", "Opret eller opgrader databasen");
    guarded_callback(init, o, exit_code, [&common] { return cmd_init(o, common.sources()); });
    auto* imp = db->add_subcommand("importer", "Importér sager: et JSON-array eller NDJSON (én sag pr. linje)");
    imp->add_option("FIL", o.fil, "Filen, eller - for standard input")->required();
    guarded_callback(imp, o, exit_code, [&common] { return cmd_importer(o, common.sources()); });
    auto* vur = db->add_subcommand("vurder", "Vurder de gemte sager og gem vurderingerne (revisionslog)");
    vur->add_option("--kommune", o.kommune, "Kun denne kommunes sager");
    vur->add_option("--dato", o.dato, "Vurderingsdato ÅÅÅÅ-MM-DD (standard: i dag)");
    vur->add_option("--standard-dato", o.standard_dato,
                    "Vurder efter den version af standarden, der gælder på denne dato (ÅÅÅÅ-MM-DD), ikke på --dato");
    vur->add_flag("--alle", o.alle, "Vurder også sager, der allerede er vurderet på datoen efter samme standard");
    vur->add_option("--traade", o.traade, "Antal tråde (standard: alle kerner)")->check(CLI::Range(1u, 256u));
    vur->add_option("--batch", o.batch, "Sager pr. transaktion")->check(CLI::Range(std::size_t(1), std::size_t(1) << 20));
    const char* spor_hjaelp = "Hvor meget spor de gemte vurderinger har: fuld (standard), kort (regel, udfald og "
                              "datoer) eller ingen (kun resultater og begrundelser); 'db forklar' genskaber det fulde";
    vur->add_option("--spor", o.spor, spor_hjaelp)->check(CLI::IsMember({"fuld", "kort", "ingen"}));
    guarded_callback(vur, o, exit_code, [&common] {
        // The dates first: a wrong one is said before the database is made or locked.
        const Dato dato = evaluation_date(o.dato);
        standard_date(o.standard_dato);
        const Sources sources = common.sources();
        CaseStore store(db_path(o));
        return assess_store(o, sources, store, dato);
    });
    auto* fkl = db->add_subcommand("forklar", "Vis den fulde forklaring på en gemt vurdering: sagen vurderes igen efter "
                                               "den gemte version af standarden og skal give den gemte vurdering");
    fkl->add_option("SAG", o.sag, "Sagens id")->required();
    fkl->add_option("--dato", o.dato, "Vurderingen pr. denne dato ÅÅÅÅ-MM-DD (standard: sagens seneste vurdering)");
    fkl->add_option("--format", o.format, "Uddata: tekst (standard) eller json")->check(CLI::IsMember({"tekst", "json"}));
    guarded_callback(fkl, o, exit_code, [&common] { return db_forklar(db_path(o), o.sag, o.dato, o.format, common.sources()); });
    auto* eks = db->add_subcommand("eksporter", "Skriv den seneste vurdering af hver sag som NDJSON");
    guarded_callback(eks, o, exit_code, [] { return cmd_eksporter(o); });
    auto* st = db->add_subcommand("status", "Sager og vurderinger pr. kommune: målgruppe, pakker, frister, advarsler");
    guarded_callback(st, o, exit_code, [] { return cmd_status(o); });

    auto* demo = app.add_subcommand("demo", "Hovedjobbet: syntetiske demosager i en lokal SQLite-fil, vurderet og opsummeret");
    demo->add_option("--db", o.db, "SQLite-filen (standard: KVALITET_DB, ellers kvalitet.db)");
    demo->add_option("--antal", o.antal, "Antal sager, når databasen er tom")->check(CLI::Range(std::size_t(1), std::size_t(100'000'000)));
    demo->add_option("--frø,--seed", o.seed, "Frø for generatoren (samme frø, samme sager)");
    demo->add_option("--dato", o.dato, "Vurderingsdato og generatorens referencedato (standard: i dag)");
    demo->add_option("--traade", o.traade, "Antal tråde (standard: alle kerner)")->check(CLI::Range(1u, 256u));
    demo->add_flag("--ndjson", o.ndjson, "Skriv kun de syntetiske sager som NDJSON (ingen database)");
    demo->add_option("--spor", o.spor, spor_hjaelp)->check(CLI::IsMember({"fuld", "kort", "ingen"}));
    demo->add_option("--rapport", o.rapport, "HTML-rapporten (standard: ved siden af databasen, kvalitet-rapport.html)");
    guarded_callback(demo, o, exit_code, [&common] { return cmd_demo(o, common.sources()); });
}

} // namespace kvalitet::cli
