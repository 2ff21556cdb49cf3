#pragma once
// Which endpoint a path names. Paths are matched segment by segment, exactly (no trailing
// slash, no prefix matching), so the set of routes is the table in ruter.cpp and nothing else.
#include <string>
#include <string_view>

namespace kvalitet::server {

enum class Rute { Ukendt, Sundhed, Metrics, OpenApi, Kommuner, Kommune, Vurdering, Vurderinger };

struct Match {
    Rute rute = Rute::Ukendt;
    std::string kommune; // the {id} segment, as written (checked by the handler)
};

Match find_rute(std::string_view sti);
// The route's template, for logs and metric labels: a bounded set, whatever the paths.
std::string_view skabelon(Rute r);
// The one method each route answers ("GET" or "POST").
std::string_view metode(Rute r);
// Whether a request must carry the bearer token (when the server has one).
bool kraever_token(Rute r);

} // namespace kvalitet::server
