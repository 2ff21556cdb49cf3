// An assessment on date D sees only what had happened by D (engine/as_of.hpp), and a
// follow-up before the grant's start does not count for the grant; the trace says so.
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/standard.hpp"
#include "test_tree.hpp"

using namespace kvalitet;

namespace {

// A standard with a follow-up deadline and a krav that counts deliveries.
std::unique_ptr<Standard> load(const test::TestTree& t) {
    return Standard::load(t.write("t", R"(frist { id = "naeste_opfoelgning", tekst = "Opfølgning hver 3. måned", kilde = "T 1",
        fra = seneste_opfoelgning_eller_start, varighed = maaneder(3) }
krav { id = "leverancer", tekst = "Leverancer talt", kilde = "T 2",
       afvigelser = function(sag) return #sag.leverancer > 0 and tostring(#sag.leverancer) or {} end }
)"), "t");
}

Dato D(const char* s) { return *Dato::parse(s); }

const FristResultat* frist(const Vurdering& v, std::string_view id) {
    for (const auto& f : v.frister)
        if (f.regel->id == id) return &f;
    return nullptr;
}

const SporPost* spor(const Vurdering& v, std::string_view id) {
    for (const auto& p : v.spor)
        if (p.regel->id == id) return &p;
    return nullptr;
}

} // namespace

TEST_CASE("a follow-up dated after the assessment date has not been held") {
    test::TestTree t("paa-dato");
    auto s = load(t);
    // The issue's Ishøj case: held 2026-04-01, planned 2026-12-15, assessed 2026-11-22.
    const Sag sag = Sag::from_json(R"({"id":"i","bevilling":{"start":"2026-01-05"},
      "opfoelgninger":[{"dato":"2026-04-01","form":"personlig"},{"dato":"2026-12-15","form":"personlig"}]})");
    Vurdering v = s->vurder(sag, D("2026-11-22"));
    const auto* f = frist(v, "naeste_opfoelgning");
    REQUIRE(f);
    CHECK(f->dato == D("2026-07-01"));
    CHECK(f->status == FristStatus::Overskredet);
    const auto* p = spor(v, "sag_paa_dato");
    REQUIRE(p);
    CHECK(p->resultat.find("opfoelgninger[1] (2026-12-15)") != std::string::npos);
    // Once: one entry per case.
    int n = 0;
    for (const auto& q : v.spor) n += q.regel->id == "sag_paa_dato";
    CHECK(n == 1);
    // On a later date the same follow-up counts, and nothing is left out.
    Vurdering later = s->vurder(sag, D("2026-12-20"));
    CHECK(frist(later, "naeste_opfoelgning")->dato == D("2027-03-15"));
    CHECK_FALSE(spor(later, "sag_paa_dato"));
}

TEST_CASE("a complaint received after the assessment date creates no genvurdering yet") {
    test::TestTree t("paa-dato");
    auto s = load(t);
    const Sag sag = Sag::from_json(R"({"id":"k","bevilling":{"afgoerelse_modtaget":"2026-11-02"},
      "klage":{"modtaget":"2026-11-25","genvurderet":"2026-12-10"}})");
    Vurdering before = s->vurder(sag, D("2026-11-22"));
    CHECK_FALSE(frist(before, "genvurdering"));
    REQUIRE(frist(before, "klage"));
    CHECK(frist(before, "klage")->status == FristStatus::Kommende);
    CHECK(spor(before, "sag_paa_dato")->resultat.find("klage.modtaget (2026-11-25)") != std::string::npos);
    CHECK(spor(before, "sag_paa_dato")->resultat.find("klage.genvurderet (2026-12-10)") != std::string::npos);
    Vurdering after = s->vurder(sag, D("2026-12-20"));
    REQUIRE(frist(after, "genvurdering"));
    CHECK(frist(after, "genvurdering")->status == FristStatus::Opfyldt);
    CHECK(frist(after, "klage")->status == FristStatus::Opfyldt);
}

// The Ishøj case from the review: decided 10/12 with its start set back to 2/11, assessed
// 30/11. On that day there was no grant: no hours to deliver, no follow-up running from its
// start; the trace says the grant was left out. After the decision it is all there.
TEST_CASE("a grant decided after the assessment date had not been granted") {
    test::TestTree t("paa-dato");
    auto s = load(t);
    const Sag sag = Sag::from_json(R"({"id":"g","bevilling":{"afgoerelse_dato":"2026-12-10","start":"2026-11-02",
      "timer":3,"periode":"uge"},"opfoelgninger":[{"dato":"2026-11-20","form":"personlig"}]})");
    Vurdering before = s->vurder(sag, D("2026-11-30"));
    REQUIRE(spor(before, "sag_paa_dato"));
    CHECK(spor(before, "sag_paa_dato")->resultat.find("bevilling (2026-12-10)") != std::string::npos);
    // the follow-up stays (it was held), and is not "before the grant's start": there was no grant
    CHECK(spor(before, "sag_paa_dato")->resultat.find("før bevillingens start") == std::string::npos);
    REQUIRE(frist(before, "naeste_opfoelgning"));
    CHECK(frist(before, "naeste_opfoelgning")->frist.start == D("2026-11-20"));
    Vurdering after = s->vurder(sag, D("2026-12-10"));
    CHECK_FALSE(spor(after, "sag_paa_dato"));
    // a follow-up before that grant's start is an older grant's, as when the grant is there
    const Sag aeldre = Sag::from_json(R"({"id":"a","bevilling":{"afgoerelse_dato":"2026-12-10","start":"2026-11-02"},
      "opfoelgninger":[{"dato":"2025-09-01","form":"personlig"}]})");
    Vurdering a = s->vurder(aeldre, D("2026-11-30"));
    CHECK(spor(a, "sag_paa_dato")->resultat.find("før bevillingens start, hører ikke til bevillingen: opfoelgninger[0]") !=
          std::string::npos);
    CHECK_FALSE(frist(a, "naeste_opfoelgning")); // no grant and no follow-up of its own: nothing runs yet
    // without a decision date, only the dates after the day go (the grant's content stays)
    const Sag sendt = Sag::from_json(R"({"id":"s","bevilling":{"afgoerelse_sendt":"2026-12-10","start":"2026-11-02"}})");
    Vurdering v = s->vurder(sendt, D("2026-11-30"));
    REQUIRE(frist(v, "naeste_opfoelgning"));
    CHECK(frist(v, "naeste_opfoelgning")->frist.start == D("2026-11-02"));
}

TEST_CASE("deliveries, cancellations and the VUM after the date are not seen") {
    test::TestTree t("paa-dato");
    auto s = load(t);
    const Sag sag = Sag::from_json(R"({"id":"l","borger":{"alder":40},"vum":{"dato":"2026-12-01","temaer":{"sundhed":4}},
      "leverancer":[{"dato":"2026-11-20","start":"10:00","minutter":60,"art":"ansigt_til_ansigt"},
                    {"dato":"2026-11-23","start":"10:00","minutter":60,"art":"ansigt_til_ansigt"}],
      "afbud":[{"dato":"2026-11-30","af":"borger"}]})");
    Vurdering v = s->vurder(sag, D("2026-11-22"));
    // One delivery counted, not two.
    REQUIRE(v.advarsler.size() == 1);
    CHECK(v.advarsler[0].tekst == "Afvigelse fra 'Leverancer talt': 1");
    // The VUM had not been made: the target group waits for it.
    CHECK_FALSE(v.i_maalgruppe.has_value());
    CHECK(std::find(v.mangler.begin(), v.mangler.end(), "vum") != v.mangler.end());
    const auto& r = spor(v, "sag_paa_dato")->resultat;
    CHECK(r.find("leverancer[1] (2026-11-23)") != std::string::npos);
    CHECK(r.find("afbud[0] (2026-11-30)") != std::string::npos);
    CHECK(r.find("vum (2026-12-01)") != std::string::npos);
}

TEST_CASE("an application received after the assessment date starts no deadline yet") {
    test::TestTree t("paa-dato-ansoegning");
    auto s = Standard::load(t.write("t", R"(frist { id = "sagsbehandling", tekst = "Afgørelse inden 8 uger", kilde = "T 1",
        fra = "ansoegning.modtaget", varighed = uger(8) }
)"), "t");
    const Sag sag = Sag::from_json(R"({"id":"a","ansoegning":{"modtaget":"2026-05-01","akut":true}})");
    Vurdering before = s->vurder(sag, D("2026-03-01"));
    CHECK(before.frister.empty());
    const auto* p = spor(before, "sag_paa_dato");
    REQUIRE(p);
    CHECK(p->resultat.find("ansoegning.modtaget (2026-05-01)") != std::string::npos);
    // Not a fact to establish: the deadline's entry says it has not happened yet.
    const auto* f = spor(before, "sagsbehandling");
    REQUIRE(f);
    CHECK(f->resultat == "udeladt: ansoegning.modtaget (2026-05-01) er efter vurderingsdatoen");
    CHECK(f->mangler.empty());
    // From the day it is received, the deadline runs.
    Vurdering on = s->vurder(sag, D("2026-05-01"));
    REQUIRE(on.frister.size() == 1);
    CHECK(on.frister[0].dato == D("2026-06-26"));
    CHECK_FALSE(spor(on, "sag_paa_dato"));
}

TEST_CASE("a follow-up before the grant's start does not count for the grant") {
    test::TestTree t("paa-dato");
    auto s = load(t);
    // Lejre's case: a first-time grant from 2026-09-01 and a follow-up from 2026-06-01.
    const Sag sag = Sag::from_json(R"({"id":"f","bevilling":{"start":"2026-09-01","foerstegangs":true},
      "opfoelgninger":[{"dato":"2026-06-01","form":"personlig"}]})");
    Vurdering v = s->vurder(sag, D("2026-11-22"));
    CHECK(frist(v, "naeste_opfoelgning")->dato == D("2026-12-01")); // from the start, not from June
    CHECK(spor(v, "sag_paa_dato")->resultat.find("før bevillingens start") != std::string::npos);
}
