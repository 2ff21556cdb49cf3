// A date from the case is a date, not a text: Lua's == and ~= never ask a date whether it
// equals the text "2026-11-20", so `sag.klage.modtaget == "2026-11-20"` is always false and
// ~= always true, without an error. (<, <=, > and >= do read such a text as a date.) Found
// in the text: == or ~= with a date-shaped text on either side, unless that side compares
// texts on purpose (`d:iso() == "2026-11-20"`).
#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "domain/dato.hpp"
#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

namespace {

bool tegn(const Token& t, std::string_view s) { return t.art == Token::Art::Tegn && t.tekst == s; }

bool dato_tekst(const Token& t) { return t.art == Token::Art::Tekst && Dato::parse(t.tekst).has_value(); }

// A word that ends an operand (`return x == …`, `a and b == …`).
bool noegleord(std::string_view s) {
    static constexpr std::string_view kOrd[] = {"and", "or", "not", "return", "if", "then", "elseif", "else",
                                                "local", "while", "until", "do", "end", "in"};
    return std::find(std::begin(kOrd), std::end(kOrd), s) != std::end(kOrd);
}

// Whether the operand of ts[op] on the side `step` (-1 left, +1 right) turns a date into a
// text itself (:iso(), :tekst(), :lang()) or is a plain string: a comparison of two texts.
bool compares_texts(const std::vector<Token>& ts, std::size_t op, int step) {
    for (int k = 1; k <= 16; ++k) {
        const auto j = std::ptrdiff_t(op) + step * k;
        if (j < 1 || std::size_t(j) >= ts.size()) return false;
        const Token& t = ts[std::size_t(j)];
        if (t.art == Token::Art::Navn && (t.tekst == "iso" || t.tekst == "tekst" || t.tekst == "lang") &&
            tegn(ts[std::size_t(j - 1)], ":"))
            return true;
        if (t.art == Token::Art::Tekst && k == 1) return true; // "a" == "2026-01-01": two texts
        const bool part = (t.art == Token::Art::Navn && !noegleord(t.tekst)) || tegn(t, ".") || tegn(t, ":") ||
                          tegn(t, "(") || tegn(t, ")");
        if (!part) return false;
    }
    return false;
}

// The case's date fields, by their last name (`sag.vum.dato`, `o.dato`, `b.start` after
// `bevilling`); a delivery's `start` is a clock time, not a date.
bool dato_felt(const std::vector<Token>& ts, std::size_t j) {
    static constexpr std::string_view kFelter[] = {"dato",           "modtaget",         "afgoerelse_dato",
                                                   "afgoerelse_sendt", "afgoerelse_modtaget", "genvurderet",
                                                   "foedselsdato"};
    const Token& t = ts[j];
    if (t.art != Token::Art::Navn) return false;
    if (std::find(std::begin(kFelter), std::end(kFelter), t.tekst) != std::end(kFelter)) return true;
    return t.tekst == "start" && j >= 2 && tegn(ts[j - 1], ".") && ts[j - 2].tekst == "bevilling";
}

// The last name of the field chain starting at ts[j] (`sag.vum.dato`), when the chain
// ends there (no call, no index); else nothing.
std::optional<std::size_t> kaede_slut(const std::vector<Token>& ts, std::size_t j) {
    if (j >= ts.size() || ts[j].art != Token::Art::Navn) return std::nullopt;
    while (j + 2 < ts.size() && tegn(ts[j + 1], ".") && ts[j + 2].art == Token::Art::Navn) j += 2;
    if (j + 1 < ts.size() && (tegn(ts[j + 1], "(") || tegn(ts[j + 1], ":") || tegn(ts[j + 1], "["))) return std::nullopt;
    return j;
}

} // namespace

void tjek_datoer(Tjek& t) {
    for (const auto& fil : t.kilder.filer()) {
        const auto& ts = t.kilder.fil(fil).tokens;
        for (std::size_t i = 1; i + 1 < ts.size(); ++i) {
            if (!tegn(ts[i], "==") && !tegn(ts[i], "~=")) continue;
            // a date field and a number: `sag.vum.dato ~= 2020`
            const bool tal_hoejre = ts[i + 1].art == Token::Art::Tal, tal_venstre = ts[i - 1].art == Token::Art::Tal;
            const auto felt = tal_hoejre ? std::optional<std::size_t>(i - 1) : tal_venstre ? kaede_slut(ts, i + 1) : std::nullopt;
            if (felt && dato_felt(ts, *felt)) {
                const std::string& n = (tal_hoejre ? ts[i + 1] : ts[i - 1]).tekst;
                t.add("dato_lighed", fil, ts[i].linje,
                      fmt::format("'{}' {} {} er altid {}: '{}' er en dato, og en dato er aldrig et tal", ts[*felt].tekst,
                                  ts[i].tekst, n, ts[i].tekst == "==" ? "falsk" : "sand", ts[*felt].tekst),
                      "sammenlign med en dato (Dato \"2020-01-01\"), eller med en del af datoen (.aar, .maaned, .dag)");
                continue;
            }
            const bool venstre = dato_tekst(ts[i - 1]), hoejre = dato_tekst(ts[i + 1]);
            if (!venstre && !hoejre) continue;
            // the other side: the one that is not the text
            if (compares_texts(ts, i, venstre ? +1 : -1)) continue;
            const std::string& d = (venstre ? ts[i - 1] : ts[i + 1]).tekst;
            t.add("dato_lighed", fil, ts[i].linje,
                  fmt::format("'{} \"{}\"' er altid {}: en dato er ikke en tekst, og Lua spørger ikke datoen", ts[i].tekst, d,
                              ts[i].tekst == "==" ? "falsk" : "sand"),
                  fmt::format("skriv Dato \"{}\" i stedet for teksten (to datoer sammenlignes som datoer)", d));
        }
    }
}

} // namespace kvalitet::workbench
