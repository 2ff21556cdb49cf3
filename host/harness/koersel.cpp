#include "harness/koersel.hpp"

#include "engine/ukendt_kontrol.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/versioner.hpp"
#include "lua/error.hpp"

namespace kvalitet::harness {

namespace fs = std::filesystem;

namespace {

// A test file is a script, read whole and compiled: as large as a standard may be, no larger
// (a 1 GB comment took 2 GB and 15 s; from a home, a file over it was read as nothing). Only
// that file fails; the municipality's other files still run.
Testfil too_large(std::string f) {
    return {std::move(f), {},
            fmt::format("den er større end {} MiB eller ikke en almindelig fil; del den i flere filer",
                        Sources::kMaxFile >> 20)};
}

Testfil read_file(const fs::path& p) {
    std::error_code ec;
    if (fs::file_size(p, ec) > Sources::kMaxFile) return too_large(p.generic_string());
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return {p.generic_string(), s.str(), {}};
}

Testfil read_source(const Sources& sources, const std::string& f) {
    auto text = sources.read(f);
    if (!text) return too_large(f);
    return {f, std::move(*text), {}};
}

// The municipality's tests (of standard.lua), then each version's (versioner/<dato>/tests/).
void add_from_sources(const Sources& sources, const std::string& kommune, std::vector<Testfil>& out) {
    for (const auto& f : sources.list("municipalities/" + kommune + "/tests"))
        if (f.ends_with(".lua")) out.push_back(read_source(sources, f));
    for (const auto& f : sources.list("municipalities/" + kommune + "/versioner"))
        if (f.ends_with(".lua") && !version_of_path(f).empty()) out.push_back(read_source(sources, f));
}

// A version's own file (versioner/<dato>.lua) is a standard, not a test file.
bool version_file(const fs::path& p) { return p.parent_path().filename() == "versioner"; }

} // namespace

std::vector<Testfil> find_test_files(const Sources& sources, const std::vector<std::string>& stier) {
    std::vector<Testfil> out;
    const auto ids = kommuner(sources);
    if (stier.empty())
        for (const auto& k : ids) add_from_sources(sources, k, out);
    for (const auto& sti : stier) {
        std::error_code ec;
        if (fs::is_regular_file(sti, ec)) {
            out.push_back(read_file(sti));
            out.back().fil = sti; // as the user wrote it
        } else if (fs::is_directory(sti, ec)) {
            std::vector<std::string> found;
            for (const auto& e : fs::recursive_directory_iterator(sti))
                if (e.is_regular_file() && e.path().extension() == ".lua" && e.path().filename() != "standard.lua" &&
                    !version_file(e.path()))
                    found.push_back(e.path().generic_string());
            std::sort(found.begin(), found.end());
            for (auto& f : found) out.push_back(read_file(f));
        } else if (std::find(ids.begin(), ids.end(), sti) != ids.end()) {
            add_from_sources(sources, sti, out);
        } else {
            throw InputError(fmt::format("'{}' er hverken en testfil, en mappe eller en kommune ({})", sti,
                                         fmt::join(ids, ", ")));
        }
    }
    return out;
}

std::vector<TestSag> load_tests(const Sources& sources, const Testfil& f) {
    if (!f.fejl.empty()) throw InputError(f.fejl);
    return load_test_file(sources, f.fil, f.tekst);
}

std::string version_of_path(std::string_view path) {
    std::string p(path);
    for (auto& ch : p)
        if (ch == '\\') ch = '/';
    const std::string kommune = kommune_of_path(p);
    if (kommune.empty()) return {};
    const std::string dir = "municipalities/" + kommune + "/versioner/";
    const auto at = p.rfind(dir);
    if (at == std::string::npos) return {};
    const std::string rest = p.substr(at + dir.size()); // "2025-01-01/tests/x.lua"
    const auto slash = rest.find('/');
    if (slash == std::string::npos || !Dato::parse(rest.substr(0, slash)) || rest.compare(slash, 7, "/tests/") != 0)
        return {};
    return dir + rest.substr(0, slash) + ".lua";
}

std::string standard_key(const TestSag& t, const std::string& fil) {
    std::string v = version_of_path(fil);
    return !v.empty() && kommune_of_path(v) == t.kommune ? v : t.kommune;
}

const Standard* Koersel::standard(const std::string& kommune) {
    if (auto it = standards_.find(kommune); it != standards_.end()) return it->second.get();
    if (load_errors_.count(kommune)) return nullptr;
    try {
        // A key with a '/' is a version's file (standard_key).
        const bool version = kommune.find('/') != std::string::npos;
        auto s = !version ? Standard::load(sources_, kommune) : Standard::load_file(sources_, kommune_of_path(kommune), kommune);
        // A version's period ends where the next one begins (rules_date), so its tests need
        // every version to load: a broken standard.lua is said once, not under each test.
        if (version && !versioner_.count(kommune_of_path(kommune))) {
            try {
                versioner_.emplace(kommune_of_path(kommune), versioner(sources_, kommune_of_path(kommune)));
            } catch (const std::exception& e) {
                load_errors_[kommune] =
                    fmt::format("versionens periode slutter, hvor den næste version begynder, og de kan ikke alle "
                                "indlæses: {}",
                                e.what());
                return nullptr;
            }
        }
        return (standards_[kommune] = std::move(s)).get();
    } catch (const ScriptError& e) {
        load_errors_[kommune] = e.what();
    } catch (const InputError& e) {
        load_errors_[kommune] = e.what();
    }
    // An exception without its text (it happens when one crosses Lua's own error
    // handling) must still tell the policy officer something to act on.
    std::string& why = load_errors_[kommune];
    if (why.empty() || why.back() == ':' || why.ends_with(": "))
        why = fmt::format("{}{}standarden for '{}' kunne ikke indlæses fra {}, og der kom ingen forklaring; tjek at "
                          "mappen har dsl/, stdlib/ og municipalities/{}/standard.lua",
                          why, why.empty() ? "" : " ", kommune, sources_.describe(), kommune);
    return nullptr;
}

const std::string* Koersel::load_error(const std::string& kommune) const {
    auto it = load_errors_.find(kommune);
    return it == load_errors_.end() ? nullptr : &it->second;
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

// The date whose rules apply to a test on `dato` under `s`: the test's date, kept inside
// the period the version is in force (a version's test may assess a later date, as a
// complaint about an old decision does).
Dato Koersel::rules_date(const Standard& s, Dato dato) {
    const auto& i = s.info();
    if (!i.gyldig_fra && !i.gyldig_til) return dato; // in force on every date
    auto it = versioner_.find(i.kommune);
    if (it == versioner_.end()) it = versioner_.emplace(i.kommune, versioner(sources_, i.kommune)).first;
    const auto& alle = it->second;
    for (std::size_t n = 0; n < alle.size(); ++n) {
        if (alle[n].fil != i.fil) continue;
        if (alle[n].gyldig_fra && dato < *alle[n].gyldig_fra) return *alle[n].gyldig_fra;
        std::optional<Dato> slut = alle[n].gyldig_til;
        if (!slut && n + 1 < alle.size() && alle[n + 1].gyldig_fra) slut = alle[n + 1].gyldig_fra->plus_days(-1);
        return slut && dato > *slut ? *slut : dato;
    }
    return dato;
}

Resultat Koersel::run(const TestSag& t, const std::string& key) {
    Resultat r;
    r.test = &t;
    if (!t.sag_fejl.empty()) { // the test itself is wrong: said before anything of the standard
        r.fejl = t.sag_fejl;
        return r;
    }
    Standard* s = const_cast<Standard*>(standard(key));
    if (!s) {
        r.fejl = "standarden kunne ikke indlæses: " + *load_error(key);
        return r;
    }
    std::optional<Sag> sag;
    try {
        // Strict: a misspelt field in a test case (borger = { aldr = 70 }) would otherwise be
        // ignored, and the test would pass without testing what it says.
        sag = Sag::from_json(t.sag.dump(), {}, UkendteFelter::Afvis);
        r.vurdering = s->vurder(*sag, t.dato, rules_date(*s, t.dato));
    } catch (const InputError& e) {
        r.fejl = fmt::format("sagen er ugyldig: {}", e.what());
        return r;
    } catch (const ScriptError& e) {
        r.fejl = e.what();
        r.regelfejl = e.uden_sag(e.what());
        return r;
    }
    if (t.forvent.empty()) { // {} would compare with the whole assessment and show all of it
        r.fejl = "testen forventer intet (forvent = {}); skriv, hvad vurderingen skal indeholde, f.eks. forvent = { "
                 "maalgruppe = { i_maalgruppe = true } }";
        return r;
    }
    daekning_[key].record(*r.vurdering);
    r.vurdering_json = nlohmann::json::parse(r.vurdering->json());
    std::vector<std::string_view> ids;
    for (const Rule& rule : s->rules()) ids.push_back(rule.regel->id);
    for (auto id : s->host_advarsel_ids()) ids.push_back(id);
    r.forskelle = sammenlign(t.forvent, r.vurdering_json, ids);
    r.fejl = unknown_fact_findings(*s, *sag, t.dato);
    // The same finding in every test that reaches the rule: said once (kvalitet test), unless
    // the test also differs from what it expects, which is then shown with it.
    if (r.forskelle.empty()) r.regelfejl = r.fejl;
    return r;
}

namespace {

std::string text_of(const nlohmann::json& j) {
    return j.is_string() ? j.get<std::string>() : j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// "k v, k v" of an object, with `sep` between a key and its value.
std::string pairs(const nlohmann::json& obj, std::string_view sep) {
    std::string out;
    for (const auto& item : obj.items())
        out += fmt::format("{}{}{}{}", out.empty() ? "" : ", ", item.key(), sep, text_of(item.value()));
    return out;
}

} // namespace

std::string spor_linje(const nlohmann::json& post) {
    auto str = [&](const char* k) { return post.contains(k) ? text_of(post[k]) : std::string(); };
    std::string out = fmt::format("{:<11} {:<40} {}", str("trin"), str("regel"), str("resultat"));
    if (auto it = post.find("datoer"); it != post.end() && it->is_object() && !it->empty())
        out += "  [" + pairs(*it, " ") + "]";
    if (auto it = post.find("vaerdier"); it != post.end() && it->is_object() && !it->empty())
        out += "  værdier: " + pairs(*it, " = ");
    if (auto it = post.find("sammenligninger"); it != post.end() && it->is_array() && !it->empty()) {
        std::vector<std::string> texts;
        for (const auto& c : *it) texts.push_back(text_of(c));
        out += fmt::format("  sammenlignet: {}", fmt::join(texts, "; "));
    }
    if (auto it = post.find("mangler"); it != post.end() && it->is_array() && !it->empty()) {
        std::vector<std::string> names;
        for (const auto& m : *it) names.push_back(text_of(m));
        out += fmt::format("  mangler: {}", fmt::join(names, ", "));
    }
    return out;
}

// From the JSON, so that what a rule read ("vaerdier") shows wherever the engine records it.
std::string spor_tekst(const Vurdering& v) {
    std::string out;
    const auto j = nlohmann::json::parse(v.json());
    if (auto it = j.find("spor"); it != j.end() && it->is_array())
        for (const auto& post : *it) out += "        " + spor_linje(post) + "\n";
    return out;
}

} // namespace kvalitet::harness
