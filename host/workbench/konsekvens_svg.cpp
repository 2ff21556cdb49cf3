#include "workbench/konsekvens_svg.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "workbench/konsekvens_tal.hpp"

namespace kvalitet::workbench {

namespace {

std::string xml(std::string_view s) {
    std::string out;
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

constexpr int kFont = 13;

std::string start(int w, int h, const std::string& titel) {
    return fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
                       "role=\"img\" font-family=\"Arial, sans-serif\" font-size=\"{2}\"><title>{3}</title>\n",
                       w, h, kFont, xml(titel));
}

// White to a deep blue by the share of the largest change.
std::string blue(double andel) {
    const auto mix = [&](int fra, int til) { return int(fra + (til - fra) * andel); };
    return fmt::format("#{:02x}{:02x}{:02x}", mix(0xe8, 0x0b), mix(0xf1, 0x4f), mix(0xfb, 0x9c));
}

} // namespace

std::string svg_overgange(const std::string& titel, const std::vector<std::string>& navne,
                          const std::vector<std::vector<std::size_t>>& antal) {
    const int n = int(navne.size());
    std::size_t laengst = 4;
    for (const auto& s : navne) laengst = std::max(laengst, s.size());
    const int venstre = 20 + int(laengst) * 8, top = 56, celle_b = std::max(72, int(laengst) * 8 + 8), celle_h = 40;
    const int w = venstre + n * celle_b + 10, h = top + n * celle_h + 10;
    std::size_t stoerst = 0;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            if (i != j) stoerst = std::max(stoerst, antal[std::size_t(i)][std::size_t(j)]);
    std::string s = start(w, h, titel);
    s += fmt::format("<text x=\"{}\" y=\"16\" font-weight=\"bold\">efter →</text>\n", venstre);
    s += fmt::format("<text x=\"4\" y=\"{}\" font-weight=\"bold\">før ↓</text>\n", top - 8);
    for (int j = 0; j < n; ++j)
        s += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", venstre + j * celle_b + celle_b / 2,
                         top - 10, xml(navne[std::size_t(j)]));
    for (int i = 0; i < n; ++i) {
        const int y = top + i * celle_h;
        s += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", venstre - 8, y + celle_h / 2 + 4,
                         xml(navne[std::size_t(i)]));
        for (int j = 0; j < n; ++j) {
            const std::size_t a = antal[std::size_t(i)][std::size_t(j)];
            const double andel = stoerst ? double(a) / double(stoerst) : 0;
            const std::string fyld = i == j ? (a ? "#e5e7eb" : "#f6f8fa") : (a ? blue(0.15 + 0.85 * andel) : "#ffffff");
            const int x = venstre + j * celle_b;
            s += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#d0d7de\"/>\n", x, y,
                             celle_b, celle_h, fyld);
            s += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n", x + celle_b / 2,
                             y + celle_h / 2 + 4, i != j && andel > 0.5 ? "#ffffff" : "#1b1b1b", heltal_dk(a));
        }
    }
    return s + "</svg>";
}

std::string svg_foer_efter(const std::string& titel, double foer, double efter, const std::string& enhed) {
    const int venstre = 60, bredde = 420, w = venstre + bredde + 170, h = 96;
    const double stoerst = std::max({foer, efter, 1e-9});
    std::string s = start(w, h, titel);
    const std::pair<const char*, double> soejler[] = {{"før", foer}, {"efter", efter}};
    for (int i = 0; i < 2; ++i) {
        const int y = 14 + i * 40;
        const int laengde = std::max(1, int(bredde * soejler[i].second / stoerst));
        s += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", venstre - 8, y + 17, soejler[i].first);
        s += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"26\" fill=\"{}\"/>\n", venstre, y, laengde,
                         i == 0 ? "#9aa4ae" : "#0b5cad");
        s += fmt::format("<text x=\"{}\" y=\"{}\">{} {}</text>\n", venstre + laengde + 8, y + 17,
                         tal_dk(soejler[i].second), xml(enhed));
    }
    return s + "</svg>";
}

} // namespace kvalitet::workbench
