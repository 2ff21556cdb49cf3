#pragma once
// The fields of the case schema (docs/schema/sag.schema.json) as the case reader knows
// them, and the walk that finds the fields a case has beyond them (not installed).
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace simdjson::dom {
class element;
}

namespace kvalitet::detail {

// Every known path, for the test that holds this list and the schema together:
// "borger", "borger.alder", "ydelser[].paragraf", "vum.temaer.sundhed", …
std::vector<std::string> kendte_sagsfelter();

// Whether `navn` is the name of a field anywhere in the schema (at any level): the one-pass
// reader (sag_json.cpp) leaves a name it does not know, but the schema does, to the full
// reader, so a field added here and not there is read slowly, never dropped.
bool kendt_navn(std::string_view navn);

// Whether the field at `sti` ("ydelser", "bevilling.leverandoer", "leverancer[0]") is one of
// the case's lists; false for an element of one, an object, a value or a name the schema
// does not know.
bool er_liste(std::string_view sti);

// A field of the case the schema does not know.
struct UkendtFelt {
    std::string sti;                  // its JSON path: "forhold.motivret", "ydelser[0].paragraff"
    std::string_view navn;            // its own name: "motivret" (into the parsed document)
    std::vector<std::string_view> naboer; // the names known beside it, in schema order
};

// Calls `fundet` for each field of `sag` (an object) outside the schema, in document
// order, until it returns false. Values of the wrong type are not entered (the reader
// reports those); nor is vum.temaer, whose reader names an unknown theme itself.
void find_ukendte_felter(const simdjson::dom::element& sag, const std::function<bool(const UkendtFelt&)>& fundet);

// The known path nearest to an unknown field, for "mente du …?": a close name beside it
// ("forhold.motiveret" for "forhold.motivret"), else the same name elsewhere in the
// schema ("borger.alder" for a top-level "alder"). nullopt when there is none.
std::optional<std::string> foreslaa_felt(const UkendtFelt& felt);

} // namespace kvalitet::detail
