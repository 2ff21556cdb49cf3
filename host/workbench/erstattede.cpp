#include "workbench/erstattede.hpp"

#include <set>

namespace kvalitet::workbench {

namespace {


// The string value of `felt = "…"` directly inside the constructor that opens at tokens[open].
std::string field(const std::vector<Token>& ts, std::size_t open, std::string_view felt) {
    int depth = 0;
    for (std::size_t k = open; k < ts.size(); ++k) {
        if (ts[k].art == Token::Art::Tegn && (ts[k].tekst == "{" || ts[k].tekst == "(")) ++depth;
        else if (ts[k].art == Token::Art::Tegn && (ts[k].tekst == "}" || ts[k].tekst == ")")) {
            if (--depth == 0) break;
        } else if (depth == 1 && is(ts[k], Token::Art::Navn, felt) && k + 2 < ts.size() &&
                   is(ts[k + 1], Token::Art::Tegn, "=") && ts[k + 2].art == Token::Art::Tekst) {
            // "a" .. "b" written over lines: the whole concatenation
            std::string out = ts[k + 2].tekst;
            for (std::size_t j = k + 3; j + 1 < ts.size() && is(ts[j], Token::Art::Tegn, "..") &&
                                        ts[j + 1].art == Token::Art::Tekst;
                 j += 2)
                out += ts[j + 1].tekst;
            return out;
        }
    }
    return {};
}

} // namespace

std::map<std::string, Erstattet> erstattede(Kildetekster& kilder) {
    std::map<std::string, Erstattet> out;
    std::set<std::string> wanted, arter;
    for (const auto& r : kilder.standard().rules()) {
        if (r.regel->erstatter) wanted.insert(r.regel->id);
        arter.insert(std::string(art_navn(r.art)));
    }
    for (auto a : {Art::Betingelse, Art::Udelukkelse, Art::Henvisning, Art::Aktivitet, Art::Pakke, Art::Frist, Art::Krav})
        arter.insert(std::string(art_navn(a)));
    if (wanted.empty()) return out;
    // every national file, not only those the standard still has rules from: a file whose
    // rules were all replaced is still where they are written
    for (const auto& fil : kilder.standard().sources().list("stdlib")) {
        if (!fil.ends_with(".lua")) continue;
        const auto& ts = kilder.fil(fil).tokens;
        for (std::size_t i = 0; i + 1 < ts.size(); ++i) {
            if (ts[i].art != Token::Art::Navn || !arter.count(ts[i].tekst) || !is(ts[i + 1], Token::Art::Tegn, "{"))
                continue;
            const std::string id = field(ts, i + 1, "id");
            if (!wanted.count(id) || out.count(id)) continue;
            const Spaend s = constructor_span(kilder.fil(fil), ts[i].linje, ts[i].tekst);
            out[id] = {fil, s, field(ts, i + 1, "tekst"), field(ts, i + 1, "kilde")};
        }
    }
    return out;
}

} // namespace kvalitet::workbench
