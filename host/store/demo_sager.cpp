#include "store/demo_sager.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "domain/json_writer.hpp"

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
};

constexpr std::array<std::string_view, 5> kKommuner{"gentofte", "ishoej", "lejre", "varde", "kerteminde"};
constexpr std::array<std::string_view, 8> kForhold{
    "saerlige_sociale_problemer", "kan_deltage_aktivt", "profiterer_af_stoette", "daarligt_helbred",
    "kan_afhjaelpes_med_hjaelpemidler", "kan_afhjaelpes_med_traening", "kan_afhjaelpes_efter_anden_lovgivning",
    "motiveret"};
// How often each finding is true when assessed: most citizens are eligible.
constexpr std::array<int, 8> kSandt{40, 85, 85, 20, 8, 8, 8, 85};
constexpr std::array<std::string_view, 7> kTemaer{"praktiske_opgaver", "egenomsorg", "kommunikation", "mobilitet",
                                                  "samfundsliv", "socialt_liv", "sundhed"};
constexpr std::array<std::string_view, 22> kAktiviteter{
    "struktur_i_hverdagen", "medicin_haandtering", "medicindosering", "sociale_relationer", "netvaerk",
    "ledsagelse_behandling", "ledsagelse_uden_paedagogisk_formaal", "oekonomi", "administration_af_penge", "post",
    "indkoeb_madlavning", "personlig_hygiejne", "rengoering_toejvask", "velfaerdsteknologi",
    "uddannelse_beskaeftigelse", "laege_tandlaege", "genoptraening", "afloesning_aflastning", "bpa",
    "psykologbehandling", "transport_uden_paedagogisk_sigte", "husdyr"};
constexpr std::array<std::string_view, 4> kOpfoelgning{"personlig", "virtuel", "telefonisk", "administrativ"};
constexpr std::array<std::string_view, 6> kArt{"ansigt_til_ansigt", "ansigt_til_ansigt", "telefon", "video",
                                               "sms", "transport"};
constexpr std::array<std::string_view, 3> kAfbud{"borger", "udeblevet", "leverandoer"};

Dato add(Dato d, int days) { return Varighed{Varighed::Enhed::Dage, days}.efter(d); }

void date(JsonWriter& w, std::string_view key, Dato d) { w.key(key).value(d.iso()); }

} // namespace

std::string demo_sag(std::uint64_t seed, std::uint64_t index, Dato ref) {
    Rng r{seed * 0x100000001b3ULL ^ (index + 1) * 0x9e3779b97f4a7c15ULL};
    r.next();
    std::string out;
    out.reserve(4096);
    JsonWriter w(out);
    const auto kommune = kKommuner[index % kKommuner.size()];
    w.begin_object();
    w.key("id").value(fmt::format("demo-{}-{:06}", kommune, index));
    w.key("kommune").value(kommune);

    w.key("borger").begin_object();
    const int alder = r.chance(3) ? r.between(16, 17) : r.between(18, 85);
    if (r.chance(50)) w.key("alder").value(alder);
    else date(w, "foedselsdato", add(ref, -(alder * 365 + r.below(365))));
    w.end_object();

    const Dato modtaget = add(ref, -(r.between(10, 700)));
    w.key("ansoegning").begin_object();
    date(w, "modtaget", modtaget);
    w.key("akut").value(r.chance(5));
    w.end_object();

    if (r.chance(92)) {
        w.key("vum").begin_object();
        date(w, "dato", add(modtaget, r.between(1, 20)));
        w.key("temaer").begin_object();
        for (auto t : kTemaer)
            if (r.chance(80)) w.key(t).value(r.between(0, 4));
        w.end_object().end_object();
    }

    w.key("forhold").begin_object();
    for (std::size_t i = 0; i < kForhold.size(); ++i)
        if (r.chance(90)) w.key(kForhold[i]).value(r.chance(kSandt[i]));
    w.end_object();

    w.key("ydelser").begin_array();
    if (r.chance(15)) w.begin_object().key("paragraf").value("83").end_object();
    if (r.chance(5)) w.begin_object().key("paragraf").value("97").end_object();
    w.end_array();

    w.key("ansoegte_aktiviteter").begin_array();
    for (int i = 0, n = r.between(1, 5); i < n; ++i) w.value(kAktiviteter[std::size_t(r.below(int(kAktiviteter.size())))]);
    w.end_array();

    const bool bevilget = r.chance(80);
    const Dato afgoerelse = add(modtaget, r.between(7, 45));
    const Dato start = add(afgoerelse, r.between(3, 20));
    const int timer = r.between(1, 8);
    const bool uge = r.chance(70);
    if (bevilget && afgoerelse < ref) {
        w.key("bevilling").begin_object();
        date(w, "afgoerelse_dato", afgoerelse);
        date(w, "afgoerelse_modtaget", add(afgoerelse, r.between(1, 4)));
        w.key("foerstegangs").value(r.chance(60));
        date(w, "start", start);
        w.key("timer").value(timer);
        w.key("periode").value(uge ? "uge" : "maaned");
        w.key("pakke").value(fmt::format("pakke_{}", r.between(1, 6)));
        w.key("form").value(std::array<std::string_view, 3>{"individuel", "gruppe", "kombination"}[std::size_t(r.below(3))]);
        w.key("leverandoer").begin_object().key("naert_beslaegtet").value(r.chance(3)).end_object();
        if (r.chance(60)) w.key("opfoelgning_interval_maaneder").value(std::array<int, 4>{3, 6, 6, 12}[std::size_t(r.below(4))]);
        w.end_object();
    }
    const bool i_gang = bevilget && start < ref;

    w.key("opfoelgninger").begin_array();
    if (i_gang)
        for (int i = 0, n = r.between(1, 4); i < n; ++i) {
            const Dato d = add(ref, -(r.between(1, 600)));
            if (d < start) continue;
            w.begin_object();
            date(w, "dato", d);
            w.key("form").value(kOpfoelgning[std::size_t(r.below(4))]);
            w.end_object();
        }
    w.end_array();

    w.key("leverancer").begin_array();
    if (i_gang) {
        const int dage = std::max(1, ref - start);
        for (int i = 0, n = r.between(10, 40); i < n; ++i) {
            const Dato d = add(ref, -(1 + r.below(std::min(dage, 120))));
            w.begin_object();
            date(w, "dato", d);
            w.key("start").value(fmt::format("{:02}:{:02}", r.between(7, 18), 15 * r.below(4)));
            w.key("minutter").value(15 * r.between(2, 8));
            w.key("art").value(kArt[std::size_t(r.below(int(kArt.size())))]);
            w.end_object();
        }
    }
    w.end_array();

    w.key("afbud").begin_array();
    if (i_gang)
        for (int i = 0, n = r.between(0, 4); i < n; ++i) {
            w.begin_object();
            date(w, "dato", add(ref, -(r.between(1, 60))));
            w.key("af").value(kAfbud[std::size_t(r.below(3))]);
            w.end_object();
        }
    w.end_array();

    if (i_gang && r.chance(10)) w.key("klage").begin_object().key("modtaget").value((add(afgoerelse, r.between(5, 25))).iso()).end_object();
    if (i_gang && r.chance(70)) w.key("arbejdspladsvurdering").begin_object().key("dato").value((add(start, r.between(0, 30))).iso()).end_object();
    if (i_gang && r.chance(75)) w.key("indsatsplan").begin_object().key("dato").value((add(start, r.between(5, 40))).iso()).end_object();
    w.end_object();
    return out;
}

} // namespace kvalitet
