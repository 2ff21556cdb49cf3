#include "domain/frist.hpp"

#include "domain/kalender.hpp"

namespace kvalitet {

std::string_view status_navn(FristStatus s) {
    switch (s) {
    case FristStatus::Kommende: return "kommende";
    case FristStatus::Overskredet: return "overskredet";
    case FristStatus::Opfyldt: return "opfyldt";
    }
    return "?";
}

Dato Frist::dato() const {
    const Dato d = uflyttet();
    return flyt == Flyt::NaesteArbejdsdag ? kalender::naeste_arbejdsdag(d) : d;
}

FristStatus Frist::status(Dato vurderingsdato, std::optional<Dato> haendelse) const {
    const Dato frist = dato();
    if (haendelse && *haendelse <= vurderingsdato)
        return *haendelse <= frist ? FristStatus::Opfyldt : FristStatus::Overskredet;
    return vurderingsdato > frist ? FristStatus::Overskredet : FristStatus::Kommende;
}

} // namespace kvalitet
