#pragma once
// Running test files: find them, load each municipality's standard once, assess every
// case, compare, and keep the coverage.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/standard.hpp"
#include "engine/versioner.hpp"
#include "harness/daekning.hpp"
#include "harness/sammenlign.hpp"
#include "harness/testfil.hpp"

namespace kvalitet::harness {

struct Testfil {
    std::string fil; // as shown to the user
    std::string tekst;
    std::string fejl; // why the file could not be read (too large): then only this file fails
};

// The tests of a file found by find_test_files; throws InputError when it could not be read.
std::vector<TestSag> load_tests(const Sources& sources, const Testfil& f);

// All test files of all municipalities (no `stier`), or those a path names: a test file,
// a directory (its *.lua but standard.lua), or a municipality id. Throws InputError for
// a path that is none of these.
std::vector<Testfil> find_test_files(const Sources& sources, const std::vector<std::string>& stier);

// The version a test file tests, by where it lies (docs/test.md, "Versioner"): for
// ".../municipalities/<id>/versioner/<ÅÅÅÅ-MM-DD>/tests/x.lua" the file
// "municipalities/<id>/versioner/<ÅÅÅÅ-MM-DD>.lua"; "" for any other path (standard.lua's).
std::string version_of_path(std::string_view path);

// What a test runs under: its municipality's standard.lua, or a version (version_of_path).
std::string standard_key(const TestSag& t, const std::string& fil);

struct Resultat {
    const TestSag* test = nullptr;
    std::vector<Forskel> forskelle;
    std::string fejl;            // the case or the standard could not be assessed
    // A rule's mistake as it reads without the case it met (ScriptError::uden_sag; or the
    // unknown-fact findings of a test with no other difference), else empty: one mistake
    // fails every test that reaches the rule, and is said once.
    std::string regelfejl;
    std::optional<Vurdering> vurdering;
    nlohmann::json vurdering_json; // the same as the contract's JSON (what forskelle compared)
    bool ok() const { return fejl.empty() && forskelle.empty(); }
};

class Koersel {
public:
    explicit Koersel(const Sources& sources) : sources_(sources) {}
    // Under standard_key(t, fil): standard.lua, or the version whose tests/ holds the file.
    Resultat run(const TestSag& t, const std::string& key);
    Resultat run(const TestSag& t) { return run(t, t.kommune); }
    // The loaded standard of a municipality (or of a version: a key that is its file), or
    // nullptr when it failed to load.
    const Standard* standard(const std::string& kommune);
    // Why a municipality's standard (or a version) did not load (with file and line where
    // there is one; never empty), or nullptr when it loaded or was not tried.
    const std::string* load_error(const std::string& kommune) const;
    const std::map<std::string, Daekning>& daekning() const { return daekning_; }

private:
    Dato rules_date(const Standard& s, Dato dato);
    const Sources& sources_;
    std::map<std::string, std::vector<Version>> versioner_; // by municipality, read when a test needs them
    std::map<std::string, std::unique_ptr<Standard>> standards_;
    std::map<std::string, std::string> load_errors_;
    std::map<std::string, Daekning> daekning_;
};

// The trace of an assessment, one rule per line, for a failing test.
std::string spor_tekst(const Vurdering& v);
// One entry of the JSON trace ("spor") as such a line, without indentation: step, rule,
// result, the dates it used, the values it read ("vaerdier", when recorded) and the
// facts it missed.
std::string spor_linje(const nlohmann::json& post);

} // namespace kvalitet::harness
