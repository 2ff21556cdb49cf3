#include "workbench/antagelser.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace kvalitet::workbench {

namespace {

std::string trim(std::string_view s) {
    const auto a = s.find_first_not_of(" \t\n-");
    if (a == std::string_view::npos) return {};
    const auto b = s.find_last_not_of(" \t\n");
    return std::string(s.substr(a, b - a + 1));
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

// A section heading drawn as a comment ("-- Frister -----------"), not an explanation.
bool heading(std::string_view tekst) { return trim(tekst).ends_with("----"); }

// The comments written in lines `s`, and the block of comment-only lines directly above.
std::vector<const Kommentar*> comments_at(const LuaTekst& t, Spaend s) {
    std::vector<const Kommentar*> out;
    std::map<int, const Kommentar*> alone; // by last line
    for (const auto& k : t.kommentarer) {
        if (k.linje >= s.fra && k.linje <= s.til) out.push_back(&k);
        if (k.alene) alone[k.slut] = &k;
    }
    for (int line = s.fra - 1;;) {
        auto it = alone.find(line);
        if (it == alone.end() || heading(it->second->tekst)) break;
        out.push_back(it->second);
        line = it->second->linje - 1;
    }
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->linje < b->linje; });
    return out;
}

// The explaining comments of a declaration, as one text per comment block.
std::vector<std::string> explaining_comments(const LuaTekst& t, Spaend s) {
    std::vector<std::string> out;
    std::string block;
    int last = -2;
    auto flush = [&] {
        if (forklarer(block)) out.push_back(block);
        block.clear();
    };
    for (const auto* k : comments_at(t, s)) {
        if (k->linje != last + 1 && !block.empty()) flush();
        const std::string line = trim(k->tekst);
        if (!line.empty()) block += (block.empty() ? "" : " ") + line;
        last = k->slut;
    }
    if (!block.empty()) flush();
    return out;
}

} // namespace

bool citerer(std::string_view tekst) {
    for (std::string_view q : {"\"", "“", "”", "„", "»", "«"})
        if (tekst.find(q) != std::string::npos) return true;
    return false;
}

bool forklarer(std::string_view tekst) {
    // Whole words of prose: "antagelse", "standarden siger"; an identifier such as
    // antagelse_x is code, not an explanation.
    const std::string t = lower(tekst);
    std::size_t i = 0;
    while (i < t.size()) {
        auto word_char = [&](std::size_t k) {
            const auto c = static_cast<unsigned char>(t[k]);
            return c >= 0x80 || std::isalnum(c) || c == '_';
        };
        if (!word_char(i)) {
            ++i;
            continue;
        }
        std::size_t e = i;
        while (e < t.size() && word_char(e)) ++e;
        const std::string_view word(t.data() + i, e - i);
        if (word.find('_') == std::string_view::npos)
            for (std::string_view stem : {"antagelse", "standard", "siger", "nævner", "læses", "læsning"})
                if (word.starts_with(stem)) return true;
        i = e;
    }
    return citerer(tekst);
}

bool forklarer_selv(std::string_view tekst) {
    return lower(tekst).find("antagelse:") != std::string::npos || citerer(tekst);
}

std::vector<Antagelse> antagelser(Kildetekster& kilder, const Parameterlaesninger& laesninger) {
    std::vector<Antagelse> out;
    std::map<std::string, bool> explained_parameter;
    for (const auto& p : kilder.standard().info().parametre) {
        if (!p.antagelse) continue;
        Antagelse a{true, "parameter", p.id, p.fil, p.tekst, p.linje, {}, {}};
        a.forklaring = explaining_comments(kilder.fil(p.fil), kilder.spaend(p));
        if (a.forklaring.empty()) // the texts, when no comment says it
            for (const std::string* t : {&p.tekst, &p.kilde})
                if (forklarer_selv(*t)) a.forklaring.push_back(*t);
        explained_parameter[p.id] = a.forklaret();
        out.push_back(std::move(a));
    }
    for (const auto& r : kilder.standard().rules()) {
        if (!r.regel->antagelse) continue;
        const Regel& g = *r.regel;
        Antagelse a{false, std::string(art_navn(r.art)), g.id, g.fil, g.tekst, g.linje, {}, {}};
        const Spaend s = kilder.spaend(r);
        a.forklaring = explaining_comments(kilder.fil(g.fil), s);
        if (a.forklaring.empty())
            for (const std::string* t : {&g.tekst, &g.kilde, &g.betingelse, &r.kriterier})
                if (forklarer_selv(*t)) a.forklaring.push_back(*t);
        for (const auto& navn : laesninger.i(g.fil, s))
            if (explained_parameter[navn]) a.via.push_back(navn);
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace kvalitet::workbench
