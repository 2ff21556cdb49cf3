// An assessment is JSON a strict parser accepts: no object names a key twice (RFC 8259
// leaves duplicates to the reader; DESIGN.md makes them an error everywhere). A deadline's
// trace once named `ansoegning.modtaget` twice when both its start and its length read it.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

#include "engine/standard.hpp"
#include "store/demo_sager.hpp"

using namespace kvalitet;

namespace {

// Counts objects that repeat a key, and remembers the first such key.
struct DuplicateKeys : nlohmann::json_sax<nlohmann::json> {
    std::vector<std::set<std::string>> open;
    int found = 0;
    std::string first;

    bool start_object(std::size_t) override {
        open.emplace_back();
        return true;
    }
    bool end_object() override {
        open.pop_back();
        return true;
    }
    bool key(string_t& k) override {
        if (!open.back().insert(k).second && found++ == 0) first = k;
        return true;
    }
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

} // namespace

TEST_CASE("assessment JSON: no object repeats a key, for any municipality or trace level") {
    const Sources sources = Sources::directory(KVALITET_SOURCE_DIR);
    const Dato ref = Dato::ymd(2026, 11, 22);
    std::vector<Sag> sager;
    for (std::uint64_t i = 0; i < 300; ++i) sager.push_back(Sag::from_json(demo_sag(85, i, ref)));
    int assessed = 0;
    for (const auto* kommune : {"gentofte", "ishoej", "kerteminde", "lejre", "varde"}) {
        auto standard = Standard::load(sources, kommune);
        for (const auto niveau : {SporNiveau::Fuld, SporNiveau::Kort, SporNiveau::Ingen})
            for (const auto& sag : sager)
                for (const Dato dato : {ref, Dato::ymd(2026, 4, 15)}) {
                    const std::string json = standard->vurder(sag, dato, dato, niveau).json();
                    DuplicateKeys keys;
                    REQUIRE(nlohmann::json::sax_parse(json, &keys));
                    INFO(fmt::format("{} sag {} på {}", kommune, sag.id, dato.iso()));
                    CHECK(keys.found == 0);
                    CHECK(keys.first == "");
                    ++assessed;
                }
    }
    CHECK(assessed == 5 * 3 * 300 * 2);
}
