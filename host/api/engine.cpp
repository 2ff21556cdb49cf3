// The C++ API: a thin, stable face over Sources and Standard.
#include "kvalitet/engine.hpp"

#include "engine/standard.hpp"
#include "sources.hpp"

namespace kvalitet {

std::shared_ptr<const Engine> Engine::embedded() {
    std::shared_ptr<Engine> e(new Engine);
    e->sources_ = std::make_unique<Sources>(Sources::embedded());
    return e;
}

std::shared_ptr<const Engine> Engine::from_directory(const std::string& root) {
    std::shared_ptr<Engine> e(new Engine);
    e->sources_ = std::make_unique<Sources>(Sources::directory(root));
    return e;
}

Engine::~Engine() = default;

std::vector<std::string> Engine::kommuner() const { return kvalitet::kommuner(*sources_); }

Assessor::Assessor(std::shared_ptr<const Engine> engine, const std::string& kommune)
    : engine_(std::move(engine)), kommune_(kommune), standard_(Standard::load(engine_->sources(), kommune)) {}

Assessor::~Assessor() = default;
Assessor::Assessor(Assessor&&) noexcept = default;
Assessor& Assessor::operator=(Assessor&&) noexcept = default;

Vurdering Assessor::assess(const Sag& sag, Dato dato) { return standard_->vurder(sag, dato); }

std::string Assessor::assess_json(std::string_view sag_json, Dato dato) {
    return standard_->vurder(Sag::from_json(sag_json), dato).json();
}

const std::string& Assessor::standard_sha256() const { return standard_->info().sha256; }

} // namespace kvalitet
