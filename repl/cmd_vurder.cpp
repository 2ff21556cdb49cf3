// kvalitet vurder: one case (JSON) or a stream (NDJSON) through one municipality's standard.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <fstream>
#include <thread>

#include "cli.hpp"
#include "domain/json_writer.hpp"
#include "engine/standard.hpp"
#include "lua/error.hpp"

namespace kvalitet::cli {

namespace {

struct Options {
    std::string kommune, dato, format = "json", file;
    bool ndjson = false;
    unsigned traade = 0;
};

std::string error_json(const std::string& message, std::size_t line) {
    std::string out;
    JsonWriter w(out);
    w.begin_object().key("fejl").begin_object().key("besked").value(message).end_object();
    w.key("linje").value(std::int64_t(line)).end_object();
    return out;
}

// One line of NDJSON → one line of output (an assessment or an error object).
std::string assess_line(Standard& standard, const std::string& line, std::size_t number, Dato dato, bool& ok) {
    try {
        Sag sag = Sag::from_json(line);
        return standard.vurder(sag, dato).json();
    } catch (const std::exception& e) {
        ok = false;
        return error_json(e.what(), number);
    }
}

int run_ndjson(const Options& o, const Sources& sources, Dato dato) {
    unsigned threads = o.traade ? o.traade : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::unique_ptr<Standard>> standards;
    for (unsigned i = 0; i < threads; ++i) standards.push_back(Standard::load(sources, o.kommune));

    // Batches keep memory bounded; each worker takes a contiguous slice, output keeps order.
    constexpr std::size_t kBatch = 8192;
    std::vector<std::string> lines, out;
    std::size_t first_line = 1, failed = 0;
    std::ifstream fin;
    if (o.file != "-" && !o.file.empty()) {
        fin.open(o.file);
        if (!fin) return fail(fmt::format("{}: kan ikke åbne filen", o.file));
    }
    std::istream& src = fin.is_open() ? fin : std::cin;
    bool eof = false;
    while (!eof) {
        lines.clear();
        std::string line;
        while (lines.size() < kBatch && std::getline(src, line)) lines.push_back(std::move(line));
        eof = lines.size() < kBatch;
        out.assign(lines.size(), {});
        std::vector<char> ok(lines.size(), 1);
        // Worker t takes lines t, t+stride, …; each has its own Lua state.
        auto work = [&](unsigned t, unsigned stride) {
            for (std::size_t i = t; i < lines.size(); i += stride) {
                if (lines[i].find_first_not_of(" \t\r") == std::string::npos) continue; // blank line
                bool good = true;
                out[i] = assess_line(*standards[t], lines[i], first_line + i, dato, good);
                ok[i] = good;
            }
        };
        const unsigned used = lines.size() < 64 ? 1 : threads;
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < used; ++t) pool.emplace_back(work, t, used);
        work(0, used);
        for (auto& th : pool) th.join();
        std::string buffer;
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (out[i].empty()) continue;
            buffer += out[i];
            buffer += '\n';
            failed += ok[i] ? 0 : 1;
        }
        std::fwrite(buffer.data(), 1, buffer.size(), stdout);
        first_line += lines.size();
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
