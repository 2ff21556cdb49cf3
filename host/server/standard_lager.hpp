#pragma once
// The standards the workers assess with.
//
// Katalog: every municipality's versions (municipalities/<id>/versioner/), read once per
// udgave (udgave.hpp) and shared read-only, so a request never reads the disk to learn which
// version is in force on its date.
//
// StandardLager: one worker's loaded standards of one udgave, one per (municipality,
// version), each loaded the first time this worker needs it and kept (a Lua state is
// single-threaded, so each worker has its own), as the batch's workers do
// (engine/parallel.cpp). A standard that failed to load fails the same way every time
// after, without loading again.
#include <exception>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/standard.hpp"
#include "engine/versioner.hpp"

namespace kvalitet::server {

class Katalog {
public:
    Katalog(const Sources& sources, const std::vector<std::string>& kendte);
    // The version of `kommune`'s standard in force on `dato`. Throws as versioner() and
    // version_paa() do (ScriptError, InputError ukendt_kommune or ukendt_version).
    const Version& paa(const std::string& kommune, Dato dato) const;
    const std::vector<Version>* versioner(const std::string& kommune) const; // nullptr: unknown or failed
    const std::vector<std::string>& kendte() const { return kendte_; }

private:
    std::vector<std::string> kendte_;
    std::map<std::string, std::vector<Version>, std::less<>> versioner_;
    std::map<std::string, std::exception_ptr, std::less<>> fejl_;
};

struct Udgave;

class StandardLager {
public:
    // One udgave's standards: the lager keeps the udgave (its sources and catalogue) alive.
    explicit StandardLager(std::shared_ptr<const Udgave> udgave);
    ~StandardLager();
    const Udgave* udgave() const { return udgave_.get(); }

    // The version in force on `dato`, loaded. Throws as Katalog::paa and Standard::load_file
    // do. The maps hold at most one entry per version there is.
    Standard& standard(const std::string& kommune, Dato dato);
    const std::vector<std::string>& kendte() const { return katalog_.kendte(); }

private:
    std::shared_ptr<const Udgave> udgave_; // before the references into it
    const Sources& sources_;
    const Katalog& katalog_;
    std::map<std::string, std::unique_ptr<Standard>, std::less<>> standards_; // by the version's file
    std::map<std::string, std::exception_ptr, std::less<>> fejl_;
};

} // namespace kvalitet::server
