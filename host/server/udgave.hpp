#pragma once
// One loaded set of standards (an "udgave"): the sources as they were read, every
// municipality's versions, what GET /v1/kommuner answers, and each standard's document.
// The server assesses with one udgave at a time; a reload (SIGHUP, POST
// /v1/admin/genindlaes) builds the next one beside it and switches only when it is no worse.
// A request keeps the udgave it started with to its end, so a batch never mixes standards.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "server/kommune_info.hpp"
#include "server/standard_lager.hpp"
#include "sources.hpp"

namespace kvalitet::server {

struct Udgave {
    std::uint64_t nr = 1; // 1 when the server starts, one more for each reload taken
    Sources sources;      // a snapshot: nothing is read from the disk after it was made
    std::vector<std::string> kendte;
    std::unique_ptr<Katalog> katalog;
    std::map<std::string, KommuneInfo> info;
    std::string liste; // GET /v1/kommuner

    // Why `kommune` cannot serve (it did not load, or its tests failed), or empty.
    std::string fejl(const std::string& kommune) const;
};

// Reads `sources` into memory and loads every municipality's standard once. With
// `koer_tests`, each municipality's own test cases (municipalities/<id>/tests) run too, and
// a failure is that municipality's fault. Never throws for a standard that fails.
std::shared_ptr<Udgave> laes_udgave(const Sources& sources, std::uint64_t nr, bool koer_tests);

// Why `ny` must not replace `gammel`: each municipality that served in `gammel` and cannot
// in `ny`, with the reason ("kommune: besked"). Empty: take it.
std::vector<std::pair<std::string, std::string>> daarligere(const Udgave& gammel, const Udgave& ny);

} // namespace kvalitet::server
