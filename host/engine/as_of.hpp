#pragma once
// The case as it stood on the assessment date. An assessment on date D sees only what had
// happened by D: follow-ups, deliveries, cancellations, the complaint and its new decision,
// the VUM, the plans and the decision's own dates that lie after D are left out. A
// follow-up before the grant's start belongs to an earlier grant and is left out too.
// The caller's trace names everything left out, once per case.
#include <optional>
#include <string>
#include <vector>

#include "domain/sag.hpp"

namespace kvalitet {

struct Udeladt {
    std::string sti; // "opfoelgninger[2]", "klage.modtaget"
    Dato dato;
    bool foer_start = false; // a follow-up before bevilling.start (else: after the date)
};

struct SagPaaDato {
    std::optional<Sag> kopi;     // set only when something was left out
    std::vector<Udeladt> udeladt;
};

// Cheap when nothing lies after `dato`: no copy is made.
SagPaaDato sag_paa_dato(const Sag& sag, Dato dato);

} // namespace kvalitet
