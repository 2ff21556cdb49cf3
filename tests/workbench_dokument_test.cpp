// `kvalitet dokument` and `sammenlign`: what the loaded standards hold must all be in the
// document (computed from each standard, not from a list), and text stays text.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "engine/standard.hpp"
#include "test_tree.hpp"
#include "workbench/dokument.hpp"
#include "workbench/fil_standard.hpp"
#include "workbench/sammenligning.hpp"

using namespace kvalitet;
using namespace kvalitet::workbench;

namespace {

Sources checkout() { return Sources::directory(KVALITET_SOURCE_DIR); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string html_escaped(std::string_view s) {
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

} // namespace

TEST_CASE("dokument: every rule id and every parameter of each municipality is in its document") {
    const Sources sources = checkout();
    const auto ids = kommuner(sources);
    REQUIRE(ids.size() >= 5);
    for (const auto& id : ids) {
        INFO(id);
        auto s = Standard::load(sources, id);
        const Dokument d = standard_dokument(*s);
        const std::string h = html(d), m = markdown(d);
        CHECK(has(h, fmt::format("<title>{}</title>", html_escaped(s->info().titel))));
        if (s->info().godkendt) CHECK(has(h, s->info().godkendt->tekst()));
        REQUIRE_FALSE(s->rules().empty());
        for (const auto& r : s->rules()) {
            INFO(r.regel->id);
            CHECK(has(h, "<code>" + r.regel->id + "</code>"));
            CHECK(has(m, "`" + r.regel->id + "`"));
            CHECK(has(h, html_escaped(r.regel->tekst)));
            if (!r.regel->kilde.empty()) CHECK(has(h, html_escaped(r.regel->kilde)));
        }
        for (const auto& p : s->info().parametre) {
            INFO(p.id);
            CHECK(has(h, "<code>" + p.id + "</code>"));
            CHECK(has(h, fmt::format("<code>{}</code>", html_escaped(p.vaerdi))));
            CHECK(has(m, "`" + p.id + "`"));
        }
        for (const auto& [heading, text] : s->info().beskrivelse) {
            CHECK(has(h, fmt::format(">{}</h3>", html_escaped(heading))));
            CHECK(has(h, html_escaped(text)));
        }
    }
}

TEST_CASE("dokument: every assumption is marked, and the description keeps the script's order") {
    const Sources sources = checkout();
    for (const auto& id : kommuner(sources)) {
        INFO(id);
        auto s = Standard::load(sources, id);
        const std::string h = html(standard_dokument(*s));
        const std::string mark = "<span class=\"antagelse\">ANTAGELSE</span>";
        for (const auto& p : s->info().parametre)
            if (p.antagelse) CHECK(has(h, mark + " parameter <code>" + p.id + "</code>"));
        int overrides = 0;
        for (const auto& r : s->rules()) {
            if (r.regel->antagelse) CHECK(has(h, mark + " " + std::string(art_navn(r.art)) + " <code>" + r.regel->id + "</code>"));
            overrides += r.regel->erstatter;
        }
        for (const auto& p : s->info().parametre) overrides += p.erstatter;
        CHECK(has(h, "Erstatter " + std::to_string(overrides) + " nationale regler og parametre"));
        // the order of `["overskrift"] =` in the script's text
        const std::string source = *sources.read(s->info().fil);
        auto in_script = s->info().beskrivelse;
        auto pos = [&](const std::string& heading) { return source.find(fmt::format("[\"{}\"]", heading)); };
        std::sort(in_script.begin(), in_script.end(), [&](auto& a, auto& b) { return pos(a.first) < pos(b.first); });
        std::size_t last = 0;
        for (const auto& [heading, text] : in_script) {
            const auto at = h.find(fmt::format(">{}</h3>", html_escaped(heading)));
            CHECK(at > last);
            last = at;
        }
    }
}

TEST_CASE("dokument: a script's text stays text, in HTML and in Markdown") {
    const Sources sources = checkout();
    FilStandard fil(sources, KVALITET_SOURCE_DIR "/tests/fixtures/tjek/fejlfyldt/standard.lua");
    auto s = Standard::load(fil.sources(), fil.kommune());
    const Dokument d = standard_dokument(*s);
    const std::string h = html(d), m = markdown(d);
    CHECK(has(h, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;"));
    std::string lower = h;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    CHECK_FALSE(has(lower, "<script"));
    CHECK(has(m, "\\<script\\>alert(1)\\</script\\> \\& \"citat\""));
    CHECK_FALSE(has(m, "<script>"));
}

// A rule's line names the parameters it reads with their values; the whole value is in the
// table of parameters. 200 rules each naming 200 values of 15 KB made a document of GBs.
TEST_CASE("dokument: a rule's line shows a long parameter value cut, and a dozen parameters at most") {
    test::TestTree tree{"dokument_lange_parametre"};
    std::string script = "local P = parametre {\n";
    for (int i = 1; i <= 20; ++i)
        script += fmt::format("  p{} = {{ vaerdi = '{}', type = 'tekst', tekst = 'P{}', kilde = 'K' }},\n", i, std::string(15000, char('a' + i % 26)), i);
    script += "}\n";
    for (int r = 1; r <= 3; ++r) {
        script += fmt::format("betingelse {{ id = 'b{}', tekst = 'B', kilde = 'K', naar = function(sag) return ", r);
        for (int i = 1; i <= 20; ++i) script += fmt::format("#P.p{} > 0 and ", i);
        script += "true end }\n";
    }
    const Sources sources = tree.write("t", script);
    auto s = Standard::load(sources, "t");
    const std::string m = markdown(standard_dokument(*s));
    for (int i = 1; i <= 20; ++i) {
        INFO(i);
        const std::string value(15000, char('a' + i % 26));
        std::size_t n = 0;
        for (auto at = m.find(value); at != std::string::npos; at = m.find(value, at + 1)) ++n;
        CHECK(n == 1); // once, in the table of parameters
    }
    CHECK(has(m, "… (se Parametre)"));
    CHECK(has(m, "og 8 parametre mere (se Parametre)"));
    CHECK(m.size() < 20 * 15000 + 100000);
}

TEST_CASE("dokument: the writers escape every character that could become markup") {
    Dokument d;
    d.titel = "a <b> & 'c'";
    d.overskrift(1, {normal("# <h1>")});
    d.afsnit({normal("1. *x* _y_ [z](u) `k` | ~s~")});
    d.tabel({{normal("a|b")}, {kode("c|d`e")}}, {{{normal("x\ny")}, {normal("<i>")}}});
    const std::string h = html(d), m = markdown(d);
    CHECK(has(h, "<title>a &lt;b&gt; &amp; &#39;c&#39;</title>"));
    CHECK(has(h, "&lt;h1&gt;"));
    CHECK(has(h, "x<br>y"));
    CHECK(has(m, "# \\# \\<h1\\>\n"));
    CHECK(has(m, "1\\. \\*x\\* \\_y\\_ \\[z\\](u) \\`k\\` \\| \\~s\\~\n"));
    CHECK(has(m, "| a\\|b | ``c\\|d`e`` |\n"));
    CHECK(has(m, "| x<br>y | \\<i\\> |\n"));
    // A new line inside a paragraph starts no block: no heading (===), list (- , 1. ) or code
    // block (indentation) made of a script's text.
    Dokument lines;
    lines.afsnit({normal("tekst\n===\n- punkt\n+ punkt\n  12. punkt\n    indrykket\n3) x")});
    const std::string ml = markdown(lines);
    CHECK(has(ml, "tekst\\\n\\===\\\n\\- punkt\\\n\\+ punkt\\\n12\\. punkt\\\nindrykket\\\n3\\) x"));
}

TEST_CASE("sammenlign: each standard is a column, with its activities, deadlines and packages") {
    const Sources sources = checkout();
    std::vector<std::unique_ptr<Standard>> loaded;
    std::vector<Standard*> all;
    for (const auto& id : kommuner(sources)) {
        loaded.push_back(Standard::load(sources, id));
        all.push_back(loaded.back().get());
    }
    const Dokument d = sammenligning(all);
    REQUIRE(d.blokke.back().art == Blok::Art::Tabel);
    CHECK(d.blokke.back().kolonner.size() == all.size() + 1);
    const std::string h = html(d), m = markdown(d);
    for (Standard* s : all) {
        INFO(s->info().kommune);
        CHECK(has(h, "<th scope=\"col\"><strong>" + s->info().kommune + "</strong></th>"));
        for (const auto& r : s->rules()) {
            if (r.art == Art::Aktivitet || r.art == Art::Frist || r.art == Art::Krav) CHECK(has(h, "<code>" + r.regel->id + "</code>"));
            if (r.art == Art::Pakke) CHECK(has(h, html_escaped(r.navn)));
        }
    }
    CHECK(has(m, "| **Antagelser** |"));
}
