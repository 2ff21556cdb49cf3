// kvalitet db forklar SAG [--dato D]: the full explanation of a stored assessment,
// regenerated. The log may hold the compact form (db vurder --spor kort|ingen); the case,
// the recorded version of the standard (by its sha256) and the recorded dates give the
// assessment again, and it is shown only when it is the one stored: the stored result,
// and the trace at the level it was stored with, byte for byte. Anything else is an error
// naming the case, the date and what differs, never a silently different explanation.
#include "db_forklar.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "cli.hpp"
#include "domain/sha256.hpp"
#include "domain/tekst.hpp"
#include "engine/standard.hpp"
#include "engine/versioner.hpp"
#include "harness/koersel.hpp"
#include "lua/error.hpp"
#include "store/case_store.hpp"
#include "store/motor_version.hpp"

namespace kvalitet::cli {

namespace {

using Json = nlohmann::json;

std::string kort_sha(const std::string& sha) { return sha.size() > 12 ? sha.substr(0, 12) + "…" : sha; }

// A value for a message: JSON, cut short, never inside a UTF-8 character.
std::string vis(const Json& v) {
    std::string s = v.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (s.size() <= 60) return s;
    return std::string(utf8_prefix(s, 57)) + "…";
}

// The paths where `gemt` and `nu` differ ("pakke.id (gemt "3", nu "4")"), at most `max`.
void forskelle(const Json& gemt, const Json& nu, const std::string& sti, std::vector<std::string>& out, std::size_t max) {
    if (out.size() >= max || gemt == nu) return;
    const std::string navn = sti.empty() ? "vurderingen" : sti;
    if (gemt.is_object() && nu.is_object()) {
        std::set<std::string> keys;
        for (auto it = gemt.begin(); it != gemt.end(); ++it) keys.insert(it.key());
        for (auto it = nu.begin(); it != nu.end(); ++it) keys.insert(it.key());
        for (const auto& k : keys) {
            const std::string under = sti.empty() ? k : sti + "." + k;
            if (!gemt.contains(k)) out.push_back(fmt::format("{} (ikke gemt, nu {})", under, vis(nu[k])));
            else if (!nu.contains(k)) out.push_back(fmt::format("{} (gemt {}, nu ikke med)", under, vis(gemt[k])));
            else forskelle(gemt[k], nu[k], under, out, max);
            if (out.size() >= max) return;
        }
        return;
    }
    if (gemt.is_array() && nu.is_array()) {
        if (gemt.size() != nu.size()) {
            out.push_back(fmt::format("{} (gemt {} elementer, nu {})", navn, gemt.size(), nu.size()));
            return;
        }
        for (std::size_t i = 0; i < gemt.size() && out.size() < max; ++i)
            forskelle(gemt[i], nu[i], fmt::format("{}[{}]", sti, i), out, max);
        return;
    }
    out.push_back(fmt::format("{} (gemt {}, nu {})", navn, vis(gemt), vis(nu)));
}

// What differs between the stored assessment and the regenerated one, in Danish.
std::string hvad_afviger(const std::string& gemt_tekst, const std::string& nu_tekst) {
    Json gemt, nu;
    // An assessment is a few levels deep; a row edited outside kvalitet may be nested without
    // end, and copying or comparing it would recurse as deep (a helper's 100,000 levels
    // overflowed the stack). Refused while parsing, which itself keeps no stack per level.
    struct ForDyb {};
    constexpr int kMaxDybde = 64;
    try {
        gemt = Json::parse(gemt_tekst, [](int dybde, Json::parse_event_t, Json&) {
            if (dybde > kMaxDybde) throw ForDyb{};
            return true;
        });
    } catch (const ForDyb&) {
        return fmt::format("den gemte vurdering er indlejret mere end {} niveauer dybt, som ingen vurdering er", kMaxDybde);
    } catch (const std::exception&) {
        return "den gemte vurdering er ikke gyldig JSON";
    }
    nu = Json::parse(nu_tekst);
    std::vector<std::string> out;
    // The result first (everything but the trace), then the trace.
    Json gemt_uden = gemt, nu_uden = nu;
    gemt_uden.erase("spor");
    nu_uden.erase("spor");
    constexpr std::size_t kMax = 5;
    forskelle(gemt_uden, nu_uden, "", out, kMax);
    if (out.empty()) forskelle(gemt.value("spor", Json::array()), nu.value("spor", Json::array()), "spor", out, kMax);
    if (out.empty())
        return "teksten er en anden, men de læste værdier de samme (nøglernes rækkefølge, en nøgle gentaget eller tal "
               "skrevet anderledes)";
    return fmt::format("{}{}", fmt::join(out, "; "), out.size() >= kMax ? " …" : "");
}

// A case id as a message shows it: control characters written as \u001B, so an id cannot
// move the cursor or forge a line of the explanation on a terminal.
std::string synlig(std::string_view id) {
    std::string out;
    for (unsigned char c : id) {
        if (c < 0x20 || c == 0x7f) out += fmt::format("\\u{:04X}", unsigned(c));
        else out += char(c);
    }
    return out;
}


// A kept text is read as the file it was: one of the municipality's own standard files, never
// a shared rule (dsl/, stdlib/) or another municipality's.
bool gyldig_versionsfil(const std::string& fil, const std::string& kommune) {
    const std::string dir = "municipalities/" + kommune + "/";
    if (fil == dir + "standard.lua") return true;
    const std::string versioner = dir + "versioner/";
    if (!fil.starts_with(versioner) || !fil.ends_with(".lua")) return false;
    const auto navn = std::string_view(fil).substr(versioner.size(), fil.size() - versioner.size() - 4);
    return Dato::parse(navn).has_value();
}

} // namespace

int db_forklar(const std::string& db, const std::string& sag_id_raa, const std::string& dato, const std::string& format,
               const Sources& sources) {
    const std::string sag_id = synlig(sag_id_raa); // as every message below names it
    std::optional<Dato> paa;
    if (!dato.empty()) paa = date_option(dato, "--dato");
    CaseStore store(db, CaseStore::Access::ReadOnly);
    const auto sag = store.read_case(sag_id_raa);
    if (!sag) throw InputError(fmt::format("sagen '{}' findes ikke i sagsdatabasen {}", sag_id, store.path()));
    const auto rows = store.assessments_of(sag_id_raa);
    if (rows.empty())
        throw InputError(fmt::format("sagen '{}' er ikke vurderet i sagsdatabasen {}; vurder den med 'kvalitet db vurder'",
                                     sag_id, store.path()));
    // The latest assessment on the date (or of all): the log may hold several, from a case or
    // a standard that changed in between.
    const AssessmentRow* row = nullptr;
    for (const auto& r : rows)
        if (!paa || r.vurderingsdato == paa->iso()) row = &r;
    if (!row) {
        std::set<std::string> datoer;
        for (const auto& r : rows) datoer.insert(r.vurderingsdato);
        throw InputError(fmt::format("sagen '{}' har ingen vurdering pr. {} i sagsdatabasen {} (den er vurderet pr. {})",
                                     sag_id, paa->iso(), store.path(), fmt::join(datoer, ", ")));
    }
    const AssessmentRow& r = *row;
    const std::string hvem = fmt::format("sag '{}' pr. {}", sag_id, synlig(r.vurderingsdato));
    auto afvist = [&](const std::string& hvad) {
        return InputError(fmt::format("db forklar: {}: {}; forklaringen vises ikke, for den ville ikke være den gemte "
                                      "vurderings",
                                      hvem, hvad));
    };

    // 1. The version of the case that was assessed: the store keeps the case's latest text only,
    // and its sha256 beside it. The text is hashed again: a text changed behind the store's
    // back, its sha256 left as it was, must not be explained as the case that was assessed.
    if (sha256_hex(sag->json) != sag->sha256)
        throw afvist(fmt::format("sagens tekst i databasen har ikke den sha256, der er gemt ved den ({}); den er "
                                 "ændret uden om kvalitet",
                                 kort_sha(sag->sha256)));
    if (!r.sag_sha256.empty() && r.sag_sha256 != sag->sha256)
        throw afvist(fmt::format("sagen er ændret siden vurderingen (vurderet udgave sha256 {}, gemt nu {}), og den "
                                 "vurderede udgave findes ikke længere i databasen",
                                 kort_sha(r.sag_sha256), kort_sha(sag->sha256)));

    // 2. The version of the standard that assessed it, by its sha256: a file among the
    // municipality's versions today, else the text the store kept when it assessed (a
    // version saved under versioner/ with gyldig_fra added has another sha256).
    // Today's files may not load (a draft being edited): then only the kept text can serve.
    std::vector<Version> alle;
    std::string fejl_nu;
    try {
        alle = versioner(sources, r.kommune);
    } catch (const std::exception& e) {
        fejl_nu = e.what();
    }
    const auto version = std::find_if(alle.begin(), alle.end(), [&](const Version& v) { return v.sha256 == r.standard_sha256; });
    std::optional<Sources> gemt_kilde; // set: the kept text, read as its file
    std::string fil;
    if (version != alle.end()) {
        fil = version->fil;
    } else if (auto kept = store.standard_text(r.standard_sha256); kept && sha256_hex(kept->tekst) == r.standard_sha256) {
        if (!gyldig_versionsfil(kept->fil, r.kommune) || kept->tekst.size() > Sources::kMaxFile)
            throw afvist(fmt::format("sagsdatabasens tekst af standarden (sha256 {}) er gemt som '{}', som ikke er en "
                                     "af {}s standardfiler; loggen er ændret uden om kvalitet",
                                     kort_sha(r.standard_sha256), synlig(kept->fil), r.kommune));
        fil = kept->fil;
        gemt_kilde = sources.with_file(kept->fil, std::move(kept->tekst));
    } else if (!fejl_nu.empty()) {
        throw afvist(fmt::format("{}s versioner kan ikke indlæses nu ({}), og sagsdatabasen har ikke teksten af "
                                 "standarden, der vurderede den (sha256 {}); ret scriptet og prøv igen",
                                 r.kommune, fejl_nu, kort_sha(r.standard_sha256)));
    } else {
        std::vector<std::string> nu;
        for (const auto& v : alle) nu.push_back(kort_sha(v.sha256));
        throw afvist(fmt::format("standarden, der vurderede den (sha256 {}), findes ikke længere blandt {}s versioner "
                                 "(nu: {}), og sagsdatabasen har ikke dens tekst: scriptet er ændret siden",
                                 kort_sha(r.standard_sha256), r.kommune, fmt::join(nu, ", ")));
    }

    // 3. The engine and the shared rules. A full row is checked by its bytes below: all of
    // it, every trace text included, is compared. A compact row leaves the texts out, so a
    // change to the shared rules' texts (a kilde in stdlib/) would pass unseen: it is
    // explained only by the engine and the shared rules that stored it.
    // the engine and shared rules now: asked only of a row that needs it (it reads dsl/, stdlib/)
    const auto motor_nu = [&] { return motor_version(sources); };
    const auto vurder_igen = [&] {
        return fmt::format("vurder sagen igen med 'kvalitet db --db {} vurder --alle --kommune {} --dato {}{}'", store.path(),
                           r.kommune, synlig(r.vurderingsdato),
                           r.standard_dato.empty() ? "" : " --standard-dato " + synlig(r.standard_dato));
    };
    if (r.spor != SporNiveau::Fuld)
        if (const std::string nu = motor_nu(); r.motor_version != nu)
            throw afvist(fmt::format("den er gemt med spor '{}' af {}, men nu er det {}: sporets tekster kan være ændret "
                                     "siden, og den korte række kan ikke vise det; {}",
                                     spor_navn(r.spor), motor_tekst(r.motor_version), motor_tekst(nu), vurder_igen()));

    // 4. The dates: the assessment date, and the date whose rules applied (recorded since
    // schema 3; before, the assessment date, or the version's first day when the version
    // was not in force on it, as after --standard-dato).
    const auto standard = [&] {
        if (!gemt_kilde) return Standard::load_file(sources, r.kommune, fil);
        try {
            return Standard::load_file(*gemt_kilde, r.kommune, fil);
        } catch (const std::exception& e) {
            throw afvist(fmt::format("den tekst af standarden (sha256 {}), som sagsdatabasen gemte, kan ikke indlæses: {}",
                                     kort_sha(r.standard_sha256), e.what()));
        }
    }();
    if (standard->info().sha256 != r.standard_sha256)
        throw afvist(fmt::format("standardens sha256 er nu {}, ikke {} som gemt", kort_sha(standard->info().sha256),
                                 kort_sha(r.standard_sha256)));
    auto dato_fra_loggen = [&](const std::string& iso, std::string_view felt) {
        const auto d = Dato::parse(iso);
        if (!d) throw afvist(fmt::format("loggens {} er '{}', som ikke er en dato (ÅÅÅÅ-MM-DD)", felt, synlig(iso)));
        return *d;
    };
    const Dato vd = dato_fra_loggen(r.vurderingsdato, "vurderingsdato");
    Dato sd = r.standard_dato.empty() ? vd : dato_fra_loggen(r.standard_dato, "standard_dato");
    if (const auto& info = standard->info(); r.standard_dato.empty() && info.gyldig_fra) {
        // In force: by today's versions when it is one of them, else by what it declares.
        bool i_kraft = *info.gyldig_fra <= vd && (!info.gyldig_til || vd <= *info.gyldig_til);
        if (!gemt_kilde) try {
                i_kraft = version_paa(alle, r.kommune, vd).sha256 == r.standard_sha256;
            } catch (const InputError&) {
                i_kraft = false;
            }
        if (!i_kraft) sd = *info.gyldig_fra;
    }

    // 5. Again, and compared with what is stored at the level it was stored with.
    Sag s = [&] {
        try {
            return Sag::from_json(sag->json);
        } catch (const InputError& e) {
            throw afvist(fmt::format("den gemte sag kan ikke læses: {}", e.what()));
        }
    }();
    Vurdering v = standard->vurder(s, vd, sd);
    v.ignorerede_felter = std::move(s.ignorerede_felter);
    v.spor_niveau = r.spor;
    const std::string igen = v.json();
    if (igen != r.json) {
        // another engine wrote it: the difference may be the engine's, not the case's
        if (const std::string nu = motor_nu(); r.motor_version != nu)
            throw afvist(fmt::format("den er gemt af {}, men nu er det {}, og den genskabte vurdering afviger fra den "
                                     "gemte: {}; {}",
                                     motor_tekst(r.motor_version), motor_tekst(nu), hvad_afviger(r.json, igen),
                                     vurder_igen()));
        throw afvist(fmt::format("den genskabte vurdering afviger fra den gemte: {}", hvad_afviger(r.json, igen)));
    }

    // 6. The full explanation.
    v.spor_niveau = SporNiveau::Fuld;
    if (format == "json") {
        fmt::print("{}\n", v.json());
        return kOk;
    }
    fmt::print("Genskabt fra sagsdatabasen {}: vurdering nr. {} af {}, gemt med spor '{}' af {}, efter "
               "standarden med sha256 {}{}; den genskabte vurdering er den samme som den gemte.\n\n",
               store.path(), r.nr, hvem, spor_navn(r.spor), motor_tekst(r.motor_version), kort_sha(r.standard_sha256),
               gemt_kilde ? fmt::format(" (dens tekst, som sagsdatabasen gemte; {} er ændret siden)", fil) : "");
    fmt::print("{}", v.tekst());
    fmt::print("\n\nSpor (hver regel, der blev vurderet)\n{}", harness::spor_tekst(v));
    return kOk;
}

} // namespace kvalitet::cli
