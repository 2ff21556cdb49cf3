#include <catch2/catch.hpp>

#include <random>

#include "domain/dato.hpp"
#include "domain/frist.hpp"
#include "domain/kalender.hpp"

using namespace kvalitet;

namespace {
Dato D(const char* s) { return *Dato::parse(s); }
Varighed uger(int n) { return {Varighed::Enhed::Uger, n}; }
Varighed maaneder(int n) { return {Varighed::Enhed::Maaneder, n}; }
} // namespace

TEST_CASE("parsing accepts real dates only") {
    CHECK(Dato::parse("2026-11-22"));
    CHECK(Dato::parse("2024-02-29"));
    CHECK_FALSE(Dato::parse("2025-02-29"));
    CHECK_FALSE(Dato::parse("2026-02-30"));
    CHECK_FALSE(Dato::parse("2026-13-01"));
    CHECK_FALSE(Dato::parse("2026-00-10"));
    CHECK_FALSE(Dato::parse("2026-1-05"));
    CHECK_FALSE(Dato::parse("22-11-2026"));
    CHECK_FALSE(Dato::parse("2026-11-22T00:00"));
    CHECK_FALSE(Dato::parse(""));
}

TEST_CASE("Danish formatting, weekday and ISO week") {
    CHECK(D("2026-11-22").tekst() == "22. november 2026");
    CHECK(D("2026-04-07").lang() == "tirsdag den 7. april 2026");
    CHECK(D("2026-11-22").iso() == "2026-11-22");
    CHECK(D("2026-11-22").ugedag() == 7);
    CHECK(D("2026-11-23").ugedag() == 1);
    CHECK(D("2026-01-01").uge() == 1);
    CHECK(D("2027-01-01").uge() == 53); // a Friday in ISO week 2026-W53
    CHECK(D("2027-01-01").uge_aar() == 2026);
    CHECK(D("2024-12-30").uge() == 1);
    CHECK(D("2024-12-30").uge_aar() == 2025);
}

TEST_CASE("months and years clamp to the month's end") {
    CHECK(maaneder(1).efter(D("2026-01-31")) == D("2026-02-28"));
    CHECK(maaneder(1).efter(D("2024-01-31")) == D("2024-02-29"));
    CHECK(maaneder(12).efter(D("2026-12-15")) == D("2027-12-15"));
    CHECK(maaneder(6).efter(D("2026-08-31")) == D("2027-02-28"));
    CHECK(Varighed{Varighed::Enhed::Aar, 1}.efter(D("2024-02-29")) == D("2025-02-28"));
    CHECK(Varighed{Varighed::Enhed::Aar, 4}.efter(D("2024-02-29")) == D("2028-02-29"));
    CHECK(maaneder(1).foer(D("2026-03-31")) == D("2026-02-28"));
    CHECK(uger(1).efter(D("2026-12-28")) == D("2027-01-04"));
}

TEST_CASE("working days skip weekends and holidays") {
    Varighed tre{Varighed::Enhed::Hverdage, 3};
    CHECK(tre.efter(D("2026-11-20")) == D("2026-11-25")); // Fri → Wed
    CHECK(tre.efter(D("2026-04-01")) == D("2026-04-09")); // over Easter 2026
    CHECK(Varighed{Varighed::Enhed::Hverdage, -1}.efter(D("2026-04-07")) == D("2026-04-01"));
}

TEST_CASE("property: d + uger(n) - d == 7n, and - undoes +") {
    std::mt19937 rng(20261122);
    // 1935–2134: d ± 200 weeks or months stays inside the supported range 1900–2200.
    std::uniform_int_distribution<int> day(-12500, 60000), n(-200, 200);
    for (int i = 0; i < 5000; ++i) {
        Dato d = Dato::from_days(day(rng));
        int k = n(rng);
        CHECK(uger(k).efter(d) - d == 7 * k);
        CHECK(uger(k).foer(uger(k).efter(d)) == d);
        Dato m = maaneder(k).efter(d);
        CHECK(m.dag() <= d.dag());
        CHECK((m.aar() * 12 + int(m.maaned())) - (d.aar() * 12 + int(d.maaned())) == k);
    }
}

TEST_CASE("age in whole years") {
    CHECK(alder(D("2008-11-22"), D("2026-11-22")) == 18);
    CHECK(alder(D("2008-11-23"), D("2026-11-22")) == 17);
    CHECK(alder(D("2008-02-29"), D("2026-02-28")) == 17);
    CHECK(alder(D("2008-02-29"), D("2026-03-01")) == 18);
}

TEST_CASE("Easter Sunday, including the extremes 22 March and 25 April") {
    const char* known[] = {"2014-04-20", "2015-04-05", "2016-03-27", "2017-04-16", "2018-04-01",
                           "2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09",
                           "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16",
                           "1818-03-22", "2285-03-22", "1943-04-25", "2038-04-25", "2008-03-23"};
    for (const char* s : known) {
        INFO(s);
        CHECK(kalender::paaskedag(D(s).aar()) == D(s));
    }
}

TEST_CASE("Danish public holidays for 2023, 2024 and 2026") {
    struct H { const char* date; const char* name; };
    const H holidays[] = {
        {"2023-01-01", "nytårsdag"}, {"2023-04-06", "skærtorsdag"}, {"2023-04-07", "langfredag"},
        {"2023-04-09", "påskedag"}, {"2023-04-10", "2. påskedag"}, {"2023-05-05", "store bededag"},
        {"2023-05-18", "Kristi himmelfartsdag"}, {"2023-05-28", "pinsedag"}, {"2023-05-29", "2. pinsedag"},
        {"2023-12-25", "juledag"}, {"2023-12-26", "2. juledag"},
        {"2024-01-01", "nytårsdag"}, {"2024-03-28", "skærtorsdag"}, {"2024-03-29", "langfredag"},
        {"2024-03-31", "påskedag"}, {"2024-04-01", "2. påskedag"}, {"2024-05-09", "Kristi himmelfartsdag"},
        {"2024-05-19", "pinsedag"}, {"2024-05-20", "2. pinsedag"}, {"2024-12-25", "juledag"},
        {"2026-04-02", "skærtorsdag"}, {"2026-04-03", "langfredag"}, {"2026-04-06", "2. påskedag"},
        {"2026-05-14", "Kristi himmelfartsdag"}, {"2026-05-25", "2. pinsedag"},
        {"2019-05-17", "store bededag"}, {"2010-04-30", "store bededag"}, {"1990-05-11", "store bededag"},
    };
    for (const auto& h : holidays) {
        INFO(h.date);
        auto name = kalender::helligdag(D(h.date));
        REQUIRE(name);
        CHECK(*name == h.name);
        CHECK_FALSE(kalender::arbejdsdag(D(h.date)));
    }
    // Store bededag is gone from 2024; ordinary days are not holidays.
    for (const char* s : {"2024-04-26", "2025-05-16", "2026-05-01", "2026-11-23", "2026-12-24", "2026-06-05"}) {
        INFO(s);
        CHECK_FALSE(kalender::helligdag(D(s)));
    }
}

TEST_CASE("holidays for many years follow from Easter") {
    for (int y = 1900; y <= 2200; ++y) {
        Dato e = kalender::paaskedag(y);
        CHECK(e.ugedag() == 7);
        CHECK(*kalender::helligdag(e.plus_days(-2)) == "langfredag");
        CHECK(*kalender::helligdag(e.plus_days(39)) == "Kristi himmelfartsdag");
        CHECK(kalender::helligdag(e.plus_days(26)).has_value() == (y <= 2023));
    }
}

TEST_CASE("the table of holidays says for every day what helligdag() says") {
    // arbejdsdag() reads a table made at compile time inside the range; helligdag() works
    // each day out. They must agree on every day, and beyond the range too.
    int holidays = 0;
    for (Dato d = Dato::foerste().plus_days(-400); d <= Dato::sidste().plus_days(400); d = d.plus_days(1)) {
        const bool expected = !kalender::weekend(d) && !kalender::helligdag(d);
        if (kalender::arbejdsdag(d) != expected) FAIL("arbejdsdag(" << d.iso() << ") should be " << expected);
        if (kalender::helligdag(d) && !kalender::weekend(d) && d.i_omraadet()) ++holidays;
    }
    CHECK(holidays > 301 * 7); // the check saw the holidays, not only ordinary days
}

TEST_CASE("next working day") {
    CHECK(kalender::naeste_arbejdsdag(D("2026-11-23")) == D("2026-11-23"));
    CHECK(kalender::naeste_arbejdsdag(D("2026-11-21")) == D("2026-11-23"));
    CHECK(kalender::naeste_arbejdsdag(D("2026-04-02")) == D("2026-04-07")); // Easter
    CHECK(kalender::naeste_arbejdsdag(D("2026-12-25")) == D("2026-12-28"));
}

TEST_CASE("a frist moves off a weekend or holiday only when told to") {
    Frist klage{D("2026-12-04"), uger(4), Flyt::NaesteArbejdsdag};
    CHECK(klage.uflyttet() == D("2027-01-01"));
    CHECK(klage.dato() == D("2027-01-04"));
    Frist intern{D("2026-12-04"), uger(4), Flyt::Ingen};
    CHECK(intern.dato() == D("2027-01-01"));
}

TEST_CASE("frist status the day before, on and after, and with an event") {
    Frist f{D("2026-11-02"), uger(4), Flyt::NaesteArbejdsdag}; // due Monday 30 November
    CHECK(f.dato() == D("2026-11-30"));
    CHECK(f.status(D("2026-11-29")) == FristStatus::Kommende);
    CHECK(f.status(D("2026-11-30")) == FristStatus::Kommende);
    CHECK(f.status(D("2026-12-01")) == FristStatus::Overskredet);
    CHECK(f.status(D("2026-12-01"), D("2026-11-30")) == FristStatus::Opfyldt);
    CHECK(f.status(D("2026-12-05"), D("2026-12-01")) == FristStatus::Overskredet);
    // An event after the evaluation date has not happened yet.
    CHECK(f.status(D("2026-11-20"), D("2026-11-25")) == FristStatus::Kommende);
}

namespace {
Varighed v(Varighed::Enhed e, std::int32_t n) { return {e, n}; }
using E = Varighed::Enhed;
} // namespace

TEST_CASE("the supported range is 1900-01-01 to 2200-12-31") {
    CHECK(Dato::foerste() == D("1900-01-01"));
    CHECK(Dato::sidste() == D("2200-12-31"));
    CHECK(D("2026-11-22").i_omraadet());
    CHECK_FALSE(D("1899-12-31").i_omraadet());
    CHECK_FALSE(D("2201-01-01").i_omraadet());
    // Parsing still accepts an old date a case may hold; arithmetic from it is checked.
    CHECK(Dato::parse("1850-06-01"));
    CHECK(v(E::Aar, 67).efter(D("1890-03-01")) == D("1957-03-01"));
}

TEST_CASE("date arithmetic leaving the range is an error, not a year 30531") {
    const Dato d = D("2026-11-22");
    CHECK(v(E::Dage, 63000).efter(d) == D("2199-05-19"));
    CHECK_THROWS_AS(v(E::Dage, 70000).efter(d), DatoFejl);
    CHECK_THROWS_AS(v(E::Uger, 100000).efter(d), DatoFejl);
    CHECK_THROWS_AS(v(E::Maaneder, 2100).efter(d), DatoFejl);
    CHECK_THROWS_AS(v(E::Aar, 175).efter(d), DatoFejl);
    CHECK(v(E::Aar, 174).efter(d) == D("2200-11-22"));
    CHECK_THROWS_AS(v(E::Aar, -127).efter(d), DatoFejl);
    CHECK(v(E::Aar, -126).efter(d) == D("1900-11-22"));
    CHECK(v(E::Maaneder, -1522).efter(d) == D("1900-01-22"));
    CHECK_THROWS_AS(v(E::Maaneder, -1523).efter(d), DatoFejl);
    CHECK(v(E::Dage, 1).efter(D("2200-12-30")) == Dato::sidste());
    CHECK_THROWS_AS(v(E::Dage, 1).efter(Dato::sidste()), DatoFejl);
    CHECK_THROWS_AS(v(E::Dage, -1).efter(Dato::foerste()), DatoFejl);
    CHECK_THROWS_WITH(v(E::Uger, 100000).efter(d),
                      "22. november 2026 + 100000 uger ligger uden for de datoer, der kan regnes med "
                      "(1. januar 1900 – 31. december 2200)");
    CHECK_THROWS_WITH(v(E::Uger, 4).foer(D("1900-01-10")), Catch::Contains("10. januar 1900 - 4 uger"));
}

TEST_CASE("no overflow at the ends of int32 (signed overflow was undefined)") {
    const Dato d = D("2026-11-22");
    for (E e : {E::Dage, E::Uger, E::Maaneder, E::Aar, E::Hverdage}) {
        CHECK_THROWS_AS(v(e, INT32_MAX).efter(d), DatoFejl);
        CHECK_THROWS_AS(v(e, INT32_MIN).efter(d), DatoFejl);
        CHECK_THROWS_AS(v(e, INT32_MIN).foer(d), DatoFejl);
        CHECK_THROWS_AS(v(e, INT32_MAX).foer(d), DatoFejl);
    }
}

TEST_CASE("hverdage: bounded by the range whatever n is, and only from a date inside it") {
    // 2^31-1 working days once walked day by day for 25 s; now the walk stops at the
    // range's edge, so this returns (with an error) after at most ~110,000 steps.
    CHECK_THROWS_AS(v(E::Hverdage, INT32_MAX).efter(D("2026-11-20")), DatoFejl);
    CHECK_THROWS_AS(v(E::Hverdage, 100000).efter(D("2026-11-20")), DatoFejl);
    CHECK(v(E::Hverdage, 1).efter(D("2200-12-30")) == Dato::sidste());
    CHECK_THROWS_AS(v(E::Hverdage, 1).efter(Dato::sidste()), DatoFejl);
    CHECK_THROWS_AS(v(E::Hverdage, 1).efter(D("2201-01-05")), DatoFejl);
    CHECK_THROWS_AS(v(E::Hverdage, -1).efter(D("1899-12-29")), DatoFejl);
}

TEST_CASE("next working day beyond the range is an error") {
    CHECK(kalender::naeste_arbejdsdag(D("2200-12-27")) == D("2200-12-29"));
    CHECK_THROWS_AS(kalender::naeste_arbejdsdag(D("2201-01-01")), DatoFejl);
    Frist f{D("2200-12-20"), uger(2), Flyt::NaesteArbejdsdag};
    CHECK_THROWS_AS(f.dato(), DatoFejl);
}

// Input is always ÅÅÅÅ-MM-DD; a date written the Danish way gets the ISO form as a hint.
TEST_CASE("a Danish form of a date is recognised for a hint, and only a real date") {
    CHECK(dansk_dato("1/12/2026") == Dato::parse("2026-12-01"));
    CHECK(dansk_dato("01.12.2026") == Dato::parse("2026-12-01"));
    CHECK(dansk_dato("1-12-2026") == Dato::parse("2026-12-01"));
    CHECK(dansk_dato("1. december 2026") == Dato::parse("2026-12-01"));
    CHECK(dansk_dato("29/2/2028") == Dato::parse("2028-02-29"));
    for (const char* nej : {"31/2/2026", "29/2/2027", "1/13/2026", "1. decembr 2026", "1/12/26", "2026-12-01", "", "1/",
                            "1. december 2026 kl. 10", "12/1/2026/3"}) {
        INFO(nej);
        CHECK_FALSE(dansk_dato(nej));
        CHECK(dansk_dato_hint(nej).empty());
    }
    CHECK(dansk_dato_hint("1/12/2026") == " — mente du 2026-12-01?");
    // A date the calendar cannot count from is no hint: it would only move the error.
    CHECK(dansk_dato_hint("1/1/2201").empty());
    CHECK(dansk_dato_hint("31/12/1899").empty());
    CHECK(dansk_dato_hint("31/12/2200") == " — mente du 2200-12-31?");
}
