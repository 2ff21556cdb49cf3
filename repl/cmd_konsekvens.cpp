// kvalitet konsekvens --kommune ID (--fil FIL | --version A --mod B) [--db FIL | SAGER.ndjson]:
// every case assessed under both versions on both cores, and what changed for how many
// (host/workbench/konsekvens.hpp). Exit 0; 1 when a version does not load or some cases
// could not be assessed (they are counted in the report); 2 on wrong use.
#include <fmt/format.h>

#include "cli.hpp"
#include "engine/parallel.hpp"
#include "line_reader.hpp"
#include "lua/error.hpp"
#include "store/case_store.hpp"
#include "udskrift.hpp"
#include "version_valg.hpp"
#include "workbench/konsekvens.hpp"

namespace kvalitet::cli {

namespace {

struct KonsekvensValg {
    std::string kommune, fil, version, mod, db, sager, dato, format = "tekst", ud;
    std::size_t eksempler = 5;
    unsigned traade = 0;
};

// A batch is bounded by count and by bytes (4096 lines of up to 1 MiB would be 4 GiB).
constexpr std::size_t kBatch = 4096, kBatchBytes = 32u << 20;
constexpr std::size_t kFejlEksempler = 5;

// The two sides: the version in force on the date (or --version) against the file; or
// --version against --mod (or the version after it); or the two newest.
std::pair<Udgave, Udgave> sides(const Sources& sources, const KonsekvensValg& o, Dato dato) {
    const auto alle = versioner(sources, o.kommune);
    Udgave a = !o.version.empty() ? version_udgave(sources, o.kommune, alle, version_dato(o.version, "--version"))
               : o.fil.empty() && alle.size() >= 2 ? version_udgave(sources, o.kommune, alle, *alle[alle.size() - 2].gyldig_fra)
                                                   : version_udgave(sources, o.kommune, alle, dato);
    if (!o.fil.empty()) {
        Udgave b = fil_udgave_mod(sources, o.kommune, o.fil, a);
        return {std::move(a), std::move(b)};
    }
    if (!o.mod.empty()) {
        Udgave b = version_udgave(sources, o.kommune, alle, version_dato(o.mod, "--mod"));
        return {std::move(a), std::move(b)};
    }
    if (o.version.empty() && alle.size() < 2)
        throw CLI::ValidationError(
            "--kommune", fmt::format("standarden for {} har kun én version ({}); vælg en fil, du retter i: kvalitet "
                                     "konsekvens --kommune {} --fil FIL",
                                     o.kommune, alle.back().fil, o.kommune));
    return {std::move(a), naeste_udgave(sources, o.kommune, alle, a)};
}

class Koersel {
public:
    Koersel(const Sources& sources, const KonsekvensValg& o, Dato dato, const Udgave& a, const Udgave& b)
        : o_(o), dato_(dato), assessor_(sources, o.traade), dele_(assessor_.threads()),
          foer_{a.sources, o.kommune, a.fil}, efter_{b.sources, o.kommune, b.fil}, udkast_(b.udkast.get()) {}

    // An error as the user knows the files: the draft's (the new side, --fil) by its own
    // path, not the temporary tree's municipalities/<id>/standard.lua.
    std::string besked(const Udfald& u) const {
        if (u.side != Udfald::Side::Efter || !udkast_) return u.fejl;
        const std::string tmp = fmt::format("municipalities/{}/standard.lua", o_.kommune), shown = udkast_->vis(tmp);
        std::string s = u.fejl;
        for (auto p = s.find(tmp); p != std::string::npos; p = s.find(tmp, p + shown.size())) s.replace(p, tmp.size(), shown);
        return s;
    }

    // One batch of cases; `nr[i]` is where case i is in the input (its NDJSON line, or its nr
    // in the store), as the examples and an error name it: "`slags` 7".
    void batch(std::vector<Opgave>& opgaver, const std::vector<std::size_t>& nr, std::string_view slags) {
        // The counts come from the results alone: no trace, except for the example cases,
        // which are assessed again with theirs (recording it is some 7 % of a case's cost).
        const auto fejl = assessor_.assess_pair(
            opgaver, dato_, foer_, efter_, SporNiveau::Ingen,
            [&](unsigned t, std::size_t i, const Sag& sag, Vurdering& x, Vurdering& y,
                const ParallelAssessor::Fuldt& fuldt) {
                workbench::sammenlign_sag(dele_[t], nr[i], sag, x, y, o_.eksempler, fuldt);
            });
        for (std::size_t i = 0; i < fejl.size(); ++i) {
            const Udfald& u = fejl[i];
            if (u.ok()) continue;
            if (u.kode == "kommune_forskellig") {
                ++k_.andre_kommuner;
                continue;
            }
            ++k_.fejl;
            ++k_.fejl_koder[u.kode.empty() ? "ugyldigt_input" : u.kode];
            if (k_.fejl_eksempler.size() < kFejlEksempler)
                k_.fejl_eksempler.push_back({u.sag_id.empty() ? fmt::format("{} {}", slags, nr[i])
                                                              : fmt::format("sag {} ({} {})", u.sag_id, slags, nr[i]),
                                             besked(u)});
        }
    }

    workbench::Konsekvens& resultat() {
        k_.max_eksempler = o_.eksempler;
        workbench::saml(k_, dele_);
        return k_;
    }

private:
    const KonsekvensValg& o_;
    Dato dato_;
    ParallelAssessor assessor_;
    std::vector<workbench::Optaelling> dele_; // one per worker
    Side foer_, efter_;
    const workbench::FilStandard* udkast_;
    workbench::Konsekvens k_;
};

void read_ndjson(const KonsekvensValg& o, Koersel& k) {
    const InputFile in(o.sager);
    LineReader src(in.get());
    std::vector<Opgave> batch;
    std::vector<std::size_t> linjer;
    std::string line;
    std::size_t nr = 0;
    bool mere = true, first_seen = false, not_ndjson = false;
    while (mere) {
        batch.clear();
        linjer.clear();
        std::size_t bytes = 0;
        while (batch.size() < kBatch && bytes < kBatchBytes) {
            if (!src.next(line)) {
                mere = false;
                break;
            }
            ++nr;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            if (!first_seen) first_seen = true, not_ndjson = ikke_ndjson(line);
            bytes += line.size();
            batch.push_back({std::move(line), o.kommune, nr});
            linjer.push_back(nr);
        }
        k.batch(batch, linjer, "linje");
    }
    if (not_ndjson && k.resultat().fejl) fmt::print(stderr, "kvalitet konsekvens: {}\n", kIkkeNdjson);
}

void read_store(const KonsekvensValg& o, Koersel& k) {
    CaseStore store(o.db.empty() ? CaseStore::default_path() : o.db, CaseStore::Access::ReadOnly);
    std::int64_t after = 0;
    std::vector<Opgave> batch;
    std::vector<std::size_t> nr;
    while (true) {
        auto cases = store.read_cases(after, kBatch, o.kommune);
        if (cases.empty()) break;
        after = cases.back().nr;
        batch.clear();
        nr.clear();
        for (auto& c : cases) {
            batch.push_back({std::move(c.json), o.kommune});
            nr.push_back(std::size_t(c.nr));
        }
        k.batch(batch, nr, "sag nr.");
    }
}

int run_konsekvens(const Common& common, const KonsekvensValg& o) {
    try {
        const Dato dato = evaluation_date(o.dato);
        Sources sources = common.sources();
        auto [a, b] = sides(sources, o, dato);
        Koersel k(sources, o, dato, a, b);
        try {
            if (!o.sager.empty()) read_ndjson(o, k);
            else read_store(o, k);
        } catch (const TidsloftRamt& e) {
            return fail(fmt::format("stoppet ved første sag, der ramte tidsloftet: {}. Hver sag, der går samme vej "
                                    "gennem reglen, ville vente lige så længe; ret løkken og kør igen (konsekvenserne "
                                    "er ikke beregnet)",
                                    k.besked(e.udfald)));
        }
        workbench::Konsekvens& r = k.resultat();
        r.kommune = o.kommune, r.foer_navn = a.navn, r.efter_navn = b.navn, r.dato = dato;
        const std::string ud = o.format == "json"   ? workbench::konsekvens_json(r)
                               : o.format == "html" ? workbench::konsekvens_html(r)
                                                    : workbench::konsekvens_tekst(r);
        if (const int rc = skriv_ud(o.ud, ud, "konsekvenserne"); rc != kOk) return rc;
        if (r.fejl) {
            fmt::print(stderr, "kvalitet konsekvens: {} sag{} kunne ikke vurderes (se rapporten)\n", r.fejl,
                       r.fejl == 1 ? "" : "er");
            return kInvalid;
        }
        return kOk;
    } catch (const InputError& e) {
        return fail(e.what());
    } catch (const ScriptError& e) {
        return fail(fmt::format("standarden kan ikke indlæses: {}", e.what()));
    }
}

} // namespace

void add_konsekvens(CLI::App& app, Common& common, int& exit_code) {
    static KonsekvensValg o;
    auto* cmd = app.add_subcommand(
        "konsekvens",
        "Vis hvad en ændring af standarden gør ved sagerne: hver sag vurderes efter den gamle og den nye version, og "
        "rapporten tæller skift i målgruppe (ja/nej/uafklaret), pakke, aktiviteter, frister og advarsler, timer pr. "
        "uge før og efter, med eksempler på sager og de regler, der gav et andet udfald. Sagerne læses fra "
        "sagsdatabasen (--db, standard KVALITET_DB eller kvalitet.db) eller fra en NDJSON-fil. Afslutningskode 0, 1 "
        "hvis en version ikke kan indlæses eller nogle sager ikke kunne vurderes, 2 ved forkert brug");
    cmd->add_option("--kommune", o.kommune, "Kommunens id (f.eks. varde); kun dens sager vurderes")->required();
    auto* fil = cmd->add_option("--fil", o.fil, "Den nye version er denne fil (en standard, du retter i); den gamle er "
                                                "versionen i kraft på --dato, eller --version");
    cmd->add_option("--version", o.version, "Den gamle version: dens gyldig_fra (ÅÅÅÅ-MM-DD)");
    cmd->add_option("--mod", o.mod, "Den nye version: dens gyldig_fra (ÅÅÅÅ-MM-DD); standard: versionen efter --version")
        ->excludes(fil);
    auto* db = cmd->add_option("--db", o.db, "Sagsdatabasen (standard: KVALITET_DB, ellers kvalitet.db)");
    cmd->add_option("SAGER", o.sager, "Sagerne som NDJSON (én sag pr. linje), eller - for standard input")->excludes(db);
    cmd->add_option("--dato", o.dato, "Vurderingsdato ÅÅÅÅ-MM-DD for alle sager (standard: i dag)");
    cmd->add_option("--format", o.format, "tekst (standard), json (til programmer) eller html (én side til udvalget)")
        ->check(CLI::IsMember({"tekst", "json", "html"}));
    cmd->add_option("--ud", o.ud, "Skriv rapporten til denne fil (standard: standard output)");
    cmd->add_option("--eksempler", o.eksempler, "Højst så mange eksempler på sager pr. slags ændring (standard: 5)")
        ->check(CLI::Range(std::size_t(0), std::size_t(100)));
    cmd->add_option("--traade", o.traade, "Antal tråde (standard: alle kerner)")->check(CLI::Range(1u, 256u));
    cmd->callback([&common, &exit_code] { exit_code = run_konsekvens(common, o); });
}

} // namespace kvalitet::cli
