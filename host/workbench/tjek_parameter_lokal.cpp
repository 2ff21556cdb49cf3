// A parameter read outside the rules and kept in a local (`local valg = { tidsrum = P.dagtimer }`,
// `local n = P.mange_afbud.antal`) is read when the standard loads, not when a case is
// assessed: a rule that uses the local reads the value without the parameter, and the full
// trace's `vaerdier` does not show it. A result must carry what it used; the rule should name
// P.x itself. Found in the text: a top-level `local NAME = P.x…` or `local NAME = { … P.x … }`
// whose NAME a function body (a rule's, or a local function's) then uses.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include <map>
#include <set>

#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

namespace {

bool tegn(const Token& t, std::string_view s) { return is(t, Token::Art::Tegn, s); }
bool navn(const Token& t, std::string_view s) { return is(t, Token::Art::Navn, s); }

// Lua's block words: each opens a block that `end` (or `until`) closes. `for` and `while`
// open theirs with `do`, so only `do` is counted for them.
bool opens(const Token& t) { return navn(t, "function") || navn(t, "if") || navn(t, "do") || navn(t, "repeat"); }
bool closes(const Token& t) { return navn(t, "end") || navn(t, "until"); }

// `P.x` at ts[k], with P one of the parameter tables: "P.x", else empty.
std::string parameter_at(const std::vector<Token>& ts, std::size_t k, const std::set<std::string>& tabeller) {
    if (k + 2 >= ts.size() || ts[k].art != Token::Art::Navn || !tabeller.count(ts[k].tekst) || !tegn(ts[k + 1], ".") ||
        ts[k + 2].art != Token::Art::Navn)
        return {};
    return ts[k].tekst + "." + ts[k + 2].tekst;
}

// The parameters the value starting at ts[k] reads, as the reader names them ("P.x og P.y"):
// `P.x…`, or each `P.x` in a table constructor `{ … }`. Empty for anything else.
std::string value_reads(const std::vector<Token>& ts, std::size_t k, const std::set<std::string>& tabeller) {
    if (k >= ts.size()) return {};
    if (auto p = parameter_at(ts, k, tabeller); !p.empty()) return p;
    if (!tegn(ts[k], "{")) return {};
    std::vector<std::string> read;
    int dybde = 0;
    for (std::size_t i = k; i < ts.size(); ++i) {
        if (tegn(ts[i], "{")) ++dybde;
        else if (tegn(ts[i], "}") && --dybde == 0) break;
        else if (auto p = parameter_at(ts, i, tabeller); !p.empty() && std::find(read.begin(), read.end(), p) == read.end())
            read.push_back(std::move(p));
    }
    if (read.size() < 2) return read.empty() ? std::string() : read[0];
    return fmt::format("{} og {}", fmt::join(read.begin(), read.end() - 1, ", "), read.back());
}

struct Lokal {
    std::string parameter; // "P.dagtimer"
    int linje = 0;         // where the local is defined
};

void tjek_fil(Tjek& t, const std::string& fil, const std::vector<Token>& ts) {
    // The names the parameter tables have in this file (`local P = parametre { … }`).
    std::set<std::string> tabeller;
    for (std::size_t i = 0; i + 3 < ts.size(); ++i)
        if (navn(ts[i], "local") && ts[i + 1].art == Token::Art::Navn && tegn(ts[i + 2], "=") && navn(ts[i + 3], "parametre"))
            tabeller.insert(ts[i + 1].tekst);
    if (tabeller.empty()) return;
    std::map<std::string, Lokal> lokale;
    std::set<std::string> rapporteret;
    std::vector<bool> blokke; // open blocks, true for a function's
    int funktioner = 0;
    for (std::size_t i = 0; i < ts.size(); ++i) {
        const Token& x = ts[i];
        if (opens(x)) {
            blokke.push_back(navn(x, "function"));
            funktioner += blokke.back();
            continue;
        }
        if (closes(x)) {
            if (!blokke.empty()) {
                funktioner -= blokke.back();
                blokke.pop_back();
            }
            continue;
        }
        if (funktioner == 0) {
            if (navn(x, "local") && i + 3 < ts.size() && ts[i + 1].art == Token::Art::Navn && tegn(ts[i + 2], "=")) {
                if (auto p = value_reads(ts, i + 3, tabeller); !p.empty()) lokale[ts[i + 1].tekst] = {p, x.linje};
                else lokale.erase(ts[i + 1].tekst); // a new local of that name, not a parameter's
            }
            continue;
        }
        if (x.art != Token::Art::Navn || (i > 0 && (tegn(ts[i - 1], ".") || tegn(ts[i - 1], ":")))) continue;
        const auto it = lokale.find(x.tekst);
        if (it == lokale.end() || !rapporteret.insert(x.tekst).second) continue;
        const auto& [parameter, linje] = it->second;
        t.add("parameter_i_lokal", fil, x.linje,
              fmt::format("'{}' holder {}, læst da standarden blev indlæst (linje {}): en regel, der bruger '{}', læser "
                          "værdien uden om parameteren, og sporets 'vaerdier' viser den ikke",
                          x.tekst, parameter, linje, x.tekst),
              fmt::format("skriv {} inde i reglen i stedet for '{}', så vurderingen viser de værdier, den brugte",
                          parameter, x.tekst));
    }
}

} // namespace

void tjek_parameter_lokal(Tjek& t) {
    for (const auto& fil : t.kilder.filer()) tjek_fil(t, fil, t.kilder.fil(fil).tokens);
}

} // namespace kvalitet::workbench
