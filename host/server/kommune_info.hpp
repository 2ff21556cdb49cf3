#pragma once
// What GET /v1/kommuner and GET /v1/kommuner/{id} answer: each standard's title, approval,
// source and sha256, and for one municipality its description, parameters (assumptions
// marked) and rules with their kilde. Built once when the server starts, from a standard
// loaded for the purpose, so these answers never wait for a worker.
#include <map>
#include <string>
#include <vector>

#include "engine/standard.hpp"
#include "server/standard_lager.hpp"

namespace kvalitet::server {

struct KommuneInfo {
    std::string kort;  // the entry in the list (one JSON object)
    std::string fuld;  // the whole description (one JSON object, with its newline)
    std::string fejl;  // when the standard failed to load: why (Danish); then kort/fuld are empty
    std::string test_fejl; // when its own tests failed (run on reload only): why
    std::string dokument;  // the standard as `kvalitet dokument` writes it (HTML)
};

// Loads each of the catalogue's municipalities once (the newest version, standard.lua), lists
// its versions and writes its document. Never throws for a standard that fails: its entry says why.
std::map<std::string, KommuneInfo> laes_kommuner(const Sources& sources, const Katalog& katalog);

// {"kommuner": [...]} in the order of `kendte`, those that failed with their error.
std::string kommuneliste(const std::map<std::string, KommuneInfo>& info, const std::vector<std::string>& kendte);

} // namespace kvalitet::server
