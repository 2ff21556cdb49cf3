#pragma once
// Every field of a Sag as text, so that two Sags can be compared whole (and a difference
// read), and what reading one gave: for the tests and bench/sag_json_forskel.cpp that hold
// Sag::from_json's one pass to its three.
#include <fmt/format.h>

#include <optional>
#include <string>

#include "domain/sag.hpp"
#include "lua/error.hpp"

namespace kvalitet::testdata {

inline std::string show(const std::optional<Dato>& d) { return d ? d->iso() : "-"; }
template <class T>
std::string show(const std::optional<T>& v) {
    return v ? fmt::format("{}", *v) : "-";
}

// Every field of a Sag, as text, so two can be compared whole.
inline std::string sag_tekst(const Sag& s) {
    std::string o = fmt::format("id={} kommune={} alder={} foedt={} modtaget={} akut={}\n", s.id, show(s.kommune),
                                show(s.alder), show(s.foedselsdato), show(s.ansoegning_modtaget), show(s.ansoegning_akut));
    if (s.vum) {
        o += "vum " + show(s.vum->dato);
        for (auto x : s.vum->score) o += fmt::format(" {}", int(x));
        o += '\n';
    }
    for (auto& f : s.forhold.vaerdi) o += show(f) + ' ';
    o += '\n';
    for (auto& y : s.ydelser) o += "ydelse " + y.paragraf + '\n';
    for (auto& a : s.ansoegte_aktiviteter) o += "aktivitet " + a + '\n';
    if (auto& b = s.bevilling)
        o += fmt::format("bevilling {} {} {} {} {} {} {} {} {} {} {} {}\n", show(b->afgoerelse_dato),
                         show(b->afgoerelse_modtaget), show(b->start), show(b->afgoerelse_sendt), show(b->afgoerelse_kanal),
                         show(b->foerstegangs), b->timer ? fmt::format("{:a}", *b->timer) : "-", show(b->periode),
                         show(b->pakke), show(b->form), show(b->naert_beslaegtet), show(b->opfoelgning_interval_maaneder));
    for (auto& f : s.opfoelgninger) o += "opf " + f.dato.iso() + ' ' + show(f.form) + '\n';
    for (auto& l : s.leverancer) o += fmt::format("lev {} {} {} {}\n", l.dato.iso(), l.start_minut, l.minutter, l.art);
    for (auto& a : s.afbud) o += "afbud " + a.dato.iso() + ' ' + a.af + '\n';
    o += fmt::format("klage {} {} apv {} plan {}\n", show(s.klage_modtaget), show(s.klage_genvurderet),
                     show(s.arbejdspladsvurdering_dato), show(s.indsatsplan_dato));
    for (auto& u : s.ignorerede_felter) o += "ukendt " + u + '\n';
    return o;
}

// What reading a case gave: "ok" and the whole Sag, or the error's code, field and text.
template <class F>
std::string udfald(F&& read) {
    try {
        return "ok\n" + sag_tekst(read());
    } catch (const InputError& e) {
        return fmt::format("fejl {} [{}] {}", e.kode(), e.felt(), e.what());
    }
}

} // namespace kvalitet::testdata
