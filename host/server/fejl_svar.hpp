#pragma once
// The contract's error object as an HTTP answer: {"fejl": {"kode", "besked", "felt"?},
// "sag_id"?} with the status that fits the kode. The input's faults are 4xx; a 5xx means
// the server or its standards failed, never the request.
#include <string_view>

#include "domain/fejl_json.hpp"
#include "server/anmodning.hpp"

namespace kvalitet::server {

// 400 for a case or parameter at fault, 401 token, 404 unknown route or municipality,
// 405 method, 413 too large, 422 a case its standard could not assess (script error or
// budget), 503 busy or out of memory, 500 a fault in kvalitet itself.
int http_status(std::string_view kode);

// The answer for `f` with http_status(f.kode), or `status` when given (a standard that
// fails to load is the server's fault: 500, though its kode is script_fejl).
Svar fejl_svar(const Fejl& f, int status = 0);

} // namespace kvalitet::server
