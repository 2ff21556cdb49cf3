#include "server/udgave.hpp"

#include <fmt/format.h>

#include "domain/fejl_json.hpp"
#include "harness/koersel.hpp"

namespace kvalitet::server {

namespace {

// The municipality's own test cases, run as `kvalitet test <id>` runs them: the first
// failure in Danish, or empty when all pass (or there are none).
std::string test_fejl(const Sources& sources, const std::string& kommune) {
    try {
        harness::Koersel koersel(sources);
        std::size_t fejlet = 0, i_alt = 0;
        std::string foerste;
        for (const auto& f : harness::find_test_files(sources, {kommune})) {
            for (const auto& t : harness::load_tests(sources, f)) {
                ++i_alt;
                const auto r = koersel.run(t, harness::standard_key(t, f.fil)); // a version's tests under that version
                if (r.ok()) continue;
                if (fejlet++ == 0)
                    foerste = fmt::format("{}:{} '{}'{}", t.fil, t.linje, t.navn, r.fejl.empty() ? "" : ": " + r.fejl);
            }
        }
        if (!fejlet) return {};
        return fmt::format("{} af {} test fejlede (kør 'kvalitet test {}'); den første: {}", fejlet, i_alt, kommune,
                           foerste);
    } catch (...) {
        return fmt::format("testene kunne ikke køres: {}", aktuel_fejl().besked);
    }
}

} // namespace

std::string Udgave::fejl(const std::string& kommune) const {
    const auto it = info.find(kommune);
    if (it == info.end()) return "kommunen findes ikke i denne udgave af standarderne";
    return !it->second.fejl.empty() ? it->second.fejl : it->second.test_fejl;
}

std::shared_ptr<Udgave> laes_udgave(const Sources& sources, std::uint64_t nr, bool koer_tests) {
    auto u = std::make_shared<Udgave>();
    u->nr = nr;
    u->sources = sources.snapshot();
    u->kendte = kommuner(u->sources);
    u->katalog = std::make_unique<Katalog>(u->sources, u->kendte);
    u->info = laes_kommuner(u->sources, *u->katalog);
    u->liste = kommuneliste(u->info, u->kendte);
    if (koer_tests)
        for (auto& [id, k] : u->info)
            if (k.fejl.empty()) k.test_fejl = test_fejl(u->sources, id);
    return u;
}

std::vector<std::pair<std::string, std::string>> daarligere(const Udgave& gammel, const Udgave& ny) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& id : gammel.kendte) {
        if (!gammel.fejl(id).empty()) continue; // did not serve before: no loss
        if (std::string f = ny.fejl(id); !f.empty()) out.emplace_back(id, std::move(f));
    }
    return out;
}

} // namespace kvalitet::server
