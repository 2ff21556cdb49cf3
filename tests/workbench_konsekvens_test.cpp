// `kvalitet konsekvens`'s package table: bounded however many packages the cases meet.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <numeric>

#include "workbench/konsekvens.hpp"

using namespace kvalitet;
using namespace kvalitet::workbench;

// 1,000 packages before and 1,000 others after were a million cells: 58 MB of HTML for 300
// cases, out of memory at 1,000, and a 32 MB text report.
TEST_CASE("konsekvens: the package table has a row per frequent package and one for the rest") {
    Konsekvens k;
    k.kommune = "t";
    k.dato = *Dato::parse("2027-01-01");
    for (int i = 1; i <= 1000; ++i) k.i_alt.pakker[{fmt::format("p{}", i), fmt::format("q{}", i)}] = 1;
    k.i_alt.pakker[{"p7", "q7"}] = 50; // the most frequent is kept, whatever its place
    k.i_alt.sager = 1049;
    const auto t = k.pakke_tabel(20);
    REQUIRE(t.ids.size() == 19);
    CHECK(t.andre == 1981);
    REQUIRE(t.m.size() == 20);
    std::size_t sum = 0;
    for (const auto& r : t.m) sum = std::accumulate(r.begin(), r.end(), sum);
    CHECK(sum == 1049); // every case is in the table
    CHECK(std::find(t.ids.begin(), t.ids.end(), "p7") != t.ids.end());
    CHECK(konsekvens_tekst(k).size() < 20000);
    CHECK(konsekvens_html(k).size() < 500000);
    // Few packages: all of them, no "andre"
    Konsekvens lille;
    lille.dato = k.dato;
    lille.i_alt.pakker[{"a", "b"}] = 2;
    lille.i_alt.pakker[{"", "a"}] = 1;
    const auto l = lille.pakke_tabel(20);
    CHECK(l.ids == std::vector<std::string>{"a", "b", ""});
    CHECK(l.andre == 0);
    CHECK(l.m[0][1] == 2);
    CHECK(l.m[2][0] == 1);
}
