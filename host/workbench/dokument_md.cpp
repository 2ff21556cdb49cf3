// The document as Markdown (CommonMark with GitHub's tables), for a wiki or a repository.
// Every character Markdown could read as markup is escaped, so a script's text stays text.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "workbench/dokument_model.hpp"

namespace kvalitet::workbench {

namespace {

// `in_table`: a newline cannot be in a cell, so it becomes <br> there (GitHub's way).
std::string escape(std::string_view s, bool in_table) {
    std::string out;
    bool line_start = false; // just after a newline inside the text
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\n') {
            out += in_table ? "<br>" : "\\\n";
            line_start = !in_table;
            continue;
        }
        if (c == '\r') continue;
        if (line_start) {
            // A new line of a paragraph must not start a block: indentation (a code block),
            // "- ", "+ ", "1. " (a list) or "===" (a heading over the line before).
            if (c == ' ' || c == '\t') continue;
            line_start = false;
            if (c == '-' || c == '+' || c == '=') out += '\\';
            std::size_t d = i;
            while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
            if (d > i && d < s.size() && (s[d] == '.' || s[d] == ')')) {
                out.append(s.substr(i, d - i));
                out += '\\';
                i = d - 1;
                continue;
            }
        }
        if (std::string_view("\\`*_[]<>|&~#").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// A code span whose fence is longer than any run of backticks inside it.
std::string code(std::string_view s, bool in_table) {
    std::size_t longest = 0, run = 0;
    for (char c : s) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(longest + 1, '`');
    std::string body(s);
    std::replace(body.begin(), body.end(), '\n', ' ');
    if (in_table) { // a | ends a cell even inside a code span
        std::string t;
        for (char c : body) t += c == '|' ? std::string("\\|") : std::string(1, c);
        body = t;
    }
    const bool pad = body.starts_with('`') || body.ends_with('`');
    return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

// `out` + `before` + `text` + `after`, appended in place.
void wrap(std::string& out, std::string_view before, const std::string& text, std::string_view after) {
    out.append(before).append(text).append(after);
}

// Emphasis around the text but not its outer spaces: "** x**" is no emphasis in CommonMark.
void emphasis(std::string& out, std::string_view open, const std::string& text, std::string_view close) {
    const auto a = text.find_first_not_of(' ');
    if (a == std::string::npos) {
        out += text;
        return;
    }
    const auto b = text.find_last_not_of(' ');
    out.append(text, 0, a);
    wrap(out, open, text.substr(a, b - a + 1), close);
    out.append(text, b + 1);
}

std::string line(const Linje& l, bool in_table = false) {
    std::string out;
    for (const auto& s : l) {
        if (s.tekst.empty()) continue;
        switch (s.stil) {
        case Stykke::Stil::Normal: out += escape(s.tekst, in_table); break;
        case Stykke::Stil::Fed: emphasis(out, "**", escape(s.tekst, in_table), "**"); break;
        case Stykke::Stil::Kode: out += code(s.tekst, in_table); break;
        case Stykke::Stil::Svag: emphasis(out, "*", escape(s.tekst, in_table), "*"); break;
        case Stykke::Stil::Antagelse: emphasis(out, "**⚠ ", escape(s.tekst, in_table), "**"); break;
        }
    }
    return out;
}

// A paragraph must not begin like a list item, a heading or a quote.
std::string block_start(std::string s) {
    std::size_t digits = 0;
    while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
    if (digits > 0 && digits < s.size() && (s[digits] == '.' || s[digits] == ')')) s.insert(digits, 1, '\\');
    else if (!s.empty() && (s[0] == '-' || s[0] == '+' || s[0] == '=' || s[0] == '!')) s.insert(0, 1, '\\');
    return s;
}

} // namespace

std::string markdown(const Dokument& d) {
    std::string out;
    for (const auto& b : d.blokke) {
        switch (b.art) {
        case Blok::Art::Overskrift:
            out.append(std::size_t(std::clamp(b.niveau, 1, 3)), '#');
            wrap(out, " ", line(b.linje), "\n\n");
            break;
        case Blok::Art::Afsnit: wrap(out, b.antagelse ? "> " : "", block_start(line(b.linje)), "\n\n"); break;
        case Blok::Art::Punkter:
            for (const auto& p : b.punkter) wrap(out, b.antagelse ? "> - " : "- ", line(p, true), "\n");
            out += "\n";
            break;
        case Blok::Art::Tabel: {
            out += "|";
            for (const auto& k : b.kolonner) wrap(out, " ", line(k, true), " |");
            out += "\n|";
            for (std::size_t i = 0; i < b.kolonner.size(); ++i) out += " --- |";
            out += "\n";
            for (const auto& r : b.raekker) {
                out += "|";
                for (const auto& c : r) wrap(out, " ", line(c, true), " |");
                out += "\n";
            }
            out += "\n";
            break;
        }
        case Blok::Art::Figur: // Markdown has no charts: the caption says what it shows
            wrap(out, "", block_start(line(b.linje)), "\n\n");
            break;
        }
    }
    return out;
}

} // namespace kvalitet::workbench
