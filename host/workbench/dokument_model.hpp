#pragma once
// A small document: headings, paragraphs, lists and tables of text runs. The standard's
// document and the comparison are built as this, once, and written as HTML or Markdown;
// every text in it is plain text, escaped by the writer (a script's `<script>` is text).
#include <string>
#include <vector>

namespace kvalitet::workbench {

struct Stykke {
    enum class Stil { Normal, Fed, Kode, Svag, Antagelse };
    std::string tekst;
    Stil stil = Stil::Normal;
};
using Linje = std::vector<Stykke>;

// Shorthands for building lines.
inline Stykke normal(std::string s) { return {std::move(s), Stykke::Stil::Normal}; }
inline Stykke fed(std::string s) { return {std::move(s), Stykke::Stil::Fed}; }
inline Stykke kode(std::string s) { return {std::move(s), Stykke::Stil::Kode}; }
inline Stykke svag(std::string s) { return {std::move(s), Stykke::Stil::Svag}; }
// The visible mark of an assumption: "ANTAGELSE" in the document.
inline Stykke antagelse_maerke() { return {"ANTAGELSE", Stykke::Stil::Antagelse}; }

struct Blok {
    enum class Art { Overskrift, Afsnit, Punkter, Tabel, Figur };
    Art art = Art::Afsnit;
    int niveau = 1;        // Overskrift: 1–3
    std::string anker;     // Overskrift: an id a reader can link to ("regel-alder"), or empty
    bool antagelse = false; // Afsnit, Punkter: the whole block is an assumption (highlighted)
    Linje linje;                         // Overskrift, Afsnit
    std::vector<Linje> punkter;          // Punkter
    std::vector<Linje> kolonner;         // Tabel: header
    std::vector<std::vector<Linje>> raekker;
    std::string svg; // Figur: a chart as SVG markup built by the host (its texts escaped there); linje is its caption
};

struct Dokument {
    std::string titel; // the page's title (HTML <title>)
    bool bred = false; // a wide table (the comparison): the full width, landscape in print
    std::vector<Blok> blokke;

    void overskrift(int niveau, Linje l, std::string anker = {}) {
        Blok b;
        b.art = Blok::Art::Overskrift;
        b.niveau = niveau;
        b.linje = std::move(l);
        b.anker = std::move(anker);
        blokke.push_back(std::move(b));
    }
    void afsnit(Linje l, bool er_antagelse = false) {
        Blok b;
        b.linje = std::move(l);
        b.antagelse = er_antagelse;
        blokke.push_back(std::move(b));
    }
    void punkter(std::vector<Linje> p, bool er_antagelse = false) {
        if (p.empty()) return;
        Blok b;
        b.art = Blok::Art::Punkter;
        b.punkter = std::move(p);
        b.antagelse = er_antagelse;
        blokke.push_back(std::move(b));
    }
    void figur(std::string svg, Linje tekst) {
        Blok b;
        b.art = Blok::Art::Figur;
        b.svg = std::move(svg);
        b.linje = std::move(tekst);
        blokke.push_back(std::move(b));
    }
    void tabel(std::vector<Linje> kolonner, std::vector<std::vector<Linje>> raekker) {
        Blok b;
        b.art = Blok::Art::Tabel;
        b.kolonner = std::move(kolonner);
        b.raekker = std::move(raekker);
        blokke.push_back(std::move(b));
    }
};

// One self-contained HTML page: inline CSS (screen and print), no scripts, no external
// resources; every text escaped.
std::string html(const Dokument& d);
// CommonMark with GitHub tables; every text escaped, so it stays text in any renderer.
std::string markdown(const Dokument& d);

} // namespace kvalitet::workbench
