#pragma once
// One rule in plain Danish, for the document and the comparison: what it decides from,
// how long a deadline is and from when, who must meet it, where a rule comes from.
// Built from the loaded rule where it holds data, and from its text where it holds a
// function (which case fields and parameters the function names).
#include <string>
#include <vector>

#include "engine/standard.hpp"
#include "workbench/dokument_model.hpp"
#include "workbench/kildetekster.hpp"
#include "workbench/laesninger.hpp"

namespace kvalitet::workbench {

class RegelOrd {
public:
    RegelOrd(Standard& standard, Kildetekster& kilder, const Parameterlaesninger& laesninger)
        : standard_(standard), kilder_(kilder), laesninger_(laesninger) {}

    // "national", "kommunal", "kommunal; erstatter den nationale regel".
    static std::string oprindelse(const Regel& r);
    // What a target-group rule or a package decides from, to follow "Afgøres": "af
    // sagsbehandlerens vurdering af, om …", or "ud fra borgerens alder" (the case fields its
    // function names).
    std::string afgoeres_af(const Rule& r);
    // "ja", "nej", "afhænger af sagen".
    static std::string omfattet(const Rule& r);
    std::string henvis_til(const Rule& r);
    // A frist: its length (with the weekend rule), its start, the event that meets it.
    std::string laengde(const Rule& r);
    std::string fra(const Rule& r);
    std::string opfyldt_ved(const Rule& r);
    std::string gaelder_naar(const Rule& r); // a frist's `naar`, or ""
    // "myndighedsalder = 18 (antagelse)" for each parameter the rule names.
    std::vector<std::string> parametre(const Rule& r);

private:
    std::span<const Token> felt(const Rule& r, std::string_view navn);
    std::string fields_in_words(std::span<const Token> code);

    Standard& standard_;
    Kildetekster& kilder_;
    const Parameterlaesninger& laesninger_;
};

// The case fields a stretch of code reads as `sag.a.b` ("forhold.motiveret", "borger.alder").
std::vector<std::string> sagsfelter(std::span<const Token> code);
// A case field in words: "borgerens alder", "om borgeren er motiveret for støtten".
std::string sagsfelt_tekst(std::string_view felt);

} // namespace kvalitet::workbench
