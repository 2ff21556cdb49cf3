#pragma once
// GET /v1/openapi.json: OpenAPI 3.1, built once from the router's table (every route there
// is, with its method) and the JSON Schemas of docs/schema as the program carries them, so
// the description cannot drift from what the server does or from the schemas.
#include <string_view>

namespace kvalitet::server {

// The document (one JSON object with its newline), built on first use.
std::string_view openapi_json();

} // namespace kvalitet::server
