// The C++ API: a thin, stable face over Sources and Standard.
#include "kvalitet/engine.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <system_error>

#include "engine/standard.hpp"
#include "engine/versioner.hpp"
#include "lua/error.hpp"
#include "sources.hpp"

namespace kvalitet {

std::shared_ptr<const Engine> Engine::embedded() {
    std::shared_ptr<Engine> e(new Engine);
    e->sources_ = std::make_unique<Sources>(Sources::embedded());
    return e;
}

namespace {

// A home that is missing, or is not one, says so: not "ukendt kommune 'varde' (kendte: )".
void check_home(const std::string& root) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const char* hint = "den skal rumme dsl/, stdlib/ og municipalities/ (en checkout eller share/kvalitet i en installation)";
    if (!fs::exists(root, ec))
        throw InputError(fmt::format("hjemmemappen '{}' findes ikke: {}", root, hint), "ugyldigt_hjem");
    if (!fs::is_directory(root, ec))
        throw InputError(fmt::format("hjemmemappen '{}' er ikke en mappe: {}", root, hint), "ugyldigt_hjem");
    for (const char* tree : {"dsl", "stdlib", "municipalities"})
        if (!fs::is_directory(fs::path(root) / tree, ec))
            throw InputError(fmt::format("hjemmemappen '{}' har ingen {}/: {}", root, tree, hint), "ugyldigt_hjem");
}

} // namespace

std::shared_ptr<const Engine> Engine::from_directory(const std::string& root) {
    check_home(root);
    std::shared_ptr<Engine> e(new Engine);
    e->sources_ = std::make_unique<Sources>(Sources::directory(root));
    return e;
}

Engine::~Engine() = default;

std::vector<std::string> Engine::kommuner() const { return kvalitet::kommuner(*sources_); }

// The versions of one municipality's standard (engine/versioner.hpp); standard.lua is
// loaded at once (so a fault in it shows when the Assessor is made), the older versions
// when a date first needs them.
struct Assessor::Versions {
    std::vector<Version> alle;
    std::map<std::string, std::unique_ptr<Standard>, std::less<>> loaded; // by file

    Standard& on(const Sources& sources, const std::string& kommune, Dato standard_dato) {
        const Version& v = version_paa(alle, kommune, standard_dato);
        auto& slot = loaded[v.fil];
        if (!slot) slot = Standard::load_file(sources, kommune, v.fil);
        return *slot;
    }
};

Assessor::Assessor(std::shared_ptr<const Engine> engine, const std::string& kommune)
    : engine_(std::move(engine)), kommune_(kommune), standard_(std::make_unique<Versions>()) {
    auto newest = Standard::load(engine_->sources(), kommune);
    standard_->alle = versioner(engine_->sources(), kommune);
    standard_->loaded[newest->info().fil] = std::move(newest);
}

Assessor::~Assessor() = default;
Assessor::Assessor(Assessor&&) noexcept = default;
Assessor& Assessor::operator=(Assessor&&) noexcept = default;

Vurdering Assessor::assess(const Sag& sag, Dato dato) { return assess(sag, dato, dato); }

Vurdering Assessor::assess(const Sag& sag, Dato dato, Dato standard_dato) {
    Vurdering v = standard_->on(engine_->sources(), kommune_, standard_dato).vurder(sag, dato, standard_dato);
    v.ignorerede_felter = sag.ignorerede_felter;
    return v;
}

std::string Assessor::assess_json(std::string_view sag_json, Dato dato) { return assess(Sag::from_json(sag_json), dato).json(); }

std::string Assessor::assess_json(std::string_view sag_json, Dato dato, Dato standard_dato) {
    return assess(Sag::from_json(sag_json), dato, standard_dato).json();
}

Vurdering Assessor::assess(const Sag& sag, Dato dato, Dato standard_dato, SporNiveau spor) {
    Vurdering v = standard_->on(engine_->sources(), kommune_, standard_dato).vurder(sag, dato, standard_dato, spor);
    v.ignorerede_felter = sag.ignorerede_felter;
    return v;
}

std::string Assessor::assess_json(std::string_view sag_json, Dato dato, Dato standard_dato, SporNiveau spor) {
    return assess(Sag::from_json(sag_json), dato, standard_dato, spor).json();
}

const std::string& Assessor::standard_sha256() const {
    return standard_->loaded.at("municipalities/" + kommune_ + "/standard.lua")->info().sha256;
}

} // namespace kvalitet
