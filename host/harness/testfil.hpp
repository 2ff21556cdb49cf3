#pragma once
// A test file: Lua a policy officer can read, declaring cases and what their assessment
// must contain. The file runs in the same sandbox as a standard; `test { }` collects.
//
//   test {
//     navn = "Klagefristen flyttes fra lørdag til mandag",
//     dato = "2026-11-22",
//     sag = { borger = { alder = 30 }, ... },     -- or "sager/typisk.json"
//     forvent = { frister = { klage = { dato = "2026-12-21" } } },
//   }
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "domain/dato.hpp"
#include "lua/state.hpp"
#include "sources.hpp"

namespace kvalitet::harness {

struct TestSag {
    std::string navn;
    std::string fil; // the test file, as named to the user
    int linje = 0;
    std::string kommune;     // from `kommune = ...`, else the file's municipalities/<id>/
    nlohmann::json sag;      // the case as contract JSON
    std::string sag_fejl;    // a case file that could not be read: the test fails with this
    Dato dato;
    nlohmann::json forvent;  // the expected parts of the assessment
};

// Runs one test file (`text`, shown as `fil`). A case given as a file name is read
// relative to the test file, from disk or from `sources`. Throws ScriptError for a
// broken file (with its line).
std::vector<TestSag> load_test_file(const Sources& sources, const std::string& fil, std::string_view text);

// The municipality a path belongs to: the <id> in ".../municipalities/<id>/...", or "".
std::string kommune_of_path(std::string_view path);

// The test files' helpers, for the REPL as well: `ukendt` (JSON null, since a Lua table
// cannot hold nil) and med(basis, aendringer). push_med compiles med in `state`'s sandbox
// and pushes it; call inside a protected call.
void push_ukendt(lua_State* L);
bool is_ukendt(lua_State* L, int index);
void push_med(lua::State& state);

} // namespace kvalitet::harness
