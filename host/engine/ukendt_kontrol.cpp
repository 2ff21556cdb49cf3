#include "engine/ukendt_kontrol.hpp"

#include <fmt/format.h>

#include <functional>
#include <map>

#include "domain/danske_navne.hpp"

namespace kvalitet {

namespace {

using Setter = std::function<void(Sag&)>;
struct Variant {
    std::string vaerdi;
    Setter set;
};

Bevilling& bevilling(Sag& s) {
    if (!s.bevilling) s.bevilling.emplace();
    return *s.bevilling;
}

std::vector<Variant> yes_no(std::function<std::optional<bool>&(Sag&)> field) {
    return {{"true", [field](Sag& s) { field(s) = true; }}, {"false", [field](Sag& s) { field(s) = false; }}};
}

std::vector<Variant> texts(std::function<std::optional<std::string>&(Sag&)> field, std::vector<std::string> values) {
    std::vector<Variant> out;
    for (auto& v : values) out.push_back({"\"" + v + "\"", [field, v](Sag& s) { field(s) = v; }});
    return out;
}

// The values a missing fact can take, or none when the check cannot vary it.
std::vector<Variant> variants(std::string_view fakta) {
    if (auto i = Forhold::index(fakta))
        return yes_no([i = *i](Sag& s) -> std::optional<bool>& { return s.forhold.vaerdi[i]; });
    if (fakta == "ansoegning.akut") return yes_no([](Sag& s) -> std::optional<bool>& { return s.ansoegning_akut; });
    if (fakta == "bevilling.foerstegangs")
        return yes_no([](Sag& s) -> std::optional<bool>& { return bevilling(s).foerstegangs; });
    if (fakta == "bevilling.leverandoer.naert_beslaegtet")
        return yes_no([](Sag& s) -> std::optional<bool>& { return bevilling(s).naert_beslaegtet; });
    if (fakta == "bevilling.form")
        return texts([](Sag& s) -> std::optional<std::string>& { return bevilling(s).form; },
                     {"individuel", "gruppe", "kombination"});
    if (fakta == "bevilling.periode")
        return texts([](Sag& s) -> std::optional<std::string>& { return bevilling(s).periode; }, {"uge", "maaned"});
    if (fakta == "bevilling.afgoerelse_kanal")
        return texts([](Sag& s) -> std::optional<std::string>& { return bevilling(s).afgoerelse_kanal; },
                     {"digital", "fysisk"});
    if (fakta == "opfoelgninger[].form") {
        std::vector<Variant> out;
        for (std::string v : {"personlig", "virtuel", "telefonisk", "administrativ"})
            out.push_back({"\"" + v + "\" (hver opfølgning uden form)", [v](Sag& s) {
                               for (auto& o : s.opfoelgninger)
                                   if (!o.form) o.form = v;
                           }});
        return out;
    }
    constexpr std::string_view tema = "vum.temaer.";
    if (fakta.substr(0, tema.size()) == tema) {
        auto i = Vum::tema_index(fakta.substr(tema.size()));
        if (!i) return {};
        std::vector<Variant> out;
        for (int score : {0, 4})
            out.push_back({std::to_string(score), [i = *i, score](Sag& s) {
                               if (!s.vum) s.vum.emplace();
                               s.vum->score[i] = std::int8_t(score);
                           }});
        return out;
    }
    return {};
}

bool definite(std::string_view udfald) { return udfald != "ukendt" && udfald != "udeladt"; }

// The n-th trace entry of `regel` (a rule may appear more than once: a package is tried,
// then chosen; an activity asked for twice).
const SporPost* entry(const Vurdering& v, const Regel* regel, int n) {
    for (const auto& p : v.spor)
        if (p.regel == regel && n-- == 0) return &p;
    return nullptr;
}

} // namespace

bool kan_varieres(std::string_view forhold) { return !variants(forhold).empty(); }

std::string UsikkerRegel::besked() const {
    return fmt::format("{}:{}: '{}' gav '{}' uden at kende '{}', men med {} = {} giver den '{}'. Reglen afgør altså "
                       "noget, den ikke ved: giv nil (ukendt), når svaret afhænger af et forhold, der mangler "
                       "(brug og/eller/ikke/mindst: ikke(sag.forhold.x), ikke 'not sag.forhold.x' eller "
                       "'if sag.forhold.x then')",
                       regel->fil, regel->linje, regel->id, udfald_tekst(udfald), forhold, forhold, vaerdi,
                       udfald_tekst(udfald_med));
}

std::vector<UsikkerRegel> kontroller_ukendte(Standard& standard, const Sag& sag, Dato dato) {
    const Vurdering base = standard.vurder(sag, dato);
    std::map<std::pair<std::string, std::string>, Vurdering> tried; // (fact, value) → assessment
    std::vector<UsikkerRegel> out;
    std::map<const Regel*, int> seen;
    for (const auto& p : base.spor) {
        const int n = seen[p.regel]++;
        if (!definite(p.udfald) || p.mangler.empty()) continue;
        for (const auto& fakta : p.mangler) {
            for (const auto& variant : variants(fakta)) {
                auto key = std::make_pair(fakta, variant.vaerdi);
                auto it = tried.find(key);
                if (it == tried.end()) {
                    Sag changed = sag;
                    variant.set(changed);
                    it = tried.emplace(key, standard.vurder(changed, dato)).first;
                }
                const SporPost* q = entry(it->second, p.regel, n);
                if (!q || q->udfald == p.udfald) continue;
                out.push_back({p.regel, fakta, std::string(p.udfald), variant.vaerdi, std::string(q->udfald)});
                break; // one counterexample per fact is enough
            }
        }
    }
    return out;
}

} // namespace kvalitet
