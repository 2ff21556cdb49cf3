#include "test_rapport.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace kvalitet::cli {

using nlohmann::json;

namespace {

// "frister.klage.dato" → frister, klage, dato; "maalgruppe.mangler[1]" → maalgruppe, mangler.
std::vector<std::string> segments(std::string_view sti) {
    std::vector<std::string> out;
    std::string cur;
    bool in_index = false;
    for (char c : sti) {
        if (c == '[') in_index = true;
        else if (c == ']') in_index = false;
        else if (c == '.' && !in_index) {
            out.push_back(cur);
            cur.clear();
        } else if (!in_index) cur += c;
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

std::string field(const json& post, const char* key) {
    auto it = post.find(key);
    return it != post.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool has_missing(const json& post) {
    auto it = post.find("mangler");
    return it != post.end() && it->is_array() && !it->empty();
}

// The ids a test asked for as a list (`advarsler = { "mange_afbud" }`), from its side of
// the difference; empty when it is not such a list.
std::set<std::string> wanted_ids(std::string_view forventet) {
    std::set<std::string> ids;
    const json j = json::parse(std::string(forventet), nullptr, false);
    if (j.is_array())
        for (const auto& x : j)
            if (x.is_string()) ids.insert(x.get<std::string>());
    return ids;
}

using Pick = bool (*)(const json& post, const json& vurdering);

// The target group's entries that made the answer what it is: for no, the unmet
// requirements and applying exclusions; for undetermined, those missing a fact; for yes,
// all of them (each had to hold).
bool decided_target_group(const json& post, const json& v) {
    const json* i = nullptr;
    if (auto m = v.find("maalgruppe"); m != v.end() && m->is_object())
        if (auto it = m->find("i_maalgruppe"); it != m->end()) i = &*it;
    const std::string u = field(post, "udfald");
    if (i && i->is_boolean() && !i->get<bool>()) return u == "ikke_opfyldt" || u == "gaelder";
    if (i && i->is_null()) return u == "ukendt" || has_missing(post);
    return true;
}

} // namespace

std::vector<const json*> afgoerende_spor(const json& vurdering, std::string_view sti, std::string_view forventet) {
    std::vector<const json*> out;
    auto spor = vurdering.find("spor");
    if (spor == vurdering.end() || !spor->is_array()) return out;
    const auto seg = segments(sti);
    const std::string top = seg.empty() ? "" : seg[0], id = seg.size() > 1 ? seg[1] : "";
    const auto ids = wanted_ids(forventet);
    auto pick = [&](auto&& keep) {
        for (const auto& post : *spor)
            if (keep(post)) out.push_back(&post);
    };
    auto in_step = [](const json& post, const char* trin) { return field(post, "trin") == trin; };
    if (top == "maalgruppe") {
        if (id == "begrundelser" && seg.size() > 2) pick([&](const json& p) { return field(p, "regel") == seg[2]; });
        else if (id == "henvis_til")
            pick([&](const json& p) {
                const auto u = field(p, "udfald");
                return in_step(p, "maalgruppe") && (u == "henviser" || u == "gaelder");
            });
        else if (id == "mangler") pick([&](const json& p) { return in_step(p, "maalgruppe") && has_missing(p); });
        else pick([&](const json& p) { return in_step(p, "maalgruppe") && decided_target_group(p, vurdering); });
        if (out.empty()) pick([&](const json& p) { return in_step(p, "maalgruppe"); });
    } else if (top == "aktiviteter" || top == "frister") {
        if (!id.empty()) pick([&](const json& p) { return in_step(p, top.c_str()) && field(p, "regel") == id; });
        if (out.empty()) pick([&](const json& p) { return in_step(p, top.c_str()) && (id.empty() || ids.count(field(p, "regel"))); });
        if (out.empty()) pick([&](const json& p) { return in_step(p, top.c_str()); });
    } else if (top == "pakke") {
        pick([&](const json& p) { return in_step(p, "pakke"); });
    } else if (top == "advarsler") {
        // A warning comes from a requirement of the same id, or from a deadline: an overdue
        // municipal one, or a complaint that came too late.
        auto from_deadline = [](const json& p, const std::string& w) {
            const auto u = field(p, "udfald");
            return field(p, "trin") == "frister" &&
                   ((w == "frist_overskredet" && u == "overskredet") || (w == "klage_efter_fristen" && u == "for_sent"));
        };
        std::set<std::string> expected = ids, given, which;
        if (!id.empty()) expected.insert(id);
        if (auto a = vurdering.find("advarsler"); a != vurdering.end() && a->is_array())
            for (const auto& w : *a) given.insert(field(w, "id"));
        // The warnings that differ, either way: one the case gave but the test did not expect
        // was decided by its own rule, not by the ones expected (an overdue deadline beside
        // an expected requirement). When the same ones were given, all of them.
        for (const auto& w : expected)
            if (!given.count(w)) which.insert(w);
        for (const auto& w : given)
            if (!expected.count(w)) which.insert(w);
        if (which.empty()) which = expected;
        if (!id.empty()) which = {id}; // a path into one warning: that warning's rule
        // An overdue deadline that should have warned and did not: every deadline, to see
        // which one the test had in mind.
        auto missing_deadline = [&](const json& p) {
            return field(p, "trin") == "frister" &&
                   ((which.count("frist_overskredet") && !given.count("frist_overskredet")) ||
                    (which.count("klage_efter_fristen") && !given.count("klage_efter_fristen") && field(p, "regel") == "klage"));
        };
        if (which.empty())
            pick([&](const json& p) {
                return (in_step(p, "krav") && field(p, "udfald") == "afvigelse") || from_deadline(p, "frist_overskredet") ||
                       from_deadline(p, "klage_efter_fristen");
            });
        else
            pick([&](const json& p) {
                for (const auto& w : which)
                    if (field(p, "regel") == w || from_deadline(p, w)) return true;
                return missing_deadline(p);
            });
    } else {
        pick([&](const json& p) { return std::find(seg.begin(), seg.end(), field(p, "regel")) != seg.end(); });
    }
    return out;
}

namespace {

std::size_t width(std::string_view s) {
    return std::size_t(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// `s` in pieces of at most `w` code points, broken after a comma or a space where the
// piece has one in its last two thirds ("…","levering_uden_for_dagtimer"] is not cut in a
// name), else at the width.
std::vector<std::string> wrap(std::string_view s, std::size_t w) {
    std::vector<std::string> out;
    std::string cur;
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool starts = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
        if (starts && n == w) {
            const auto brk = cur.find_last_of(", ");
            const std::size_t cut = brk != std::string::npos && brk + 1 > cur.size() / 3 ? brk + 1 : cur.size();
            out.push_back(cur.substr(0, cut));
            cur.erase(0, cut);
            n = width(cur);
        }
        cur += s[i];
        n += starts;
    }
    out.push_back(std::move(cur));
    return out;
}

} // namespace

std::vector<std::string> side_om_side(const std::vector<std::vector<std::string>>& raekker, std::size_t bredde,
                                      std::string_view indryk) {
    std::vector<std::size_t> widths;
    for (const auto& r : raekker)
        for (std::size_t c = 0; c < r.size(); ++c) {
            if (widths.size() <= c) widths.push_back(0);
            widths[c] = std::max(widths[c], std::min(width(r[c]), bredde));
        }
    std::vector<std::string> blocks;
    for (const auto& r : raekker) {
        std::string out;
        std::vector<std::vector<std::string>> cells;
        std::size_t lines = 1;
        for (const auto& cell : r) {
            cells.push_back(wrap(cell, bredde));
            lines = std::max(lines, cells.back().size());
        }
        for (std::size_t l = 0; l < lines; ++l) {
            std::string line(indryk);
            for (std::size_t c = 0; c < cells.size(); ++c) {
                const std::string piece = l < cells[c].size() ? cells[c][l] : "";
                line += piece;
                if (c + 1 < cells.size()) line += std::string(widths[c] - width(piece) + 2, ' ');
            }
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out += line + "\n";
        }
        blocks.push_back(std::move(out));
    }
    return blocks;
}

std::string fejlrapport(const harness::Resultat& r, bool fuldt_spor) {
    const auto& t = *r.test;
    std::string out = fmt::format("FEJL  {}:{}  [{}] {}\n", t.fil, t.linje, t.kommune, t.navn);
    if (!r.fejl.empty()) {
        // One message may hold several lines (one per rule that decided on a missing fact).
        std::string::size_type a = 0, b;
        while ((b = r.fejl.find('\n', a)) != std::string::npos) out += "      " + r.fejl.substr(a, b - a) + "\n", a = b + 1;
        out += "      " + r.fejl.substr(a) + "\n";
    }
    constexpr std::size_t kColumn = 48;
    std::vector<std::vector<std::string>> rows = {{"sti", "forventet", "fik"}};
    for (const auto& f : r.forskelle) rows.push_back({f.sti.empty() ? "(vurderingen)" : f.sti, f.forventet, f.fik});
    const auto blocks = side_om_side(rows, kColumn, "      ");
    if (!r.forskelle.empty()) out += blocks[0];
    for (std::size_t n = 0; n < r.forskelle.size(); ++n) {
        const auto& f = r.forskelle[n];
        out += blocks[n + 1];
        if (f.ukendt_id) continue;
        const auto decided = afgoerende_spor(r.vurdering_json, f.sti, f.forventet);
        for (std::size_t i = 0; i < decided.size(); ++i)
            out += fmt::format("        {:<11} {}\n", i == 0 ? "afgjort af:" : "", harness::spor_linje(*decided[i]));
    }
    if (fuldt_spor && r.vurdering)
        out += fmt::format("      spor (vurderet {}):\n{}", t.dato.iso(), harness::spor_tekst(*r.vurdering));
    return out + "\n";
}

} // namespace kvalitet::cli
