// kvalitet vurder: one case (JSON) or a stream (NDJSON) through one municipality's standard.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <fstream>

#include "cli.hpp"
#include "line_reader.hpp"
#include "domain/fejl_json.hpp"
#include "engine/parallel.hpp"
#include "engine/standard.hpp"
#include "lua/error.hpp"

namespace kvalitet::cli {

namespace {

struct Options {
    std::string kommune, dato, format = "json", file;
    bool ndjson = false;
    unsigned traade = 0;
};

// The contract's error object for a line that could not be assessed.
std::string error_json(const Udfald& u, std::size_t line) {
    return fejl_json({u.kode.empty() ? "ugyldigt_input" : u.kode, u.fejl, u.felt, line, u.sag_id});
}

int run_ndjson(const Options& o, const Sources& sources, Dato dato) {
    ParallelAssessor assessor(sources, o.traade);
    assessor.info(o.kommune); // an unknown municipality or a broken script fails here, once

    // Batches keep memory bounded (by count and by bytes: 1024 lines of up to 1 MiB each
    // would be a gigabyte); output keeps input order.
    constexpr std::size_t kBatch = 1024, kBatchBytes = 32u << 20;
    std::vector<Opgave> batch;
    std::vector<std::size_t> numbers; // input line of each item (blank lines are skipped)
    std::size_t line_no = 0, failed = 0;
    const InputFile in(o.file);
    static char out_buffer[1 << 20];
    std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
    LineReader src(in.get());
    bool eof = false;
    while (!eof) {
        batch.clear();
        numbers.clear();
        std::string line;
        std::size_t bytes = 0;
        while (batch.size() < kBatch && bytes < kBatchBytes) {
            if (!src.next(line)) {
                eof = true;
                break;
            }
            ++line_no;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            bytes += line.size();
            batch.push_back({std::move(line), o.kommune});
            numbers.push_back(line_no);
        }
        // Straight into stdout's 1 MB buffer: a batch's ~50 MB gathered in one string
        // was a fresh mmap per batch, page-faulted in again every time.
        const auto results = assessor.assess(batch, dato);
        for (std::size_t i = 0; i < results.size(); ++i) {
            if (results[i].ok()) {
                std::fwrite(results[i].vurdering_json.data(), 1, results[i].vurdering_json.size(), stdout);
            } else {
                const std::string e = error_json(results[i], numbers[i]);
                std::fwrite(e.data(), 1, e.size(), stdout);
                ++failed;
            }
            std::fputc('\n', stdout);
        }
    }
    std::fflush(stdout);
    if (failed) {
        fmt::print(stderr, "kvalitet vurder: {} linje{} kunne ikke vurderes (se \"fejl\" i uddata)\n", failed,
                   failed == 1 ? "" : "r");
        return kInvalid;
    }
    return kOk;
}

} // namespace

void add_vurder(CLI::App& app, Common& common, int& exit_code) {
    static Options o;
    auto* cmd = app.add_subcommand("vurder", "Vurder én sag (JSON) eller en strøm af sager (NDJSON) efter en kommunes standard");
    cmd->add_option("--kommune", o.kommune, "Kommunens id, f.eks. varde (se: kvalitet kommuner)")->required();
    cmd->add_option("--dato", o.dato, "Vurderingsdato ÅÅÅÅ-MM-DD (standard: i dag)");
    cmd->add_option("--format", o.format, "Uddata: json eller tekst")->check(CLI::IsMember({"json", "tekst"}));
    cmd->add_flag("--ndjson", o.ndjson, "Én sag pr. linje ind, én vurdering pr. linje ud");
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
            auto standard = Standard::load(sources, o.kommune);
            std::string text = read_input(o.file);
            Sag sag;
            try {
                sag = Sag::from_json(text);
            } catch (const InputError& e) {
                exit_code = fail(fmt::format("{}: {}", o.file == "-" ? "standard input" : o.file, e.what()));
                return;
            }
            Vurdering v = standard->vurder(sag, dato);
            if (o.format == "tekst") fmt::print("{}", v.tekst());
            else fmt::print("{}\n", v.json());
            exit_code = kOk;
        } catch (const ScriptError& e) {
            exit_code = fail(e.what());
        } catch (const InputError& e) {
            exit_code = fail(e.what());
        }
    });
}

} // namespace kvalitet::cli
