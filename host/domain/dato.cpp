#include "domain/dato.hpp"

#include <cstdint>

#include <fmt/format.h>

#include "domain/kalender.hpp"

namespace kvalitet {

using namespace std::chrono;

namespace {
constexpr const char* kUgedage[] = {"mandag", "tirsdag", "onsdag", "torsdag",
                                    "fredag", "lørdag",  "søndag"};
constexpr const char* kMaaneder[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                                     "juli",   "august",  "september", "oktober", "november", "december"};

year_month_day clamp(year_month_day ymd) {
    if (ymd.ok()) return ymd;
    return year_month_day(year_month_day_last(ymd.year(), month_day_last(ymd.month())));
}

// Would `v` fit from the middle of the range (1 July 2050, 150 years from either edge)?
// Then it was the start date, near an edge, that took the sum outside.
bool fits_from_middle(Varighed v) {
    const double n = v.n < 0 ? -double(v.n) : double(v.n);
    double days = n;
    switch (v.enhed) {
    case Varighed::Enhed::Dage: break;
    case Varighed::Enhed::Uger: days = n * 7; break;
    case Varighed::Enhed::Maaneder: days = n * 31; break;
    case Varighed::Enhed::Aar: days = n * 366; break;
    case Varighed::Enhed::Hverdage: days = n * 1.46 + 30; break; // ~252 working days in 365 (weekends, holidays)
    }
    return days < 150 * 365.0;
}

[[noreturn]] void outside(Dato d, Varighed v) {
    const char sign = v.n < 0 ? '-' : '+';
    const Varighed size{v.enhed, v.n == INT32_MIN ? INT32_MAX : v.n < 0 ? -v.n : v.n};
    throw DatoFejl(fmt::format("{} {} {} ligger uden for de datoer, der kan regnes med ({} – {})", d.tekst(), sign,
                               size.tekst(), Dato::foerste().tekst(), Dato::sidste().tekst()),
                   d.i_omraadet() && fits_from_middle(v));
}

// Day counts in 64 bits: d.days() + 7 * n cannot overflow, and the range check decides.
Dato plus_days_checked(Dato d, std::int64_t days, Varighed v) {
    const std::int64_t r = std::int64_t(d.days()) + days;
    if (r < Dato::foerste().days() || r > Dato::sidste().days()) outside(d, v);
    return Dato::from_days(std::int32_t(r));
}

Dato plus_months_checked(Dato d, std::int64_t months, Varighed v) {
    const auto ymd = d.ymd();
    const std::int64_t total = std::int64_t(int(ymd.year())) * 12 + (unsigned(ymd.month()) - 1) + months;
    const std::int64_t y = total >= 0 ? total / 12 : (total - 11) / 12;
    if (y < kFoersteAar || y > kSidsteAar) outside(d, v);
    const auto m = unsigned(total - y * 12 + 1);
    return Dato(clamp(year{int(y)} / month{m} / ymd.day()));
}

// One day at a time: a step lands on the range's edge at the latest after the ~110,000
// days of the range, so the loop is short whatever n is.
Dato plus_working_days(const Dato start, Varighed v) {
    if (!start.i_omraadet()) outside(start, v);
    const int step = v.n >= 0 ? 1 : -1;
    Dato d = start;
    for (std::int64_t left = v.n >= 0 ? std::int64_t(v.n) : -std::int64_t(v.n); left > 0;) {
        d = d.plus_days(step);
        if (!d.i_omraadet()) outside(start, v);
        if (kalender::arbejdsdag(d)) --left;
    }
    return d;
}
} // namespace

const char* ugedag_navn(unsigned d) { return d >= 1 && d <= 7 ? kUgedage[d - 1] : "?"; }
const char* maaned_navn(unsigned m) { return m >= 1 && m <= 12 ? kMaaneder[m - 1] : "?"; }

Dato Dato::ymd(int y, unsigned m, unsigned d) { return Dato(year{y} / month{m} / day{d}); }

std::optional<Dato> Dato::parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto num = [&](std::size_t from, std::size_t len, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + len; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    int y, m, d;
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
    year_month_day ymd{year{y}, month{unsigned(m)}, day{unsigned(d)}};
    if (!ymd.ok()) return std::nullopt;
    return Dato(ymd);
}

unsigned Dato::ugedag() const { return weekday(sys()).iso_encoding(); }

int Dato::uge_aar() const {
    // The ISO year is the year of this week's Thursday.
    return Dato(sys() + std::chrono::days(4 - int(ugedag()))).aar();
}

unsigned Dato::uge() const {
    const Dato thursday(sys() + std::chrono::days(4 - int(ugedag())));
    const Dato jan1 = Dato::ymd(thursday.aar(), 1, 1);
    return unsigned((thursday - jan1) / 7 + 1);
}

// Written by hand: a date is formatted for every frist in every trace, and fmt's
// general machinery cost ~2000 instructions for ten characters.
std::string Dato::iso() const {
    const auto v = ymd();
    const int y = int(v.year());
    const unsigned m = unsigned(v.month()), d = unsigned(v.day());
    if (y < 0 || y > 9999) return fmt::format("{:04}-{:02}-{:02}", y, m, d);
    std::string out(10, '-');
    out[0] = char('0' + y / 1000);
    out[1] = char('0' + y / 100 % 10);
    out[2] = char('0' + y / 10 % 10);
    out[3] = char('0' + y % 10);
    out[5] = char('0' + m / 10);
    out[6] = char('0' + m % 10);
    out[8] = char('0' + d / 10);
    out[9] = char('0' + d % 10);
    return out;
}

std::string Dato::tekst() const {
    std::string out = std::to_string(dag());
    out += ". ";
    out += maaned_navn(maaned());
    out += ' ';
    out += std::to_string(aar());
    return out;
}

std::string Dato::uden_for_omraadet(std::string_view tekst) {
    return fmt::format("{} ligger uden for de datoer, der kan regnes med ({}–{})", tekst, foerste().iso(), sidste().iso());
}

std::string Dato::lang() const { return fmt::format("{} den {}", ugedag_navn(ugedag()), tekst()); }

int alder(Dato foedt, Dato on) {
    auto b = foedt.ymd(), o = on.ymd();
    int years = int(o.year()) - int(b.year());
    if (std::pair(unsigned(o.month()), unsigned(o.day())) < std::pair(unsigned(b.month()), unsigned(b.day())))
        --years;
    return years;
}

Dato Varighed::efter(Dato d) const {
    switch (enhed) {
    case Enhed::Dage: return plus_days_checked(d, n, *this);
    case Enhed::Uger: return plus_days_checked(d, std::int64_t(n) * 7, *this);
    case Enhed::Maaneder: return plus_months_checked(d, n, *this);
    case Enhed::Aar: return plus_months_checked(d, std::int64_t(n) * 12, *this);
    case Enhed::Hverdage: return plus_working_days(d, *this);
    }
    return d;
}

Dato Varighed::foer(Dato d) const {
    if (n == INT32_MIN) outside(d, *this); // -n does not exist; no date is that far anyway
    return Varighed{enhed, -n}.efter(d);
}

std::string Varighed::tekst() const {
    const bool one = n == 1 || n == -1;
    switch (enhed) {
    case Enhed::Dage: return fmt::format("{} {}", n, one ? "dag" : "dage");
    case Enhed::Uger: return fmt::format("{} {}", n, one ? "uge" : "uger");
    case Enhed::Maaneder: return fmt::format("{} {}", n, one ? "måned" : "måneder");
    case Enhed::Aar: return fmt::format("{} år", n);
    case Enhed::Hverdage: return fmt::format("{} {}", n, one ? "hverdag" : "hverdage");
    }
    return {};
}

std::optional<Dato> dansk_dato(std::string_view s) {
    auto number = [&](std::size_t& i, std::size_t max_digits) -> std::optional<unsigned> {
        const std::size_t from = i;
        unsigned n = 0;
        while (i < s.size() && i - from < max_digits && s[i] >= '0' && s[i] <= '9') n = n * 10 + unsigned(s[i++] - '0');
        return i > from ? std::optional<unsigned>(n) : std::nullopt;
    };
    std::size_t i = 0;
    const auto d = number(i, 2);
    if (!d || i >= s.size()) return std::nullopt;
    std::optional<unsigned> m;
    if (s[i] == '/' || s[i] == '-' || (s[i] == '.' && i + 1 < s.size() && s[i + 1] != ' ')) {
        ++i;
        m = number(i, 2);
        if (!m || i >= s.size() || (s[i] != '/' && s[i] != '-' && s[i] != '.')) return std::nullopt;
        ++i;
    } else if (s.substr(i).starts_with(". ")) { // "1. december 2026"
        i += 2;
        for (unsigned k = 1; k <= 12 && !m; ++k) {
            const std::string_view navn = kMaaneder[k - 1];
            if (s.substr(i).starts_with(navn) && s.substr(i + navn.size()).starts_with(" ")) m = k, i += navn.size() + 1;
        }
        if (!m) return std::nullopt;
    } else {
        return std::nullopt;
    }
    const auto y = number(i, 4);
    if (!y || i != s.size() || *y < 1000) return std::nullopt;
    return Dato::parse(fmt::format("{:04}-{:02}-{:02}", *y, *m, *d));
}

std::string dansk_dato_hint(std::string_view text) {
    const auto d = dansk_dato(text);
    // 1/1/2201 is a date, but none the calendar counts from: offering it would only move the error
    return d && d->i_omraadet() ? fmt::format(" — mente du {}?", d->iso()) : std::string();
}

} // namespace kvalitet
