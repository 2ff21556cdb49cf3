#include "domain/frist.hpp"

#include "domain/kalender.hpp"

namespace kvalitet {

std::string_view status_navn(FristStatus s) {
    switch (s) {
    case FristStatus::Kommende: return "kommende";
    case FristStatus::Overskredet: return "overskredet";
    case FristStatus::Opfyldt: return "opfyldt";
    case FristStatus::Udloebet: return "udloebet";
    case FristStatus::ForSent: return "for_sent";
    }
    return "?";
}

std::string_view paahviler_navn(Paahviler p) { return p == Paahviler::Borger ? "borger" : "kommune"; }

Dato Frist::dato() const {
    const Dato d = uflyttet();
    return flyt == Flyt::NaesteArbejdsdag ? kalender::naeste_fristdag(d) : d;
}

FristStatus Frist::status(Dato vurderingsdato, std::optional<Dato> haendelse) const {
    const Dato frist = dato();
    const bool borger = paahviler == Paahviler::Borger;
    if (haendelse && *haendelse <= vurderingsdato) {
        if (*haendelse <= frist) return FristStatus::Opfyldt;
        return borger ? FristStatus::ForSent : FristStatus::Overskredet;
    }
    if (vurderingsdato <= frist) return FristStatus::Kommende;
    return borger ? FristStatus::Udloebet : FristStatus::Overskredet;
}

} // namespace kvalitet
