#include "kerteminde_native.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace kvalitet::bench {

namespace {

// Mirrors municipalities/kerteminde/standard.lua with stdlib/sel85.lua, frister.lua and
// aktiviteter.lua; the parameters are the script's.
constexpr int kMyndighedsalder = 18;
constexpr int kBetydeligNedsat = 3;
constexpr std::array<int, 6> kPakkeFraVumSum{0, 6, 9, 12, 16, 20};
constexpr int kArbejdspladsInterval = 12;

enum class Omfattet { Ja, Nej, HvisDeltager };
constexpr std::pair<std::string_view, Omfattet> kKatalog[] = {
    {"struktur_i_hverdagen", Omfattet::Ja}, {"medicin_haandtering", Omfattet::Ja},
    {"sociale_relationer", Omfattet::Ja}, {"netvaerk", Omfattet::Ja},
    {"ledsagelse_behandling", Omfattet::Ja}, {"oekonomi", Omfattet::Ja}, {"post", Omfattet::Ja},
    {"indkoeb_madlavning", Omfattet::Ja}, {"personlig_hygiejne", Omfattet::Ja},
    {"rengoering_toejvask", Omfattet::Ja}, {"velfaerdsteknologi", Omfattet::Ja},
    {"uddannelse_beskaeftigelse", Omfattet::Ja}, {"laege_tandlaege", Omfattet::Ja},
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

void frist(Afgoerelser& out, std::string_view id, const Frist& f, std::optional<Dato> event, Dato dato) {
    const FristStatus status = f.status(dato, event);
    out.frister.push_back({id, f.dato(), status});
    if (status == FristStatus::Overskredet) out.advarsler.push_back("frist_overskredet");
}

} // namespace

Afgoerelser kerteminde_native(const Sag& sag, Dato dato) {
    Afgoerelser out;
    const auto& f = sag.forhold.vaerdi;
    auto forhold = [&](std::string_view id) { return f[*Forhold::index(id)]; };

    bool excluded = false, unknown = false;
    for (auto c : {mindst(sag.alder_paa(dato), kMyndighedsalder),
                   eller(mindst(sag.vum ? sag.vum->max() : std::nullopt, kBetydeligNedsat),
                         forhold("saerlige_sociale_problemer"))}) {
        if (c == false) excluded = true;
        if (!c) unknown = true;
    }
    const auto deltager = forhold("kan_deltage_aktivt");
    if (forhold("kan_afhjaelpes_med_hjaelpemidler") == true || forhold("kan_afhjaelpes_med_traening") == true ||
        forhold("kan_afhjaelpes_efter_anden_lovgivning") == true || deltager == false)
        excluded = true;
    out.i_maalgruppe = excluded ? std::optional<bool>(false) : unknown ? std::nullopt : std::optional<bool>(true);

    for (const auto& id : sag.ansoegte_aktiviteter) {
        const auto* a = std::find_if(std::begin(kKatalog), std::end(kKatalog), [&](auto& k) { return k.first == id; });
        if (a == std::end(kKatalog)) {
            out.aktiviteter.push_back(false);
            out.advarsler.push_back("ukendt_aktivitet");
            continue;
        }
        if (a->second == Omfattet::HvisDeltager) out.aktiviteter.push_back(deltager);
        else out.aktiviteter.push_back(a->second == Omfattet::Ja);
    }

    if (out.i_maalgruppe != false && sag.vum && sag.vum->antal_scoret() > 0)
        for (int n = 0; n < 6; ++n)
            if (sag.vum->sum() >= kPakkeFraVumSum[std::size_t(n)]) out.pakke = n + 1;

    const Bevilling b = sag.bevilling.value_or(Bevilling{});
    if (b.afgoerelse_modtaget)
        frist(out, "klage", {*b.afgoerelse_modtaget, {Varighed::Enhed::Uger, 4}, Flyt::NaesteArbejdsdag},
              sag.klage_modtaget, dato);
    if (sag.klage_modtaget)
        frist(out, "genvurdering", {*sag.klage_modtaget, {Varighed::Enhed::Uger, 4}}, std::nullopt, dato);
    if (auto apv = sag.arbejdspladsvurdering_dato ? sag.arbejdspladsvurdering_dato : b.start)
        frist(out, "arbejdspladsvurdering", {*apv, {Varighed::Enhed::Maaneder, kArbejdspladsInterval}}, std::nullopt, dato);
    std::optional<Dato> seneste;
    for (const auto& o : sag.opfoelgninger)
        if (!seneste || o.dato > *seneste) seneste = o.dato;
    if (!seneste) seneste = b.start;
    if (seneste && b.opfoelgning_interval_maaneder)
        frist(out, "naeste_opfoelgning", {*seneste, {Varighed::Enhed::Maaneder, *b.opfoelgning_interval_maaneder}},
              std::nullopt, dato);

    if (b.form == "individuel") out.advarsler.push_back("individuel_form_alene");
    return out;
}

} // namespace kvalitet::bench
