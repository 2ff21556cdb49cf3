#include "server/sagsarkiv.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "domain/sag.hpp"
#include "engine/rute.hpp"
#include "engine/standard.hpp"
#include "lua/error.hpp"
#include "store/import_json.hpp"

namespace kvalitet::server {

class Sagsarkiv::Laan {
public:
    explicit Laan(Sagsarkiv& a) : a_(a) {
        std::lock_guard lock(a_.pulje_mutex_);
        if (!a_.pulje_.empty()) {
            store_ = std::move(a_.pulje_.back());
            a_.pulje_.pop_back();
        }
        if (!store_) store_ = std::make_unique<CaseStore>(a_.sti_, CaseStore::Access::ReadOnly);
    }
    ~Laan() {
        std::lock_guard lock(a_.pulje_mutex_);
        if (a_.pulje_.size() < 8) a_.pulje_.push_back(std::move(store_)); // more is closed: a burst leaves nothing behind
    }
    CaseStore* operator->() { return store_.get(); }

private:
    Sagsarkiv& a_;
    std::unique_ptr<CaseStore> store_;
};

Sagsarkiv::Sagsarkiv(const std::string& sti) : sti_(sti), skriver_(sti) {}

Sagsarkiv::Gemt Sagsarkiv::gem(std::string_view json, const std::vector<std::string>& kendte) {
    Sag sag = Sag::from_json(json);
    if (sag.id.empty())
        throw InputError("feltet 'id' mangler eller er tomt: sagsdatabasen kræver et sags-id", "ugyldigt_felt", "id");
    if (!sag.kommune)
        throw InputError("feltet 'kommune' mangler: sagsdatabasen kræver kommunen", "ugyldigt_felt", "kommune");
    if (std::find(kendte.begin(), kendte.end(), *sag.kommune) == kendte.end())
        throw InputError("feltet 'kommune': " + ukendt_kommune_tekst(*sag.kommune, kendte), "ukendt_kommune", "kommune");
    Gemt g;
    g.sag = {0, sag.id, *sag.kommune, compact_json(json), {}};
    std::lock_guard lock(skriv_mutex_);
    g.ny = !skriver_.read_case(sag.id);
    skriver_.put_cases({g.sag});
    g.sag = *skriver_.read_case(sag.id); // with its number and sha256 as stored
    return g;
}

std::optional<StoredCase> Sagsarkiv::sag(const std::string& id) {
    Laan l(*this);
    return l->read_case(id);
}

std::vector<AssessmentRow> Sagsarkiv::vurderinger(const std::string& sag_id) {
    Laan l(*this);
    try {
        return l->assessments_of(sag_id);
    } catch (const InputError& e) {
        // A row written beside kvalitet: the store's fault, not the request's (503, as a
        // damaged file), and said without the server's own path to the file.
        std::string besked = e.what();
        if (besked.starts_with(sti_ + ": ")) besked = "sagsdatabasen: " + besked.substr(sti_.size() + 2);
        throw InputError(besked, "sagsdatabase_fejl");
    }
}

std::vector<StoredCase> Sagsarkiv::liste(const std::string& kommune, std::int64_t efter, std::size_t antal) {
    Laan l(*this);
    return l->read_cases(efter, antal, kommune);
}

} // namespace kvalitet::server
