// kvalitet vurder: one case (JSON) or a stream (NDJSON), each case under its own
// municipality's standard, or under --kommune's (a case naming another is an error).
#include <fmt/format.h>

#include <algorithm>
#include <future>
#include <system_error>
#include <type_traits>
#include <unistd.h>
#include <iostream>
#include <fstream>

#include "cli.hpp"
#include "line_reader.hpp"
#include "domain/fejl_json.hpp"
#include "engine/parallel.hpp"
#include "engine/rute.hpp"
#include "engine/standard.hpp"
#include "engine/versioner.hpp"
#include "lua/error.hpp"

namespace kvalitet::cli {

namespace {

struct Options {
    std::string kommune, dato, standard_dato, format = "json", file, spor = "fuld";
    bool ndjson = false, streng = false;
    unsigned traade = 0;
    UkendteFelter ukendte() const { return streng ? UkendteFelter::Afvis : UkendteFelter::Ignorer; }
};

// The contract's error object for a line that could not be assessed.
std::string error_json(const Udfald& u, std::size_t line) {
    return fejl_json({u.kode.empty() ? "ugyldigt_input" : u.kode, u.fejl, u.felt, line, u.sag_id});
}

int run_ndjson(const Options& o, const Sources& sources, Dato dato) {
    ParallelAssessor assessor(sources, o.traade, o.ukendte());
    assessor.set_spor(*spor_niveau(o.spor));
    const auto standard_dato = standard_date(o.standard_dato);
    // An unknown --kommune, its broken script or (with --standard-dato) no version in force
    // fails here, once; without it each line finds its own standard.
    if (!o.kommune.empty()) {
        assessor.info(o.kommune);
        if (standard_dato) version_paa(assessor.versions(o.kommune), o.kommune, *standard_dato);
    }

    // Batches keep memory bounded (by count and by bytes: 1024 lines of up to 1 MiB each
    // would be a gigabyte); output keeps input order. Reading the next batch and writing the
    // last one's assessments run beside the assessing threads, so they do not wait for the
    // input or the output (at most three batches are held: read, assessed, written).
    constexpr std::size_t kBatch = 1024, kBatchBytes = 32u << 20;
    struct Batch {
        std::vector<Opgave> items;
        std::vector<std::size_t> numbers; // input line of each item (blank lines are skipped)
        bool last = false;
    };
    std::size_t line_no = 0, failed = 0, out_of_memory = 0;
    bool first_seen = false, not_ndjson = false;
    const InputFile in(o.file);
    static char out_buffer[1 << 20];
    std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
    LineReader src(in.get());
    auto read = [&] {
        Batch b;
        std::string line;
        std::size_t bytes = 0;
        while (b.items.size() < kBatch && bytes < kBatchBytes) {
            if (!src.next(line)) {
                b.last = true;
                break;
            }
            ++line_no;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            if (!first_seen) first_seen = true, not_ndjson = ikke_ndjson(line);
            bytes += line.size();
            b.items.push_back({std::move(line), o.kommune, line_no});
            b.numbers.push_back(line_no);
        }
        return b;
    };
    // Straight into stdout's 1 MB buffer: a batch's ~50 MB gathered in one string was a
    // fresh mmap per batch, page-faulted in again every time. A write that fails (a full
    // disk) stops the run: assessing on would lose the rest without a word.
    int write_error = 0;
    auto write = [&](const std::vector<Udfald>& results, const std::vector<std::size_t>& numbers) {
        for (std::size_t i = 0; i < results.size() && !write_error; ++i) {
            if (results[i].ok()) {
                std::fwrite(results[i].vurdering_json.data(), 1, results[i].vurdering_json.size(), stdout);
            } else {
                const std::string e = error_json(results[i], numbers[i]);
                std::fwrite(e.data(), 1, e.size(), stdout);
                ++failed;
                if (results[i].kode == "ikke_nok_hukommelse") ++out_of_memory;
            }
            if (std::fputc('\n', stdout) == EOF) write_error = errno;
        }
        if (!write_error && std::fflush(stdout) != 0) write_error = errno;
    };
    // Beside the assessing threads when a thread can be had; else here, in turn.
    auto beside = [](auto f) {
        using R = decltype(f());
        try {
            return std::async(std::launch::async, f);
        } catch (const std::system_error&) {
            std::promise<R> done;
            try {
                if constexpr (std::is_void_v<R>) {
                    f();
                    done.set_value();
                } else {
                    done.set_value(f());
                }
            } catch (...) {
                done.set_exception(std::current_exception());
            }
            return done.get_future();
        }
    };
    Batch current = read();
    std::vector<Udfald> written;           // kept alive while the writer uses them
    std::vector<std::size_t> written_numbers;
    std::future<void> writing;
    for (;;) {
        std::future<Batch> next;
        if (!current.last) next = beside(read);
        auto results = assessor.assess(current.items, dato, standard_dato);
        if (writing.valid()) writing.get(); // the batch before, in order
        if (write_error) break;
        written = std::move(results);
        written_numbers = std::move(current.numbers);
        writing = beside([&] { write(written, written_numbers); });
        if (!next.valid()) break;
        current = next.get();
    }
    if (writing.valid()) writing.get();
    if (write_error) throw InputError(skrivefejl(write_error));
    if (failed) {
        fmt::print(stderr, "kvalitet vurder: {} linje{} kunne ikke vurderes (se \"fejl\" i uddata)\n", failed,
                   failed == 1 ? "" : "r");
        if (not_ndjson) fmt::print(stderr, "kvalitet vurder: {}\n", kIkkeNdjson);
        if (out_of_memory) // the one cause the case itself cannot fix
            fmt::print(stderr, "kvalitet vurder: {} af dem, fordi der ikke var hukommelse nok; prøv med færre "
                               "tråde (--traade) eller mere hukommelse\n", out_of_memory);
        return kInvalid;
    }
    return kOk;
}

// A case that could not be assessed: the Danish message on stderr, after `where` (the
// file, for a fault in the case), and with --format json the contract's error object on
// stdout as the one JSON object, so a program can act on its kode.
int refuse(const Options& o, const std::string& where, const Fejl& f) {
    const int rc = fail(where.empty() ? f.besked : fmt::format("{}: {}", where, f.besked));
    if (o.format == "json") fmt::print("{}\n", fejl_json(f));
    return rc;
}

// The version of `kommune`'s standard in force on --standard-dato, else on the assessment date.
std::unique_ptr<Standard> load_version(const Sources& sources, const std::string& kommune, Dato dato,
                                       std::optional<Dato> standard_dato) {
    const auto alle = versioner(sources, kommune);
    return Standard::load_file(sources, kommune, version_paa(alle, kommune, standard_dato.value_or(dato)).fil);
}

// The case's id for an error that came before the case was read (an unknown --kommune): the
// contract names sag_id whenever the input has one. Not from a terminal, where someone would
// first have to type the case.
std::string id_not_yet_read(const Options& o) {
    if (o.file == "-" && isatty(STDIN_FILENO)) return {};
    try {
        return sag_id_of(read_input(o.file)).value_or("");
    } catch (...) {
        return {};
    }
}

int run_single(const Options& o, const Sources& sources, Dato dato) {
    std::string sag_id;
    bool read = false;
    const std::string where = o.file == "-" ? "standard input" : o.file;
    const auto standard_dato = standard_date(o.standard_dato);
    try {
        std::unique_ptr<Standard> standard;
        // fails before reading the case: a wrong --kommune does not wait for a case typed in
        if (!o.kommune.empty()) standard = load_version(sources, o.kommune, dato, standard_dato);
        read = true;
        const std::string text = read_input(o.file);
        Sag sag;
        std::string kommune;
        try {
            sag = Sag::from_json(text, {}, o.ukendte());
            sag_id = sag.id;
            kommune = rute(sag, o.kommune, kommuner(sources));
        } catch (const InputError& e) {
            const std::string id = sag_id.empty() ? sag_id_of(text).value_or("") : sag_id;
            return refuse(o, where, {e.kode(), e.what(), e.felt(), {}, id});
        }
        if (!standard) standard = load_version(sources, kommune, dato, standard_dato);
        Vurdering v = standard->vurder(sag, dato, standard_dato.value_or(dato), *spor_niveau(o.spor));
        v.ignorerede_felter = std::move(sag.ignorerede_felter);
        if (o.format == "tekst") skriv_stdout(v.tekst());
        else skriv_stdout(v.json() + '\n');
        return kOk;
    } catch (const UdskriftFejl& e) {
        return fail(e.what()); // no JSON error object: standard output is what failed
    } catch (...) {
        Fejl f = aktuel_fejl();
        f.sag_id = !sag_id.empty() || read ? sag_id : id_not_yet_read(o);
        // a field of the case at fault only as it is assessed (a birth date after the date):
        // named with its file, as the reader's errors are
        return refuse(o, read && !f.felt.empty() ? where : "", f);
    }
}

} // namespace

void add_vurder(CLI::App& app, Common& common, int& exit_code) {
    static Options o;
    auto* cmd = app.add_subcommand("vurder", "Vurder én sag (JSON) eller en strøm af sager (NDJSON) efter kommunens standard");
    cmd->add_option("--kommune", o.kommune,
                    "Vurder efter denne kommunes standard, f.eks. varde (se: kvalitet kommuner); en sag med en anden "
                    "kommune er en fejl. Uden: hver sag efter sin egen 'kommune'");
    cmd->add_option("--dato", o.dato, "Vurderingsdato ÅÅÅÅ-MM-DD (standard: i dag)");
    cmd->add_option("--standard-dato", o.standard_dato,
                    "Vurder efter den version af standarden, der var i kraft på denne dato ÅÅÅÅ-MM-DD (f.eks. "
                    "afgørelsens dato ved en klage); standard: den version, der er i kraft på vurderingsdatoen");
    cmd->add_option("--format", o.format, "Uddata: json eller tekst")->check(CLI::IsMember({"json", "tekst"}));
    cmd->add_flag("--ndjson", o.ndjson, "Én sag pr. linje ind, én vurdering pr. linje ud");
    cmd->add_option("--spor", o.spor,
                    "Hvor meget spor vurderingen har: fuld (hver regel med tekst, datoer og værdier), kort "
                    "(regel, udfald og datoer) eller ingen (kun resultater og begrundelser)")
        ->check(CLI::IsMember({"fuld", "kort", "ingen"}));
    cmd->add_flag("--streng", o.streng,
                  "Et felt, sagens skema ikke kender, er en fejl (ukendt_felt); uden nævnes det i 'ignorerede_felter'");
    cmd->add_option("--traade", o.traade, "Antal tråde ved --ndjson (standard: alle kerner)")->check(CLI::Range(1u, 256u));
    cmd->add_option("FIL", o.file, "Sagen som JSON-fil, eller - for standard input");
    cmd->callback([&common, &exit_code] {
        const Dato dato = evaluation_date(o.dato);
        Sources sources = common.sources();
        try {
            if (o.ndjson) {
                if (o.format != "json") throw CLI::ValidationError("--format", "--ndjson giver altid JSON");
                exit_code = run_ndjson(o, sources, dato);
                return;
            }
            if (o.file.empty()) throw CLI::RequiredError("FIL (en sag som JSON, eller - for standard input)");
            exit_code = run_single(o, sources, dato);
        } catch (const ScriptError& e) {
            exit_code = fail(e.what());
        } catch (const InputError& e) {
            exit_code = fail(e.what());
        }
    });
}

} // namespace kvalitet::cli
