#include "store/demo_sager.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "domain/json_writer.hpp"
#include "domain/kalender.hpp"

namespace kvalitet {

namespace {

// splitmix64: small, fast, and the same numbers on every platform (std distributions are not).
struct Rng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % std::uint64_t(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool chance(int percent) { return below(100) < percent; }
    // An index drawn with the given weights (percentages or any positive counts).
    template <std::size_t N>
    std::size_t weighted(const std::array<int, N>& w) {
        int total = 0;
        for (int x : w) total += x;
        int pick = below(total);
        for (std::size_t i = 0; i < N; ++i)
            if ((pick -= w[i]) < 0) return i;
        return N - 1;
    }
};

constexpr std::array<std::string_view, 5> kKommuner{"gentofte", "ishoej", "lejre", "varde", "kerteminde"};

// The caseworker's findings and how often each is true when assessed: most who apply
// have social problems, take part and want the support; few are better helped elsewhere,
// and about a third cannot go to a doctor or a treatment on their own.
constexpr std::array<std::string_view, 9> kForhold{
    "saerlige_sociale_problemer", "kan_deltage_aktivt", "profiterer_af_stoette", "daarligt_helbred",
    "kan_afhjaelpes_med_hjaelpemidler", "kan_afhjaelpes_med_traening", "kan_afhjaelpes_efter_anden_lovgivning",
    "motiveret", "behov_for_ledsagelse"};
constexpr std::array<int, 9> kSandt{72, 94, 94, 9, 3, 3, 4, 93, 35};

// VUM themes with how much harder than the citizen's overall level each tends to be, in
// half points: § 85 citizens (psychiatric illness, social problems, cognitive disability)
// struggle most with social life, society and practical tasks, least with mobility.
constexpr std::array<std::string_view, 7> kTemaer{"praktiske_opgaver", "egenomsorg", "kommunikation", "mobilitet",
                                                  "samfundsliv", "socialt_liv", "sundhed"};
constexpr std::array<int, 7> kTemaTraek{1, -1, -2, -4, 1, 2, 0};

// What people ask for under § 85, the usual first; the rest belong under other paragraphs.
constexpr std::array<std::string_view, 10> kAlmindelige{
    "struktur_i_hverdagen", "sociale_relationer", "oekonomi", "post", "indkoeb_madlavning",
    "medicin_haandtering", "netvaerk", "ledsagelse_behandling", "uddannelse_beskaeftigelse", "laege_tandlaege"};
constexpr std::array<int, 10> kAlmindeligeVaegt{24, 16, 14, 10, 10, 8, 6, 5, 4, 3};
constexpr std::array<std::string_view, 8> kAndre{
    "rengoering_toejvask", "personlig_hygiejne", "bpa", "psykologbehandling", "genoptraening",
    "afloesning_aflastning", "transport_uden_paedagogisk_sigte", "husdyr"};

Dato add(Dato d, int days) { return d.plus_days(days); }

void date(JsonWriter& w, std::string_view key, Dato d) { w.key(key).value(d.iso()); }

// Ages of people getting § 85 support: mostly of working age, some pensioners, a few
// applications from 17-year-olds about to turn 18.
int draw_age(Rng& r) {
    switch (r.weighted(std::array<int, 5>{2, 26, 31, 28, 13})) {
    case 0: return r.between(16, 17);
    case 1: return r.between(18, 29);
    case 2: return r.between(30, 49);
    case 3: return r.between(50, 64);
    default: return r.between(65, 84);
    }
}

// One delivered session.
struct Leverance {
    Dato dato;
    int start; // minutes after midnight
    int minutter;
    std::string_view art;
};

// How the grant was delivered lately: as granted, or with one kind of deviation.
enum class Forloeb { Som_bevilget, Pause, Aften, Underskud, Indhentet };

struct Bevilling {
    bool uge;
    double timer;
    Dato start;
};

Dato period_start(bool uge, Dato d) { return uge ? add(d, -int(d.ugedag() - 1)) : Dato::ymd(d.aar(), d.maaned(), 1); }
Dato period_next(bool uge, Dato d) {
    return uge ? add(d, 7) : (d.maaned() == 12 ? Dato::ymd(d.aar() + 1, 1, 1) : Dato::ymd(d.aar(), d.maaned() + 1, 1));
}

// The working days of [fra, til], before `ref`.
std::vector<Dato> working_days(Dato fra, Dato til, Dato ref) {
    std::vector<Dato> out;
    for (Dato d = fra; d <= til && d < ref; d = add(d, 1))
        if (kalender::arbejdsdag(d)) out.push_back(d);
    return out;
}

// `minutter` of direct support in sessions of `laengde` on distinct working days of the
// period, in weekday daytime (08:00–16:00), as a support worker would plan them.
void plan_period(Rng& r, std::vector<Leverance>& out, const std::vector<Dato>& days, int minutter, int laengde) {
    if (days.empty() || minutter <= 0) return;
    std::vector<Dato> free = days;
    while (minutter > 0) {
        const int m = std::min(minutter, laengde);
        minutter -= m;
        const std::size_t i = std::size_t(r.below(int(free.size())));
        const Dato d = free[i];
        if (free.size() > 1) free.erase(free.begin() + std::ptrdiff_t(i));
        const int latest = (16 * 60 - m) / 30; // last half hour the session fits before 16:00
        const int start = 30 * r.between(16, std::max(16, latest));
        const std::string_view art = std::array<std::string_view, 4>{"ansigt_til_ansigt", "telefon", "video", "sms"}
            [r.weighted(std::array<int, 4>{84, 8, 6, 2})];
        out.push_back({d, start, m, art});
        if (art == "ansigt_til_ansigt" && r.chance(15)) // the drive there, which is not support time
            out.push_back({d, std::max(8 * 60, start - 30), 30, "transport"});
    }
}

// The deliveries of the periods before `ref` that a control looks at (the last 14 weeks,
// or 13 months), with the deviation `f` in a few of them; cancellations go to `afbud`.
void deliver(Rng& r, const Bevilling& b, Dato ref, Forloeb f, std::vector<Leverance>& out,
             std::vector<std::pair<Dato, std::string_view>>& afbud) {
    const int laengde = std::array<int, 3>{60, 90, 120}[std::size_t(r.below(3))];
    const int granted = int(b.timer * 60);
    const Dato window = b.uge ? add(ref, -14 * 7) : Dato::ymd(ref.aar() - 1, ref.maaned(), 1);
    std::vector<Dato> periods;
    for (Dato p = period_start(b.uge, std::max(b.start, window)); p < ref; p = period_next(b.uge, p)) periods.push_back(p);
    if (periods.empty()) return;
    // The deviating periods: a run among the last whole ones.
    const int whole = int(periods.size()) - 1; // the current period has not ended
    const int run = f == Forloeb::Pause      ? r.between(1, b.uge ? 4 : 1)
                  : f == Forloeb::Underskud  ? r.between(2, b.uge ? 6 : 2)
                  : f == Forloeb::Indhentet ? 2
                                             : 1;
    const int first = whole > run ? whole - run - r.below(std::max(1, std::min(6, whole - run))) : 0;
    for (int i = 0; i < int(periods.size()); ++i) {
        const Dato fra = std::max(periods[std::size_t(i)], b.start);
        const Dato til = add(period_next(b.uge, periods[std::size_t(i)]), -1);
        const auto days = working_days(fra, til, ref);
        const int all_days = int(working_days(periods[std::size_t(i)], til, Dato::sidste()).size());
        int minutter = all_days ? granted * int(days.size()) / all_days : 0; // a part period: its share
        minutter -= minutter % 15;
        const bool deviating = i >= first && i < first + run && i < whole;
        if (deviating && f == Forloeb::Pause) {
            for (std::size_t k = 0; k < days.size() && k < 3; k += 2) afbud.push_back({days[k], r.chance(70) ? "borger" : "udeblevet"});
            minutter = 0;
        }
        if (deviating && f == Forloeb::Underskud) minutter = std::max(0, minutter - 30 * r.between(1, 2));
        if (deviating && f == Forloeb::Indhentet) // an hour short, made up the period after: saved-up hours
            minutter = i == first ? std::max(0, minutter - 60) : minutter + 60;
        const std::size_t before = out.size();
        plan_period(r, out, days, minutter, laengde);
        if (deviating && f == Forloeb::Aften && out.size() > before) {
            Leverance& l = out[before];
            if (r.chance(50)) l.start = 17 * 60 + 30 * r.below(3); // an evening visit
            else l.dato = add(period_start(true, l.dato), 5);       // a Saturday
            if (l.dato >= ref) l.dato = add(ref, -1);
        }
    }
    // Cancellations happen in ordinary weeks too: made up later the same week.
    if (r.chance(25)) {
        const Dato d = add(ref, -r.between(1, 60));
        if (d > b.start) afbud.push_back({d, std::array<std::string_view, 3>{"borger", "leverandoer", "udeblevet"}[std::size_t(r.below(3))]});
    }
}

void write_deliveries(JsonWriter& w, std::vector<Leverance> list) {
    std::sort(list.begin(), list.end(), [](const Leverance& a, const Leverance& b) {
        return a.dato != b.dato ? a.dato < b.dato : a.start < b.start;
    });
    w.key("leverancer").begin_array();
    for (const auto& l : list) {
        w.begin_object();
        date(w, "dato", l.dato);
        w.key("start").value(fmt::format("{:02}:{:02}", l.start / 60, l.start % 60));
        w.key("minutter").value(l.minutter);
        w.key("art").value(l.art);
        w.end_object();
    }
    w.end_array();
}

void write_vum(Rng& r, JsonWriter& w, Dato dato, int niveau) {
    w.key("vum").begin_object();
    date(w, "dato", dato);
    w.key("temaer").begin_object();
    const bool alle = r.chance(93); // else one or two themes not yet assessed
    for (std::size_t i = 0; i < kTemaer.size(); ++i) {
        if (!alle && r.chance(20)) continue;
        const int halve = 2 * niveau + kTemaTraek[i] + std::array<int, 5>{-2, -1, 0, 1, 2}[r.weighted(std::array<int, 5>{10, 20, 40, 20, 10})];
        w.key(kTemaer[i]).value(std::clamp((halve + 1) / 2, 0, 4));
    }
    w.end_object().end_object();
}

void write_forhold(Rng& r, JsonWriter& w) {
    // Most cases are fully assessed; in the rest a few findings are still open.
    const bool udredt = r.chance(90);
    w.key("forhold").begin_object();
    for (std::size_t i = 0; i < kForhold.size(); ++i)
        if (udredt || !r.chance(30)) w.key(kForhold[i]).value(r.chance(kSandt[i]));
    w.end_object();
}

void write_activities(Rng& r, JsonWriter& w) {
    std::vector<std::string_view> valgt;
    for (int n = r.between(2, 4), tries = 0; int(valgt.size()) < n && tries < 20; ++tries) {
        const auto a = kAlmindelige[r.weighted(kAlmindeligeVaegt)];
        if (std::find(valgt.begin(), valgt.end(), a) == valgt.end()) valgt.push_back(a);
    }
    if (r.chance(12)) valgt.push_back(kAndre[std::size_t(r.below(int(kAndre.size())))]);
    w.key("ansoegte_aktiviteter").begin_array();
    for (auto a : valgt) w.value(a);
    w.end_array();
}

// Follow-ups: the first about three months in, then about every half year; in a few
// cases the latest is missing (the deadline a report should show as overdue).
void write_follow_ups(Rng& r, JsonWriter& w, Dato start, Dato ref) {
    std::vector<Dato> held;
    for (Dato d = add(start, r.between(60, 83)); d < ref; d = add(d, r.between(150, 178))) held.push_back(d);
    if (!held.empty() && r.chance(7)) held.pop_back();
    w.key("opfoelgninger").begin_array();
    for (Dato d : held) {
        w.begin_object();
        date(w, "dato", d);
        w.key("form").value(std::array<std::string_view, 4>{"personlig", "telefonisk", "virtuel", "administrativ"}
                                [r.weighted(std::array<int, 4>{78, 9, 9, 4})]);
        w.end_object();
    }
    w.end_array();
}

} // namespace

std::string demo_sag(std::uint64_t seed, std::uint64_t index, Dato ref) {
    Rng r{seed * 0x100000001b3ULL ^ (index + 1) * 0x9e3779b97f4a7c15ULL};
    r.next();
    std::string out;
    out.reserve(8192);
    JsonWriter w(out);
    const auto kommune = kKommuner[index % kKommuner.size()];
    w.begin_object();
    w.key("id").value(fmt::format("demo-{}-{:06}", kommune, index));
    w.key("kommune").value(kommune);

    w.key("borger").begin_object();
    const int alder = draw_age(r);
    if (r.chance(40)) w.key("alder").value(alder);
    else date(w, "foedselsdato", add(ref, -(alder * 365 + r.below(365))));
    w.end_object();

    // Where the case stands: most have a running grant; some are being processed, some
    // were refused or ended without one.
    enum { Loebende, Under_behandling, Uden_bevilling };
    const auto stade = r.weighted(std::array<int, 3>{86, 5, 9});
    const Dato start = add(ref, -r.between(20, 1100));
    // An acute need starts the support the day after the application, before the decision.
    const bool akut = stade == Loebende && r.chance(4);
    const Dato modtaget = stade == Under_behandling ? add(ref, -(r.chance(90) ? r.between(3, 30) : r.between(31, 70)))
                          : akut                    ? add(start, -1)
                                                    : add(start, -r.between(35, 75));
    const Dato vum_dato = add(modtaget, r.between(4, 21));
    const Dato afgoerelse = add(vum_dato, r.between(2, 10));
    const int niveau = int(r.weighted(std::array<int, 4>{24, 46, 25, 5})) + 1; // 1 lette … 4 fuldstændige

    w.key("ansoegning").begin_object();
    date(w, "modtaget", modtaget);
    w.key("akut").value(akut);
    w.end_object();

    if (vum_dato <= ref && r.chance(97)) write_vum(r, w, vum_dato, niveau);
    write_forhold(r, w);

    w.key("ydelser").begin_array();
    if (r.chance(12)) w.begin_object().key("paragraf").value("83").end_object();
    if (r.chance(2)) w.begin_object().key("paragraf").value("97").end_object();
    w.end_array();
    write_activities(r, w);

    const bool loebende = stade == Loebende;
    const bool uge = r.chance(75);
    static constexpr std::array<double, 12> kTimer{1, 1.5, 2, 2, 2.5, 3, 3, 4, 4, 5, 6, 8};
    const double timer_uge = kTimer[std::size_t(std::clamp(3 * (niveau - 1) + r.below(4), 0, 11))];
    const Bevilling b{uge, uge ? timer_uge : timer_uge * 4, start};
    if (loebende) {
        w.key("bevilling").begin_object();
        date(w, "afgoerelse_dato", afgoerelse);
        date(w, "afgoerelse_sendt", afgoerelse);
        w.key("afgoerelse_kanal").value(r.chance(88) ? "digital" : "fysisk");
        w.key("foerstegangs").value(r.chance(55));
        date(w, "start", start);
        w.key("timer").value(b.timer);
        w.key("periode").value(uge ? "uge" : "maaned");
        w.key("pakke").value(fmt::format("pakke_{}", std::clamp(2 * niveau - 1 + r.below(2), 1, 6)));
        // Gentofte's standard makes group support the rule; elsewhere most support is individual.
        const auto former = kommune == "gentofte" ? std::array<int, 3>{20, 35, 45} : std::array<int, 3>{85, 5, 10};
        w.key("form").value(std::array<std::string_view, 3>{"individuel", "gruppe", "kombination"}[r.weighted(former)]);
        w.key("leverandoer").begin_object().key("naert_beslaegtet").value(r.chance(2)).end_object();
        // Most decisions set their own follow-up (Gentofte, Ishøj and Kerteminde rely on it).
        if (r.chance(90)) w.key("opfoelgning_interval_maaneder").value(r.chance(75) ? 6 : 12);
        w.end_object();
    } else if (stade == Uden_bevilling) {
        // refused: a decision without a grant
        w.key("bevilling").begin_object();
        date(w, "afgoerelse_dato", afgoerelse);
        date(w, "afgoerelse_sendt", afgoerelse);
        w.key("afgoerelse_kanal").value("digital");
        w.end_object();
    }

    if (loebende) write_follow_ups(r, w, start, ref);
    else w.key("opfoelgninger").begin_array().end_array();

    std::vector<Leverance> leverancer;
    std::vector<std::pair<Dato, std::string_view>> afbud;
    if (loebende) {
        const auto f = Forloeb(r.weighted(std::array<int, 5>{86, 6, 3, 3, 2}));
        deliver(r, b, ref, f, leverancer, afbud);
    }
    write_deliveries(w, std::move(leverancer));
    std::sort(afbud.begin(), afbud.end());
    w.key("afbud").begin_array();
    for (const auto& [d, af] : afbud) {
        w.begin_object();
        date(w, "dato", d);
        w.key("af").value(af);
        w.end_object();
    }
    w.end_array();

    // A complaint in a minority of cases; most are received in time and decided again
    // within the four weeks.
    if (loebende && r.chance(7)) {
        const Dato klage = add(afgoerelse, r.chance(90) ? r.between(3, 25) : r.between(30, 45));
        w.key("klage").begin_object();
        date(w, "modtaget", klage);
        const Dato ny = add(klage, r.between(8, 27));
        if (ny < ref && r.chance(88)) date(w, "genvurderet", ny);
        w.end_object();
    }
    if (loebende) {
        // the workplace assessment at the start, then yearly (the latest sometimes late)
        Dato apv = add(start, r.between(0, 14));
        while (add(apv, 365) < ref && !(add(apv, 730) >= ref && r.chance(6))) apv = add(apv, r.between(330, 362));
        w.key("arbejdspladsvurdering").begin_object();
        date(w, "dato", apv);
        w.end_object();
        if (r.chance(95)) w.key("indsatsplan").begin_object().key("dato").value(add(start, r.between(5, 26)).iso()).end_object();
    }
    w.end_object();
    return out;
}

} // namespace kvalitet
