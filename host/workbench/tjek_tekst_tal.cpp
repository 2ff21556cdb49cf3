// A number in a rule's text that its parameter no longer has: the council changed
// sagsbehandlingstid from 5 to 4 weeks, the text still says "inden 5 uger", and the
// assessment, its warnings and the council's document all show the old number. A number
// with a unit in the text ("5 uger", "65 år") or a word for an interval ("årligt", "hver
// halve år", "2 gange årligt") is compared with the parameters of that unit the rule reads;
// it is a finding when none of them has it. A parameter's own text is compared with its own
// value the same way. Text built from the parameter ("… " .. P.x .. " uger") follows it and
// is never reported.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workbench/tjek.hpp"

namespace kvalitet::workbench {

namespace {

// A unit word as the text writes it, and as a parameter's `enhed` names it.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kEnheder{{
    {"uger", "uger"}, {"uge", "uger"}, {"måneder", "måneder"}, {"måned", "måneder"}, {"år", "år"},
    {"dage", "dage"}, {"dag", "dage"}, {"hverdage", "hverdage"}, {"hverdag", "hverdage"},
    {"arbejdsdage", "hverdage"}, {"timer", "timer"}, {"time", "timer"}, {"minutter", "minutter"},
    {"minut", "minutter"},
}};

std::string_view enhed_af(std::string_view ord) {
    for (auto [skrevet, enhed] : kEnheder)
        if (ord == skrevet) return enhed;
    return {};
}

// What a number or an interval word in a text can mean: "5 uger" is 5 uger; "årligt" is
// 12 måneder.
struct Laesning {
    long long n;
    std::string_view enhed;
};

struct Tal {
    std::vector<Laesning> laesninger;
    std::string_view skrevet; // "5 uger", "hver halve år", as in the text
};

// Words for an interval, and what they are in the units parameters count in. A word with
// "N gang(e)" before it ("2 gange årligt") is N times as often: 12/N måneder.
struct Interval {
    std::string_view ord;
    long long maaneder; // 0: weeks, below
    long long uger;
};
constexpr std::array<Interval, 12> kIntervaller{{
    {"årligt", 12, 0}, {"årlig", 12, 0}, {"årlige", 12, 0}, {"halvårligt", 6, 0}, {"halvårlig", 6, 0},
    {"halvårlige", 6, 0}, {"kvartalsvis", 3, 0}, {"kvartalsvise", 3, 0}, {"månedligt", 1, 0}, {"månedlig", 1, 0},
    {"ugentligt", 0, 1}, {"ugentlig", 0, 1},
}};
// Two words: "hver halve år", "hvert kvartal", "om året".
constexpr std::array<std::pair<std::string_view, long long>, 5> kToOrd{{
    {"halve år", 6}, {"halvt år", 6}, {"hvert kvartal", 3}, {"om året", 12}, {"hvert år", 12},
}};

std::vector<Laesning> som_interval(long long maaneder, long long uger, long long gange) {
    if (gange <= 0) return {};
    if (uger) return uger % gange ? std::vector<Laesning>{} : std::vector<Laesning>{{uger / gange, "uger"}};
    if (maaneder % gange) return {};
    return {{maaneder / gange, "måneder"}}; // not also "1 år": "årligt" beside an age of 18 år is no finding
}

bool bogstav(char c) { return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }

// "Årligt" as "årligt": the capital Danish letters and ASCII, which is all the words above need.
std::string smaat(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (static_cast<unsigned char>(out[i]) == 0xC3 && i + 1 < out.size()) {
            const auto c = static_cast<unsigned char>(out[i + 1]);
            if (c == 0x85 || c == 0x86 || c == 0x98) out[i + 1] = static_cast<char>(c + 0x20); // Å Æ Ø
            ++i;
        } else {
            out[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
        }
    }
    return out;
}

// Every "N enhed" in the text (digits, spaces, a unit word ending at a non-letter), and every
// interval word, with "N gang(e)" before it when written.
std::vector<Tal> tal_i(std::string_view s) {
    std::vector<Tal> out;
    const std::string lav = smaat(s); // same length: only letters' cases change
    long long gange = 1;             // "2 gange" just before a word
    std::size_t gange_fra = std::string_view::npos;
    for (std::size_t i = 0; i < s.size();) {
        if (bogstav(s[i])) {
            std::size_t e = i;
            while (e < s.size() && bogstav(s[e])) ++e;
            const std::string_view ord(lav.data() + i, e - i);
            const std::size_t start = gange_fra == std::string_view::npos ? i : gange_fra;
            for (const auto& iv : kIntervaller)
                if (ord == iv.ord)
                    if (auto l = som_interval(iv.maaneder, iv.uger, gange); !l.empty())
                        out.push_back({std::move(l), s.substr(start, e - start)});
            for (const auto& [to, maaneder] : kToOrd)
                if (std::string_view(lav).substr(i, to.size()) == to && (i + to.size() == s.size() || !bogstav(s[i + to.size()])))
                    if (auto l = som_interval(maaneder, 0, gange); !l.empty())
                        out.push_back({std::move(l), s.substr(start, i + to.size() - start)});
            if (ord == "gang" || ord == "gange") {
                // "to gange årligt": a count in words is no number the check reads
                if (gange_fra == std::string_view::npos) gange = 0;
            } else {
                gange = 1, gange_fra = std::string_view::npos;
            }
            i = e;
            continue;
        }
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
            if (s[i] != ' ') gange = 1, gange_fra = std::string_view::npos;
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        // "hver 6. måned", "hver 2. uge": an ordinal before a unit is that many of it
        if (j + 1 < s.size() && s[j] == '.' && s[j + 1] == ' ') {
            std::size_t k = j + 1;
            while (k < s.size() && s[k] == ' ') ++k;
            std::size_t e = k;
            while (e < s.size() && bogstav(s[e])) ++e;
            long long n = 0;
            const auto enhed = enhed_af(std::string_view(lav.data() + k, e - k));
            if (!enhed.empty() && std::from_chars(s.data() + i, s.data() + j, n).ec == std::errc()) {
                out.push_back({{{n, enhed}}, s.substr(i, e - i)});
                gange = 1, gange_fra = std::string_view::npos;
                i = e;
                continue;
            }
        }
        if (j < s.size() && (s[j] == '.' || s[j] == ',') && j + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[j + 1]))) {
            while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.' || s[j] == ',')) ++j;
            i = j; // 1,5 or 12.000: not a count the check can compare
            continue;
        }
        long long n = 0;
        if (std::from_chars(s.data() + i, s.data() + j, n).ec != std::errc()) { // too long to be a count
            gange = 1, gange_fra = std::string_view::npos;
            i = j;
            continue;
        }
        std::size_t k = j;
        while (k < s.size() && s[k] == ' ') ++k;
        std::size_t e = k;
        while (e < s.size() && bogstav(s[e])) ++e;
        const std::string_view ord(lav.data() + k, e - k);
        if (k > j && (ord == "gang" || ord == "gange")) {
            gange = n, gange_fra = i; // the interval word after it says how often
            i = e;
            continue;
        }
        gange = 1, gange_fra = std::string_view::npos;
        if (const auto enhed = k > j ? enhed_af(ord) : std::string_view{}; !enhed.empty())
            out.push_back({{{n, enhed}}, s.substr(i, e - i)});
        i = j;
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

namespace {

bool samme_enhed(const Parameter& p, const Laesning& l) { return enhed_af(p.enhed) == l.enhed || p.enhed == l.enhed; }

// Whether some number in the text is the parameter's value: a text built from it ("… " ..
// P.x .. " uger") has it.
bool i_teksten(const Parameter& p, const std::vector<Tal>& tal) {
    for (const auto& x : tal)
        for (const auto& l : x.laesninger)
            if (samme_enhed(p, l) && *heltal(p) == l.n) return true;
    return false;
}

// Whether the text's number can be one of these parameters' values: a reading in the unit of
// none of them says nothing about them (nullopt); otherwise the parameter to name when not.
// Of several, the first whose value the text has nowhere: one it has ("tidligere end 8 uger",
// built from the parameter) is not the one a stale "12 uger" beside it was about.
std::optional<const Parameter*> passer_ikke(const Tal& x, const std::vector<const Parameter*>& ps,
                                            const std::vector<Tal>& hele_teksten = {}) {
    const Parameter* naevnt = nullptr;
    for (const auto& l : x.laesninger)
        for (const auto* p : ps) {
            if (!samme_enhed(*p, l)) continue;
            if (*heltal(*p) == l.n) return std::nullopt;
            if (!naevnt || (i_teksten(*naevnt, hele_teksten) && !i_teksten(*p, hele_teksten))) naevnt = p;
        }
    if (!naevnt) return std::nullopt;
    return naevnt;
}

// "foerste_revurdering = 10 uger, …": the parameters of the reading's unit, for a text whose
// number none of them has.
std::string af_enheden(const Tal& x, const std::vector<const Parameter*>& ps, const Parameter* undtagen) {
    std::vector<std::string> navne;
    for (const auto* p : ps)
        if (p != undtagen && std::any_of(x.laesninger.begin(), x.laesninger.end(), [&](const Laesning& l) { return samme_enhed(*p, l); }))
            navne.push_back(fmt::format("{} = {} {}", p->id, p->vaerdi, p->enhed));
    return fmt::format("{}", fmt::join(navne, ", "));
}

bool sammenlignelig(const Parameter& p) { return heltal(p) && !p.enhed.empty(); }

} // namespace

void tjek_tekst_tal(Tjek& t) {
    const auto& ps = t.standard.info().parametre;
    for (const Rule& r : t.standard.rules()) {
        const auto tal = tal_i(r.regel->tekst);
        if (tal.empty()) continue;
        std::vector<const Parameter*> laest;
        for (const auto& navn : t.laesninger.i(r.regel->fil, t.kilder.spaend(r))) {
            auto it = std::find_if(ps.begin(), ps.end(), [&](const Parameter& p) { return p.id == navn; });
            if (it != ps.end() && sammenlignelig(*it)) laest.push_back(&*it);
        }
        for (const auto& x : tal) {
            const auto p = passer_ikke(x, laest, tal);
            if (!p) continue;
            t.add("tekst_tal", r.regel->fil, r.regel->linje,
                  fmt::format("{} '{}': teksten siger \"{}\", men reglen regner med {} = {} {}", art_navn(r.art),
                              r.regel->id, x.skrevet, (*p)->id, (*p)->vaerdi, (*p)->enhed),
                  fmt::format("ret teksten, eller byg den af parameteren: \"… \" .. P.{} .. \" {}\"", (*p)->id,
                              (*p)->enhed));
        }
    }
    // A parameter's own text ("Måneder mellem opfølgninger (mindst 1 gang årligt)") against its
    // value. The text may name another parameter's ("før en opfølgning kan være revurderingen
    // efter 12 uger"): a number some parameter of the unit has is no finding.
    std::vector<const Parameter*> alle;
    for (const Parameter& p : ps)
        if (sammenlignelig(p)) alle.push_back(&p);
    for (const Parameter* pp : alle) {
        const Parameter& p = *pp;
        if (p.fil.empty()) continue;
        for (const auto& x : tal_i(p.tekst)) {
            if (!passer_ikke(x, {&p}) || !passer_ikke(x, alle)) continue;
            // The number may be another parameter's ("revurderingen efter 12 uger"): name them.
            const std::string andre = af_enheden(x, alle, &p);
            t.add("tekst_tal", p.fil, p.linje,
                  fmt::format("parameteren '{}': dens tekst siger \"{}\", men værdien er {} {}{}", p.id, x.skrevet, p.vaerdi,
                              p.enhed, andre.empty() ? "" : ", og ingen anden parameter har det tal (" + andre + ")"),
                  andre.empty() ? "ret teksten, så den siger det samme som værdien"
                                : "ret tallet i teksten, så det er værdien, eller den anden parameters, "
                                  "hvis teksten taler om den");
        }
    }
}

} // namespace kvalitet::workbench
