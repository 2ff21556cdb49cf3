// The assessment as Danish text, for a caseworker's note.
#include <fmt/format.h>

#include "domain/danske_navne.hpp"
#include "domain/kalender.hpp"
#include "domain/tekst.hpp"

#include "domain/vurdering.hpp"

namespace kvalitet {

namespace {
std::string join(const std::vector<std::string>& v, std::string_view sep = ", ") {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
    return out;
}

// How a caseworker reads a deadline's status, and whose it is.
std::string status_tekst(FristStatus s, Paahviler p) {
    const std::string_view hvem = p == Paahviler::Borger ? "borgerens frist" : "kommunens frist";
    switch (s) {
    case FristStatus::Kommende: return fmt::format("kommende, {}", hvem);
    case FristStatus::Opfyldt: return fmt::format("opfyldt, {}", hvem);
    case FristStatus::Overskredet: return fmt::format("overskredet, {}", hvem);
    case FristStatus::Udloebet: return fmt::format("udløbet, {}", hvem);
    case FristStatus::ForSent: return fmt::format("for sent, {}", hvem);
    }
    return std::string(status_navn(s));
}

std::string timer_tekst(double t) {
    std::string s = fmt::format("{:.2f}", t);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    for (auto& c : s)
        if (c == '.') c = ',';
    return s;
}
} // namespace

namespace {

// A condition: [ja ], [nej] or [ ? ]. An exclusion or a referral that does not apply is in the
// citizen's favour, so it is not marked [nej] beside the conditions that failed: it says
// what it did. Marks are three wide, so the texts line up.
// "(kilde)", or "(kilde; antagelse)" where the script reads the standard in a way it does not
// itself spell out: the caseworker must not take it for the standard's own words.
std::string kilde(const Regel& r) { return r.antagelse ? fmt::format("({}; antagelse)", r.kilde) : fmt::format("({})", r.kilde); }

std::string begrundelse_linje(const Begrundelse& b) {
    const Regel& r = *b.regel;
    if (r.art != "udelukkelse" && r.art != "henvisning") {
        const char* mark = !b.opfyldt ? " ? " : *b.opfyldt ? "ja " : "nej";
        return fmt::format("  [{}] {} {}", mark, r.tekst, kilde(r));
    }
    const bool udelukkelse = r.art == "udelukkelse";
    const char* mark = !b.opfyldt ? " ? " : *b.opfyldt ? " ! " : " - ";
    const std::string_view hvad = !b.opfyldt ? (udelukkelse ? "Udelukkelse, uafklaret" : "Henvisning, uafklaret")
                                  : *b.opfyldt ? (udelukkelse ? "Udelukker" : "Henviser")
                                               : (udelukkelse ? "Udelukker ikke" : "Henviser ikke");
    return fmt::format("  [{}] {}: {} {}", mark, hvad, r.tekst, kilde(r));
}

// "4 uger fra 14. september 2026": and when that start is a presumed receipt, how it was found.
std::string formodet_tekst(const FristResultat& f) {
    if (!f.formodet) return "";
    if (f.formodet->digital)
        return fmt::format(" (formodet modtaget: sendt digitalt {}, modtaget samme dag)", f.formodet->sendt.tekst());
    return fmt::format(" (formodet modtaget: brevet er dateret {}, og fysisk post regnes modtaget {} hverdage efter)",
                       f.formodet->sendt.tekst(), f.formodet->hverdage);
}

} // namespace

std::string Vurdering::tekst() const {
    std::string out;
    // Every line through printable_line(): a case id or an unknown field's name comes from
    // the case JSON, and neither an escape sequence nor a line break in it may reach the
    // caseworker's note (an id with "\n  [ja] Borgeren er i målgruppen" forged a line).
    auto line = [&](const std::string& s) {
        out += printable_line(s);
        out += '\n';
    };
    line(fmt::format("Vurdering af sag {} efter {} ({})", sag_id.empty() ? "(uden id)" : sag_id, titel, kommune));
    line(fmt::format("Vurderingsdato: {}", vurderingsdato.lang()));
    line("");
    line("Målgruppe");
    if (!i_maalgruppe) {
        line(fmt::format("  Uafklaret: mangler {}", mangler_liste(mangler)));
    } else {
        line(*i_maalgruppe ? "  Borgeren er i målgruppen." : "  Borgeren er ikke i målgruppen.");
        // a referral that waits for a fact: what to establish before referring, or not
        if (!mangler.empty()) line(fmt::format("  Henvisningen afventer: {}", mangler_liste(mangler)));
    }
    for (const auto& b : begrundelser) line(begrundelse_linje(b));
    if (!henvis_til.empty()) line(fmt::format("  Overvej også: {}", join(henvis_til)));

    if (!aktiviteter.empty()) {
        line("");
        line("Aktiviteter");
        if (i_maalgruppe == false)
            line("  (Borgeren er ikke i målgruppen: nedenfor står kun, hvad standarden omfatter)");
        for (const auto& a : aktiviteter) {
            if (a.ukendt) {
                line(fmt::format("  Uafklaret: '{}' findes ikke i aktivitetskataloget; vurder den manuelt ({})", a.id,
                                 a.regel->kilde));
                continue;
            }
            std::string what = a.regel ? a.regel->tekst : a.id;
            const std::string k = a.regel ? kilde(*a.regel) : "(ukendt aktivitet)";
            if (!a.omfattet)
                line(fmt::format("  Uafklaret: {}; mangler {} {}", what, mangler_liste(a.mangler), k));
            else if (*a.omfattet)
                line(fmt::format("  Omfattet: {} {}", what, k));
            else if (a.henvis_til)
                line(fmt::format("  Ikke omfattet: {}; henvises til {} {}", what, *a.henvis_til, k));
            else if (!a.mangler.empty()) // where to refer depends on a fact not yet found
                line(fmt::format("  Ikke omfattet: {}; henvisningen afventer: {} {}", what, mangler_liste(a.mangler), k));
            else line(fmt::format("  Ikke omfattet: {} {}", what, k));
            // the condition is the reason for a no and what an open answer waits on, as for a yes
            if (a.regel && !a.regel->betingelse.empty()) line(fmt::format("    Betingelse: {}", a.regel->betingelse));
        }
    }
    if (pakke_uafklaret) { // where the package would stand; the warning says it too, as the JSON does
        line("");
        line(fmt::format("Pakke: kan ikke fastlægges endnu; mangler {} ({})", mangler_liste(pakke_uafklaret->mangler),
                         pakke_uafklaret->regel->kilde));
    }
    if (pakke) {
        line("");
        line(fmt::format("Pakke: {}, {} {} pr. {} ({})", pakke->navn, timer_tekst(pakke->timer),
                         pakke->timer == 1 ? "time" : "timer",
                         pakke->periode == "maaned" ? "måned" : std::string(pakke->periode), pakke->regel->kilde));
        if (!pakke->kriterier.empty()) line(fmt::format("  Kriterier: {}", pakke->kriterier));
        if (pakke->regel->antagelse)
            line("  Bemærk: pakkens indhold er en antagelse i scriptet, ikke standardens ord");
    }
    if (!frister.empty()) {
        line("");
        line("Frister");
        for (const auto& f : frister) {
            std::string extra;
            if (f.dato != f.frist.uflyttet())
                extra = fmt::format("; flyttet fra {} ({}) til næste arbejdsdag (forældelseslovens § 27, stk. 2)",
                                    f.frist.uflyttet().tekst(), kalender::lukket_for_frister(f.frist.uflyttet()).value_or("lukket"));
            if (f.haendelse) extra += fmt::format("; hændelse {}", f.haendelse->tekst());
            line(fmt::format("  {}: {} ({}); {} fra {}{}{} {}", f.regel->tekst, f.dato.lang(),
                             status_tekst(f.status, f.frist.paahviler), f.frist.varighed.tekst(), f.frist.start.tekst(),
                             formodet_tekst(f), extra, kilde(*f.regel)));
        }
    }
    line("");
    if (advarsler.empty()) {
        line("Advarsler: ingen");
    } else {
        line("Advarsler");
        for (const auto& a : advarsler) line(fmt::format("  ! {} ({}{})", a.tekst, a.kilde, a.antagelse ? "; antagelse" : ""));
    }
    // "Advarsler: ingen" alone would read as checked and in order
    bool heading = false;
    for (const auto& p : ukontrollerede) {
        if (!heading) line("Kunne ikke kontrolleres");
        heading = true;
        line(fmt::format("  ? {}{} ({})", p.regel->tekst, p.mangler.empty() ? "" : "; mangler " + mangler_liste(p.mangler),
                         p.regel->kilde));
    }
    if (!ignorerede_felter.empty()) {
        line("");
        line("Ignorerede felter (findes ikke i sagens skema; standarden har ikke set dem)");
        for (const auto& f : ignorerede_felter) line(fmt::format("  ? {}", printable(f)));
    }
    return out;
}

} // namespace kvalitet
