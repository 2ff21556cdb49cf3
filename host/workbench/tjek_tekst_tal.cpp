// A number in a rule's text that its parameter no longer has: the council changed
// sagsbehandlingstid from 5 to 4 weeks, the text still says "inden 5 uger", and the
// assessment, its warnings and the council's document all show the old number. A number
// with a unit in the text ("5 uger", "65 år") is compared with the parameters of that unit
// the rule reads; it is a finding when none of them has it. Text built from the parameter
// ("… " .. P.x .. " uger") follows it and is never reported.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <string_view>

#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

namespace {

// A unit word as the text writes it, and as a parameter's `enhed` names it.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kEnheder{{
    {"uger", "uger"}, {"uge", "uger"}, {"måneder", "måneder"}, {"måned", "måneder"}, {"år", "år"},
    {"dage", "dage"}, {"dag", "dage"}, {"hverdage", "hverdage"}, {"hverdag", "hverdage"},
    {"arbejdsdage", "hverdage"}, {"timer", "timer"}, {"time", "timer"},
}};

std::string_view enhed_af(std::string_view ord) {
    for (auto [skrevet, enhed] : kEnheder)
        if (ord == skrevet) return enhed;
    return {};
}

struct Tal {
    long long n;
    std::string_view enhed;
    std::string_view skrevet; // "5 uger", as in the text
};

// Every "N enhed" in the text: digits, spaces, a unit word (ending at a non-letter).
std::vector<Tal> tal_i(std::string_view s) {
    std::vector<Tal> out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i])) || (i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1]))))
            continue;
        std::size_t j = i;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        if (j < s.size() && (s[j] == '.' || s[j] == ',') && j + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[j + 1])))
            continue; // 1,5 or 12.000: not a count the check can compare
        std::size_t k = j;
        while (k < s.size() && s[k] == ' ') ++k;
        if (k == j) continue;
        std::size_t e = k;
        while (e < s.size() && (std::isalpha(static_cast<unsigned char>(s[e])) || static_cast<unsigned char>(s[e]) >= 0x80)) ++e;
        const auto enhed = enhed_af(s.substr(k, e - k));
        if (enhed.empty()) continue;
        long long n = 0;
        std::from_chars(s.data() + i, s.data() + j, n);
        out.push_back({n, enhed, s.substr(i, e - i)});
    }
    return out;
}

// A parameter's value as one whole number; nullopt for a list, a text or a dated parameter.
std::optional<long long> heltal(const Parameter& p) {
    if (!p.perioder.empty()) return std::nullopt;
    long long n = 0;
    const auto* end = p.vaerdi.data() + p.vaerdi.size();
    auto [at, ec] = std::from_chars(p.vaerdi.data(), end, n);
    if (ec != std::errc() || at != end) return std::nullopt;
    return n;
}

} // namespace

void tjek_tekst_tal(Tjek& t) {
    const auto& ps = t.standard.info().parametre;
    for (const Rule& r : t.standard.rules()) {
        const auto tal = tal_i(r.regel->tekst);
        if (tal.empty()) continue;
        std::vector<const Parameter*> laest;
        for (const auto& navn : t.laesninger.i(r.regel->fil, t.kilder.spaend(r))) {
            auto it = std::find_if(ps.begin(), ps.end(), [&](const Parameter& p) { return p.id == navn; });
            if (it != ps.end() && heltal(*it) && !it->enhed.empty()) laest.push_back(&*it);
        }
        for (const auto& x : tal) {
            std::vector<const Parameter*> samme_enhed;
            for (const auto* p : laest)
                if (enhed_af(p->enhed) == x.enhed || p->enhed == x.enhed) samme_enhed.push_back(p);
            if (samme_enhed.empty()) continue;
            if (std::any_of(samme_enhed.begin(), samme_enhed.end(), [&](const Parameter* p) { return *heltal(*p) == x.n; }))
                continue;
            const Parameter& p = *samme_enhed.front();
            t.add("tekst_tal", r.regel->fil, r.regel->linje,
                  fmt::format("{} '{}': teksten siger \"{}\", men reglen regner med {} = {} {}", art_navn(r.art),
                              r.regel->id, x.skrevet, p.id, p.vaerdi, p.enhed),
                  fmt::format("ret tallet i teksten, eller byg teksten af parameteren: \"… \" .. P.{} .. \" {}\"", p.id,
                              p.enhed));
        }
    }
}

} // namespace kvalitet::workbench
