#pragma once
// GET /: one small self-contained page for people (side.html, carried in the program): pick a
// municipality and a date, paste, upload or pick a case, and read the assessment as the
// text output says it, with each step's trace folded under it. No framework, no request
// to anywhere but this server.
#include <string_view>

namespace kvalitet::server {

// The page, with the example case (docs/eksempler/sag.json) written into it.
std::string_view side_html();

} // namespace kvalitet::server
