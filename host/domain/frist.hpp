#pragma once
// Frist: a deadline from a start date and a duration, with its status on a date.
#include <optional>
#include <string_view>

#include "domain/dato.hpp"
#include "kvalitet/export.h"

namespace kvalitet {

// Overskredet: a municipal deadline passed without its event (or the event came late).
// Udloebet: a citizen's deadline passed without the event: the right lapsed, no fault.
// ForSent: the citizen's event came after the deadline.
enum class FristStatus { Kommende, Overskredet, Opfyldt, Udloebet, ForSent };
KVALITET_API std::string_view status_navn(FristStatus s); // "kommende", "overskredet", "opfyldt", "udloebet", "for_sent"

// Who must meet the deadline: the municipality (its own case handling) or the citizen
// (a complaint). Only a municipal deadline can be overdue.
enum class Paahviler { Kommune, Borger };
KVALITET_API std::string_view paahviler_navn(Paahviler p); // "kommune", "borger"

enum class Flyt { Ingen, NaesteArbejdsdag };

struct KVALITET_API Frist {
    Dato start;
    Varighed varighed;
    Flyt flyt = Flyt::Ingen;
    Paahviler paahviler = Paahviler::Kommune;

    Dato uflyttet() const { return varighed.efter(start); }
    // The deadline: start + varighed, moved forward off a weekend, public holiday,
    // grundlovsdag, 24 or 31 December when the rule says so (deadlines a citizen must
    // meet, forældelseslovens § 27, stk. 2; internal ones are not moved).
    Dato dato() const;
    // On `vurderingsdato`: opfyldt when the event happened on or before the deadline;
    // when it came late, overskredet (kommune) or for_sent (borger); when it has not come
    // and the deadline has passed, overskredet (kommune) or udloebet (borger); kommende
    // otherwise. An event after `vurderingsdato` has not happened yet.
    FristStatus status(Dato vurderingsdato, std::optional<Dato> haendelse = std::nullopt) const;
};

} // namespace kvalitet
