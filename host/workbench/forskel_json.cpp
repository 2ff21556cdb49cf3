// forskel as one JSON object for tools; the fields are listed in docs/versioner.md.
#include "domain/json_writer.hpp"
#include "workbench/forskel.hpp"

namespace kvalitet::workbench {

namespace {

void felter(JsonWriter& w, const std::vector<FeltForskel>& fs) {
    w.begin_array();
    for (const auto& f : fs) {
        w.begin_object().key("felt").value(f.felt).key("foer").value(f.foer).key("efter").value(f.efter);
        w.end_object();
    }
    w.end_array();
}

void post_felter(JsonWriter& w, const Post& p) {
    w.key("art").value(p.art).key("id").value(p.id).key("tekst").value(p.tekst).key("kilde").value(p.kilde);
    w.key("fil").value(p.fil).key("linje").value(p.linje).key("antagelse").value(p.antagelse);
}

void poster(JsonWriter& w, const std::vector<Post>& ps) {
    w.begin_array();
    for (const auto& p : ps) {
        w.begin_object();
        post_felter(w, p);
        w.end_object();
    }
    w.end_array();
}

void aendrede(JsonWriter& w, const std::vector<Aendret>& as) {
    w.begin_array();
    for (const auto& a : as) {
        w.begin_object();
        post_felter(w, a.efter);
        w.key("felter");
        felter(w, a.felter);
        w.end_object();
    }
    w.end_array();
}

void gruppe(JsonWriter& w, std::string_view navn, const std::vector<Post>& til, const std::vector<Post>& fra,
            const std::vector<Aendret>* aendret) {
    w.key(navn).begin_object();
    w.key("tilfoejet");
    poster(w, til);
    w.key("fjernet");
    poster(w, fra);
    if (aendret) {
        w.key("aendret");
        aendrede(w, *aendret);
    }
    w.end_object();
}

} // namespace

std::string forskel_json(const StandardForskel& f) {
    std::string out;
    JsonWriter w(out);
    w.begin_object().key("kommune").value(f.kommune).key("foer").value(f.foer_navn).key("efter").value(f.efter_navn);
    w.key("ingen_forskel").value(f.tom());
    w.key("standard");
    felter(w, f.standard);
    gruppe(w, "regler", f.regler_tilfoejet, f.regler_fjernet, &f.regler_aendret);
    gruppe(w, "parametre", f.parametre_tilfoejet, f.parametre_fjernet, &f.parametre_aendret);
    gruppe(w, "antagelser", f.antagelser_tilfoejet, f.antagelser_fjernet, nullptr);
    w.end_object();
    out += '\n';
    return out;
}

} // namespace kvalitet::workbench
