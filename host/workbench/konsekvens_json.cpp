// konsekvens as one JSON object for tools; the fields are listed in docs/versioner.md.
#include <cmath>

#include "domain/json_writer.hpp"
#include "workbench/konsekvens.hpp"

namespace kvalitet::workbench {

namespace {

void text_or_null(JsonWriter& w, const std::string& s) {
    if (s.empty()) w.null();
    else w.value(s);
}

void eksempler(JsonWriter& w, const std::vector<Eksempel>& es) {
    w.begin_array();
    for (const auto& e : es) {
        w.begin_object().key("sag_id").value(e.sag_id).key("nr").value(std::int64_t(e.nr)).key("regler").begin_array();
        for (const auto& r : e.regler) {
            w.begin_object().key("trin").value(r.trin).key("regel").value(r.regel).key("foer");
            text_or_null(w, r.foer);
            w.key("efter");
            text_or_null(w, r.efter);
            w.end_object();
        }
        w.end_array().end_object();
    }
    w.end_array();
}

} // namespace

std::string konsekvens_json(const Konsekvens& k) {
    const Optaelling& t = k.i_alt;
    std::string out;
    JsonWriter w(out);
    w.begin_object().key("kommune").value(k.kommune).key("foer").value(k.foer_navn).key("efter").value(k.efter_navn);
    w.key("dato").value(k.dato.iso());
    w.key("sager").value(std::int64_t(t.sager)).key("sager_aendret").value(std::int64_t(t.sager_aendret));
    w.key("ikke_vurderet").begin_object().key("fejl").value(std::int64_t(k.fejl));
    w.key("andre_kommuner").value(std::int64_t(k.andre_kommuner)).key("koder").begin_object();
    for (const auto& [kode, n] : k.fejl_koder) w.key(kode).value(std::int64_t(n));
    w.end_object().end_object();

    w.key("maalgruppe").begin_object();
    for (std::size_t i = 0; i < 3; ++i) {
        w.key(svar_navn(Svar(i))).begin_object();
        for (std::size_t j = 0; j < 3; ++j) w.key(svar_navn(Svar(j))).value(std::int64_t(t.maalgruppe[i][j]));
        w.end_object();
    }
    w.end_object();

    w.key("pakker").begin_array();
    for (const auto& [p, n] : t.pakker) {
        w.begin_object().key("foer");
        text_or_null(w, p.first);
        w.key("efter");
        text_or_null(w, p.second);
        w.key("antal").value(std::int64_t(n)).end_object();
    }
    w.end_array();

    auto rund = [](double x) { return std::round(x * 1000) / 1000; };
    w.key("timer_pr_uge").begin_object().key("foer").value(rund(t.timer_foer())).key("efter").value(rund(t.timer_efter()));
    w.key("forskel").value(rund(t.timer_efter() - t.timer_foer())).end_object();

    w.key("aendringer").begin_array();
    for (const Aendring* a : k.aendringer()) {
        w.begin_object().key("art").value(a->art).key("hvad").value(a->hvad).key("antal").value(std::int64_t(a->antal));
        w.key("eksempler");
        eksempler(w, a->eksempler);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    out += '\n';
    return out;
}

} // namespace kvalitet::workbench
