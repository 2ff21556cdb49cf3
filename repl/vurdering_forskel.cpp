#include "vurdering_forskel.hpp"

#include <fmt/format.h>

#include <set>

namespace kvalitet::repl {

namespace {

const Json kNull;

const Json& at(const Json& j, const char* key) {
    if (!j.is_object()) return kNull;
    auto it = j.find(key);
    return it == j.end() ? kNull : *it;
}

std::string target_group(const Json& v) {
    const Json& i = at(at(v, "maalgruppe"), "i_maalgruppe");
    if (i.is_boolean()) return i.get<bool>() ? "i målgruppen" : "uden for målgruppen";
    return "uafklaret";
}

std::string list(const Json& a) {
    if (!a.is_array() || a.empty()) return "ingen";
    std::string out;
    for (const auto& x : a) out += (out.empty() ? "" : ", ") + (x.is_string() ? x.get<std::string>() : x.dump());
    return out;
}

std::string package(const Json& p) {
    if (!p.is_object()) return "ingen pakke";
    const Json& navn = at(p, "navn");
    const Json& id = at(p, "id");
    return fmt::format("{} ({})", navn.is_string() ? navn.get<std::string>() : "?", id.is_string() ? id.get<std::string>() : "?");
}

std::string covered(const Json& a) {
    const Json& o = at(a, "omfattet");
    std::string out = o.is_boolean() ? (o.get<bool>() ? "omfattet" : "ikke omfattet") : "uafklaret";
    if (const Json& h = at(a, "henvis_til"); h.is_string()) out += " (" + h.get<std::string>() + ")";
    return out;
}

std::string deadline(const Json& f) {
    const Json& d = at(f, "dato");
    const Json& s = at(f, "status");
    return fmt::format("{} {}", d.is_string() ? d.get<std::string>() : "?", s.is_string() ? s.get<std::string>() : "?");
}

// The records of a list by id, in their order.
std::vector<std::pair<std::string, const Json*>> by_id(const Json& list) {
    std::vector<std::pair<std::string, const Json*>> out;
    if (list.is_array())
        for (const auto& x : list)
            if (const Json& id = at(x, "id"); id.is_string()) out.emplace_back(id.get<std::string>(), &x);
    return out;
}

const Json* find(const std::vector<std::pair<std::string, const Json*>>& recs, const std::string& id) {
    for (const auto& [k, v] : recs)
        if (k == id) return v;
    return nullptr;
}

// One line per record added, removed or shown differently by `show`.
template <class Show>
void records(std::vector<std::string>& out, const char* what, const Json& foer, const Json& efter, Show show) {
    const auto a = by_id(foer), b = by_id(efter);
    for (const auto& [id, x] : a) {
        const Json* y = find(b, id);
        if (!y) out.push_back(fmt::format("{} {}: {} → fjernet", what, id, show(*x)));
        else if (show(*x) != show(*y)) out.push_back(fmt::format("{} {}: {} → {}", what, id, show(*x), show(*y)));
    }
    for (const auto& [id, y] : b)
        if (!find(a, id)) out.push_back(fmt::format("{} {}: ny, {}", what, id, show(*y)));
}

// Warnings by id and text: one rule may warn several times (one delivery each).
void warnings(std::vector<std::string>& out, const Json& foer, const Json& efter) {
    auto texts = [](const Json& list) {
        std::multiset<std::pair<std::string, std::string>> s;
        if (list.is_array())
            for (const auto& w : list) {
                const Json& id = at(w, "id");
                const Json& t = at(w, "tekst");
                s.emplace(id.is_string() ? id.get<std::string>() : "?", t.is_string() ? t.get<std::string>() : "");
            }
        return s;
    };
    auto a = texts(foer), b = texts(efter);
    for (const auto& w : a)
        if (auto it = b.find(w); it != b.end()) b.erase(it);
        else out.push_back(fmt::format("advarsel {} er væk: {}", w.first, w.second));
    for (const auto& w : b) out.push_back(fmt::format("ny advarsel {}: {}", w.first, w.second));
}

} // namespace

std::vector<std::string> vurdering_forskel(const Json& foer, const Json& efter) {
    std::vector<std::string> out;
    auto change = [&](const char* what, const std::string& a, const std::string& b) {
        if (a != b) out.push_back(fmt::format("{}: {} → {}", what, a, b));
    };
    change("målgruppe", target_group(foer), target_group(efter));
    change("mangler", list(at(at(foer, "maalgruppe"), "mangler")), list(at(at(efter, "maalgruppe"), "mangler")));
    change("henvis til", list(at(at(foer, "maalgruppe"), "henvis_til")), list(at(at(efter, "maalgruppe"), "henvis_til")));
    change("pakke", package(at(foer, "pakke")), package(at(efter, "pakke")));
    records(out, "aktivitet", at(foer, "aktiviteter"), at(efter, "aktiviteter"), covered);
    records(out, "frist", at(foer, "frister"), at(efter, "frister"), deadline);
    warnings(out, at(foer, "advarsler"), at(efter, "advarsler"));
    return out;
}

} // namespace kvalitet::repl
