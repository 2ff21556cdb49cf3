// A field a record parameter does not have, written in the script (`P.mange_afbud.dag` for
// `{ antal = 3, dage = 28 }`): Lua gives nil, and the rule goes on with nothing, or fails
// further on wanting a number. Found in the text, before any case: `P.x.y` where P is the
// file's parameter table, x a parameter whose value is written as a table of named fields
// (some not true/false: a set of yes/no values may be asked for a kind it leaves out), and y
// none of them (of any period, for a dated one). A field read with brackets (`P.x[art]`) is a
// lookup with a value from the case, which may miss on purpose, and is not looked at.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "domain/mente_du.hpp"
#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

namespace {

bool tegn(const Token& t, std::string_view s) { return is(t, Token::Art::Tegn, s); }

// The named fields of a table written `{ a = …, b = … }` from ts[0]; nullopt when it is not
// that (a list, a key in brackets, a value built in code), or when every value is true or false.
std::optional<std::set<std::string>> record_fields(std::span<const Token> ts) {
    if (ts.empty() || !tegn(ts[0], "{")) return std::nullopt;
    std::set<std::string> fields;
    bool record = false;
    int depth = 0;
    for (std::size_t i = 0; i < ts.size(); ++i) {
        if (tegn(ts[i], "{") || tegn(ts[i], "(") || tegn(ts[i], "[")) {
            if (depth == 1 && tegn(ts[i], "[")) return std::nullopt; // [key] = …
            ++depth;
            continue;
        }
        if (tegn(ts[i], "}") || tegn(ts[i], ")") || tegn(ts[i], "]")) {
            if (--depth == 0) break;
            continue;
        }
        if (depth != 1 || !(tegn(ts[i - 1], "{") || tegn(ts[i - 1], ",") || tegn(ts[i - 1], ";"))) continue;
        // a field at the top level: `name = value`, else a list's value
        if (ts[i].art != Token::Art::Navn || i + 1 >= ts.size() || !tegn(ts[i + 1], "=")) return std::nullopt;
        fields.insert(ts[i].tekst);
        const Token* v = i + 2 < ts.size() ? &ts[i + 2] : nullptr;
        const bool yes_no = v && v->art == Token::Art::Navn && (v->tekst == "true" || v->tekst == "false");
        record |= !yes_no;
    }
    if (!record || fields.empty()) return std::nullopt;
    return fields;
}

// The fields of parameter p as written: its `vaerdi`, or every period's for a dated one.
std::optional<std::set<std::string>> fields_of(Kildetekster& kilder, const Parameter& p) {
    if (p.fil.empty()) return std::nullopt;
    const LuaTekst& lt = kilder.fil(p.fil);
    if (p.perioder.empty()) return record_fields(field_value(lt, p.linje, p.id, "vaerdi"));
    std::set<std::string> all;
    for (const auto& periode : p.perioder) {
        // `["ÅÅÅÅ-MM-DD"] = { … }`: the tokens after its `=` on the period's line (tokens are
        // in line order: found by halving, not by a walk of the file per period)
        const auto& ts = lt.tokens;
        auto at = std::lower_bound(ts.begin(), ts.end(), periode.linje,
                                   [](const Token& x, int linje) { return x.linje < linje; });
        at = std::find_if(at, ts.end(), [&](const Token& x) {
            return x.linje != periode.linje || (x.art == Token::Art::Tekst && x.tekst == periode.fra.iso());
        });
        if (at == ts.end() || at->linje != periode.linje) return std::nullopt;
        while (at != ts.end() && !tegn(*at, "=")) ++at;
        if (at == ts.end()) return std::nullopt;
        const auto f = record_fields(std::span<const Token>(&*(at + 1), std::size_t(ts.end() - at - 1)));
        if (!f) return std::nullopt;
        all.insert(f->begin(), f->end());
    }
    return all;
}

} // namespace

void tjek_parameter_felt(Tjek& t) {
    const auto& ps = t.standard.info().parametre;
    std::map<std::string, std::optional<std::set<std::string>>> felter; // by parameter, found once
    auto fields = [&](const Parameter& p) -> const std::optional<std::set<std::string>>& {
        auto it = felter.find(p.id);
        if (it == felter.end()) it = felter.emplace(p.id, fields_of(t.kilder, p)).first;
        return it->second;
    };
    for (const auto& fil : t.kilder.filer()) {
        const auto& ts = t.kilder.fil(fil).tokens;
        const std::set<std::string> tabeller = parametertabeller(ts);
        std::set<std::pair<std::string, std::string>> said;
        for (std::size_t i = 0; i + 4 < ts.size(); ++i) {
            if (parameter_at(ts, i, tabeller).empty() || !tegn(ts[i + 3], ".") || ts[i + 4].art != Token::Art::Navn)
                continue;
            // sorted by id (StandardInfo::parametre)
            const auto p = std::lower_bound(ps.begin(), ps.end(), ts[i + 2].tekst,
                                            [](const Parameter& x, const std::string& id) { return x.id < id; });
            if (p == ps.end() || p->id != ts[i + 2].tekst) continue; // an unknown parameter: the load says it
            const auto& f = fields(*p);
            const std::string& felt = ts[i + 4].tekst;
            if (!f || f->count(felt) || !said.insert({p->id, felt}).second) continue;
            const std::vector<std::string_view> known(f->begin(), f->end());
            t.add("parameter_felt", fil, ts[i + 4].linje,
                  fmt::format("{}.{}.{}: parameteren '{}' har ikke feltet '{}'{} (felterne er: {}); Lua giver nil, og "
                              "reglen regner videre med intet",
                              ts[i].tekst, p->id, felt, p->id, felt, mente_du(felt, known), fmt::join(known, ", ")),
                  fmt::format("ret navnet til et af parameterens felter ({}:{})", p->fil, p->vaerdi_linje ? p->vaerdi_linje : p->linje));
        }
    }
}

} // namespace kvalitet::workbench
