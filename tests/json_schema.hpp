#pragma once
// A small JSON Schema (draft 2020-12) checker for our own two schemas, so a test can hold
// the shipped schemas and the code to each other without a dependency Debian lacks.
// Keywords it does not know are an error, so a schema cannot silently outgrow it.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kvalitet::testing {

// Problems found in `doc` ("/vum/temaer/socialt_liv: maximum 4"); empty when it conforms.
std::vector<std::string> validate(const nlohmann::json& schema, const nlohmann::json& doc);

} // namespace kvalitet::testing
