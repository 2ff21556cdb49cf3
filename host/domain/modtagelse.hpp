#pragma once
// When the citizen received the decision, for the complaint deadline. A known receipt date
// wins; else it is derived from the letter's date and channel as Justitsministeriets
// vejledning nr. 9533 af 26/6 2018 om beregning af klagefrister says: digital post is
// received the day it is sent; ordinary physical post a presumed number of working days
// after the letter's date (a national parameter of the standard, fysisk_post_hverdage).
#include <optional>
#include <string_view>

#include "domain/sag.hpp"

namespace kvalitet {

struct Modtagelse {
    enum class Hvordan { Kendt, Digital, Fysisk };
    Dato dato;
    Hvordan hvordan = Hvordan::Kendt;
};

// The national parameter the presumption reads. A deadline that starts from a presumed
// receipt rests on it, and says so (`antagelse`) whichever rule it is.
inline constexpr std::string_view kFysiskPostParameter = "fysisk_post_hverdage";

std::optional<Modtagelse> afgoerelse_modtaget(const Bevilling& b, int fysisk_post_hverdage);

// For the trace: "udledt: digital post, modtaget samme dag som afsendt".
std::string_view modtagelse_tekst(Modtagelse::Hvordan h);

} // namespace kvalitet
