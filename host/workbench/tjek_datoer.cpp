// A date from the case is a date, not a text or a number: Lua's == and ~= never ask a date
// whether it equals "2026-11-20" or 2026, so `sag.klage.modtaget == "2026-11-20"` is always
// false and ~= always true, without an error. (<, <=, > and >= do read such a text as a
// date.) Found in the text, and only where both sides are plain: a field chain ending in one
// of the case's date fields (`sag.klage.modtaget`, `o.dato`) on one side, and a number or a
// date-shaped text (not `Dato "…"`) on the other. A side that is part of a larger
// expression (`a.dato - b.dato == 14`), a call (`d:iso()`) or a lone name (a local that may
// hold anything) is not reported.
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "domain/dato.hpp"
#include "engine/standard.hpp"
#include "workbench/dato_lighed.hpp"
#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

namespace {

bool tegn(const Token& t, std::string_view s) { return t.art == Token::Art::Tegn && t.tekst == s; }
bool navn(const Token& t) { return t.art == Token::Art::Navn; }

// A token that makes its neighbour part of a larger expression.
bool operator_tegn(const Token& t) {
    static constexpr std::string_view kTegn[] = {"+", "-", "*", "/", "//", "%", "^", "..", "#", "(", "[", ":", "."};
    return t.art == Token::Art::Tegn && std::find(std::begin(kTegn), std::end(kTegn), t.tekst) != std::end(kTegn);
}

// One of the case's date fields: a path the engine reads dates from (`klage.modtaget`,
// engine/date_paths.cpp) by its last two names, or a list element's or the citizen's own
// date (`o.dato`, `borger.foedselsdato`). A delivery's `start` is a clock time, not a date.
bool dato_felt(const std::vector<Token>& ts, std::size_t j) {
    const std::string& navn = ts[j].tekst;
    if (navn == "dato" || navn == "foedselsdato") return true;
    if (j < 2 || !tegn(ts[j - 1], ".")) return false;
    const std::string sti = ts[j - 2].tekst + "." + navn;
    const auto stier = date_path_names();
    return std::find(stier.begin(), stier.end(), sti) != stier.end();
}

// The bracket that matches ts[j] (a '[' going right, a ']' going left), if any.
std::optional<std::size_t> matching(const std::vector<Token>& ts, std::size_t j, int step) {
    const std::string_view open = step > 0 ? "[" : "]", close = step > 0 ? "]" : "[";
    int depth = 0;
    for (auto k = std::ptrdiff_t(j); k >= 0 && std::size_t(k) < ts.size(); k += step) {
        if (tegn(ts[std::size_t(k)], open)) ++depth;
        else if (tegn(ts[std::size_t(k)], close) && --depth == 0) return std::size_t(k);
    }
    return std::nullopt;
}

// The field chain `a.b.c` (with list elements, `a.b[1].c`) ending at ts[last] (to the left
// of an operator), when it is a whole operand: at least one dot, and nothing before it that
// binds tighter than ==.
bool kaede_til_venstre(const std::vector<Token>& ts, std::size_t last) {
    if (!navn(ts[last]) || !dato_felt(ts, last)) return false;
    std::size_t first = last, dots = 0;
    while (first >= 2 && tegn(ts[first - 1], ".")) {
        std::size_t before = first - 2;
        if (tegn(ts[before], "]")) {
            const auto open = matching(ts, before, -1);
            if (!open || *open == 0) break;
            before = *open - 1;
        }
        if (!navn(ts[before])) break;
        first = before, ++dots;
    }
    return dots > 0 && (first == 0 || !operator_tegn(ts[first - 1]));
}

// The same for a chain starting at ts[first] (to the right of an operator); its last name.
std::optional<std::size_t> kaede_til_hoejre(const std::vector<Token>& ts, std::size_t first) {
    if (first >= ts.size() || !navn(ts[first])) return std::nullopt;
    std::size_t last = first, dots = 0;
    for (;;) {
        std::size_t after = last + 1;
        if (after < ts.size() && tegn(ts[after], "[")) {
            const auto close = matching(ts, after, +1);
            if (!close) break;
            after = *close + 1;
        }
        if (!(after + 1 < ts.size() && tegn(ts[after], ".") && navn(ts[after + 1]))) break;
        last = after + 1, ++dots;
    }
    if (dots == 0 || !dato_felt(ts, last)) return std::nullopt;
    if (last + 1 < ts.size() && operator_tegn(ts[last + 1])) return std::nullopt;
    return last;
}

bool noegleord(std::string_view s) {
    static constexpr std::string_view kOrd[] = {"and", "or", "not", "return", "if", "then", "elseif", "else",
                                                "while", "until", "do", "in", "local"};
    return std::find(std::begin(kOrd), std::end(kOrd), s) != std::end(kOrd);
}

// A number, or a date-shaped text that is not Dato's argument, standing alone at ts[j]
// (`step`: the side away from the operator, to check what binds to it).
bool fast_vaerdi(const std::vector<Token>& ts, std::size_t j, int step) {
    const Token& t = ts[j];
    const bool tal = t.art == Token::Art::Tal;
    const bool tekst = t.art == Token::Art::Tekst && Dato::parse(t.tekst).has_value();
    if (!tal && !tekst) return false;
    const auto k = std::ptrdiff_t(j) + step;
    if (k < 0 || std::size_t(k) >= ts.size()) return true;
    const Token& n = ts[std::size_t(k)];
    if (tekst && step < 0 && n.art == Token::Art::Navn && !noegleord(n.tekst)) return false; // Dato "2026-11-20", f "…"
    return !operator_tegn(n);
}

} // namespace

std::vector<DatoLighed> dato_ligheder(const std::vector<Token>& ts) {
    std::vector<DatoLighed> out;
    for (std::size_t i = 1; i + 1 < ts.size(); ++i) {
        if (!tegn(ts[i], "==") && !tegn(ts[i], "~=")) continue;
        std::optional<std::size_t> felt, vaerdi;
        if (kaede_til_venstre(ts, i - 1) && fast_vaerdi(ts, i + 1, +1)) felt = i - 1, vaerdi = i + 1;
        else if (fast_vaerdi(ts, i - 1, -1) && (felt = kaede_til_hoejre(ts, i + 1))) vaerdi = i - 1;
        if (!felt || !vaerdi) continue;
        const Token& v = ts[*vaerdi];
        const bool tekst = v.art == Token::Art::Tekst;
        const std::string vist = tekst ? fmt::format("\"{}\"", v.tekst) : v.tekst;
        out.push_back({ts[i].linje,
                       fmt::format("'{} {} {}' er altid {}: '{}' er en dato, og Lua spørger ikke en dato, om den er {} {}",
                                   ts[*felt].tekst, ts[i].tekst, vist, ts[i].tekst == "==" ? "falsk" : "sand",
                                   ts[*felt].tekst, tekst ? "teksten" : "tallet", vist),
                       tekst ? fmt::format("skriv Dato {} i stedet for teksten (to datoer sammenlignes som datoer)", vist)
                             : std::string("sammenlign med en dato (Dato \"2020-01-01\"), eller med en del af datoen "
                                           "(.aar, .maaned, .dag)")});
    }
    return out;
}

void tjek_datoer(Tjek& t) {
    for (const auto& fil : t.kilder.filer())
        for (auto& d : dato_ligheder(t.kilder.fil(fil).tokens))
            t.add("dato_lighed", fil, d.linje, std::move(d.besked), std::move(d.forslag));
}

} // namespace kvalitet::workbench
