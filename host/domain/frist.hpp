#pragma once
// Frist: a deadline from a start date and a duration, with its status on a date.
#include <optional>
#include <string_view>

#include "domain/dato.hpp"

namespace kvalitet {

enum class FristStatus { Kommende, Overskredet, Opfyldt };
std::string_view status_navn(FristStatus s); // "kommende", "overskredet", "opfyldt"

enum class Flyt { Ingen, NaesteArbejdsdag };

struct Frist {
    Dato start;
    Varighed varighed;
    Flyt flyt = Flyt::Ingen;

    Dato uflyttet() const { return varighed.efter(start); }
    // The deadline: start + varighed, moved forward off a weekend or public holiday when
    // the rule says so (deadlines a citizen must meet; internal ones are not moved).
    Dato dato() const;
    // On `vurderingsdato`: opfyldt when the event happened on or before the deadline,
    // overskredet when it came late or has not come and the deadline has passed,
    // kommende otherwise. An event after `vurderingsdato` has not happened yet.
    FristStatus status(Dato vurderingsdato, std::optional<Dato> haendelse = std::nullopt) const;
};

} // namespace kvalitet
