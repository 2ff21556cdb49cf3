#include "store/demo_rapport.hpp"

#include <simdjson.h>

#include <algorithm>
#include <tuple>

namespace kvalitet {

namespace {

std::string text(simdjson::simdjson_result<simdjson::dom::element> e) {
    std::string_view s;
    return e.get(s) == simdjson::SUCCESS ? std::string(s) : std::string();
}
std::string text(simdjson::dom::element e) { return text(simdjson::simdjson_result<simdjson::dom::element>(std::move(e))); }

void add_assessment(DemoRapport& out, simdjson::dom::element v, const std::string& soon) {
    KommuneRapport& k = out.kommuner[text(v["kommune"])];
    const std::string sag = text(v["sag_id"]);
    ++k.sager;
    if (k.titel.empty()) k.titel = text(v["standard"]["titel"]);
    bool i = false;
    if (v["maalgruppe"]["i_maalgruppe"].is_null()) ++k.uafklaret;
    else if (v["maalgruppe"]["i_maalgruppe"].get(i) == simdjson::SUCCESS) ++(i ? k.i_maalgruppe : k.uden_for);
    simdjson::dom::array list;
    // what the undetermined cases wait for (a case in the group may wait for a referral's fact)
    if (v["maalgruppe"]["i_maalgruppe"].is_null() && v["maalgruppe"]["mangler"].get(list) == simdjson::SUCCESS)
        for (auto m : list) ++k.mangler[text(m)];
    simdjson::dom::object pakke;
    if (v["pakke"].get(pakke) == simdjson::SUCCESS) ++k.pakker[text(pakke["navn"])];
    if (v["frister"].get(list) == simdjson::SUCCESS)
        for (auto f : list) {
            const std::string status = text(f["status"]), dato = text(f["dato"]);
            if (status == "overskredet") k.overskredne.push_back({sag, text(f["id"]), dato});
            else if (status == "kommende" && dato <= soon) k.kommende.push_back({sag, text(f["id"]), dato});
        }
    if (v["advarsler"].get(list) == simdjson::SUCCESS) {
        if (list.size() > 0) ++k.med_advarsler;
        for (auto a : list) {
            const std::string id = text(a["id"]);
            k.advarsler[id].push_back({sag, text(a["tekst"])});
            k.advarsel_kilde[id] = text(a["kilde"]);
        }
    }
}

} // namespace

DemoRapport demo_rapport(CaseStore& store, Dato dato) {
    DemoRapport out;
    out.dato = dato;
    out.db = store.path();
    const std::string soon = dato.plus_days(kSnartDage).iso();
    simdjson::dom::parser parser;
    store.latest_assessments([&](const std::string& json) {
        simdjson::dom::element v;
        if (parser.parse(json).get(v) == simdjson::SUCCESS) add_assessment(out, v, soon);
    });
    auto by_date = [](const RapportFrist& a, const RapportFrist& b) {
        return std::tie(a.dato, a.sag_id, a.id) < std::tie(b.dato, b.sag_id, b.id);
    };
    for (auto& [id, k] : out.kommuner) {
        std::sort(k.kommende.begin(), k.kommende.end(), by_date);
        std::sort(k.overskredne.begin(), k.overskredne.end(), by_date);
        for (auto& [a, cases] : k.advarsler)
            std::sort(cases.begin(), cases.end(), [](auto& x, auto& y) { return x.sag_id < y.sag_id; });
    }
    return out;
}

} // namespace kvalitet
