#include "domain/kalender.hpp"

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <tuple>
#include <utility>

namespace kvalitet::kalender {

namespace {
// Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
constexpr Dato easter(int y) {
    const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return Dato(std::chrono::year{y} / std::chrono::month{unsigned(month)} / std::chrono::day{unsigned(day)});
}
} // namespace

Dato paaskedag(int y) { return easter(y); }

namespace {
// Offsets from Easter Sunday.
constexpr std::array<std::pair<int, std::string_view>, 7> kMovable{{
    {-3, "skærtorsdag"},
    {-2, "langfredag"},
    {0, "påskedag"},
    {1, "2. påskedag"},
    {39, "Kristi himmelfartsdag"},
    {49, "pinsedag"},
    {50, "2. pinsedag"},
}};
constexpr int kStoreBededag = 26;
constexpr int kLastStoreBededag = 2023;
} // namespace

std::optional<std::string_view> helligdag(Dato d) {
    const auto ymd = d.ymd(); // once: each of aar(), maaned(), dag() converts the day count
    const unsigned m = unsigned(ymd.month()), day = unsigned(ymd.day());
    if (m == 1 && day == 1) return "nytårsdag";
    if (m == 12 && day == 25) return "juledag";
    if (m == 12 && day == 26) return "2. juledag";
    if (m < 3 || m > 6) return std::nullopt; // movable feasts fall 19 March – 14 June
    const int offset = d - paaskedag(int(ymd.year()));
    for (const auto& [o, name] : kMovable)
        if (o == offset) return name;
    if (offset == kStoreBededag && int(ymd.year()) <= kLastStoreBededag) return "store bededag";
    return std::nullopt;
}

bool weekend(Dato d) { return d.ugedag() >= 6; }

namespace {
// Every day of the supported range that is no working day (a Saturday, a Sunday or a public
// holiday), one bit per day from Dato::foerste(), made by the compiler from the same rules
// as weekend() and helligdag(): an aggregate primitive asks for each of a case's
// deliveries, and a year's calendar per question was most of what it cost.
constexpr std::int32_t kRangeDays = Dato::sidste() - Dato::foerste() + 1;
struct HolidayBits {
    std::array<std::uint64_t, (kRangeDays + 63) / 64> words{};
    constexpr void set(Dato d) { set_index(std::uint32_t(d - Dato::foerste())); }
    constexpr void set_index(std::uint32_t i) { words[i / 64] |= std::uint64_t(1) << (i % 64); }
    constexpr bool test(Dato d) const {
        const auto i = std::uint32_t(d - Dato::foerste());
        return (words[i / 64] >> (i % 64)) & 1;
    }
};
constexpr HolidayBits make_closed_bits() {
    using namespace std::chrono;
    HolidayBits bits;
    // The weekends, a week at a time from the first Saturday (1970-01-01 was a Thursday):
    // few enough steps for any compiler's limit on constant evaluation.
    const std::int32_t monday_based = ((Dato::foerste().days() % 7) + 7 + 3) % 7; // 0 Monday … 6 Sunday
    for (auto i = std::uint32_t((5 - monday_based + 7) % 7); i < std::uint32_t(kRangeDays); i += 7) {
        bits.set_index(i);
        if (i + 1 < std::uint32_t(kRangeDays)) bits.set_index(i + 1);
    }
    for (int y = kFoersteAar; y <= kSidsteAar; ++y) {
        bits.set(Dato(year{y} / January / 1));
        bits.set(Dato(year{y} / December / 25));
        bits.set(Dato(year{y} / December / 26));
        const Dato p = easter(y);
        for (const auto& [o, name] : kMovable) bits.set(p.plus_days(o));
        if (y <= kLastStoreBededag) bits.set(p.plus_days(kStoreBededag));
    }
    return bits;
}
constexpr HolidayBits kClosed = make_closed_bits();
} // namespace

bool arbejdsdag(Dato d) {
    if (d.i_omraadet()) return !kClosed.test(d);
    return !weekend(d) && !helligdag(d);
}

namespace {
// Forældelseslovens § 27, stk. 2: a deadline ending on a Saturday, a Sunday, a public
// holiday, grundlovsdag, 24 or 31 December runs to the next day that is none of them.
// One national rule, cited once; the trace names the day a deadline was moved off.
constexpr std::array<std::tuple<unsigned, unsigned, std::string_view>, 3> kLukkedageForFrister{{
    {6, 5, "grundlovsdag"},
    {12, 24, "juleaftensdag"},
    {12, 31, "nytårsaftensdag"},
}};

template <class Closed>
Dato next_open(Dato d, Closed closed) {
    const Dato start = d;
    while (closed(d)) d = d.plus_days(1); // at most a long Easter weekend
    if (d != start && !d.i_omraadet())
        throw DatoFejl(fmt::format("næste arbejdsdag efter {} ligger uden for de datoer, der kan regnes med ({} – {})",
                                   start.tekst(), Dato::foerste().tekst(), Dato::sidste().tekst()),
                       true); // a date at the range's very end
    return d;
}
} // namespace

Dato naeste_arbejdsdag(Dato d) {
    return next_open(d, [](Dato x) { return !arbejdsdag(x); });
}

std::optional<std::string_view> lukket_for_frister(Dato d) {
    if (d.ugedag() == 6) return "lørdag";
    if (d.ugedag() == 7) return "søndag";
    if (auto h = helligdag(d)) return h;
    for (const auto& [m, day, name] : kLukkedageForFrister)
        if (d.maaned() == m && d.dag() == day) return name;
    return std::nullopt;
}

Dato naeste_fristdag(Dato d) {
    return next_open(d, [](Dato x) { return lukket_for_frister(x).has_value(); });
}

} // namespace kvalitet::kalender
