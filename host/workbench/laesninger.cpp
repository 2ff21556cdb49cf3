#include "workbench/laesninger.hpp"

#include <algorithm>
#include <set>

namespace kvalitet::workbench {

namespace {


// The names a file binds to parametre { }'s result: `local P = parametre {` (or `(`), also
// with an attribute (`local P <const> = parametre {`).
std::set<std::string> aliases(const std::vector<Token>& ts) {
    std::set<std::string> out;
    for (std::size_t i = 0; i + 2 < ts.size(); ++i) {
        if (ts[i].art != Token::Art::Navn) continue;
        std::size_t k = i + 1;
        if (k + 3 < ts.size() && is(ts[k], Token::Art::Tegn, "<") && ts[k + 1].art == Token::Art::Navn &&
            is(ts[k + 2], Token::Art::Tegn, ">"))
            k += 3;
        if (k + 1 < ts.size() && is(ts[k], Token::Art::Tegn, "=") && is(ts[k + 1], Token::Art::Navn, "parametre"))
            out.insert(ts[i].tekst);
    }
    return out;
}

// The parameter read at tokens[i] (P.navn or P["navn"]), or "".
std::string read_at(const std::vector<Token>& ts, std::size_t i, const std::set<std::string>& alias) {
    if (ts[i].art != Token::Art::Navn || !alias.count(ts[i].tekst) || i + 2 >= ts.size()) return {};
    if (is(ts[i + 1], Token::Art::Tegn, ".") && ts[i + 2].art == Token::Art::Navn) return ts[i + 2].tekst;
    if (is(ts[i + 1], Token::Art::Tegn, "[") && ts[i + 2].art == Token::Art::Tekst && i + 3 < ts.size() &&
        is(ts[i + 3], Token::Art::Tegn, "]"))
        return ts[i + 2].tekst;
    return {};
}

const std::vector<Sted> kNone;

} // namespace

Parameterlaesninger::Parameterlaesninger(Kildetekster& kilder) {
    const auto replaced = erstattede(kilder);
    for (const auto& fil : kilder.filer()) {
        const auto& ts = kilder.fil(fil).tokens;
        const auto alias = aliases(ts);
        for (std::size_t i = 0; i < ts.size(); ++i) {
            const std::string navn = read_at(ts, i, alias);
            if (navn.empty()) continue;
            const bool dead = std::any_of(replaced.begin(), replaced.end(), [&](const auto& e) {
                return e.second.fil == fil && e.second.spaend.indeholder(ts[i].linje);
            });
            if (!dead) reads_[navn].push_back({fil, ts[i].linje});
        }
    }
    // The host derives the receipt of a decision sent by post from this national parameter
    // (engine/evaluate.cpp) whenever a frist starts or ends at that receipt.
    for (const auto& r : kilder.standard().rules())
        if (r.art == Art::Frist && (r.fra_navn == "bevilling.afgoerelse_modtaget" ||
                                    r.opfyldt_navn == "bevilling.afgoerelse_modtaget"))
            reads_["fysisk_post_hverdage"].push_back({r.regel->fil, r.regel->linje});
}

const std::vector<Sted>& Parameterlaesninger::af(const std::string& navn) const {
    auto it = reads_.find(navn);
    return it == reads_.end() ? kNone : it->second;
}

std::vector<std::string> Parameterlaesninger::i(const std::string& fil, Spaend s) const {
    std::vector<std::pair<int, std::string>> found;
    for (const auto& [navn, steder] : reads_)
        for (const auto& st : steder)
            if (st.fil == fil && s.indeholder(st.linje)) {
                found.emplace_back(st.linje, navn);
                break;
            }
    std::sort(found.begin(), found.end());
    std::vector<std::string> out;
    for (auto& f : found) out.push_back(std::move(f.second));
    return out;
}

} // namespace kvalitet::workbench
