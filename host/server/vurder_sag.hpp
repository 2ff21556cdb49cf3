#pragma once
// One case under one municipality's standard, as `kvalitet vurder --kommune ID --dato D`
// does it (repl/cmd_vurder.cpp): the version in force found and loaded first, then the same
// parsing, routing and output, so the service's bytes are the program's bytes.
#include <optional>
#include <string>
#include <string_view>

#include "domain/dato.hpp"
#include "domain/fejl_json.hpp"
#include "domain/sag.hpp"
#include "domain/vurdering.hpp"
#include "server/standard_lager.hpp"

namespace kvalitet::server {

struct Bestilling {
    std::string kommune; // from the path; a case naming another is an error
    Dato dato;
    std::optional<Dato> standard_dato; // the version in force on this date, not on `dato`
    UkendteFelter ukendte = UkendteFelter::Ignorer;
    SporNiveau spor = SporNiveau::Fuld; // how much trace the JSON carries (vurder --spor)
    bool tekst = false; // the Danish text instead of JSON
};

struct Resultat {
    std::string ud;            // the assessment, as `vurder` prints it (JSON with its newline)
    std::optional<Fejl> fejl;  // why not, otherwise (sag_id set whenever the body has an id)
    bool standard_fejl = false; // the standard itself failed to load: the server's fault, not the case's
    std::string sag_id;
};

// The case's "id" when the body has one it can be read from, else empty. Never throws.
std::string id_if_any(std::string_view sag_json);

// Never throws: every failure is a Fejl.
// `linje`: the case's line in an NDJSON body, which a syntax error names.
Resultat vurder_sag(StandardLager& lager, std::string_view sag_json, const Bestilling& b, std::size_t linje = 1);

} // namespace kvalitet::server
