#pragma once
// A frist's length as the document states it. A length written as data is that; one
// written as a function is called once without a case (`varighed(nil, nil)`): a function
// that only reads parameters (`function() return uger(P.frist) end`) answers, one that
// reads the case fails, and its length then depends on the case.
#include <optional>

#include "domain/dato.hpp"
#include "engine/standard.hpp"

namespace kvalitet::workbench {

std::optional<Varighed> konstant_varighed(Standard& standard, const Rule& frist);

// A length written with interval_hoejst(sag, m): the m months it is at most (what it gives a
// case whose decision sets no shorter interval), or nothing when it will not say.
std::optional<Varighed> hoejst_varighed(Standard& standard, const Rule& frist);

} // namespace kvalitet::workbench
