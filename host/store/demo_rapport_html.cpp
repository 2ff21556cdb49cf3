// The main job's report as one HTML page: inline CSS and SVG, no scripts, nothing fetched,
// so it opens from a mail or a shared drive and prints.
#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "store/demo_rapport.hpp"

namespace kvalitet {

namespace {

constexpr std::string_view kCss = R"(
:root { color-scheme: light; }
body { font: 15px/1.45 "Source Sans Pro", "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; background: #fff;
       margin: 0 auto; max-width: 70rem; padding: 1.5rem 1.5rem 4rem; }
h1 { font-size: 1.8rem; margin: 0 0 .3rem; }
h2 { font-size: 1.4rem; margin: 2.4rem 0 .4rem; border-bottom: 2px solid #d0d7de; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
p { margin: .3rem 0 .7rem; }
.svag { color: #57606a; }
.kort { display: flex; flex-wrap: wrap; gap: 1.2rem; align-items: flex-start; }
.kort > div { flex: 1 1 20rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #d0d7de; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.tal, th.tal { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) td { background: #fbfbfc; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font: 12px "Source Sans Pro", Arial, sans-serif; fill: #1b1b1b; }
.forkl { font-size: .85rem; color: #57606a; }
nav { background: #f6f8fa; border: 1px solid #d0d7de; padding: .4rem 1rem; margin: 1rem 0; }
a { color: #0b5cad; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  h2 { break-before: page; }
  tr, svg { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

constexpr std::string_view kGroen = "#2e7d32", kRoed = "#c62828", kGul = "#d4a017", kBlaa = "#1f6feb", kGraa = "#8c959f";

// How many rows of a list the page shows; the rest is counted.
constexpr std::size_t kRaekker = 25;

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
        default: out += c;
        }
    }
    return out;
}

std::string frist_navn(std::string_view id) {
    static constexpr std::pair<std::string_view, std::string_view> navne[] = {
        {"sagsbehandling", "Afgørelse efter ansøgning"}, {"henvendelse", "Første henvendelse"},
        {"klage", "Klagefrist"}, {"genvurdering", "Genvurdering af klage"},
        {"foerste_opfoelgning", "Første opfølgning"}, {"naeste_opfoelgning", "Næste opfølgning"},
        {"indsatsplan", "Indsatsplan"}, {"arbejdspladsvurdering", "Arbejdspladsvurdering"},
    };
    for (auto [k, v] : navne)
        if (k == id) return std::string(v);
    return std::string(id);
}

std::string dato_tekst(const std::string& iso) {
    auto d = Dato::parse(iso);
    return d ? d->tekst() : iso;
}

// A horizontal bar chart: one row per label, bars scaled to the largest value.
std::string bars(const std::vector<std::pair<std::string, std::int64_t>>& rows, std::string_view colour,
                 std::string_view title) {
    const int row = 24, label = 250, width = 640, bar = width - label - 60;
    const int height = std::max(1, int(rows.size())) * row + 8;
    std::int64_t max = 1;
    for (const auto& [_, n] : rows) max = std::max(max, n);
    std::string out = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
                                  "viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"{2}\"><title>{2}</title>",
                                  width, height, escape(title));
    if (rows.empty()) out += fmt::format("<text x=\"0\" y=\"18\">ingen</text>");
    int y = 4;
    for (const auto& [name, n] : rows) {
        const int w = int(double(bar) * double(n) / double(max));
        out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", label - 8, y + 16, escape(name));
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" rx=\"2\"/>", label, y + 3,
                           std::max(w, 1), row - 6, colour);
        out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>", label + std::max(w, 1) + 6, y + 16, n);
        y += row;
    }
    return out + "</svg>";
}

// One bar split into parts (in the target group, outside, undetermined), with a legend.
std::string stacked(const std::vector<std::tuple<std::string, std::int64_t, std::string_view>>& parts,
                    std::string_view title) {
    const int width = 640, height = 64;
    std::int64_t total = 0;
    for (const auto& p : parts) total += std::get<1>(p);
    std::string out = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
                                  "viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"{2}\"><title>{2}</title>",
                                  width, height, escape(title));
    double x = 0;
    int legend = 0;
    for (const auto& [name, n, colour] : parts) {
        const double w = total ? double(width) * double(n) / double(total) : 0;
        if (w > 0) out += fmt::format("<rect x=\"{:.1f}\" y=\"0\" width=\"{:.1f}\" height=\"26\" fill=\"{}\"/>", x, w, colour);
        x += w;
        out += fmt::format("<rect x=\"{}\" y=\"40\" width=\"12\" height=\"12\" fill=\"{}\"/>", legend, colour);
        out += fmt::format("<text x=\"{}\" y=\"51\">{} {}</text>", legend + 16, escape(name), n);
        legend += 210;
    }
    return out + "</svg>";
}

std::string frist_tabel(const std::vector<RapportFrist>& list, std::string_view tom) {
    if (list.empty()) return fmt::format("<p class=\"svag\">{}</p>\n", tom);
    std::string out = "<table><thead><tr><th>Dato</th><th>Frist</th><th>Sag</th></tr></thead><tbody>\n";
    for (std::size_t i = 0; i < list.size() && i < kRaekker; ++i)
        out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", escape(dato_tekst(list[i].dato)),
                           escape(frist_navn(list[i].id)), escape(list[i].sag_id));
    out += "</tbody></table>\n";
    if (list.size() > kRaekker) out += fmt::format("<p class=\"svag\">… og {} flere.</p>\n", list.size() - kRaekker);
    return out;
}

std::vector<std::pair<std::string, std::int64_t>> per_frist(const std::vector<RapportFrist>& list) {
    std::map<std::string, std::int64_t> n;
    for (const auto& f : list) ++n[frist_navn(f.id)];
    std::vector<std::pair<std::string, std::int64_t>> rows(n.begin(), n.end());
    std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.second > b.second; });
    return rows;
}

std::string kommune_afsnit(const std::string& id, const KommuneRapport& k, Dato dato) {
    std::string out = fmt::format("<h2 id=\"{0}\">{0}</h2>\n<p class=\"svag\">{1}</p>\n", escape(id), escape(k.titel));
    auto frister = [](std::size_t n) { return fmt::format("{} {}", n, n == 1 ? "frist" : "frister"); };
    out += fmt::format("<p>{} sager vurderet. {} har advarsler; {} er overskredet, og {} falder inden for {} dage "
                       "(til og med {}).</p>\n",
                       k.sager, k.med_advarsler == 1 ? "1 sag" : fmt::format("{} sager", k.med_advarsler),
                       frister(k.overskredne.size()), frister(k.kommende.size()), kSnartDage,
                       dato.plus_days(kSnartDage).tekst());

    out += "<div class=\"kort\"><div>\n<h3>Målgruppe</h3>\n";
    out += stacked({{"i målgruppen", k.i_maalgruppe, kGroen},
                    {"uden for", k.uden_for, kGraa},
                    {"uafklaret", k.uafklaret, kGul}},
                   "Målgruppe: " + id);
    if (!k.mangler.empty()) {
        std::vector<std::pair<std::string, std::int64_t>> rows(k.mangler.begin(), k.mangler.end());
        std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.second > b.second; });
        out += "<p class=\"forkl\">De uafklarede sager mangler (antal sager):</p>\n";
        out += bars(rows, kGul, "Manglende oplysninger: " + id);
    }
    out += "</div><div>\n<h3>Pakker</h3>\n";
    if (k.pakker.empty()) out += "<p class=\"svag\">Standarden graduerer ikke støtten i pakker; timetallet står i bevillingen.</p>\n";
    else out += bars({k.pakker.begin(), k.pakker.end()}, kBlaa, "Pakkefordeling: " + id);
    out += "</div></div>\n";

    out += "<div class=\"kort\"><div>\n<h3>Overskredne frister</h3>\n";
    out += bars(per_frist(k.overskredne), kRoed, "Overskredne frister: " + id);
    out += frist_tabel(k.overskredne, "Ingen overskredne frister.");
    out += fmt::format("</div><div>\n<h3>Frister de næste {} dage</h3>\n", kSnartDage);
    out += bars(per_frist(k.kommende), kBlaa, "Kommende frister: " + id);
    out += frist_tabel(k.kommende, "Ingen frister de næste 30 dage.");
    out += "</div></div>\n";

    out += "<h3>Advarsler, der kræver handling</h3>\n";
    if (k.advarsler.empty()) return out + "<p class=\"svag\">Ingen advarsler.</p>\n";
    std::vector<std::pair<std::string, std::int64_t>> rows;
    for (const auto& [a, cases] : k.advarsler) rows.emplace_back(a, std::int64_t(cases.size()));
    std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.second > b.second; });
    out += "<p class=\"forkl\">Antal sager med advarslen (en sag tæller én gang pr. slags):</p>\n";
    out += bars(rows, kRoed, "Advarsler: " + id);
    for (const auto& [a, n] : rows) {
        const auto& cases = k.advarsler.at(a);
        out += fmt::format("<h4>{} <span class=\"svag\">({} sager; {})</span></h4>\n", escape(a), n,
                           escape(k.advarsel_kilde.at(a)));
        out += "<table><thead><tr><th>Sag</th><th>Advarsel</th></tr></thead><tbody>\n";
        for (std::size_t i = 0; i < cases.size() && i < 10; ++i)
            out += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", escape(cases[i].sag_id), escape(cases[i].tekst));
        out += "</tbody></table>\n";
        if (cases.size() > 10) out += fmt::format("<p class=\"svag\">… og {} flere.</p>\n", cases.size() - 10);
    }
    return out;
}

} // namespace

std::string demo_rapport_html(const DemoRapport& r) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += fmt::format("<title>Kvalitet: § 85-sager pr. {}</title>\n<style>{}</style>\n</head>\n<body>\n", r.dato.iso(), kCss);
    out += fmt::format("<h1>§ 85-sager vurderet {}</h1>\n", escape(r.dato.tekst()));
    out += fmt::format("<p class=\"svag\">Hver sags seneste vurdering i <code>{}</code>, efter kommunens egen "
                       "kvalitetsstandard. Syntetiske sager: ingen rigtige personer.</p>\n", escape(r.db));
    std::vector<std::pair<std::string, std::int64_t>> overblik;
    out += "<nav><strong>Kommuner:</strong> ";
    for (const auto& [id, k] : r.kommuner) {
        out += fmt::format("<a href=\"#{0}\">{0}</a> ", escape(id));
        overblik.emplace_back(id, k.med_advarsler);
    }
    out += "</nav>\n<h3>Sager med advarsler pr. kommune</h3>\n";
    out += bars(overblik, kRoed, "Sager med advarsler pr. kommune");
    for (const auto& [id, k] : r.kommuner) out += kommune_afsnit(id, k, r.dato);
    return out + "</body>\n</html>\n";
}

} // namespace kvalitet
