#pragma once
// The engine's names in the words a policy officer and a citizen read: the caseworker's
// findings (forhold), the dates a deadline runs from or is met by, who must meet it.
#include <string>
#include <string_view>

#include "domain/frist.hpp"

namespace kvalitet::workbench {

// "borgeren er motiveret for støtten" for "motiveret", worded to follow "om"; the id
// itself when unknown.
std::string forhold_tekst(std::string_view id);
// "modtagelsen af ansøgningen" for "ansoegning.modtaget"; the path itself when unknown.
std::string datosti_tekst(std::string_view sti);
// "kommunen", "borgeren".
std::string_view paahviler_tekst(Paahviler p);
// "78.125": a count as Danish writes it.
std::string antal_tekst(std::size_t n);
// "1 time", "2,5 timer".
std::string timer_tekst(double timer);
// "uge" → "ugen", "maaned" → "måneden".
std::string periode_tekst(std::string_view periode);

} // namespace kvalitet::workbench
