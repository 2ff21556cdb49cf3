#include "server/standard_lager.hpp"

#include "engine/rute.hpp"
#include "lua/error.hpp"
#include "server/udgave.hpp"

namespace kvalitet::server {

Katalog::Katalog(const Sources& sources, const std::vector<std::string>& kendte) : kendte_(kendte) {
    for (const auto& k : kendte_) {
        try {
            versioner_[k] = kvalitet::versioner(sources, k);
        } catch (...) {
            fejl_[k] = std::current_exception();
        }
    }
}

const Version& Katalog::paa(const std::string& kommune, Dato dato) const {
    if (auto it = fejl_.find(kommune); it != fejl_.end()) std::rethrow_exception(it->second);
    const auto it = versioner_.find(kommune);
    if (it == versioner_.end())
        throw InputError(ukendt_kommune_tekst(kommune, kendte_), "ukendt_kommune");
    return version_paa(it->second, kommune, dato);
}

const std::vector<Version>* Katalog::versioner(const std::string& kommune) const {
    const auto it = versioner_.find(kommune);
    return it == versioner_.end() ? nullptr : &it->second;
}

StandardLager::StandardLager(std::shared_ptr<const Udgave> udgave)
    : udgave_(std::move(udgave)), sources_(udgave_->sources), katalog_(*udgave_->katalog) {}

StandardLager::~StandardLager() = default;

Standard& StandardLager::standard(const std::string& kommune, Dato dato) {
    const std::string& fil = katalog_.paa(kommune, dato).fil;
    if (auto it = standards_.find(fil); it != standards_.end()) return *it->second;
    if (auto it = fejl_.find(fil); it != fejl_.end()) std::rethrow_exception(it->second);
    try {
        return *(standards_[fil] = Standard::load_file(sources_, kommune, fil));
    } catch (...) {
        standards_.erase(fil);
        fejl_[fil] = std::current_exception();
        throw;
    }
}

} // namespace kvalitet::server
