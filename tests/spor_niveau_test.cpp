// The trace you can choose (--spor fuld|kort|ingen) and the values a rule read.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bind/bind.hpp"
#include "engine/standard.hpp"
#include "store/demo_sager.hpp"
#include "test_tree.hpp"

using namespace kvalitet;
using Json = nlohmann::json;

namespace {

// Kerteminde grades packages by the VUM sum: the trace shows the sum each package read. Every
// theme is scored, so each package's answer is yes or no.
Vurdering assess() {
    static const Sources sources = Sources::directory(KVALITET_SOURCE_DIR);
    static auto standard = Standard::load(sources, "kerteminde");
    return standard->vurder(Sag::from_json(R"({"id":"v","borger":{"alder":45},
      "vum":{"dato":"2026-10-01","temaer":{"socialt_liv":3,"samfundsliv":3,"praktiske_opgaver":3,"sundhed":2,
                                              "egenomsorg":0,"kommunikation":0,"mobilitet":0}},
      "forhold":{"kan_deltage_aktivt":true,"saerlige_sociale_problemer":true,"kan_afhjaelpes_med_hjaelpemidler":false,
                 "kan_afhjaelpes_med_traening":false,"kan_afhjaelpes_efter_anden_lovgivning":false}})"),
                             *Dato::parse("2026-11-22"));
}

} // namespace

TEST_CASE("the full trace carries the values each rule read") {
    const Json j = Json::parse(assess().json());
    bool saw_sum = false, saw_fact = false;
    for (const auto& p : j["spor"]) {
        if (!p.contains("vaerdier")) continue;
        if (p["vaerdier"].contains("vum.sum")) saw_sum = p["vaerdier"]["vum.sum"] == 11;
        if (p["vaerdier"].contains("kan_deltage_aktivt")) saw_fact = p["vaerdier"]["kan_deltage_aktivt"] == true;
    }
    CHECK(saw_sum);
    CHECK(saw_fact);
}

// The trace entry of rule `id` in the full trace.
static Json post(const Json& j, std::string_view id) {
    for (const auto& p : j["spor"])
        if (p["regel"] == id) return p;
    FAIL("ingen spor for " << id);
    return {};
}

TEST_CASE("the full trace names the parameters a rule read and the comparison it made") {
    const Json j = Json::parse(assess().json());
    // VUM sum 11: pakke 3 (from 9) holds, pakke 4 (from 12) does not.
    const Json p4 = post(j, "pakke_4");
    CHECK(p4["vaerdier"]["vum.sum"] == 11);
    CHECK(p4["vaerdier"]["pakke_fra_vum_sum[4]"] == 12);
    CHECK(p4["sammenligninger"] == Json::array({"vum.sum 11 < 12 (pakke_fra_vum_sum[4])"}));
    CHECK(post(j, "pakke_3")["sammenligninger"] == Json::array({"vum.sum 11 ≥ 9 (pakke_fra_vum_sum[3])"}));
    // A national parameter (stdlib/sel85.lua) is named the same way.
    const Json alder = post(j, "alder");
    CHECK(alder["vaerdier"]["myndighedsalder"] == 18);
    CHECK(alder["sammenligninger"] == Json::array({"borger.alder 45 ≥ 18 (myndighedsalder)"}));
    // Each rule names only what it read itself.
    CHECK_FALSE(p4["vaerdier"].contains("pakke_fra_vum_sum[3]"));
    CHECK_FALSE(alder["vaerdier"].contains("pakke_fra_vum_sum[4]"));
}

TEST_CASE("kort keeps ids, outcomes and dates; ingen keeps no trace; the results are the same") {
    Vurdering v = assess();
    const Json fuld = Json::parse(v.json());
    v.spor_niveau = SporNiveau::Kort;
    const Json kort = Json::parse(v.json());
    v.spor_niveau = SporNiveau::Ingen;
    const Json ingen = Json::parse(v.json());
    REQUIRE(kort["spor"].size() == fuld["spor"].size());
    for (std::size_t i = 0; i < kort["spor"].size(); ++i) {
        CHECK(kort["spor"][i]["regel"] == fuld["spor"][i]["regel"]);
        CHECK(kort["spor"][i]["udfald"] == fuld["spor"][i]["udfald"]);
        // the contract: every entry says whether a national default or a municipal rule decided
        CHECK(kort["spor"][i]["afgjort_af"] == fuld["spor"][i]["afgjort_af"]);
        CHECK_FALSE(kort["spor"][i].contains("resultat"));
        CHECK_FALSE(kort["spor"][i].contains("vaerdier"));
        CHECK_FALSE(kort["spor"][i].contains("sammenligninger"));
    }
    CHECK(ingen["spor"].empty());
    for (auto* j : {&kort, &ingen}) {
        Json a = *j, b = fuld;
        a.erase("spor");
        b.erase("spor");
        CHECK(a == b); // every result and reason is the same whatever the trace
    }
    CHECK(spor_niveau("kort") == SporNiveau::Kort);
    CHECK_FALSE(spor_niveau("lang"));
}

TEST_CASE("an assessment that records a shorter trace writes the same bytes as a full one cut to it") {
    // The engine records only what the level writes (evaluate.cpp, trace); whatever it
    // leaves out must be what the JSON would have left out.
    const Sources sources = Sources::directory(KVALITET_SOURCE_DIR);
    const Dato d = *Dato::parse("2026-11-22");
    std::size_t n = 0;
    for (const auto& k : kommuner(sources)) {
        auto standard = Standard::load(sources, k);
        for (std::uint64_t i = 0; i < 300; ++i) {
            const Sag sag = Sag::from_json(demo_sag(17, i, d));
            if (sag.kommune != k) continue;
            Vurdering fuld = standard->vurder(sag, d);
            for (SporNiveau niveau : {SporNiveau::Kort, SporNiveau::Ingen}) {
                INFO(k << " sag " << sag.id << " spor " << int(niveau));
                const Vurdering kort = standard->vurder(sag, d, d, niveau);
                CHECK(kort.spor_niveau == niveau);
                fuld.spor_niveau = niveau;
                CHECK(kort.json() == fuld.json());
                if (niveau == SporNiveau::Ingen) CHECK(kort.spor.empty());
            }
            fuld.spor_niveau = SporNiveau::Fuld;
            ++n;
        }
    }
    CHECK(n > 250);
}

TEST_CASE("a long text parameter is cut in the trace, so reading it cannot grow an assessment") {
    const test::TestTree tree("spor-tekst");
    const Sources sources = tree.write("lang", R"(
local P = parametre { t = { vaerdi = string.rep("æ", 3000), tekst = "T", antagelse = true } }
krav { id = "k", tekst = "K", kilde = "K", afvigelser = function() return #P.t == 0 end }
)");
    auto standard = Standard::load(sources, "lang");
    const Json j = Json::parse(standard->vurder(Sag::from_json(R"({"id":"x"})"), *Dato::parse("2026-11-22")).json());
    const std::string shown = post(j, "k")["vaerdier"]["t"];
    CHECK(shown.size() <= 200 + 3);
    CHECK(shown.ends_with("…"));
    CHECK(shown.starts_with("ææ"));
    CHECK(Json::parse(Json(shown).dump()) == shown); // still valid UTF-8
}

TEST_CASE("a standard that fills its pool of names takes none from another standard's trace") {
    // 300 parameters of 256 values each: more names than a pool holds (76,800 > 65,536).
    const test::TestTree tree("navnepulje");
    std::string vaerdier;
    for (int j = 0; j < 256; ++j) vaerdier += "1, ";
    std::string mange = "local P = parametre {\n";
    for (int i = 0; i < 300; ++i) mange += fmt::format("  fyld_{} = {{ vaerdi = {{ {} }}, tekst = \"T\", antagelse = true }},\n", i, vaerdier);
    mange += "}\nkrav { id = \"k\", tekst = \"K\", kilde = \"K\", afvigelser = function() return P.fyld_0[1] == 2 end }\n";
    tree.write("fyldt", mange);
    const Sources sources = tree.write("venlig", R"(
local P = parametre { venlig_graense = { vaerdi = 3, tekst = "T", antagelse = true } }
krav { id = "k", tekst = "K", kilde = "K", afvigelser = function() return P.venlig_graense == 4 end }
)");
    const Dato d = *Dato::parse("2026-11-22");
    auto fyldt = Standard::load(sources, "fyldt");
    auto venlig = Standard::load(sources, "venlig");
    const Sag sag = Sag::from_json(R"({"id":"x"})");
    CHECK(post(Json::parse(fyldt->vurder(sag, d).json()), "k")["udfald"] == "overholdt");
    CHECK(post(Json::parse(venlig->vurder(sag, d).json()), "k")["vaerdier"]["venlig_graense"] == 3);
}

TEST_CASE("the values and comparisons of a full trace are bounded per rule and per assessment") {
    // 60 rules, each comparing 600 distinct numbers with a parameter of a long name: unbounded,
    // a case of a few bytes gave an assessment of megabytes (and memory outside the budget).
    const test::TestTree tree("spor-graense");
    const std::string navn = "p_" + std::string(150, 'x');
    std::string body = "local P = parametre { " + navn + " = { vaerdi = 3, tekst = \"T\", antagelse = true } }\n";
    for (int i = 0; i < 60; ++i)
        body += fmt::format("krav {{ id = \"k{}\", tekst = \"K\", kilde = \"K\", afvigelser = function()\n"
                            "  for i = 1, 600 do mindst(i + 0.5, P.{}) end return {{}} end }}\n", i, navn);
    auto standard = Standard::load(tree.write("graense", body), "graense");
    const Vurdering v = standard->vurder(Sag::from_json(R"({"id":"x"})"), *Dato::parse("2026-11-22"));
    std::size_t alle = 0;
    const SporPost* sidste = nullptr;
    for (const auto& p : v.spor) {
        alle += p.sammenligninger.size() + p.vaerdier.size();
        const std::string_view id = p.regel->id;
        if (id.size() < 2 || id[0] != 'k' || !std::isdigit(static_cast<unsigned char>(id[1]))) continue;
        INFO(id);
        CHECK(p.sammenligninger.size() <= bind::CaseContext::kMaxComparisons);
        CHECK(p.afkortet);
        sidste = &p;
    }
    CHECK(alle == 4000);
    REQUIRE(sidste);
    CHECK(sidste->sammenligninger.empty()); // the assessment's bound was reached before the last rule
    const Json j = Json::parse(v.json());
    CHECK(post(j, "k0")["afkortet"] == true);
    CHECK(post(j, "k0")["sammenligninger"].size() == 100);
    CHECK(v.json().size() < 2'000'000);
    // A rule within the bounds says nothing of the kind.
    const Vurdering kort = Standard::load(tree.write("lille", "krav { id = \"k\", tekst = \"K\", kilde = \"K\", "
                                                          "afvigelser = function() mindst(1, 2) return {} end }\n"), "lille")
                               ->vurder(Sag::from_json(R"({"id":"x"})"), *Dato::parse("2026-11-22"));
    CHECK_FALSE(post(Json::parse(kort.json()), "k").contains("afkortet"));
}

// From an attack on the bounds (3/12): once a rule's values were at their bound, a comparison
// was named by whatever kept value had the same number ("p3 3 < 5 (p5)" for faktisk and
// graense); and a deadline's functions together could keep 254 values with no mark.
TEST_CASE("past a rule's bound a comparison is not named by another read, and a deadline's functions share the bound") {
    const test::TestTree tree("spor-navne");
    std::string body = "local P = parametre {\n";
    for (int i = 1; i <= 150; ++i) body += fmt::format("  p{} = {{ vaerdi = {}, tekst = \"P\", antagelse = true }},\n", i, i);
    body += "  faktisk = { vaerdi = 3, tekst = \"F\", antagelse = true },\n"
            "  graense = { vaerdi = 5, tekst = \"G\", antagelse = true },\n}\n"
            "krav { id = \"k\", tekst = \"K\", kilde = \"K\", afvigelser = function()\n"
            "  for i = 1, 100 do local _ = P['p' .. i] end\n"
            "  mindst(P.faktisk, P.graense) return {} end }\n"
            "frist { id = \"f\", tekst = \"F\", kilde = \"K\", fra = \"ansoegning.modtaget\", varighed = uger(2),\n"
            "  naar = function() for i = 1, 80 do local _ = P['p' .. i] end return true end,\n"
            "  opfyldt_ved = function() for i = 71, 150 do local _ = P['p' .. i] end return nil end }\n";
    auto standard = Standard::load(tree.write("navne", body), "navne");
    const Vurdering v = standard->vurder(Sag::from_json(R"({"id":"x","ansoegning":{"modtaget":"2026-11-01"}})"),
                                         *Dato::parse("2026-11-22"));
    const Json j = Json::parse(v.json());
    CHECK(post(j, "k")["sammenligninger"] == Json::array({"3 < 5"}));
    CHECK(post(j, "k")["afkortet"] == true);
    const Json f = post(j, "f");
    CHECK(f["vaerdier"].size() == bind::CaseContext::kMaxValues);
    CHECK(f["afkortet"] == true);
}

// uden_for_tidsrum reads a parameter's values in C++ (liste_lua.cpp): the trace must name
// them as the rule's own P.dagtimer.fra and P.stoettetid.sms would, in the order read (the
// time range, then each kind as the deliveries name it); a kind the set does not hold
// (transport) is read as nil and named nowhere.
TEST_CASE("the list primitives' reads of a parameter are in the trace as the rule's own") {
    static const Sources sources = Sources::directory(KVALITET_SOURCE_DIR);
    auto varde = Standard::load(sources, "varde");
    const std::string json = varde->vurder(Sag::from_json(R"({"id":"p","leverancer":[
        {"dato":"2026-10-03","start":"10:00","minutter":60,"art":"sms"},
        {"dato":"2026-10-05","start":"17:00","minutter":30,"art":"transport"},
        {"dato":"2026-10-06","start":"09:00","minutter":60,"art":"sms"}]})"),
                                            *Dato::parse("2026-11-22")).json();
    CHECK_THAT(json, Catch::Contains(R"("regel":"levering_uden_for_dagtimer")"));
    CHECK_THAT(json, Catch::Contains(R"("vaerdier":{"dagtimer.fra":"08:00","dagtimer.til":"16:00","stoettetid.sms":true})"));
}

// A parameter's set of kinds is checked once and remembered as good (liste_lua.cpp); a bad
// one must be refused on every assessment, not only the first.
TEST_CASE("a parameter naming an unknown kind is refused on every assessment") {
    const test::TestTree tree("spor-arter");
    const Sources sources = tree.write("arter", R"(
local P = parametre { a = { vaerdi = { telfon = true }, tekst = "A", antagelse = true },
                      b = { vaerdi = { telefon = true }, tekst = "B", antagelse = true } }
krav { id = "god", tekst = "G", kilde = "K",
       afvigelser = function(sag) perioder(sag.leverancer, { periode = "uge", arter = P.b }) return {} end }
krav { id = "daarlig", tekst = "D", kilde = "K",
       afvigelser = function(sag) perioder(sag.leverancer, { periode = "uge", arter = P.a }) return {} end }
)");
    auto standard = Standard::load(sources, "arter");
    const Sag sag = Sag::from_json(R"({"id":"x","leverancer":[{"dato":"2026-10-05","start":"10:00","minutter":60,"art":"telefon"}]})");
    for (int i = 0; i < 3; ++i)
        CHECK_THROWS_WITH(standard->vurder(sag, *Dato::parse("2026-11-22")),
                          Catch::Contains("perioder: 'arter' kender ikke arten 'telfon' — mente du 'telefon'?"));
}

// One table given to several parameters: each read is named after the parameter it was read
// through, the same in every Lua state (the order watch() met them used to decide, and that
// order follows the state's string hashes); a read through a nested table, a local or a
// dated parameter is not a read of any of them.
TEST_CASE("a table shared by parameters is named only after the parameter read") {
    const test::TestTree tree("spor-delt");
    const Sources sources = tree.write("delt", R"(
local T = { x = 1, liste = { 2 } }
local S = { telefon = true }
local Q = parametre {
  a = { vaerdi = T, tekst = "A", antagelse = true },
  c = { vaerdi = T, tekst = "C", antagelse = true },
  s1 = { vaerdi = S, tekst = "S1", antagelse = true },
  s2 = { vaerdi = S, tekst = "S2", antagelse = true },
  n = { vaerdi = { inner = T }, tekst = "N", antagelse = true },
  d = { perioder = { ["2020-01-01"] = S }, tekst = "D", antagelse = true },
}
krav { id = "k", tekst = "K", kilde = "K",
       afvigelser = function() local _ = Q.c.x + Q.a.x + Q.c.liste[1]; local _ = Q.s2.telefon return {} end }
-- through a nested table, the script's own local, or a dated parameter: not a read of a, c, s1 or s2
krav { id = "andre", tekst = "A", kilde = "K",
       afvigelser = function() local _ = Q.n.inner.x + T.x; local _ = Q.d.telefon return {} end }
)");
    for (int i = 0; i < 8; ++i) { // a new state each time
        auto standard = Standard::load(sources, "delt");
        const Json j = Json::parse(standard->vurder(Sag::from_json(R"({"id":"x"})"), *Dato::parse("2026-11-22")).json());
        CHECK(post(j, "k")["vaerdier"] == Json({{"c.x", 1}, {"a.x", 1}, {"s2.telefon", true}}));
        CHECK(post(j, "andre")["vaerdier"] == Json({{"d (gælder fra 2020-01-01)", "{ telefon = true }"}}));
    }
}

// What a parameter set of kinds answers is found once and kept beside the set (liste_lua.cpp);
// each assessment must still record its own reads, in the order its deliveries name the
// kinds, and a short trace in between records nothing and changes nothing.
TEST_CASE("a parameter set of kinds records the same reads on every assessment") {
    const test::TestTree tree("spor-arter-igen");
    const Sources sources = tree.write("arter", R"(
local P = parametre { s = { vaerdi = { telefon = true, sms = false, video = 2 }, tekst = "S", antagelse = true } }
krav { id = "k", tekst = "K", kilde = "K",
       afvigelser = function(sag)
         local l = perioder(sag.leverancer, { periode = "uge", arter = P.s })
         return { "minutter " .. l[1].minutter }
       end }
)");
    auto standard = Standard::load(sources, "arter");
    auto sag = [](const char* first, const char* second) {
        return Sag::from_json(fmt::format(R"({{"id":"x","leverancer":[
          {{"dato":"2026-10-05","start":"10:00","minutter":7,"art":"transport"}},
          {{"dato":"2026-10-05","start":"11:00","minutter":60,"art":"{}"}},
          {{"dato":"2026-10-06","start":"10:00","minutter":30,"art":"{}"}},
          {{"dato":"2026-10-07","start":"10:00","minutter":5,"art":"video"}},
          {{"dato":"2026-10-08","start":"10:00","minutter":60,"art":"telefon"}}]}})", first, second));
    };
    const Dato d = *Dato::parse("2026-11-22");
    for (int i = 0; i < 3; ++i) {
        const std::string a = standard->vurder(sag("telefon", "sms"), d).json();
        CHECK_THAT(a, Catch::Contains(R"("vaerdier":{"s.telefon":true,"s.sms":false,"s.video":2})"));
        CHECK_THAT(a, Catch::Contains("minutter 125")); // telefon 60 + 60, video 5; not sms, not transport
        const std::string kort = standard->vurder(sag("sms", "telefon"), d, d, SporNiveau::Kort).json();
        CHECK_THAT(kort, !Catch::Contains("s.sms"));
        const std::string b = standard->vurder(sag("sms", "telefon"), d).json();
        CHECK_THAT(b, Catch::Contains(R"("vaerdier":{"s.sms":false,"s.telefon":true,"s.video":2})"));
        CHECK_THAT(b, Catch::Contains("minutter 95")); // telefon 30 + 60, video 5
    }
}

// A set whose kinds are not all booleans or numbers is partly read through get() on every
// call; the reader it needs must not leave values above the primitive's result (the second
// uden_for_tidsrum returned the parameter's table of names, and a rule could write to it).
TEST_CASE("a set of kinds with a text value gives the same result on every call") {
    const test::TestTree tree("spor-arter-tekst");
    const Sources sources = tree.write("arter", R"(
local P = parametre { s = { vaerdi = { telefon = "ja", ansigt_til_ansigt = true, sms = 3, video = false }, tekst = "S", antagelse = true },
                      dag = { vaerdi = { fra = "08:00", til = "16:00" }, tekst = "D", antagelse = true } }
local function uden(sag)
  local r = uden_for_tidsrum(sag.leverancer, { arter = P.s, tidsrum = P.dag, tekst = "{iso} {art}" })
  local n = 0
  for _ in pairs(r) do n = n + 1 end
  return { "n=" .. #r .. " felter=" .. n .. " " .. table.concat(r, ", ") }
end
krav { id = "a", tekst = "A", kilde = "K", afvigelser = uden }
krav { id = "b", tekst = "B", kilde = "K", afvigelser = uden }
)");
    auto standard = Standard::load(sources, "arter");
    const Sag sag = Sag::from_json(R"({"id":"x","leverancer":[
      {"dato":"2026-10-06","start":"17:30","minutter":90,"art":"ansigt_til_ansigt"},
      {"dato":"2026-10-07","start":"18:30","minutter":60,"art":"telefon"},
      {"dato":"2026-10-10","start":"10:00","minutter":30,"art":"video"},
      {"dato":"2026-10-12","start":"19:00","minutter":30,"art":"transport"}]})");
    const std::string want = "n=2 felter=2 2026-10-06 ansigt_til_ansigt, 2026-10-07 telefon";
    for (int i = 0; i < 3; ++i) {
        const Vurdering v = standard->vurder(sag, *Dato::parse("2026-11-22"));
        int found = 0;
        for (const auto& a : v.advarsler)
            if (a.tekst.find(want) != std::string::npos) ++found;
        CHECK(found == 2); // rule a and rule b, in every assessment
    }
}
