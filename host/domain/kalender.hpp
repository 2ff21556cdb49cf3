#pragma once
// Danish public holidays and working days. Holidays are derived from Easter Sunday
// (Gregorian computus), so any year works; the supported range is 1900–2200.
#include <optional>
#include <string_view>

#include "domain/dato.hpp"

namespace kvalitet::kalender {

Dato paaskedag(int year);
// The holiday's Danish name, or nullopt. Store bededag only up to and including 2023
// (abolished by lov nr. 54 af 28. februar 2023).
std::optional<std::string_view> helligdag(Dato d);
bool weekend(Dato d);
bool arbejdsdag(Dato d);
// d itself when it is a working day, else the next one; DatoFejl when moving d forward
// leaves the supported range.
Dato naeste_arbejdsdag(Dato d);

// Why a deadline a citizen must meet cannot end on d ("lørdag", "juledag",
// "juleaftensdag", …), or nullopt when it can. Besides weekends and public holidays:
// grundlovsdag, 24 and 31 December, as forældelseslovens § 27, stk. 2 words it.
std::optional<std::string_view> lukket_for_frister(Dato d);
// d itself when a citizen's deadline can end on it, else the next such day.
Dato naeste_fristdag(Dato d);

} // namespace kvalitet::kalender
