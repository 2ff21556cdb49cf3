// The caseworker's findings (`forhold`) are the contract's list. A rule that reads another
// name reads nothing: the case view refuses it when the line runs, which may be never in
// the tests. Found in the text: `forhold.x`, `forhold["x"]` and `forhold = "x"`.
#include <fmt/format.h>

#include "domain/sag.hpp"
#include "domain/mente_du.hpp"
#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

namespace {

// "mente du 'x'? " for a near name, else nothing: the list that follows names them all.
std::string near_guess(std::string_view wrong, std::span<const std::string_view> known) {
    const auto near = closest_name(wrong, known);
    return near ? fmt::format("mente du '{}'? ", *near) : std::string();
}


// The forhold id named at ts[i] ("forhold" followed by .x, ["x"] or = "x"), or nullptr.
const Token* named_at(const std::vector<Token>& ts, std::size_t i) {
    if (!is(ts[i], Token::Art::Navn, "forhold") || i + 2 >= ts.size()) return nullptr;
    if (is(ts[i + 1], Token::Art::Tegn, ".") && ts[i + 2].art == Token::Art::Navn) return &ts[i + 2];
    if (is(ts[i + 1], Token::Art::Tegn, "[") && ts[i + 2].art == Token::Art::Tekst) return &ts[i + 2];
    if (is(ts[i + 1], Token::Art::Tegn, "=") && ts[i + 2].art == Token::Art::Tekst) return &ts[i + 2];
    return nullptr;
}

} // namespace

void tjek_forhold(Tjek& t) {
    const std::span<const std::string_view> known(Forhold::ids.data(), Forhold::ids.size());
    for (const auto& fil : t.kilder.filer()) {
        const auto& ts = t.kilder.fil(fil).tokens;
        for (std::size_t i = 0; i < ts.size(); ++i) {
            const Token* name = named_at(ts, i);
            if (!name || Forhold::index(name->tekst)) continue;
            std::string all;
            for (auto k : known) all += (all.empty() ? "" : ", ") + std::string(k);
            t.add("ukendt_forhold", fil, name->linje,
                  fmt::format("forholdet '{}' findes ikke i kontrakten", name->tekst),
                  fmt::format("{}Forholdene er: {}", near_guess(name->tekst, known), all));
        }
    }
}

} // namespace kvalitet::workbench
