#include "domain/periodeafvigelse.hpp"

#include <fmt/format.h>

namespace kvalitet {

namespace {

// Hours as Danish text: 2,5 (not 2.5), no trailing zeros.
std::string tal(double t) {
    std::string s = fmt::format("{:.2f}", t);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    for (auto& c : s)
        if (c == '.') c = ',';
    return s == "-0" ? "0" : s;
}

std::string range(const Periodeafvigelse& a, const Periodeafvigelse& b) {
    if (a.uge) {
        if (a.fra.uge_aar() == b.fra.uge_aar()) return fmt::format("uge {}–{}/{}", a.fra.uge(), b.fra.uge(), b.fra.uge_aar());
        return fmt::format("uge {}/{}–{}/{}", a.fra.uge(), a.fra.uge_aar(), b.fra.uge(), b.fra.uge_aar());
    }
    if (a.fra.aar() == b.fra.aar()) return fmt::format("{}–{} {}", maaned_navn(a.fra.maaned()), maaned_navn(b.fra.maaned()), b.fra.aar());
    return fmt::format("{} {}–{} {}", maaned_navn(a.fra.maaned()), a.fra.aar(), maaned_navn(b.fra.maaned()), b.fra.aar());
}

} // namespace

Periodeafvigelse Periodeafvigelse::om(bool uge, Dato d, double leveret, double bevilget) {
    Periodeafvigelse p;
    p.uge = uge;
    p.leveret = leveret;
    p.bevilget = bevilget;
    if (uge) {
        p.fra = d.plus_days(-int(d.ugedag() - 1));
        p.til = p.fra.plus_days(6);
    } else {
        p.fra = Dato::ymd(d.aar(), d.maaned(), 1);
        const auto ym = d.ymd().year() / d.ymd().month();
        p.til = Dato(std::chrono::year_month_day(ym / std::chrono::last)); // never past the range
    }
    return p;
}

std::string Periodeafvigelse::navn() const {
    if (uge) return fmt::format("uge {}/{}", fra.uge(), fra.uge_aar());
    return fmt::format("{} {}", maaned_navn(fra.maaned()), fra.aar());
}

bool fortsaetter(const Periodeafvigelse& last, const Periodeafvigelse& next) {
    return last.uge == next.uge && next.fra == last.til.plus_days(1) && last.under() == next.under();
}

std::string perioder_tekst(const std::vector<Periodeafvigelse>& run) {
    double leveret = 0, bevilget = 0;
    for (const auto& p : run) leveret += p.leveret, bevilget += p.bevilget;
    const std::string hvor = run.size() == 1 ? run.front().navn() : range(run.front(), run.back());
    return fmt::format("{}: {} af {} bevilgede timer leveret", hvor, tal(leveret), tal(bevilget));
}

} // namespace kvalitet
