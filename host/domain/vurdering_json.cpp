#include "domain/json_writer.hpp"
#include "domain/kalender.hpp"
#include "domain/vurdering.hpp"

namespace kvalitet {

std::optional<SporNiveau> spor_niveau(std::string_view navn) {
    if (navn == "fuld") return SporNiveau::Fuld;
    if (navn == "kort") return SporNiveau::Kort;
    if (navn == "ingen") return SporNiveau::Ingen;
    return std::nullopt;
}

std::string_view trin_navn(Trin t) {
    switch (t) {
    case Trin::Maalgruppe: return "maalgruppe";
    case Trin::Aktiviteter: return "aktiviteter";
    case Trin::Pakke: return "pakke";
    case Trin::Frister: return "frister";
    case Trin::Krav: return "krav";
    }
    return "?";
}

namespace {

// A rule's text as JSON: quoted when it was loaded, or now for a rule made without that.
void text(JsonWriter& w, const std::string& json, const std::string& plain) {
    if (!json.empty()) w.raw(json);
    else w.value(plain);
}
void write_id(JsonWriter& w, const Regel& r) { text(w, r.id_json, r.id); }
void write_tekst(JsonWriter& w, const Regel& r) { text(w, r.tekst_json, r.tekst); }
void write_kilde(JsonWriter& w, const Regel& r) { text(w, r.kilde_json, r.kilde); }

void optional_bool(JsonWriter& w, std::optional<bool> b) {
    if (b) w.value(*b);
    else w.null();
}

void strings(JsonWriter& w, const std::vector<std::string>& v) {
    w.begin_array();
    for (const auto& s : v) w.value(s);
    w.end_array();
}

void begrundelse_members(JsonWriter& w, const Regel& r) {
    write_id(w.key("regel"), r);
    write_tekst(w.key("tekst"), r);
    write_kilde(w.key("kilde"), r);
}

void spor_members(JsonWriter& w, const Regel& r) {
    write_kilde(w.key("kilde"), r);
    w.key("afgjort_af").token(r.kommunal ? "kommunal" : "national");
    if (r.erstatter) w.key("erstatter_national").value(true);
    if (r.antagelse) w.key("antagelse").value(true);
}

// Members as `members()` wants them: an object's inside, without its braces.
template <class Write>
std::string rendered(const Regel& r, Write write) {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    write(w, r);
    w.end_object();
    return out.substr(1, out.size() - 2);
}

// Prepared members when the rule has them (prepare_json), else written now.
template <class Write>
void members(JsonWriter& w, const std::string& json, const Regel& r, Write write) {
    if (!json.empty()) w.members(json);
    else write(w, r);
}

} // namespace

void Regel::prepare_json() {
    id_json = JsonWriter::quoted(id);
    tekst_json = JsonWriter::quoted(tekst);
    kilde_json = JsonWriter::quoted(kilde);
    begrundelse_json = rendered(*this, begrundelse_members);
    spor_json = rendered(*this, spor_members);
}

std::string Vurdering::json() const {
    std::string out;
    // About what an assessment takes, so the string is allocated once: a reason, activity,
    // deadline or warning ~250 bytes with its texts, a trace entry ~400 in full, ~150 short.
    const std::size_t per_entry = spor_niveau == SporNiveau::Fuld ? 400 : spor_niveau == SporNiveau::Kort ? 150 : 0;
    out.reserve(768 + 256 * (begrundelser.size() + aktiviteter.size() + frister.size() + advarsler.size()) +
                per_entry * spor.size());
    append_json(out);
    return out;
}

void Vurdering::append_json(std::string& out) const {
    JsonWriter w(out);
    w.begin_object();
    w.key("kommune").value(kommune);
    w.key("sag_id").value(sag_id);
    w.key("vurderingsdato").value(vurderingsdato.iso());
    w.key("standard").begin_object();
    w.key("titel").value(titel);
    w.key("godkendt");
    if (godkendt) w.value(godkendt->iso());
    else w.null();
    w.key("gyldig_fra");
    if (gyldig_fra) w.value(gyldig_fra->iso());
    else w.null();
    w.key("sha256").value(sha256);
    w.end_object();

    w.key("maalgruppe").begin_object();
    w.key("i_maalgruppe");
    optional_bool(w, i_maalgruppe);
    w.key("mangler");
    strings(w, mangler);
    w.key("henvis_til");
    strings(w, henvis_til);
    w.key("begrundelser").begin_array();
    for (const auto& b : begrundelser) {
        w.begin_object();
        members(w, b.regel->begrundelse_json, *b.regel, begrundelse_members);
        w.key("opfyldt");
        optional_bool(w, b.opfyldt);
        if (b.regel->antagelse) w.key("antagelse").value(true);
        w.end_object();
    }
    w.end_array();
    w.end_object();

    w.key("aktiviteter").begin_array();
    for (const auto& a : aktiviteter) {
        w.begin_object();
        w.key("id").value(a.id);
        w.key("omfattet");
        optional_bool(w, a.omfattet);
        w.key("henvis_til");
        if (a.henvis_til) w.value(*a.henvis_til);
        else w.null();
        w.key("kilde");
        if (a.regel) write_kilde(w, *a.regel);
        else w.null();
        w.key("mangler");
        strings(w, a.mangler);
        if (a.regel) write_tekst(w.key("tekst"), *a.regel);
        if (a.regel && !a.regel->betingelse.empty()) w.key("betingelse").value(a.regel->betingelse);
        if (a.regel && a.regel->antagelse) w.key("antagelse").value(true);
        w.end_object();
    }
    w.end_array();

    w.key("pakke");
    if (pakke) {
        w.begin_object();
        write_id(w.key("id"), *pakke->regel);
        w.key("navn").value(pakke->navn);
        w.key("timer").value(pakke->timer);
        w.key("periode").value(pakke->periode);
        write_kilde(w.key("kilde"), *pakke->regel);
        if (!pakke->kriterier.empty()) w.key("kriterier").value(pakke->kriterier);
        if (pakke->regel->antagelse) w.key("antagelse").value(true);
        w.end_object();
    } else {
        w.null();
    }

    w.key("frister").begin_array();
    for (const auto& f : frister) {
        w.begin_object();
        write_id(w.key("id"), *f.regel);
        w.key("dato").token(f.dato.iso());
        w.key("status").token(status_navn(f.status));
        write_kilde(w.key("kilde"), *f.regel);
        w.key("paahviler").token(paahviler_navn(f.frist.paahviler));
        write_tekst(w.key("tekst"), *f.regel);
        w.key("fra").token(f.frist.start.iso());
        w.key("varighed").value(f.frist.varighed.tekst());
        if (f.dato != f.frist.uflyttet()) {
            w.key("flyttet_fra").value(f.frist.uflyttet().iso());
            w.key("flyttet_fordi").value(kalender::lukket_for_frister(f.frist.uflyttet()).value_or("lukket"));
        }
        if (f.haendelse) w.key("haendelse").value(f.haendelse->iso());
        if (f.regel->antagelse || f.formodet) w.key("antagelse").value(true); // a presumed receipt too
        w.end_object();
    }
    w.end_array();

    w.key("advarsler").begin_array();
    for (const auto& a : advarsler) {
        w.begin_object();
        w.key("id").value(a.id);
        w.key("tekst").value(a.tekst);
        w.key("kilde").value(a.kilde);
        if (!a.perioder.empty()) {
            w.key("perioder").begin_array();
            for (const auto& p : a.perioder) {
                w.begin_object();
                w.key("periode").value(p.navn());
                w.key("fra").value(p.fra.iso());
                w.key("til").value(p.til.iso());
                w.key("leveret").value(p.leveret);
                w.key("bevilget").value(p.bevilget);
                w.end_object();
            }
            w.end_array();
        }
        if (a.antagelse) w.key("antagelse").value(true);
        w.end_object();
    }
    w.end_array();

    // What could not be checked for lack of a fact, at every trace level: without it, an
    // empty advarsler with --spor ingen would read as checked and in order.
    w.key("ukontrollerede").begin_array();
    for (const auto& u : ukontrollerede) {
        w.begin_object();
        write_id(w.key("regel"), *u.regel);
        write_tekst(w.key("tekst"), *u.regel);
        write_kilde(w.key("kilde"), *u.regel);
        w.key("mangler");
        strings(w, u.mangler);
        w.end_object();
    }
    w.end_array();

    w.key("spor").begin_array();
    for (const auto& s : spor) {
        if (spor_niveau == SporNiveau::Ingen) break;
        const bool fuld = spor_niveau == SporNiveau::Fuld;
        w.begin_object();
        w.key("trin").token(trin_navn(s.trin));
        write_id(w.key("regel"), *s.regel);
        w.key("udfald").token(s.udfald);
        if (fuld) {
            w.key("resultat").value(s.resultat);
            members(w, s.regel->spor_json, *s.regel, spor_members);
        } else { // the contract: every entry says whether a national default or a municipal rule decided
            w.key("afgjort_af").token(s.regel->kommunal ? "kommunal" : "national");
        }
        if (!s.datoer.empty()) {
            w.key("datoer").begin_object();
            for (const auto& [k, d] : s.datoer) w.key(k).token(d.iso());
            w.end_object();
        }
        if (!s.mangler.empty()) {
            w.key("mangler");
            strings(w, s.mangler);
        }
        if (fuld) { // the contract: every entry of a full trace carries it, empty when nothing was read
            w.key("vaerdier").begin_object();
            for (const auto& [k, x] : s.vaerdier) {
                w.key(k);
                std::visit([&](const auto& y) { w.value(y); }, x);
            }
            w.end_object();
        }
        if (fuld && !s.sammenligninger.empty()) {
            w.key("sammenligninger").begin_array();
            for (const auto& c : s.sammenligninger) c.skriv(w);
            w.end_array();
        }
        if (fuld && s.afkortet) w.key("afkortet").value(true);
        w.end_object();
    }
    w.end_array();
    // Last, so every other key keeps its place in the bytes of earlier assessments.
    w.key("ignorerede_felter");
    strings(w, ignorerede_felter);
    w.end_object();
}

} // namespace kvalitet
