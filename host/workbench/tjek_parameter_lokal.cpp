// A parameter read outside the rules and kept in a local (`local valg = { tidsrum = P.dagtimer }`,
// `local n = P.mange_afbud.antal`) is read when the standard loads, not when a case is
// assessed: a rule that uses the local reads the value without the parameter, and the full
// trace's `vaerdier` does not show it. A result must carry what it used; the rule should name
// P.x itself. Found in the text: a top-level `local NAME = …` whose value reads P.x while it is
// evaluated (`P.x.y`, `{ … P.x … }`, `tonumber(P.x)`; not inside a function the value defines),
// and whose NAME a rule's own (anonymous) function then uses, not hidden by a local or a
// parameter of that name. A named helper may run while the standard loads; its uses are not
// counted (a helper a rule calls is then missed).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include <map>
#include <utility>
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

// Words that begin a statement: a top-level local's value has ended before one.
bool starts_statement(const Token& t) {
    for (auto w : {"local", "return", "if", "for", "while", "repeat", "do", "end", "until", "goto", "break"})
        if (navn(t, w)) return true;
    return false;
}


// `local a <const>, b = …` from ts[i] (at `local`): the names, and the index of the first token
// after `=`; no names when it is not that (a `local function`, a local without a value).
std::pair<std::vector<std::string>, std::size_t> local_names(const std::vector<Token>& ts, std::size_t i) {
    std::vector<std::string> names;
    std::size_t k = i + 1;
    while (k < ts.size() && ts[k].art == Token::Art::Navn && !navn(ts[k], "function")) {
        names.push_back(ts[k].tekst);
        ++k;
        if (k + 2 < ts.size() && tegn(ts[k], "<") && tegn(ts[k + 2], ">")) k += 3; // <const>, <close>
        if (k < ts.size() && tegn(ts[k], ",")) ++k;
        else break;
    }
    if (names.empty() || k >= ts.size() || !tegn(ts[k], "=")) return {{}, k};
    return {names, k + 1};
}

// The parameters the value list from ts[k] reads while it is evaluated (not inside a function
// it defines), as the reader names them ("P.x og P.y"), and the index where the statement ends:
// at a statement word, or at a new line once every bracket is closed.
std::pair<std::string, std::size_t> value_reads(const std::vector<Token>& ts, std::size_t k,
                                               const std::set<std::string>& tabeller) {
    std::vector<std::string> read;
    int brackets = 0, functions = 0;
    std::size_t i = k;
    for (; i < ts.size(); ++i) {
        const Token& x = ts[i];
        if (i > k && brackets == 0 && functions == 0 && (starts_statement(x) || x.linje > ts[i - 1].linje)) break;
        if (tegn(x, "(") || tegn(x, "{") || tegn(x, "[")) ++brackets;
        else if (tegn(x, ")") || tegn(x, "}") || tegn(x, "]")) --brackets;
        else if (opens(x)) ++functions; // a function in the value: read when called, not now
        else if (closes(x)) --functions;
        else if (functions == 0)
            if (auto p = parameter_at(ts, i, tabeller); !p.empty() && std::find(read.begin(), read.end(), p) == read.end())
                read.push_back(std::move(p));
    }
    if (read.size() < 2) return {read.empty() ? std::string() : read[0], i};
    return {fmt::format("{} og {}", fmt::join(read.begin(), read.end() - 1, ", "), read.back()), i};
}

struct Lokal {
    std::string parameter; // "P.dagtimer"
    int linje = 0;         // where the local is defined
};

// An open block: whether it is a function's, and if so whether it has a name (a named one may
// be a helper that runs while the standard loads; an anonymous one is a rule's own), and the
// names declared in it that hide a top-level local.
struct Blok {
    bool funktion = false, navngivet = false;
    std::set<std::string> skjulte;
};

// The parameter names of the function whose `function` word is at ts[i], and whether it has a name.
std::pair<std::set<std::string>, bool> function_head(const std::vector<Token>& ts, std::size_t i) {
    std::set<std::string> params;
    std::size_t k = i + 1;
    const bool named = k < ts.size() && ts[k].art == Token::Art::Navn;
    while (k < ts.size() && !tegn(ts[k], "(")) ++k;
    for (++k; k < ts.size() && !tegn(ts[k], ")"); ++k)
        if (ts[k].art == Token::Art::Navn) params.insert(ts[k].tekst);
    return {params, named};
}

void tjek_fil(Tjek& t, const std::string& fil, const std::vector<Token>& ts) {
    const std::set<std::string> tabeller = parametertabeller(ts);
    if (tabeller.empty()) return;
    std::map<std::string, Lokal> lokale;
    std::set<std::string> rapporteret;
    std::vector<Blok> blokke;
    std::set<std::string> loop_names; // a for loop's names, declared in the block its `do` opens
    auto in_function = [&] { return std::any_of(blokke.begin(), blokke.end(), [](const Blok& b) { return b.funktion; }); };
    auto in_rule = [&] {
        return std::any_of(blokke.begin(), blokke.end(), [](const Blok& b) { return b.funktion && !b.navngivet; });
    };
    auto hidden = [&](const std::string& n) {
        return std::any_of(blokke.begin(), blokke.end(), [&](const Blok& b) { return b.skjulte.count(n) > 0; });
    };
    for (std::size_t i = 0; i < ts.size(); ++i) {
        const Token& x = ts[i];
        if (navn(x, "for")) { // its names are declared, not used: on to `in` or `=`
            std::size_t k = i + 1;
            for (; k < ts.size() && !navn(ts[k], "in") && !tegn(ts[k], "="); ++k)
                if (ts[k].art == Token::Art::Navn) loop_names.insert(ts[k].tekst);
            i = k - 1;
            continue;
        }
        if (opens(x)) {
            Blok b;
            if (navn(x, "function")) {
                auto [params, named] = function_head(ts, i);
                b.funktion = true;
                b.navngivet = named;
                b.skjulte = std::move(params);
            } else if (navn(x, "do")) {
                b.skjulte = std::exchange(loop_names, {});
            }
            if (navn(x, "function") && i > 0 && navn(ts[i - 1], "local") && i + 1 < ts.size()) {
                // `local function f`: f is a function from here on, in the block around it
                if (blokke.empty()) lokale.erase(ts[i + 1].tekst);
                else blokke.back().skjulte.insert(ts[i + 1].tekst);
            }
            blokke.push_back(std::move(b));
            continue;
        }
        if (closes(x)) {
            if (!blokke.empty()) blokke.pop_back();
            continue;
        }
        if (navn(x, "local")) {
            const auto [names, value] = local_names(ts, i);
            if (!in_function()) {
                if (names.empty()) continue;
                const auto [parameter, slut] = value_reads(ts, value, tabeller);
                for (const auto& n : names)
                    if (!parameter.empty() && !tabeller.count(n)) lokale[n] = {parameter, x.linje};
                    else lokale.erase(n); // a new local of that name, not a parameter's
            } else {
                for (std::size_t k = i + 1; k < ts.size() && ts[k].art == Token::Art::Navn; k += 2) {
                    blokke.back().skjulte.insert(ts[k].tekst);
                    if (k + 1 >= ts.size() || !tegn(ts[k + 1], ",")) break;
                }
            }
            continue;
        }
        if (!in_rule() || x.art != Token::Art::Navn) continue;
        if (i > 0 && (tegn(ts[i - 1], ".") || tegn(ts[i - 1], ":"))) continue;                   // a field's name
        if (i > 0 && (tegn(ts[i - 1], "{") || tegn(ts[i - 1], ",")) && i + 1 < ts.size() && tegn(ts[i + 1], "="))
            continue;                                                                              // a key in a constructor
        const auto it = lokale.find(x.tekst);
        if (it == lokale.end() || hidden(x.tekst) || !rapporteret.insert(x.tekst).second) continue;
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

std::string parameter_at(const std::vector<Token>& ts, std::size_t k, const std::set<std::string>& tabeller) {
    if (k + 2 >= ts.size() || ts[k].art != Token::Art::Navn || !tabeller.count(ts[k].tekst) || !tegn(ts[k + 1], ".") ||
        ts[k + 2].art != Token::Art::Navn)
        return {};
    if (k > 0 && (tegn(ts[k - 1], ".") || tegn(ts[k - 1], ":"))) return {}; // t.P.x is not the parameters
    return ts[k].tekst + "." + ts[k + 2].tekst;
}

std::set<std::string> parametertabeller(const std::vector<Token>& ts) {
    std::set<std::string> tabeller;
    for (std::size_t i = 0; i + 2 < ts.size(); ++i)
        if (navn(ts[i], "local")) {
            const auto [names, value] = local_names(ts, i);
            if (names.size() == 1 && value < ts.size() && navn(ts[value], "parametre")) tabeller.insert(names[0]);
        }
    return tabeller;
}

void tjek_parameter_lokal(Tjek& t) {
    for (const auto& fil : t.kilder.filer()) tjek_fil(t, fil, t.kilder.fil(fil).tokens);
}

} // namespace kvalitet::workbench
