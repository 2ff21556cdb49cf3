#include "workbench/forskel.hpp"

#include <fmt/format.h>

#include <map>
#include <memory>

#include "domain/sag.hpp"
#include "workbench/kildetekster.hpp"
#include "workbench/laesninger.hpp"
#include "workbench/regel_ord.hpp"

namespace kvalitet::workbench {

namespace {

// One version with its scanned text, as the document and the comparison hold it.
struct Side {
    Standard& standard;
    Kildetekster kilder{standard};
    Parameterlaesninger laesninger{kilder};
    RegelOrd ord{standard, kilder, laesninger};

    std::span<const Token> felt(const Rule& r, std::string_view navn) {
        return field_value(kilder.fil(r.regel->fil), r.regel->linje, art_navn(r.art), navn);
    }
};

bool tight_after(const std::string& s) { return s == "(" || s == "[" || s == "." || s == ":" || s == "{" || s == "#"; }
bool tight_before(const std::string& s) { return s == ")" || s == "]" || s == "." || s == ":" || s == "," || s == "}"; }

std::string token_text(const Token& t) {
    if (t.art == Token::Art::Tekst) return fmt::format("\"{}\"", t.tekst);
    return t.tekst;
}

std::string ja_nej(bool b) { return b ? "ja" : "nej"; }
std::string dato(const std::optional<Dato>& d) { return d ? d->iso() : std::string(); }

std::string tal(double t) {
    std::string s = fmt::format("{:.2f}", t);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

void compare(std::vector<FeltForskel>& out, std::string felt, std::string foer, std::string efter) {
    if (foer != efter) out.push_back({std::move(felt), std::move(foer), std::move(efter)});
}

// The stretch of two token texts around where they differ, so a changed number in a long
// function shows as "… mindst(sag.vum:max(), 2) …" against "… 3) …", not as two pages.
std::pair<std::string, std::string> around_difference(std::span<const Token> a, std::span<const Token> b) {
    std::size_t pre = 0;
    while (pre < a.size() && pre < b.size() && token_text(a[pre]) == token_text(b[pre])) ++pre;
    std::size_t suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre &&
           token_text(a[a.size() - 1 - suf]) == token_text(b[b.size() - 1 - suf]))
        ++suf;
    constexpr std::size_t kContext = 6, kMost = 40;
    if (a.size() <= kMost && b.size() <= kMost) return {normaliseret(a), normaliseret(b)}; // short: whole
    auto cut = [&](std::span<const Token> t) {
        const std::size_t fra = pre > kContext ? pre - kContext : 0;
        std::size_t til = t.size() - suf + std::min(suf, kContext);
        if (til - fra > kMost) til = fra + kMost;
        std::string s = normaliseret(t.subspan(fra, til - fra));
        if (fra > 0) s = "… " + s;
        if (til < t.size()) s += " …";
        return s;
    };
    return {cut(a), cut(b)};
}

// A field that holds a function in either version: compared by its text.
void compare_function(std::vector<FeltForskel>& out, std::string felt, Side& a, const Rule& ra, Side& b,
                      const Rule& rb, bool a_fn, bool b_fn, std::string_view navn) {
    if (!a_fn && !b_fn) return;
    const auto ta = a_fn ? a.felt(ra, navn) : std::span<const Token>();
    const auto tb = b_fn ? b.felt(rb, navn) : std::span<const Token>();
    if (normaliseret(ta) == normaliseret(tb)) return;
    if (ta.empty() || tb.empty()) {
        out.push_back({std::move(felt), ta.empty() ? "(ingen funktion)" : normaliseret(ta),
                       tb.empty() ? "(ingen funktion)" : normaliseret(tb)});
        return;
    }
    auto [x, y] = around_difference(ta, tb);
    out.push_back({std::move(felt), std::move(x), std::move(y)});
}

std::string forhold_navn(const Rule& r) { return r.forhold >= 0 ? std::string(Forhold::ids[std::size_t(r.forhold)]) : ""; }

std::vector<FeltForskel> rule_fields(Side& a, const Rule& ra, Side& b, const Rule& rb) {
    std::vector<FeltForskel> out;
    compare(out, "tekst", ra.regel->tekst, rb.regel->tekst);
    compare(out, "kilde", ra.regel->kilde, rb.regel->kilde);
    compare(out, "oprindelse", RegelOrd::oprindelse(*ra.regel), RegelOrd::oprindelse(*rb.regel));
    compare(out, "antagelse", ja_nej(ra.regel->antagelse), ja_nej(rb.regel->antagelse));
    compare(out, "betingelse i ord", ra.regel->betingelse, rb.regel->betingelse);
    compare(out, "forhold", forhold_navn(ra), forhold_navn(rb));
    compare_function(out, "betingelse (funktion)", a, ra, b, rb, bool(ra.naar), bool(rb.naar), "naar");
    compare(out, "henvisning", ra.til, rb.til);
    compare_function(out, "henvisning (funktion)", a, ra, b, rb, bool(ra.til_fn), bool(rb.til_fn), "henvis_til");
    if (ra.art == Art::Aktivitet && rb.art == Art::Aktivitet) {
        compare(out, "omfattet", RegelOrd::omfattet(ra), RegelOrd::omfattet(rb));
        compare_function(out, "omfattet (funktion)", a, ra, b, rb, bool(ra.omfattet_fn), bool(rb.omfattet_fn), "omfattet");
    }
    if (ra.art == Art::Pakke && rb.art == Art::Pakke) {
        compare(out, "navn", ra.navn, rb.navn);
        compare(out, "timer", tal(ra.timer), tal(rb.timer));
        compare(out, "periode", ra.periode, rb.periode);
        compare(out, "kriterier", ra.kriterier, rb.kriterier);
    }
    if (ra.art == Art::Frist && rb.art == Art::Frist) {
        compare(out, "længde", a.ord.laengde(ra), b.ord.laengde(rb));
        compare_function(out, "længde (funktion)", a, ra, b, rb, bool(ra.varighed_fn), bool(rb.varighed_fn), "varighed");
        compare(out, "start", a.ord.fra(ra), b.ord.fra(rb));
        compare_function(out, "start (funktion)", a, ra, b, rb, bool(ra.fra_fn), bool(rb.fra_fn), "fra");
        compare(out, "opfyldt ved", a.ord.opfyldt_ved(ra), b.ord.opfyldt_ved(rb));
        compare_function(out, "opfyldt ved (funktion)", a, ra, b, rb, bool(ra.opfyldt_fn), bool(rb.opfyldt_fn),
                         "opfyldt_ved");
        compare(out, "påhviler", std::string(paahviler_navn(ra.paahviler)), std::string(paahviler_navn(rb.paahviler)));
        compare(out, "opfyldt senest", ra.opfyldt_senest ? "ja" : "nej", rb.opfyldt_senest ? "ja" : "nej");
    }
    compare_function(out, "afvigelser (funktion)", a, ra, b, rb, bool(ra.afvigelser), bool(rb.afvigelser), "afvigelser");
    return out;
}

std::string oprindelse(const Parameter& p) {
    if (!p.kommunal) return "national";
    return p.erstatter ? "kommunal; erstatter den nationale parameter" : "kommunal";
}

std::vector<FeltForskel> parameter_fields(const Parameter& a, const Parameter& b) {
    std::vector<FeltForskel> out;
    compare(out, "værdi", a.vaerdi, b.vaerdi);
    // A policy officer changed minutter to timer and 30 to 0.5: the rule still counted minutes.
    compare(out, "enhed (kun en betegnelse: tjek, at reglerne, der læser parameteren, regner i den nye)", a.enhed,
            b.enhed);
    compare(out, "type", a.type, b.type);
    compare(out, "tekst", a.tekst, b.tekst);
    compare(out, "kilde", a.kilde, b.kilde);
    compare(out, "oprindelse", oprindelse(a), oprindelse(b));
    compare(out, "antagelse", ja_nej(a.antagelse), ja_nej(b.antagelse));
    return out;
}

Post post(const Rule& r) {
    return {std::string(art_navn(r.art)), r.regel->id, r.regel->tekst, r.regel->kilde, r.regel->fil, r.regel->linje,
            r.regel->antagelse};
}

Post post(const Parameter& p) { return {"parameter", p.id, p.tekst, p.kilde, p.fil, p.linje, p.antagelse}; }

std::string key(const Rule& r) { return fmt::format("{}:{}", art_navn(r.art), r.regel->id); }

std::vector<FeltForskel> standard_fields(const StandardInfo& a, const StandardInfo& b) {
    std::vector<FeltForskel> out;
    compare(out, "titel", a.titel, b.titel);
    compare(out, "kilde", a.kilde, b.kilde);
    compare(out, "godkendt", dato(a.godkendt), dato(b.godkendt));
    compare(out, "revideres", a.revideres, b.revideres);
    compare(out, "gyldig_fra", dato(a.gyldig_fra), dato(b.gyldig_fra));
    compare(out, "gyldig_til", dato(a.gyldig_til), dato(b.gyldig_til));
    return out;
}

// A rule or parameter that is an assumption in one version and not in the other.
void assumption(StandardForskel& f, const Post* foer, const Post* efter) {
    const bool a = foer && foer->antagelse, b = efter && efter->antagelse;
    if (a && !b) f.antagelser_fjernet.push_back(*foer);
    if (b && !a) f.antagelser_tilfoejet.push_back(*efter);
}

void compare_rules(StandardForskel& f, Side& a, Side& b) {
    std::map<std::string, const Rule*> foer, efter;
    for (const auto& r : a.standard.rules()) foer.emplace(key(r), &r);
    for (const auto& r : b.standard.rules()) efter.emplace(key(r), &r);
    // In the order the rules are evaluated: the newer version's, the removed ones in the older's.
    for (const auto& r : b.standard.rules()) {
        const auto it = foer.find(key(r));
        const Post p = post(r);
        if (it == foer.end()) {
            f.regler_tilfoejet.push_back(p);
            assumption(f, nullptr, &p);
            continue;
        }
        const Post q = post(*it->second);
        assumption(f, &q, &p);
        if (auto felter = rule_fields(a, *it->second, b, r); !felter.empty())
            f.regler_aendret.push_back({q, p, std::move(felter)});
    }
    for (const auto& r : a.standard.rules())
        if (!efter.contains(key(r))) {
            const Post q = post(r);
            f.regler_fjernet.push_back(q);
            assumption(f, &q, nullptr);
        }
}

void compare_parameters(StandardForskel& f, const StandardInfo& a, const StandardInfo& b) {
    std::map<std::string, const Parameter*> foer, efter;
    for (const auto& p : a.parametre) foer.emplace(p.id, &p);
    for (const auto& p : b.parametre) efter.emplace(p.id, &p);
    for (const auto& p : b.parametre) {
        const Post ny = post(p);
        const auto it = foer.find(p.id);
        if (it == foer.end()) {
            f.parametre_tilfoejet.push_back(ny);
            assumption(f, nullptr, &ny);
            continue;
        }
        const Post gl = post(*it->second);
        assumption(f, &gl, &ny);
        if (auto felter = parameter_fields(*it->second, p); !felter.empty())
            f.parametre_aendret.push_back({gl, ny, std::move(felter)});
    }
    for (const auto& p : a.parametre)
        if (!efter.contains(p.id)) {
            const Post gl = post(p);
            f.parametre_fjernet.push_back(gl);
            assumption(f, &gl, nullptr);
        }
}

} // namespace

std::string normaliseret(std::span<const Token> code) {
    std::string out;
    const Token* prev = nullptr;
    for (const auto& t : code) {
        const bool symbol = t.art == Token::Art::Tegn;
        if (prev && !(symbol && tight_before(t.tekst)) &&
            !(prev->art == Token::Art::Tegn && tight_after(prev->tekst)) &&
            !(symbol && t.tekst == "(" && prev->art == Token::Art::Navn && prev->tekst != "return" && prev->tekst != "and" && prev->tekst != "or" && prev->tekst != "not") &&
            !(symbol && (t.tekst == "[" || t.tekst == "{") && prev->art == Token::Art::Navn && prev->tekst != "return"))
            out += ' ';
        out += token_text(t);
        prev = &t;
    }
    return out;
}

StandardForskel forskel(Standard& foer, Standard& efter) {
    StandardForskel f;
    f.kommune = efter.info().kommune;
    // in place: each side's parts refer to each other
    auto a = std::unique_ptr<Side>(new Side{foer});
    auto b = std::unique_ptr<Side>(new Side{efter});
    f.standard = standard_fields(foer.info(), efter.info());
    compare_rules(f, *a, *b);
    compare_parameters(f, foer.info(), efter.info());
    return f;
}

} // namespace kvalitet::workbench
