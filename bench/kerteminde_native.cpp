#include "kerteminde_native.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace kvalitet::bench {

namespace {

// Mirrors municipalities/kerteminde/standard.lua with stdlib/sel85.lua, frister.lua and
// aktiviteter.lua; the parameters are the script's. The case is read as it stood on the
// assessment date (the contract): events after it, and follow-ups before the grant's
// start, do not count. The receipt of a decision is the known date, or derived from the
// letter's date and channel (stdlib/frister.lua's fysisk_post_hverdage).
constexpr int kMyndighedsalder = 18;
constexpr int kFysiskPostHverdage = 6;
constexpr int kBetydeligNedsat = 3;
constexpr std::array<int, 6> kPakkeFraVumSum{0, 6, 9, 12, 16, 20};
constexpr int kArbejdspladsInterval = 12;
constexpr int kLeveredeYdelserPerioder = 12;
constexpr double kLeveredeYdelserTolerance = 0; // minutes
constexpr std::string_view kLeveredeYdelser[] = {"ansigt_til_ansigt", "telefon", "video", "sms"};

enum class Omfattet { Ja, Nej, HvisDeltager, HvisLedsagelse };
constexpr std::pair<std::string_view, Omfattet> kKatalog[] = {
    {"struktur_i_hverdagen", Omfattet::Ja}, {"medicin_haandtering", Omfattet::Ja},
    {"sociale_relationer", Omfattet::Ja}, {"netvaerk", Omfattet::Ja},
    {"ledsagelse_behandling", Omfattet::HvisLedsagelse}, {"oekonomi", Omfattet::Ja}, {"post", Omfattet::Ja},
    {"indkoeb_madlavning", Omfattet::Ja}, {"personlig_hygiejne", Omfattet::Ja},
    {"rengoering_toejvask", Omfattet::Ja}, {"velfaerdsteknologi", Omfattet::Ja},
    {"uddannelse_beskaeftigelse", Omfattet::Ja}, {"laege_tandlaege", Omfattet::HvisLedsagelse},
    {"genoptraening", Omfattet::Nej}, {"afloesning_aflastning", Omfattet::Nej}, {"bpa", Omfattet::Nej},
    {"ledsagelse_uden_paedagogisk_formaal", Omfattet::Nej}, {"psykologbehandling", Omfattet::Nej},
    {"medicindosering", Omfattet::Nej}, {"administration_af_penge", Omfattet::Nej},
    {"transport_uden_paedagogisk_sigte", Omfattet::Nej}, {"husdyr", Omfattet::HvisDeltager},
};

std::optional<bool> mindst(std::optional<int> x, int n) {
    if (!x) return std::nullopt;
    return *x >= n;
}

std::optional<bool> eller(std::optional<bool> a, std::optional<bool> b) {
    if (a == true || b == true) return true;
    if (!a || !b) return std::nullopt;
    return false;
}

// Is the figure n or more: true, false, or nullopt while the best the unscored themes could
// still make it (each scores at most 4) reaches n (sag.vum:et_tema_mindst and sum_mindst).
// Without a scored theme: nullopt.
std::optional<bool> vum_mindst(const Vum* vum, bool sum, int n) {
    if (!vum || vum->antal_scoret() == 0) return std::nullopt;
    const int unscored = int(Vum::kTemaer) - vum->antal_scoret();
    const int figure = sum ? vum->sum() : *vum->max();
    const int best = sum ? figure + 4 * unscored : unscored > 0 ? 4 : figure;
    if (figure >= n) return true;
    if (best < n) return false;
    return std::nullopt;
}

// A date the case holds, as seen on `dato`: nothing that lies after it.
std::optional<Dato> paa(std::optional<Dato> d, Dato dato) { return d && *d <= dato ? d : std::nullopt; }

// When the citizen received the decision: known; else digital post the day it was sent,
// physical post kFysiskPostHverdage working days after the letter's date. A receipt, known or
// presumed, after `dato` has not happened yet: nothing is derived in its place; unless a
// complaint (`klaget`) shows the presumed letter had arrived.
std::optional<Dato> modtaget(const Bevilling& b, Dato dato, bool klaget) {
    if (b.afgoerelse_modtaget) return paa(b.afgoerelse_modtaget, dato);
    const auto sendt = paa(b.afgoerelse_sendt, dato);
    if (!sendt || !b.afgoerelse_kanal) return std::nullopt;
    if (*b.afgoerelse_kanal == "digital") return sendt;
    const Dato formodet = Varighed{Varighed::Enhed::Hverdage, kFysiskPostHverdage}.efter(*sendt);
    return klaget ? formodet : paa(formodet, dato);
}

void frist(Afgoerelser& out, std::string_view id, const Frist& f, std::optional<Dato> event, Dato dato) {
    const FristStatus status = f.status(dato, event);
    out.frister.push_back({id, f.dato(), status});
    if (status == FristStatus::Overskredet) out.advarsler.push_back("frist_overskredet");
    if (status == FristStatus::ForSent) out.advarsler.push_back("klage_efter_fristen");
}

// The week (Monday–Sunday) or calendar month that contains d: its first and last day.
std::pair<Dato, Dato> periode_om(Dato d, bool uge) {
    if (uge) {
        const Dato mandag = d.plus_days(-std::int32_t(d.ugedag() - 1));
        return {mandag, mandag.plus_days(6)};
    }
    const Dato foerste = Dato::ymd(d.aar(), d.maaned(), 1);
    return {foerste, Varighed{Varighed::Enhed::Maaneder, 1}.efter(foerste).plus_days(-1)};
}

// Kvalitetsmål "sammenhæng mellem din bevilling og de leverede ydelser": one warning per
// whole period of the grant, of the last kLeveredeYdelserPerioder before `dato`, whose
// delivered minutes differ from the grant's.
void leverede_ydelser(Afgoerelser& out, const Sag& sag, const Bevilling& b, Dato dato) {
    if (!b.timer || !b.periode || !b.start) return;
    const bool uge = *b.periode == "uge";
    std::array<double, kLeveredeYdelserPerioder> leveret{};
    std::array<Dato, kLeveredeYdelserPerioder> fra{};
    int n = 0;
    Dato f = periode_om(dato, uge).first;
    for (; n < kLeveredeYdelserPerioder; ++n) {
        const auto [p_fra, p_til] = periode_om(f.plus_days(-1), uge);
        if (p_til < *b.start) break;
        fra[std::size_t(n)] = f = p_fra;
    }
    for (const auto& l : sag.leverancer) {
        if (l.dato > dato ||
            std::find(std::begin(kLeveredeYdelser), std::end(kLeveredeYdelser), l.art) == std::end(kLeveredeYdelser))
            continue;
        const Dato p = periode_om(l.dato, uge).first;
        for (int i = 0; i < n; ++i)
            if (fra[std::size_t(i)] == p) leveret[std::size_t(i)] += l.minutter;
    }
    // Periods in a row that deviate the same way are one warning (the host merges them).
    int way_before = 0;
    for (int i = 0; i < n; ++i) {
        const double d = leveret[std::size_t(i)] - *b.timer * 60;
        const int way = fra[std::size_t(i)] >= *b.start && std::abs(d) > kLeveredeYdelserTolerance ? (d < 0 ? -1 : 1) : 0;
        if (way != 0 && way != way_before) out.advarsler.push_back("leverede_ydelser_afviger");
        way_before = way;
    }
}

} // namespace

Afgoerelser kerteminde_native(const Sag& sag, Dato dato) {
    Afgoerelser out;
    const auto& f = sag.forhold.vaerdi;
    auto forhold = [&](std::string_view id) { return f[*Forhold::index(id)]; };
    const Vum* vum = sag.vum && (!sag.vum->dato || *sag.vum->dato <= dato) ? &*sag.vum : nullptr;

    // Target group: a condition that is false or an exclusion that holds puts the citizen
    // out; else any unknown leaves it open.
    bool excluded = false, unknown = false;
    auto betingelse = [&](std::optional<bool> c) {
        if (c == false) excluded = true;
        if (!c) unknown = true;
    };
    auto udelukkelse = [&](std::optional<bool> c) {
        if (c == true) excluded = true;
        if (!c) unknown = true;
    };
    const auto deltager = forhold("kan_deltage_aktivt");
    betingelse(mindst(sag.alder_paa(dato), kMyndighedsalder));
    betingelse(eller(vum_mindst(vum, false, kBetydeligNedsat), forhold("saerlige_sociale_problemer")));
    udelukkelse(forhold("kan_afhjaelpes_med_hjaelpemidler"));
    udelukkelse(forhold("kan_afhjaelpes_med_traening"));
    udelukkelse(forhold("kan_afhjaelpes_efter_anden_lovgivning"));
    betingelse(deltager);
    out.i_maalgruppe = excluded ? std::optional<bool>(false) : unknown ? std::nullopt : std::optional<bool>(true);

    for (const auto& id : sag.ansoegte_aktiviteter) {
        const auto* a = std::find_if(std::begin(kKatalog), std::end(kKatalog), [&](auto& k) { return k.first == id; });
        if (a == std::end(kKatalog)) {
            out.aktiviteter.push_back(false);
            out.advarsler.push_back("ukendt_aktivitet");
            continue;
        }
        if (a->second == Omfattet::HvisDeltager) out.aktiviteter.push_back(deltager);
        else if (a->second == Omfattet::HvisLedsagelse) out.aktiviteter.push_back(forhold("behov_for_ledsagelse"));
        else out.aktiviteter.push_back(a->second == Omfattet::Ja);
    }

    // A package only once the citizen is in the target group (never while a fact is missing):
    // the highest whose VUM sum is met. A package above it that unscored themes could still
    // reach (or no scored VUM at all) leaves it open, and a warning says so.
    if (out.i_maalgruppe == true) {
        std::optional<int> chosen;
        bool open = false;
        for (int n = 0; n < 6; ++n) {
            const auto c = vum_mindst(vum, true, kPakkeFraVumSum[std::size_t(n)]);
            if (c == true) chosen = n + 1, open = false;
            else if (!c) open = true;
        }
        if (open) out.advarsler.push_back("pakke_uafklaret");
        else out.pakke = chosen.value_or(0);
    }

    // A grant decided after the date had not been granted yet.
    const Bevilling given = sag.bevilling.value_or(Bevilling{});
    const Bevilling b = given.afgoerelse_dato && *given.afgoerelse_dato > dato ? Bevilling{} : given;
    const auto klage = paa(sag.klage_modtaget, dato);
    // a new decision dated before the complaint came does not meet the deadline
    auto genvurderet = klage ? paa(sag.klage_genvurderet, dato) : std::nullopt;
    if (genvurderet && *genvurderet < *klage) genvurderet.reset();
    if (auto m = modtaget(b, dato, klage || paa(sag.klage_genvurderet, dato)))
        frist(out, "klage", {*m, {Varighed::Enhed::Uger, 4}, Flyt::NaesteArbejdsdag, Paahviler::Borger}, klage,
              dato);
    if (klage) frist(out, "genvurdering", {*klage, {Varighed::Enhed::Uger, 4}}, genvurderet, dato);
    auto apv = paa(sag.arbejdspladsvurdering_dato, dato);
    if (!apv) apv = b.start;
    if (apv)
        frist(out, "arbejdspladsvurdering", {*apv, {Varighed::Enhed::Maaneder, kArbejdspladsInterval}}, std::nullopt, dato);
    // From the latest status meeting: the newest follow-up that is not administrative (ties
    // in date: the later in the list); a newest without a form leaves the start unknown.
    std::vector<const Opfoelgning*> held;
    for (const auto& o : sag.opfoelgninger)
        if (o.dato <= dato && (!given.start || o.dato >= *given.start)) held.push_back(&o);
    std::stable_sort(held.begin(), held.end(), [](auto* x, auto* y) { return x->dato < y->dato; });
    std::optional<Dato> seneste = b.start;
    for (auto it = held.rbegin(); it != held.rend(); ++it) {
        if (!(*it)->form) {
            seneste.reset();
            break;
        }
        if (*(*it)->form != "administrativ") {
            seneste = (*it)->dato;
            break;
        }
    }
    if (seneste && b.opfoelgning_interval_maaneder)
        frist(out, "naeste_opfoelgning", {*seneste, {Varighed::Enhed::Maaneder, *b.opfoelgning_interval_maaneder}},
              std::nullopt, dato);

    leverede_ydelser(out, sag, b, dato);
    return out;
}

} // namespace kvalitet::bench
