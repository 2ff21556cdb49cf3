#pragma once
// What changed between two versions of a standard (`kvalitet forskel`): rules added,
// removed and changed field by field, parameters whose values changed, assumptions made or
// dropped. Built from the two loaded standards and their text: a field that holds data is
// compared as loaded (a package's hours after its parameter was read), a function as its
// text with whitespace and comments left out (workbench/lua_tekst.hpp), so re-indenting
// a rule changes nothing.
#include <span>
#include <string>
#include <vector>

#include "engine/standard.hpp"
#include "workbench/lua_tekst.hpp"

namespace kvalitet::workbench {

// One field of a rule, a parameter or the standard itself: its name in Danish and the
// value before and after, as the policy officer reads them ("" when absent).
struct FeltForskel {
    std::string felt, foer, efter;
};

// A rule or a parameter as it is in one version.
struct Post {
    std::string art; // "betingelse", "pakke" … or "parameter"
    std::string id, tekst, kilde, fil;
    int linje = 0;
    bool antagelse = false;
};

struct Aendret {
    Post foer, efter;
    std::vector<FeltForskel> felter;
};

struct StandardForskel {
    std::string kommune;
    std::string foer_navn, efter_navn; // the versions as the user named them
    std::vector<FeltForskel> standard; // titel, gyldig_fra …
    std::vector<Post> regler_tilfoejet, regler_fjernet;
    std::vector<Aendret> regler_aendret;
    std::vector<Post> parametre_tilfoejet, parametre_fjernet;
    std::vector<Aendret> parametre_aendret;
    std::vector<Post> antagelser_tilfoejet, antagelser_fjernet; // rules and parameters

    bool tom() const {
        return standard.empty() && regler_tilfoejet.empty() && regler_fjernet.empty() && regler_aendret.empty() &&
               parametre_tilfoejet.empty() && parametre_fjernet.empty() && parametre_aendret.empty();
    }
};

StandardForskel forskel(Standard& foer, Standard& efter);

// In Danish, a section per kind, one line per rule or parameter and one per field.
std::string forskel_tekst(const StandardForskel& f);
// One JSON object for tools (docs/versioner.md gives its fields).
std::string forskel_json(const StandardForskel& f);

// A function's tokens as one line of text ("function(sag) return mindst(sag.vum:max(), 2) end"):
// what two versions are compared by, whatever their layout.
std::string normaliseret(std::span<const Token> code);

} // namespace kvalitet::workbench
