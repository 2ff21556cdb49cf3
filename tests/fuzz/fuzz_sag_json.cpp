// Fuzz target: Sag::from_json on any bytes, under the default limits and under tight ones
// (so every limit is reached by small inputs). Promises checked:
//  - only an InputError comes out (anything else escapes and aborts), with a documented
//    code, and a message that is clean UTF-8, names its field and stays a small multiple
//    of the input;
//  - the bounded scan agrees with simdjson on what is JSON (both directions), and finds
//    nothing in a document from_json accepted under the same limits;
//  - sag_id_of reads the same id as from_json for an accepted case;
//  - from_json's one pass gives what its three passes give: the same Sag, or the same
//    error (code, path, text), ignoring or refusing unknown fields.
#include <simdjson.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/sag.hpp"
#include "domain/sag_json_scan.hpp"
#include "../sag_tekst.hpp"
#include "fuzz_check.hpp"
#include "lua/error.hpp"

using namespace kvalitet;

namespace {

constexpr std::array<std::string_view, 8> kKoder{"ugyldig_json",   "ugyldigt_felt",  "dubleret_felt",    "for_stor",
                                                 "for_dyb",        "for_lang_liste", "for_mange_felter", "for_lang_tekst"};

SagGraenser tight() {
    SagGraenser g;
    g.max_bytes = 2048;
    g.max_dybde = 4;
    g.max_liste = 4;
    g.max_felter = 4;
    g.max_tekst = 8;
    return g;
}

SagGraenser unlimited() {
    SagGraenser g;
    g.max_bytes = g.max_liste = g.max_felter = g.max_tekst = SIZE_MAX;
    g.max_dybde = 1u << 16; // fuzz inputs are far shorter, so never reached
    return g;
}

std::string_view without_bom(std::string_view s) { return s.substr(0, 3) == "\xEF\xBB\xBF" ? s.substr(3) : s; }

void check_refusal(const InputError& e, std::string_view input) {
    const std::string_view what = e.what();
    bool known = false;
    for (auto k : kKoder) known = known || e.kode() == k;
    FUZZ_CHECK(known, "en udokumenteret fejlkode");
    FUZZ_CHECK(fuzz::clean_text(what), "beskeden er ikke ren UTF-8 uden kontroltegn");
    FUZZ_CHECK(what.size() <= 4 * input.size() + 2048, "beskeden vokser mere end inddata");
    if (!e.felt().empty() && fuzz::clean_text(e.felt()))
        FUZZ_CHECK(what.find("'" + e.felt() + "'") != std::string_view::npos, "beskeden nævner ikke feltet");
}

// Accepted: the scan must agree (no syntax error, no limit passed), and sag_id_of must
// read the id from_json read.
void check_accepted(const Sag& s, std::string_view input, const SagGraenser& g) {
    FUZZ_CHECK(!detail::scan_json(without_bom(input), g), "scanningen afviser en sag, from_json tog imod");
    const auto id = sag_id_of(input);
    FUZZ_CHECK(id.value_or("") == s.id, "sag_id_of læser et andet id end from_json");
}

void check_from_json(std::string_view input, const SagGraenser& g) {
    try {
        const Sag s = Sag::from_json(input, g);
        check_accepted(s, input, g);
    } catch (const InputError& e) {
        check_refusal(e, input);
    }
}

void check_one_pass(std::string_view input, const SagGraenser& g) {
    for (auto u : {UkendteFelter::Ignorer, UkendteFelter::Afvis})
        FUZZ_CHECK(testdata::udfald([&] { return Sag::from_json(input, g, u); }) ==
                       testdata::udfald([&] { return detail::sag_from_json_passes(input, g, u); }),
                   "den ene gennemgang og de tre giver ikke det samme");
}

// The scan and simdjson must agree on what is JSON: the scan is what says where
// simdjson's error is, so one it cannot find is a message without a place.
void check_scan_agrees(std::string_view input) {
    thread_local simdjson::dom::parser parser;
    thread_local bool ready = parser.allocate(1u << 16, 1u << 16) == simdjson::SUCCESS;
    FUZZ_CHECK(ready, "simdjson kunne ikke allokere");
    const std::string_view text = without_bom(input);
    const auto error = parser.parse(text.data(), text.size()).error();
    if (error == simdjson::DEPTH_ERROR || error == simdjson::CAPACITY || error == simdjson::MEMALLOC) return;
    const auto problem = detail::scan_json(text, unlimited());
    if (bool(error) != bool(problem))
        std::fprintf(stderr, "simdjson: %s\nscanning: %s\n", simdjson::error_message(error),
                     problem ? problem->besked.c_str() : "ingen fejl");
    FUZZ_CHECK(bool(error) == bool(problem), "scanningen og simdjson er uenige om, hvad der er JSON");
    if (problem) FUZZ_CHECK(problem->linje >= 1 && problem->kolonne >= 1, "en syntaksfejl uden sted");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    check_from_json(input, SagGraenser{});
    check_from_json(input, tight());
    check_one_pass(input, SagGraenser{});
    check_one_pass(input, tight());
    check_scan_agrees(input);
    return 0;
}
