#pragma once
// Dato: a calendar date, stored as days since 1970-01-01 (cheap to copy, compare, add).
// Varighed: a calendar duration, applied the way Danish deadlines are counted.
//
// The supported range is 1 January 1900 – 31 December 2200, the years the holiday
// calendar is checked for (kalender.hpp). Parsing accepts any real YYYY-MM-DD (a case may
// hold an old date), but date arithmetic whose result falls outside the range, and a date
// a script constructs outside it, is an error (DatoFejl): a deadline in the year 30531 is
// a bug in a rule, not a deadline.
#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "kvalitet/export.h"

namespace kvalitet {

inline constexpr int kFoersteAar = 1900;
inline constexpr int kSidsteAar = 2200;

// A date outside the supported range; the message is Danish and names the computation.
// ved_kanten: the date it started from lies so near the range's edge that a length which
// fits anywhere in the middle of the range took it out (a follow-up in December 2200 + 12
// months): the case's date, not the rule. A length that fits nowhere (12 * 400 months) is
// a bug in the rule.
class KVALITET_API DatoFejl : public std::out_of_range {
public:
    explicit DatoFejl(const std::string& what, bool ved_kanten = false) : std::out_of_range(what), ved_kanten_(ved_kanten) {}
    bool ved_kanten() const noexcept { return ved_kanten_; }

private:
    bool ved_kanten_;
};

class KVALITET_API Dato {
public:
    constexpr Dato() = default;
    constexpr explicit Dato(std::chrono::sys_days d) : days_(d.time_since_epoch().count()) {}
    constexpr explicit Dato(std::chrono::year_month_day ymd) : Dato(std::chrono::sys_days(ymd)) {}
    static constexpr Dato from_days(std::int32_t days) { Dato d; d.days_ = days; return d; }
    static Dato ymd(int y, unsigned m, unsigned d);
    static constexpr Dato foerste() { return Dato(std::chrono::year{kFoersteAar} / 1 / 1); }
    static constexpr Dato sidste() { return Dato(std::chrono::year{kSidsteAar} / 12 / 31); }
    constexpr bool i_omraadet() const { return *this >= foerste() && *this <= sidste(); }
    // "<tekst> ligger uden for de datoer, der kan regnes med (1900-01-01–2200-12-31)": what a
    // user is told of a date they gave outside the range.
    static std::string uden_for_omraadet(std::string_view tekst);

    // "YYYY-MM-DD", a real date; nullopt otherwise (2026-02-30, 2025-02-29, "2026-1-5").
    static std::optional<Dato> parse(std::string_view text);

    constexpr std::int32_t days() const { return days_; }
    constexpr std::chrono::sys_days sys() const { return std::chrono::sys_days(std::chrono::days(days_)); }
    std::chrono::year_month_day ymd() const { return std::chrono::year_month_day(sys()); }
    int aar() const { return int(ymd().year()); }
    unsigned maaned() const { return unsigned(ymd().month()); }
    unsigned dag() const { return unsigned(ymd().day()); }
    unsigned ugedag() const; // ISO: 1 mandag … 7 søndag
    unsigned uge() const;    // ISO 8601 week number
    int uge_aar() const;     // the year the ISO week belongs to

    std::string iso() const;   // 2026-11-22
    std::string tekst() const; // 22. november 2026
    std::string lang() const;  // søndag den 22. november 2026

    constexpr Dato plus_days(std::int32_t n) const { return from_days(days_ + n); }
    friend constexpr auto operator<=>(Dato, Dato) = default;
    friend constexpr std::int32_t operator-(Dato a, Dato b) { return a.days_ - b.days_; }

private:
    std::int32_t days_ = 0;
};

// Whole years between birth and `on` (a birthday on 29 February counts from 1 March in
// common years, as Danish practice reads "fylder år").
KVALITET_API int alder(Dato foedt, Dato on);

struct KVALITET_API Varighed {
    enum class Enhed : std::uint8_t { Dage, Uger, Maaneder, Aar, Hverdage };
    Enhed enhed = Enhed::Dage;
    std::int32_t n = 0;

    // d + varighed. Months and years clamp to the month's end (31/1 + 1 md = 28/29/2);
    // hverdage skips weekends and public holidays. Throws DatoFejl when the result lies
    // outside the supported range (and for hverdage when d does: the calendar is only
    // known inside it), so the work is bounded whatever n is.
    Dato efter(Dato d) const;
    Dato foer(Dato d) const; // d - varighed
    std::string tekst() const; // "4 uger", "1 måned"
};

KVALITET_API const char* ugedag_navn(unsigned iso_weekday); // 1 → "mandag"
KVALITET_API const char* maaned_navn(unsigned month);       // 1 → "januar"

// A date in the forms a Danish reader writes ("1/12/2026", "1.12.2026", "1-12-2026",
// "1. december 2026"), for a hint only: input is always ÅÅÅÅ-MM-DD. nullopt otherwise.
KVALITET_API std::optional<Dato> dansk_dato(std::string_view text);
// " — mente du 2026-12-01?" when `text` is such a form of a real date; else "".
KVALITET_API std::string dansk_dato_hint(std::string_view text);

} // namespace kvalitet
