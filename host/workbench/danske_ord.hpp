#pragma once
// The engine's names in the words a policy officer and a citizen read: the caseworker's
// findings (forhold), the dates a deadline runs from or is met by, who must meet it.
#include <string>
#include <string_view>

#include "domain/danske_navne.hpp"
#include "domain/frist.hpp"

namespace kvalitet::workbench {

// forhold_tekst, datosti_tekst: the case's names (domain/danske_navne.hpp).
using kvalitet::datosti_tekst;
using kvalitet::forhold_tekst;
// "kommunen", "borgeren".
std::string_view paahviler_tekst(Paahviler p);
// "78.125": a count as Danish writes it.
std::string antal_tekst(std::size_t n);
// "1 time", "2,5 timer".
std::string timer_tekst(double timer);
// "uge" → "ugen", "maaned" → "måneden".
std::string periode_tekst(std::string_view periode);

} // namespace kvalitet::workbench
