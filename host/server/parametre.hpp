#pragma once
// The query of an assessment request: ?dato=ÅÅÅÅ-MM-DD&standard_dato=ÅÅÅÅ-MM-DD
// &format=json|tekst&spor=fuld|kort|ingen&streng=true|false. A name not listed, a name given twice or a value outside its set is a
// 400 naming the parameter, not silently ignored: a typo in `dato` must not assess on today.
#include <functional>
#include <string>
#include <variant>

#include "domain/fejl_json.hpp"
#include "server/anmodning.hpp"
#include "server/vurder_sag.hpp"

namespace kvalitet::server {

// `format_tilladt`: false for NDJSON, which is always JSON. `i_dag` gives the date when
// the query has none (the host's clock; rules never read it).
std::variant<Bestilling, Fejl> laes_parametre(const Felter& query, const std::string& kommune, bool format_tilladt,
                                              const std::function<Dato()>& i_dag);

// A parameter `navn` the route does not take: ukendt_parameter naming it (felt), and then
// `brug` ("brug kommune, efter og antal", "GET /v1/kommuner tager ingen parametre").
Fejl ukendt_parameter(std::string_view navn, std::string_view brug);

} // namespace kvalitet::server
