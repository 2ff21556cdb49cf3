// The document as one HTML page a policy officer can open, mail and print: inline CSS,
// no scripts, nothing fetched from anywhere.
#include <fmt/format.h>

#include <algorithm>

#include "workbench/dokument_model.hpp"

namespace kvalitet::workbench {

namespace {

constexpr std::string_view kCss = R"(
:root { color-scheme: light; }
body { font: 16px/1.5 "Source Serif Pro", Georgia, "Times New Roman", serif; color: #1b1b1b; background: #fff;
       margin: 0 auto; max-width: 56rem; padding: 2rem 1.5rem 4rem; }
h1, h2, h3 { font-family: "Source Sans Pro", "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.9rem; margin: 0 0 1rem; }
h2 { font-size: 1.4rem; margin: 2.2rem 0 .6rem; border-bottom: 2px solid #d0d7de; padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
p { margin: .4rem 0 .8rem; }
ul { margin: .3rem 0 .9rem; padding-left: 1.4rem; }
li { margin: .2rem 0; }
code { font: .88em/1.3 "DejaVu Sans Mono", Menlo, Consolas, monospace; background: #f3f4f6; padding: 0 .2em;
       border-radius: 3px; overflow-wrap: break-word; }
.svag { color: #57606a; }
.antagelse { display: inline-block; font: bold .72rem/1.4 "Source Sans Pro", Arial, sans-serif; letter-spacing: .04em;
             color: #6b3d00; background: #ffe8a3; border: 1px solid #d4a017; border-radius: 3px; padding: 0 .35em;
             vertical-align: .08em; }
.blok-antagelse { background: #fff8e1; border-left: 4px solid #d4a017; padding: .3rem .8rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.2rem; font-size: .92rem; }
th, td { border: 1px solid #d0d7de; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-family: "Source Sans Pro", Arial, sans-serif; }
tbody tr:nth-child(even) td { background: #fbfbfc; }
nav { background: #f6f8fa; border: 1px solid #d0d7de; padding: .5rem 1rem; margin: 1rem 0 1.5rem; }
nav ol { margin: .2rem 0; }
a { color: #0b5cad; }
figure { margin: .8rem 0 1.4rem; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: .9rem; color: #57606a; margin-top: .3rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; }
  tr, li, figure, .blok-antagelse { break-inside: avoid; }
  thead { display: table-header-group; }
  .antagelse, .blok-antagelse { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

constexpr std::string_view kWide = R"(
body { max-width: none; }
@media print { @page { size: A4 landscape; } }
)";

std::string escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\n': out += "<br>"; break;
        default: out += c;
        }
    }
    return out;
}

std::string line(const Linje& l) {
    std::string out;
    for (const auto& s : l) {
        const std::string t = escape(s.tekst);
        switch (s.stil) {
        case Stykke::Stil::Normal: out += t; break;
        case Stykke::Stil::Fed: out += "<strong>" + t + "</strong>"; break;
        case Stykke::Stil::Kode: out += "<code>" + t + "</code>"; break;
        case Stykke::Stil::Svag: out += "<span class=\"svag\">" + t + "</span>"; break;
        case Stykke::Stil::Antagelse: out += "<span class=\"antagelse\">" + t + "</span>"; break;
        }
    }
    return out;
}

std::string anchor(const Blok& b, int n) { return b.anker.empty() ? fmt::format("afsnit-{}", n) : b.anker; }

} // namespace

std::string html(const Dokument& d) {
    std::string body, toc;
    int n = 0;
    for (const auto& b : d.blokke) {
        const char* mark = b.antagelse ? " class=\"blok-antagelse\"" : "";
        switch (b.art) {
        case Blok::Art::Overskrift: {
            const int level = std::clamp(b.niveau, 1, 3);
            ++n;
            const std::string id = escape(anchor(b, n));
            body += fmt::format("<h{0} id=\"{1}\">{2}</h{0}>\n", level, id, line(b.linje));
            if (level == 2) toc += fmt::format("<li><a href=\"#{}\">{}</a></li>", id, line(b.linje));
            break;
        }
        case Blok::Art::Afsnit: body += fmt::format("<p{}>{}</p>\n", mark, line(b.linje)); break;
        case Blok::Art::Punkter:
            body += fmt::format("<ul{}>\n", mark);
            for (const auto& p : b.punkter) body += "<li>" + line(p) + "</li>\n";
            body += "</ul>\n";
            break;
        case Blok::Art::Tabel:
            body += "<table>\n<thead><tr>";
            for (const auto& k : b.kolonner) body += "<th scope=\"col\">" + line(k) + "</th>";
            body += "</tr></thead>\n<tbody>\n";
            for (const auto& r : b.raekker) {
                body += "<tr>";
                for (std::size_t i = 0; i < r.size(); ++i)
                    body += (i == 0 ? "<th scope=\"row\">" : "<td>") + line(r[i]) + (i == 0 ? "</th>" : "</td>");
                body += "</tr>\n";
            }
            body += "</tbody>\n</table>\n";
            break;
        case Blok::Art::Figur:
            body += fmt::format("<figure>\n{}\n<figcaption>{}</figcaption>\n</figure>\n", b.svg, line(b.linje));
            break;
        }
    }
    // The contents go after the first heading (the title), when there are sections to list.
    std::string out = fmt::format("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
                                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                                  "<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n<main>\n",
                                  escape(d.titel), kCss, d.bred ? kWide : std::string_view{});
    if (!toc.empty()) {
        const auto end_h1 = body.find("</h1>\n");
        const std::string nav = "<nav aria-label=\"Indhold\"><strong>Indhold</strong><ol>" + toc + "</ol></nav>\n";
        if (end_h1 == std::string::npos) body.insert(0, nav);
        else body.insert(end_h1 + 6, nav);
    }
    out += body;
    out += "</main>\n</body>\n</html>\n";
    return out;
}

} // namespace kvalitet::workbench
