#pragma once
// Standard: one municipality's kvalitetsstandard, loaded once into its own sandboxed Lua
// state and compiled into rules the host evaluates. Assessing a case never re-parses.
// Not thread-safe: use one Standard per thread (Lua states are single-threaded).
#include <cstdint>
#include <deque>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/dato.hpp"
#include "domain/frist.hpp"
#include "domain/sag.hpp"
#include "bind/interned.hpp"
#include "domain/vurdering.hpp"
#include "lua/state.hpp"
#include "sources.hpp"

namespace kvalitet {
namespace bind { struct CaseContext; }

// One value of a dated parameter (`perioder = { ["2020-01-01"] = 6, … }`, docs/dsl.md): in
// force from `fra` until the day before the next period's `fra`.
struct ParameterPeriode {
    Dato fra;
    std::string vaerdi;    // as the standard shows it
    Vaerdi spor_vaerdi;    // as the trace's vaerdier show it (a table: its text)
    std::string spor_navn; // the trace's key: "fysisk_post_hverdage (gælder fra 2027-01-01)"
    int linje = 0;         // where `["ÅÅÅÅ-MM-DD"] = …` is written
};

struct Parameter {
    std::string id, tekst, kilde;
    std::string vaerdi; // its value as shown; for a dated parameter every period's ("6 fra …; 5 fra …")
    std::string type;  // "tal", "heltal", "talliste" … (engine/parameter_type.hpp), declared or inferred
    std::string enhed; // the unit the standard counts in ("måneder"), or empty
    bool antagelse = false, kommunal = false, erstatter = false;
    bool pr_pakke = false;          // one value per declared package
    std::size_t antal_vaerdier = 0; // values in a list
    std::string fil;
    int linje = 0;        // where `navn = {` is written
    int vaerdi_linje = 0; // where its `vaerdi` (or `perioder`) is written
    std::vector<ParameterPeriode> perioder; // a dated parameter's values, oldest first; else empty
};

// The period of a dated parameter in force on `dato`, or nullptr before its first one.
const ParameterPeriode* periode_paa(const Parameter& p, Dato dato);
// "fra 1. januar 2020 til og med 31. december 2026", "fra 1. januar 2027": period i in Danish.
std::string periode_tekst(const Parameter& p, std::size_t i);

struct StandardInfo {
    std::string kommune, titel, kilde, revideres, fil, sha256;
    std::optional<Dato> godkendt;
    // The version's period in force (engine/versioner.hpp); none: from always, until ever.
    std::optional<Dato> gyldig_fra, gyldig_til;
    std::vector<std::pair<std::string, std::string>> beskrivelse; // sorted by heading
    std::vector<Parameter> parametre;                             // sorted by id
};

// Most rules one standard may declare: the host's evaluation and output stay bounded.
inline constexpr std::size_t kMaxRules = 2000;

enum class Art { Betingelse, Udelukkelse, Henvisning, Aktivitet, Pakke, Frist, Krav };
std::string_view art_navn(Art a);

// A date the host reads straight from the case (a frist's `fra = "bevilling.start"`).
using DatePath = std::optional<Dato> (*)(const Sag&);

struct Rule {
    const Regel* regel = nullptr;
    Art art{};
    Trin trin{};
    lua::Ref naar;
    int forhold = -1; // data shorthand: the value of one forhold
    std::string til;  // henvisning.til, udelukkelse.henvis_til, aktivitet.henvis_til as data
    lua::Ref til_fn;
    std::optional<bool> omfattet;
    lua::Ref omfattet_fn;
    std::string navn, periode, kriterier; // pakke
    double timer = 0;
    DatePath fra = nullptr;
    std::string_view fra_navn;
    lua::Ref fra_fn;
    std::optional<Varighed> varighed;
    lua::Ref varighed_fn;
    Flyt flyt = Flyt::Ingen;
    Paahviler paahviler = Paahviler::Kommune;
    DatePath opfyldt_ved = nullptr;
    std::string_view opfyldt_navn;
    lua::Ref opfyldt_fn;
    // opfyldt_ved gives the day by which the event had happened, not the day it did (a VUM
    // shows contact had been made): dated after the deadline, it does not decide it.
    bool opfyldt_senest = false;
    lua::Ref afvigelser;
};

class Standard {
public:
    // Loads municipalities/<kommune>/standard.lua. Throws ScriptError (script faults, with
    // file and line) or InputError (unknown municipality).
    static std::unique_ptr<Standard> load(const Sources& sources, const std::string& kommune,
                                          lua::Limits limits = {});
    // Loads one version file of the municipality (`fil` relative to the sources, e.g.
    // "municipalities/varde/versioner/2025-01-01.lua"). A file under versioner/ must
    // declare the gyldig_fra its name gives, else a ScriptError naming the file.
    static std::unique_ptr<Standard> load_file(const Sources& sources, const std::string& kommune,
                                               const std::string& fil, lua::Limits limits = {});
    ~Standard();

    // Throws ScriptError naming the rule and the case when a rule fails.
    Vurdering vurder(const Sag& sag, Dato dato);
    // On `dato`, with dated parameters read on `standard_dato`: the date whose rules apply
    // (--standard-dato; the version in force on it is this one).
    Vurdering vurder(const Sag& sag, Dato dato, Dato standard_dato);
    // The same, recording only the trace `spor` asks for (the result and its reasons are the
    // same): kort keeps each entry's dates and missing facts, ingen no entries. Whoever
    // writes the JSON then cannot ask for more than this (Vurdering::spor_niveau is set).
    Vurdering vurder(const Sag& sag, Dato dato, Dato standard_dato, SporNiveau spor);
    // Hands back an assessment that is no longer needed (its JSON written): the next vurder
    // on this standard keeps its trace in the same, emptied list instead of a new one.
    // Optional; like vurder, not for two threads at once.
    void recycle(Vurdering&& v);
    // How many cases that ran out of time were tried once more on a collected heap (vurder):
    // only when the collection freed enough garbage an earlier case left to have cost the time.
    std::uint64_t gentagne_forsoeg() const { return retries_; }

    const StandardInfo& info() const { return meta_->info; }
    const std::vector<Rule>& rules() const { return rules_; }
    // The ids the host itself warns under (frist_overskredet, …), beside the rules' own.
    std::array<std::string_view, 4> host_advarsel_ids() const {
        return {meta_->frist_overskredet.id, meta_->ukendt_aktivitet.id, meta_->efter_fristen.id,
                meta_->pakke_uafklaret.id};
    }
    const Rule* rule(std::string_view id) const;
    lua::State& state() { return *state_; }
    const Sources& sources() const { return sources_; }
    // What the rule running now reads (dated parameters record their reads here).
    bind::CaseContext& context() { return *ctx_; }

    struct Meta {
        StandardInfo info;
        std::deque<Regel> regler;
        Regel frist_overskredet, ukendt_aktivitet, efter_fristen, pakke_uafklaret;
        bind::NamePool navne; // the parameters' names a trace's vaerdier point into
    };

private:
    explicit Standard(const Sources& sources);
    Vurdering vurder_once(const Sag& sag, Dato dato, Dato standard_dato, SporNiveau spor);
    void give_back_memory(); // after a case that filled its memory budget
    void read_info(lua_State* L, int reg, const std::string& kommune);
    void compile(lua_State* L);
    void seal(lua_State* L);
    friend struct Evaluation;
    friend int evaluate(lua_State* L);

    const Sources& sources_;
    std::unique_ptr<lua::State> state_;
    std::shared_ptr<Meta> meta_;
    std::vector<Rule> rules_;
    std::unique_ptr<bind::CaseContext> ctx_; // in place for the state's lifetime: the case view reads through it
    // A Vurdering::spor handed back by recycle(), entries and all: a new list of ~2.5 KB per
    // assessment made glibc sweep its small free blocks each time (the request is above its
    // fast sizes), ~3 % of a whole NDJSON run with the full trace, and each entry refilled in
    // place keeps its own lists' room instead of making three to five new ones.
    std::vector<SporPost> spare_spor_;
    std::uint64_t retries_ = 0;
    // The texts a failing rule read, for its message (vurder_once): set before it throws.
    std::string text_hint_;
};

// Ids of the municipalities that have municipalities/<id>/standard.lua.
std::vector<std::string> kommuner(const Sources& sources);
bool valid_kommune_id(std::string_view id);
// An id as a person types the name ("Ishøj", "Varde"): lower case, æ ø å as ae oe aa.
std::string as_kommune_id(std::string_view navn);

// The date paths a declaration may name instead of a function.
DatePath date_path(std::string_view name);
std::vector<std::string_view> date_path_names();

} // namespace kvalitet
