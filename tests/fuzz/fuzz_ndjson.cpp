// Fuzz target: vurder --ndjson up to the assessment. The first byte sets the LineReader's
// block size and line limit (small, so lines span reads and overrun the limit); the rest
// is the input. Promises checked:
//  - the reader gives exactly the input's lines (cut to limit + 1 bytes when longer, and
//    then flagged), however the reads fall;
//  - each line is accepted or refused with an InputError (anything else aborts), an
//    overlong one as "for_stor";
//  - a refused line's error object is JSON with the contract's keys and values.
#include <simdjson.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "domain/fejl_json.hpp"
#include "domain/sag.hpp"
#include "fuzz_check.hpp"
#include "line_reader.hpp"
#include "lua/error.hpp"

using namespace kvalitet;

namespace {

// The lines as the contract means them, worked out independently of the reader.
std::vector<std::string> expected_lines(std::string_view in, std::size_t max_line) {
    std::vector<std::string> out;
    while (!in.empty()) {
        const auto nl = in.find('\n');
        std::string line(in.substr(0, nl));
        in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
        if (line.size() > max_line + 1) line.resize(max_line + 1);
        else if (nl != std::string_view::npos && !line.empty() && line.back() == '\r') line.pop_back();
        out.push_back(std::move(line));
    }
    return out;
}

void check_error_object(const InputError& e, std::size_t line_no, std::string_view line) {
    const Fejl f{e.kode(), e.what(), e.felt(), line_no, sag_id_of(line).value_or("")};
    const std::string text = fejl_json(f);
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element root;
    FUZZ_CHECK(parser.parse(text).get(root) == simdjson::SUCCESS, "fejlobjektet er ikke gyldig JSON");
    std::string_view kode, besked, felt, sag_id;
    std::uint64_t linje = 0;
    FUZZ_CHECK(root["fejl"]["kode"].get(kode) == simdjson::SUCCESS && kode == f.kode, "fejl.kode");
    FUZZ_CHECK(root["fejl"]["besked"].get(besked) == simdjson::SUCCESS && besked == f.besked, "fejl.besked");
    FUZZ_CHECK(root["linje"].get(linje) == simdjson::SUCCESS && linje == line_no, "linje");
    if (f.felt.empty()) FUZZ_CHECK(root["fejl"]["felt"].error() == simdjson::NO_SUCH_FIELD, "tomt felt skrevet");
    else FUZZ_CHECK(root["fejl"]["felt"].get(felt) == simdjson::SUCCESS && felt == f.felt, "fejl.felt");
    if (f.sag_id.empty()) FUZZ_CHECK(root["sag_id"].error() == simdjson::NO_SUCH_FIELD, "tomt sag_id skrevet");
    else FUZZ_CHECK(root["sag_id"].get(sag_id) == simdjson::SUCCESS && sag_id == f.sag_id, "sag_id");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0; // fmemopen refuses an empty buffer
    const std::size_t block = 1 + data[0] % 61, max_line = std::size_t(64) << (data[0] >> 6);
    std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
    std::FILE* f = fmemopen(body.data(), body.size(), "r");
    FUZZ_CHECK(f != nullptr, "fmemopen");
    cli::LineReader reader(f, max_line, block);
    SagGraenser g;
    g.max_bytes = max_line;
    const auto expected = expected_lines(body, max_line);
    std::string line;
    std::size_t n = 0;
    while (reader.next(line)) {
        FUZZ_CHECK(n < expected.size() && line == expected[n], "læseren gav en anden linje end inddata");
        FUZZ_CHECK(!reader.overlong() || line.size() == max_line + 1, "en for lang linje er ikke skåret ved grænsen");
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue; // blank: skipped, as vurder does
        try {
            (void)Sag::from_json(line, g);
            FUZZ_CHECK(!reader.overlong(), "en for lang linje blev taget imod");
        } catch (const InputError& e) {
            if (reader.overlong()) FUZZ_CHECK(e.kode() == "for_stor", "en for lang linje afvist med en anden kode");
            check_error_object(e, n, line);
        }
    }
    FUZZ_CHECK(n == expected.size(), "læseren gav for få linjer");
    std::fclose(f);
    return 0;
}
