#pragma once
// Comparing what a test expects with the assessment it got. Only what the test names is
// compared, so a test says what it is about and nothing else:
//   - an object matches when each of its fields matches (others are ignored);
//   - a list of records with ids (frister, aktiviteter, advarsler, begrundelser) can be
//     expected as `{ klage = { ... } }` by id, or `{ klage = false }` for "not there";
//   - a list of ids `{ "mange_afbud" }` against such records compares the ids (any order);
//   - any other list matches element by element, same length;
//   - `{}` matches an empty list or object.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kvalitet::harness {

struct Forskel {
    std::string sti;       // "frister.klage.dato"
    std::string forventet; // as JSON, or a sentence
    std::string fik;
};

std::vector<Forskel> sammenlign(const nlohmann::json& forvent, const nlohmann::json& faktisk);

} // namespace kvalitet::harness
