#pragma once
// Comparing what a test expects with the assessment it got. Only what the test names is
// compared, so a test says what it is about and nothing else:
//   - an object matches when each of its fields matches (others are ignored);
//   - a list of records with ids (frister, aktiviteter, advarsler, begrundelser) can be
//     expected as `{ klage = { ... } }` by id, or `{ klage = false }` for "not there";
//   - a list of ids `{ "mange_afbud" }` against such records compares the ids (any order);
//   - any other list matches element by element, same length;
//   - `{}` matches an empty list or object.
// An id expected in such a list that no rule or warning of the standard has (`kendte_id`,
// when given) is a difference of its own, with the closest known id: `{ sagsbehandlin =
// false }` would otherwise pass for ever.
#include <nlohmann/json.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kvalitet::harness {

struct Forskel {
    std::string sti;       // "frister.klage.dato"
    std::string forventet; // as JSON, or a sentence
    std::string fik;
    bool ukendt_id = false; // the test names an id the standard does not have: no rule decided it
};

std::vector<Forskel> sammenlign(const nlohmann::json& forvent, const nlohmann::json& faktisk,
                                std::span<const std::string_view> kendte_id = {});

} // namespace kvalitet::harness
