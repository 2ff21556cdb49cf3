#include "harness/sammenlign.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "domain/mente_du.hpp"
#include "domain/tekst.hpp"

namespace kvalitet::harness {

using nlohmann::json;

namespace {

constexpr std::size_t kVist = 200; // bytes of a value a report shows

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// At most kVist bytes from `from`, never inside a UTF-8 character, "…" where cut.
std::string udsnit(const std::string& s, std::size_t from) {
    std::string out = from ? "…" : "";
    const std::string_view rest = std::string_view(s).substr(from);
    if (rest.size() <= kVist) return out + std::string(rest);
    return out + std::string(utf8_prefix(rest, kVist - 3)) + "…";
}

std::string vis(const json& j) { return udsnit(dump(j), 0); }

// Expected and got side by side: two long texts that begin alike are shown from a little
// before where they differ, so the difference is not cut off in both (a warning text whose
// number changed after 200 bytes read the same on both sides).
std::pair<std::string, std::string> vis_par(const json& a, const json& b) {
    const std::string s = dump(a), t = dump(b);
    if (s.size() <= kVist && t.size() <= kVist) return {s, t};
    std::size_t d = 0;
    while (d < s.size() && d < t.size() && s[d] == t[d]) ++d;
    std::size_t from = d > 60 ? d - 60 : 0;
    while (from > 0 && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) --from; // same bytes in both
    return {udsnit(s, from), udsnit(t, from)};
}

Forskel forskel(const std::string& sti, const json& forventet, const json& fik) {
    auto [a, b] = vis_par(forventet, fik);
    return {sti, std::move(a), std::move(b)};
}

std::string join(const std::string& a, const std::string& b) { return a.empty() ? b : a + "." + b; }

// The id of a record in an assessment list: "id", or "regel" in begrundelser.
const json* record_id(const json& x) {
    if (!x.is_object()) return nullptr;
    if (auto it = x.find("id"); it != x.end() && it->is_string()) return &*it;
    if (auto it = x.find("regel"); it != x.end() && it->is_string()) return &*it;
    return nullptr;
}

bool is_record_list(const json& a) {
    return a.is_array() && std::all_of(a.begin(), a.end(), [](const json& x) { return record_id(x) != nullptr; });
}

using Known = std::span<const std::string_view>;

void match(const json& exp, const json& act, const std::string& sti, std::vector<Forskel>& out, Known known);

void match_by_id(const json& exp, const json& act, const std::string& sti, std::vector<Forskel>& out, Known known) {
    for (const auto& item : exp.items()) {
        // Named, not a structured binding: clang before 16 cannot capture one in a lambda.
        const std::string& id = item.key();
        const json& e = item.value();
        auto it = std::find_if(act.begin(), act.end(), [&](const json& x) { return *record_id(x) == id; });
        const std::string p = join(sti, id);
        if (it == act.end() && !known.empty() && std::find(known.begin(), known.end(), id) == known.end()) {
            out.push_back({p, e.is_boolean() && !e.get<bool>() ? "ikke til stede" : vis(e),
                           fmt::format("ukendt id: ingen regel eller advarsel i standarden hedder '{}'{}", id,
                                       mente_du(id, known)),
                           true});
        } else if (e.is_boolean() && !e.get<bool>()) {
            if (it != act.end()) out.push_back({p, "ikke til stede", vis(*it)});
        } else if (it == act.end()) {
            out.push_back({p, vis(e), "ikke til stede"});
        } else {
            match(e, *it, p, out, known);
        }
    }
}

void match_ids(const json& exp, const json& act, const std::string& sti, std::vector<Forskel>& out) {
    std::vector<std::string> want, got;
    for (const auto& e : exp) want.push_back(e.get<std::string>());
    for (const auto& a : act) got.push_back(record_id(a)->get<std::string>());
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    if (want != got) out.push_back(forskel(sti, json(want), json(got)));
}

// The assessment's lists of records named by id: advarsler = { "mange_afbud" } names ids, where
// mangler = { "motiveret" } or henvis_til = { "SEL § 83" } name facts and texts.
bool holds_records(std::string_view sti) {
    const auto dot = sti.rfind('.');
    const std::string_view last = dot == std::string_view::npos ? sti : sti.substr(dot + 1);
    return last == "advarsler" || last == "frister" || last == "aktiviteter" || last == "begrundelser" ||
           last == "ukontrollerede";
}

// An id in a list the standard has no rule or warning for, said as match_by_id says it (a
// misspelt id only ever differed from the list, without the one meant). True when one was.
bool unknown_ids(const json& exp, const std::string& sti, std::vector<Forskel>& out, Known known) {
    bool any = false;
    for (const auto& e : exp) {
        const std::string id = e.get<std::string>();
        if (known.empty() || std::find(known.begin(), known.end(), id) != known.end()) continue;
        out.push_back({join(sti, id), vis(e),
                       fmt::format("ukendt id: ingen regel eller advarsel i standarden hedder '{}'{}", id, mente_du(id, known)),
                       true});
        any = true;
    }
    return any;
}

void match(const json& exp, const json& act, const std::string& sti, std::vector<Forskel>& out, Known known) {
    const bool empty_exp = (exp.is_object() || exp.is_array()) && exp.empty();
    if (empty_exp) {
        if (!((act.is_array() || act.is_object()) && act.empty())) out.push_back({sti, "tom", vis(act)});
        return;
    }
    if (exp.is_object()) {
        if (is_record_list(act)) return match_by_id(exp, act, sti, out, known);
        if (!act.is_object()) return out.push_back(forskel(sti, exp, act));
        for (const auto& [k, e] : exp.items()) {
            auto it = act.find(k);
            if (it == act.end()) out.push_back({join(sti, k), vis(e), "feltet findes ikke i vurderingen"});
            else match(e, *it, join(sti, k), out, known);
        }
        return;
    }
    if (exp.is_array()) {
        const bool ids = std::all_of(exp.begin(), exp.end(), [](const json& x) { return x.is_string(); });
        if (ids && holds_records(sti) && unknown_ids(exp, sti, out, known)) return;
        if (ids && is_record_list(act) && !act.empty()) return match_ids(exp, act, sti, out);
        if (!act.is_array() || act.size() != exp.size()) return out.push_back(forskel(sti, exp, act));
        for (std::size_t i = 0; i < exp.size(); ++i)
            match(exp[i], act[i], sti + "[" + std::to_string(i + 1) + "]", out, known);
        return;
    }
    if (exp.is_number() && act.is_number()) {
        if (exp.get<double>() != act.get<double>()) out.push_back(forskel(sti, exp, act));
        return;
    }
    if (exp != act) out.push_back(forskel(sti, exp, act));
}

} // namespace

std::vector<Forskel> sammenlign(const json& forvent, const json& faktisk, Known kendte_id) {
    std::vector<Forskel> out;
    match(forvent, faktisk, "", out, kendte_id);
    return out;
}

} // namespace kvalitet::harness
