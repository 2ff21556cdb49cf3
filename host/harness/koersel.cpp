#include "harness/koersel.hpp"

#include "engine/ukendt_kontrol.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lua/error.hpp"

namespace kvalitet::harness {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void add_from_sources(const Sources& sources, const std::string& kommune, std::vector<Testfil>& out) {
    for (const auto& f : sources.list("municipalities/" + kommune + "/tests"))
        if (f.ends_with(".lua")) out.push_back({f, *sources.read(f)});
}

} // namespace

std::vector<Testfil> find_test_files(const Sources& sources, const std::vector<std::string>& stier) {
    std::vector<Testfil> out;
    const auto ids = kommuner(sources);
    if (stier.empty())
        for (const auto& k : ids) add_from_sources(sources, k, out);
    for (const auto& sti : stier) {
        std::error_code ec;
        if (fs::is_regular_file(sti, ec)) {
            out.push_back({sti, read_file(sti)});
        } else if (fs::is_directory(sti, ec)) {
            std::vector<std::string> found;
            for (const auto& e : fs::recursive_directory_iterator(sti))
                if (e.is_regular_file() && e.path().extension() == ".lua" && e.path().filename() != "standard.lua")
                    found.push_back(e.path().generic_string());
            std::sort(found.begin(), found.end());
            for (auto& f : found) out.push_back({f, read_file(f)});
        } else if (std::find(ids.begin(), ids.end(), sti) != ids.end()) {
            add_from_sources(sources, sti, out);
        } else {
            throw InputError(fmt::format("'{}' er hverken en testfil, en mappe eller en kommune ({})", sti,
                                         fmt::join(ids, ", ")));
        }
    }
    return out;
}

const Standard* Koersel::standard(const std::string& kommune) {
    if (auto it = standards_.find(kommune); it != standards_.end()) return it->second.get();
    if (load_errors_.count(kommune)) return nullptr;
    try {
        auto s = Standard::load(sources_, kommune);
        return (standards_[kommune] = std::move(s)).get();
    } catch (const ScriptError& e) {
        load_errors_[kommune] = e.what();
    } catch (const InputError& e) {
        load_errors_[kommune] = e.what();
    }
    return nullptr;
}

// Every test case is also a check that no rule decided on a fact the case lacks
// (engine/ukendt_kontrol.hpp): one line per rule that did, else "".
static std::string unknown_fact_findings(Standard& s, const Sag& sag, Dato dato) {
    std::string out;
    try {
        for (const auto& u : kontroller_ukendte(s, sag, dato)) out += (out.empty() ? "" : "\n") + u.besked();
    } catch (const ScriptError& e) {
        out = fmt::format("kontrollen af ukendte forhold kunne ikke gennemføres: {}", e.what());
    }
    return out;
}

Resultat Koersel::run(const TestSag& t) {
    Resultat r;
    r.test = &t;
    Standard* s = const_cast<Standard*>(standard(t.kommune));
    if (!s) {
        r.fejl = "standarden kunne ikke indlæses: " + load_errors_[t.kommune];
        return r;
    }
    if (!t.sag_fejl.empty()) {
        r.fejl = t.sag_fejl;
        return r;
    }
    try {
        Sag sag = Sag::from_json(t.sag.dump());
        r.vurdering = s->vurder(sag, t.dato);
    } catch (const InputError& e) {
        r.fejl = fmt::format("sagen er ugyldig: {}", e.what());
        return r;
    } catch (const ScriptError& e) {
        r.fejl = e.what();
        return r;
    }
    daekning_[t.kommune].record(*r.vurdering);
    r.forskelle = sammenlign(t.forvent, nlohmann::json::parse(r.vurdering->json()));
    r.fejl = unknown_fact_findings(*s, Sag::from_json(t.sag.dump()), t.dato);
    return r;
}

std::string spor_tekst(const Vurdering& v) {
    std::string out;
    for (const auto& p : v.spor) {
        out += fmt::format("        {:<11} {:<40} {}", trin_navn(p.trin), p.regel->id, p.resultat);
        if (!p.datoer.empty()) {
            out += "  [";
            for (std::size_t i = 0; i < p.datoer.size(); ++i)
                out += fmt::format("{}{} {}", i ? ", " : "", p.datoer[i].first, p.datoer[i].second.iso());
            out += "]";
        }
        if (!p.mangler.empty()) out += fmt::format("  mangler: {}", fmt::join(p.mangler, ", "));
        out += "\n";
    }
    return out;
}

} // namespace kvalitet::harness
