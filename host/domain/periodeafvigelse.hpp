#pragma once
// A deviation counted in hours over one period of a grant (a week or a calendar month),
// and how consecutive ones become one warning a person can read:
// "uge 42–46/2026: 0 af 15 bevilgede timer leveret".
#include <string>
#include <vector>

#include "domain/dato.hpp"

namespace kvalitet {

struct Periodeafvigelse {
    bool uge = true; // else a calendar month
    Dato fra, til;   // the period's first and last day
    double leveret = 0, bevilget = 0;

    // The period that holds `d`: Monday–Sunday, or the calendar month.
    static Periodeafvigelse om(bool uge, Dato d, double leveret, double bevilget);
    std::string navn() const; // "uge 46/2026", "oktober 2026"
    bool under() const { return leveret < bevilget; }
};

// Whether `next` continues a run ending with `last`: the period right after it, of the
// same kind, deviating the same way (too little, or too much; a mix would cancel out).
bool fortsaetter(const Periodeafvigelse& last, const Periodeafvigelse& next);

// A run's text: its range and totals. One period: "uge 46/2026: 1 af 2 bevilgede timer
// leveret"; several: "uge 42–46/2026: 0 af 15 bevilgede timer leveret".
std::string perioder_tekst(const std::vector<Periodeafvigelse>& run);

} // namespace kvalitet
