#pragma once
// Which municipality's standard assesses a case: the one the caller chose (--kommune, a C
// API handle opened for one municipality), else the case's own "kommune". One rule for
// `vurder`, the batch and the C API, so no case is assessed under a standard it does not
// name without a word (comparing standards is what `sammenlign` is for).
#include <string>
#include <string_view>
#include <vector>

#include "domain/sag.hpp"

namespace kvalitet {

// The municipality to assess `sag` under; `valgt` is the caller's choice or empty. Throws
// InputError with felt "kommune": mangler_kommune (neither names one), kommune_forskellig
// (both do, differently), ukendt_kommune (the case's is not among `kendte`; "mente du").
// The advice names the caller's own way to choose: the command line's --kommune, or the C
// API's kvalitet_open_ex (a C caller has no --kommune, a CLI user no kvalitet_open_ex).
enum class Kalder { Program, CApi };
std::string rute(const Sag& sag, std::string_view valgt, const std::vector<std::string>& kendte,
                 Kalder kalder = Kalder::Program);

// "sagens kommune er 'lejre'", or that it is no id at all: only an id is echoed, since the
// case's text may be anything ("Varde", a line of HTML).
std::string sagens_kommune(const std::string& kommune);

// "'vardee' er ikke en kendt kommune — mente du 'varde'? (kendte: gentofte, …)": one text
// for every place a case or a request names a municipality that is not there (vurder, the
// store's importer, the server). Echoes `kommune` only when it looks like an id.
std::string ukendt_kommune_tekst(const std::string& kommune, const std::vector<std::string>& kendte);

} // namespace kvalitet
