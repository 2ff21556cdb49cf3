#pragma once
// Vurdering: the assessment of one case on one date, with its reasons. Rule metadata
// (id, tekst, kilde) is referenced, not copied: `keepalive` holds the loaded standard.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "domain/dato.hpp"
#include "domain/frist.hpp"
#include "domain/periodeafvigelse.hpp"
#include "kvalitet/export.h"

namespace kvalitet {

enum class Trin { Maalgruppe, Aktiviteter, Pakke, Frister, Krav };

// How much trace the JSON carries (the contract's --spor): fuld, every rule with its
// result text, kilde and dates; kort, each rule's id, outcome token, dates and missing
// facts; ingen, none (the reasons stay in begrundelser and each result's kilde).
enum class SporNiveau { Fuld, Kort, Ingen };
std::optional<SporNiveau> spor_niveau(std::string_view navn); // "fuld", "kort", "ingen"
KVALITET_API std::string_view trin_navn(Trin t);

// A declared rule's identity, owned by the loaded standard.
struct Regel {
    std::string id, tekst, kilde;
    std::string fil; // where it is declared, for messages
    int linje = 0;
    bool kommunal = false;  // declared by the municipality (else: national baseline)
    bool erstatter = false; // a municipal rule replacing a national one with the same id
    bool antagelse = false; // the rule encodes an assumption, not the standard's words
    std::string_view art;   // "betingelse", "udelukkelse", … (art_navn: static text), for the text form
    std::string betingelse; // an activity's condition in words, for the caseworker
    // id, tekst and kilde as JSON strings, quoted once when the standard is loaded: every
    // assessment writes them again (vurdering_json.cpp). Empty until prepare_json().
    std::string id_json, tekst_json, kilde_json;
    // The members every assessment writes the same for this rule, rendered with the above:
    // a reason's `"regel":…,"tekst":…,"kilde":…` and a full trace entry's `"kilde":…,
    // "afgjort_af":…` with its marks.
    std::string begrundelse_json, spor_json;
    void prepare_json();
};

struct Begrundelse {
    const Regel* regel;
    std::optional<bool> opfyldt; // for an exclusion or referral: whether it applies
};

struct AktivitetResultat {
    std::string id;
    std::optional<bool> omfattet; // nullopt: depends on a fact not yet assessed (see mangler)
    std::optional<std::string> henvis_til;
    const Regel* regel = nullptr; // its rule; for an activity not in the catalogue, the host's own
    std::vector<std::string> mangler;
    // Not in the catalogue: no standard says whether it is covered, so it is undetermined
    // (omfattet null, mangler names it) and a caseworker assesses it by hand.
    bool ukendt = false;
};

struct PakkeResultat {
    const Regel* regel;
    std::string navn; // copied: the compiled rule may go before the Vurdering does
    double timer;
    std::string periode;
    std::string kriterier;
};

// A start the host presumed: the decision's receipt derived from the letter (not in the
// JSON, whose trace says it; the text form says it beside the deadline).
struct FormodetModtagelse {
    Dato sendt;
    bool digital = false; // received the day it was sent
    int hverdage = 0;     // else: working days after the letter's date (fysisk_post_hverdage)
};

struct FristResultat {
    const Regel* regel;
    Frist frist;
    Dato dato;
    FristStatus status;
    std::optional<Dato> haendelse;
    std::optional<FormodetModtagelse> formodet = {};
};

struct Advarsel {
    std::string_view id;
    std::string tekst;
    std::string_view kilde;
    // A deviation over consecutive periods, one warning: the periods it sums (JSON
    // `perioder`); empty for a warning that is one text.
    std::vector<Periodeafvigelse> perioder;
    // The rule behind it reads the standard in a way the standard does not say (its
    // `antagelse`): the warning says so, or it reads as a breach of the standard's words.
    bool antagelse = false;
};

// A fact or number a rule read, for the full trace: yes/no, a number, or a text.
using Vaerdi = std::variant<bool, double, std::string>;

class JsonWriter;

// A comparison a rule made (mindst, hoejst), for the full trace: a op b, each side named
// by what the rule read with that value when there is one ("vum.sum 11 < 12
// (pakke_fra_vum_sum[4])"). op is the relation that held: "<", "≥", "≤" or ">".
struct Sammenligning {
    double a, b;
    std::string_view op, a_navn, b_navn; // names empty when no read had the value
    bool operator==(const Sammenligning&) const = default;
    std::string tekst() const;
    void skriv(JsonWriter& w) const; // tekst() as a JSON string value
};

struct SporPost {
    Trin trin;
    const Regel* regel;
    std::string_view udfald; // a fixed token ("opfyldt", "kommende", …) for coverage
    std::string resultat;
    std::vector<std::pair<std::string_view, Dato>> datoer; // the dates the rule used
    std::vector<std::string> mangler;
    std::vector<std::pair<std::string_view, Vaerdi>> vaerdier; // what else it read ("vum.sum": 11)
    std::vector<Sammenligning> sammenligninger;                // what it compared, in order
    bool afkortet = false; // values or comparisons were left out (a rule's or the assessment's bound)
};

// What could not be checked for lack of a fact (a requirement; a deadline whose length,
// applying or grant start is missing; an undecided package): kept at every trace level, so
// the JSON's `ukontrollerede` and the text form list it whatever the trace holds.
struct Ukontrolleret {
    const Regel* regel;
    std::vector<std::string> mangler;
};

struct KVALITET_API Vurdering {
    std::shared_ptr<const void> keepalive;
    std::string_view kommune;
    std::string sag_id;
    Dato vurderingsdato;
    std::string_view titel;
    std::optional<Dato> godkendt;
    std::optional<Dato> gyldig_fra; // the version used; none when the script declares none
    std::string_view sha256;

    std::optional<bool> i_maalgruppe;
    std::vector<std::string> mangler;
    std::vector<std::string> henvis_til;
    std::vector<Begrundelse> begrundelser;
    std::vector<AktivitetResultat> aktiviteter;
    std::optional<PakkeResultat> pakke;
    // In the target group, but a package's criteria lack a fact: no package, and why.
    std::optional<Ukontrolleret> pakke_uafklaret;
    std::vector<FristResultat> frister;
    std::vector<Advarsel> advarsler;
    std::vector<SporPost> spor;
    std::vector<Ukontrolleret> ukontrollerede; // in the order of the requirements
    SporNiveau spor_niveau = SporNiveau::Fuld; // what json() writes of `spor`
    // Paths of the case's fields the schema does not know (Sag::ignorerede_felter): the
    // standard never saw them, so a typo such as "forhold.motivret" shows here.
    std::vector<std::string> ignorerede_felter;

    // The contract's assessment JSON, one line, keys in a fixed order.
    std::string json() const;
    void append_json(std::string& out) const;
    // What a caseworker pastes into a note, in Danish.
    std::string tekst() const;
};

} // namespace kvalitet
