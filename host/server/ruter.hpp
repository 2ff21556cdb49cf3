#pragma once
// Which endpoint a path names. Paths are matched segment by segment, exactly (no trailing
// slash, no prefix matching), so the set of routes is the table in ruter.cpp and nothing else.
// A path may have a route per method (GET and POST /v1/sager).
#include <string>
#include <string_view>
#include <vector>

namespace kvalitet::server {

enum class Rute {
    Ukendt,
    Side,
    Sundhed,
    Metrics,
    OpenApi,
    Kommuner,
    Kommune,
    Dokument,
    Vurdering,
    Vurderinger,
    Sager,
    NySag,
    Sag,
    SagVurderinger,
    Genindlaes,
};

struct Match {
    Rute rute = Rute::Ukendt;
    std::string id; // the {id} segment (a municipality or a case), as written (checked by the handler)
};

// The route for the path and method; when the path is known but not with that method, its
// first route (whose method the caller then refuses). HEAD counts as GET.
Match find_rute(std::string_view sti, std::string_view metode = {});
// Every route there is, in the table's order (OpenAPI describes each).
std::vector<Rute> alle_ruter();
// The route's template, for logs and metric labels: a bounded set, whatever the paths.
std::string_view skabelon(Rute r);
// The one method each route answers ("GET" or "POST").
std::string_view metode(Rute r);
// The methods the route's path answers, for Allow: "GET, POST".
std::string tilladte(Rute r);
// Whether a request must carry the bearer token (when the server has one).
bool kraever_token(Rute r);

} // namespace kvalitet::server
