#pragma once
// Kvalitet's C++ API: assess citizen cases against a municipality's kvalitetsstandard.
//
//   auto engine = kvalitet::Engine::embedded();          // the standards built in
//   kvalitet::Assessor varde(engine, "varde");            // one per thread
//   kvalitet::Vurdering v = varde.assess(kvalitet::Sag::from_json(text), *kvalitet::Dato::parse("2026-11-22"));
//   std::string json = v.json();                          // the contract's assessment JSON
//
// Thread safety: an Engine is immutable and may be shared by any number of threads. An
// Assessor owns a Lua state and must be used by one thread at a time; make one per thread.
// A Vurdering owns what it refers to and outlives its Assessor.
// Errors are exceptions derived from std::runtime_error, with a Danish message naming the
// file and line (script faults) or the JSON field (case faults).
// The library exports what this header and the domain headers mark KVALITET_API.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kvalitet/export.h"

#include "domain/dato.hpp"
#include "domain/sag.hpp"
#include "domain/vurdering.hpp"

namespace kvalitet {

class Sources;
class Standard;

class KVALITET_API Engine {
public:
    // The dsl/, stdlib/ and municipalities/ trees compiled into the library.
    static std::shared_ptr<const Engine> embedded();
    // A directory holding dsl/, stdlib/ and municipalities/ (e.g. an edited checkout).
    // Throws when it does not exist or lacks one of them (the message says which).
    static std::shared_ptr<const Engine> from_directory(const std::string& root);
    ~Engine();

    std::vector<std::string> kommuner() const; // the municipality ids it has standards for
    const Sources& sources() const { return *sources_; }

private:
    Engine() = default;
    std::unique_ptr<Sources> sources_;
};

class KVALITET_API Assessor {
public:
    // Loads municipalities/<kommune>/standard.lua and reads its older versions
    // (municipalities/<kommune>/versioner/, docs/dsl.md "Versioner"). Throws on an unknown
    // municipality or a script error (the message names file and line).
    Assessor(std::shared_ptr<const Engine> engine, const std::string& kommune);
    ~Assessor();
    Assessor(Assessor&&) noexcept;
    Assessor& operator=(Assessor&&) noexcept;

    // Under the version of this Assessor's standard in force on `dato`, whatever the case's
    // own "kommune" says (to route by it, keep one Assessor per municipality). The
    // assessment lists sag.ignorerede_felter and names the version (standard.gyldig_fra,
    // sha256). No version in force: InputError with kode "ukendt_version".
    Vurdering assess(const Sag& sag, Dato dato);
    // Case JSON in, assessment JSON out (one line, fixed key order).
    std::string assess_json(std::string_view sag_json, Dato dato);
    // On `dato`, under the version in force on `standard_dato` (the CLI's --standard-dato:
    // a complaint about a 2023 decision reviewed under the 2023 standard). Each version is
    // loaded on first use and kept.
    Vurdering assess(const Sag& sag, Dato dato, Dato standard_dato);
    std::string assess_json(std::string_view sag_json, Dato dato, Dato standard_dato);
    // With the trace at `spor` (the CLI's --spor): SporNiveau::Fuld is what the overloads above
    // write, Kort keeps each rule's id, outcome and dates but not the texts, Ingen no trace
    // (begrundelser and each result's kilde stay). A Vurdering writes its trace at its own
    // spor_niveau: `v.spor_niveau = SporNiveau::Kort; v.json()` is the same.
    std::string assess_json(std::string_view sag_json, Dato dato, Dato standard_dato, SporNiveau spor);
    // Recording only the trace `spor` asks for (Kort and Ingen are cheaper to assess); the
    // results and reasons are the same, and json() writes that trace, never more.
    Vurdering assess(const Sag& sag, Dato dato, Dato standard_dato, SporNiveau spor);

    const std::string& kommune() const { return kommune_; }
    // The sha256 of standard.lua, the newest version.
    const std::string& standard_sha256() const;

private:
    struct Versions; // the versions, each loaded on first use (a pointer, as before: same layout)
    std::shared_ptr<const Engine> engine_;
    std::string kommune_;
    std::unique_ptr<Versions> standard_;
};

} // namespace kvalitet
