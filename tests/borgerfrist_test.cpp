// The complaint deadline is the citizen's: it lapses without a warning, a late complaint
// is for_sent with klage_efter_fristen, it runs from a receipt derived as the Ministry of
// Justice's guidance says, and it ends on a day forældelseslovens § 27, stk. 2 allows.
#include <catch2/catch.hpp>

#include <algorithm>

#include "domain/kalender.hpp"
#include "engine/standard.hpp"
#include "test_tree.hpp"

using namespace kvalitet;

namespace {

Dato D(const char* s) { return *Dato::parse(s); }

struct Run {
    test::TestTree t{"borgerfrist"};
    Sources sources = t.write("t", "");
    std::unique_ptr<Standard> s = Standard::load(sources, "t");
    Vurdering operator()(const std::string& bevilling_og_klage, const char* dato) {
        return s->vurder(Sag::from_json("{\"id\":\"b\"," + bevilling_og_klage + "}"), D(dato));
    }
};

const FristResultat* klage(const Vurdering& v) {
    for (const auto& f : v.frister)
        if (f.regel->id == "klage") return &f;
    return nullptr;
}

bool warns(const Vurdering& v, std::string_view id) {
    return std::any_of(v.advarsler.begin(), v.advarsler.end(), [&](auto& a) { return a.id == id; });
}

} // namespace

TEST_CASE("no complaint by the deadline: udloebet, the citizen's, and no warning") {
    Run run;
    Vurdering v = run(R"("bevilling":{"afgoerelse_modtaget":"2026-10-01"})", "2026-11-22");
    REQUIRE(klage(v));
    CHECK(klage(v)->status == FristStatus::Udloebet);
    CHECK(klage(v)->frist.paahviler == Paahviler::Borger);
    CHECK(v.advarsler.empty());
    CHECK(v.json().find(R"("status":"udloebet","kilde":"Rsl. § 67, stk. 1","paahviler":"borger")") != std::string::npos);
}

TEST_CASE("a complaint after the deadline: for_sent and klage_efter_fristen") {
    Run run;
    Vurdering v = run(R"("bevilling":{"afgoerelse_modtaget":"2026-10-01"},"klage":{"modtaget":"2026-11-02"})", "2026-11-22");
    CHECK(klage(v)->status == FristStatus::ForSent);
    CHECK(warns(v, "klage_efter_fristen"));
    // The deadline is what lapsed, and the complaint what came late (not the deadline's text).
    for (const auto& a : v.advarsler)
        if (a.id == "klage_efter_fristen")
            CHECK(a.tekst.find("(klage) udløb 29. oktober 2026, men hændelsen, der opfylder den (klage.modtaget), kom først "
                               "2. november 2026") != std::string::npos);
    CHECK_FALSE(warns(v, "frist_overskredet"));
    // The municipality's deadline to reconsider still runs from the complaint.
    bool genvurdering = false;
    for (const auto& f : v.frister)
        if (f.regel->id == "genvurdering") {
            genvurdering = true;
            CHECK(f.frist.paahviler == Paahviler::Kommune);
            CHECK(f.status == FristStatus::Kommende);
        }
    CHECK(genvurdering);
}

TEST_CASE("klage.genvurderet fulfils genvurdering; missing it past the deadline is the municipality's fault") {
    Run run;
    const std::string base = R"("bevilling":{"afgoerelse_modtaget":"2026-10-01"},"klage":{"modtaget":"2026-10-12")";
    Vurdering done = run(base + R"(,"genvurderet":"2026-11-02"})", "2026-11-22");
    Vurdering late = run(base + "}", "2026-11-22");
    auto status = [](const Vurdering& v) {
        for (const auto& f : v.frister)
            if (f.regel->id == "genvurdering") return f.status;
        FAIL("ingen genvurdering");
        return FristStatus::Kommende;
    };
    CHECK(status(done) == FristStatus::Opfyldt);
    CHECK(status(late) == FristStatus::Overskredet);
    CHECK(warns(late, "frist_overskredet"));
}

TEST_CASE("receipt derived from the letter: digital the same day, physical six working days later") {
    Run run;
    Vurdering digital = run(R"("bevilling":{"afgoerelse_sendt":"2026-11-02","afgoerelse_kanal":"digital"})", "2026-11-22");
    REQUIRE(klage(digital));
    CHECK(klage(digital)->frist.start == D("2026-11-02"));
    CHECK(klage(digital)->dato == D("2026-11-30"));
    // Monday 2 November + 6 working days = Tuesday 10 November; + 4 weeks = 8 December.
    Vurdering fysisk = run(R"("bevilling":{"afgoerelse_sendt":"2026-11-02","afgoerelse_kanal":"fysisk"})", "2026-11-22");
    REQUIRE(klage(fysisk));
    CHECK(klage(fysisk)->frist.start == D("2026-11-10"));
    CHECK(klage(fysisk)->dato == D("2026-12-08"));
    // The trace shows the derivation and the parameter it used.
    for (const auto& p : fysisk.spor)
        if (p.regel->id == "klage") {
            CHECK(p.resultat.find("fysisk post, 6 hverdage efter brevets dato 2026-11-02 (fysisk_post_hverdage)") !=
                  std::string::npos);
            CHECK(std::count_if(p.datoer.begin(), p.datoer.end(), [](auto& d) {
                      return d.first == "bevilling.afgoerelse_modtaget (udledt)" && d.second == *Dato::parse("2026-11-10");
                  }) == 1);
        }
    // A known receipt date wins over the derivation.
    Vurdering known = run(R"("bevilling":{"afgoerelse_sendt":"2026-11-02","afgoerelse_kanal":"fysisk",
                                          "afgoerelse_modtaget":"2026-11-04"})", "2026-11-22");
    CHECK(klage(known)->frist.start == D("2026-11-04"));
}

TEST_CASE("a known receipt after the date: no complaint deadline yet, none derived from the letter") {
    Run run;
    const std::string bevilling = R"("bevilling":{"afgoerelse_sendt":"2026-10-01","afgoerelse_kanal":"fysisk",
                                                 "afgoerelse_modtaget":"2026-11-20"})";
    // On 10 November the letter was sent but, as the case says, not yet received: a receipt
    // derived from the letter (9 October) would already have let the deadline lapse.
    Vurdering before = run(bevilling, "2026-11-10");
    CHECK_FALSE(klage(before));
    for (const auto& p : before.spor)
        if (p.regel->id == "klage") {
            CHECK(p.udfald == "udeladt");
            CHECK(p.resultat.find("bevilling.afgoerelse_modtaget (2026-11-20) er efter vurderingsdatoen") != std::string::npos);
            CHECK(p.datoer.empty());
            CHECK(p.mangler.empty());
        }
    Vurdering after = run(bevilling, "2026-11-21");
    REQUIRE(klage(after));
    CHECK(klage(after)->frist.start == D("2026-11-20"));
    CHECK(klage(after)->status == FristStatus::Kommende);
}

TEST_CASE("with only the decision's date, the trace says what the complaint deadline needs") {
    Run run;
    Vurdering v = run(R"("bevilling":{"afgoerelse_dato":"2026-11-02"})", "2026-11-22");
    CHECK_FALSE(klage(v));
    for (const auto& p : v.spor)
        if (p.regel->id == "klage") {
            CHECK(p.udfald == "udeladt");
            CHECK(p.mangler == std::vector<std::string>{"bevilling.afgoerelse_modtaget", "bevilling.afgoerelse_sendt",
                                                        "bevilling.afgoerelse_kanal"});
        }
}

TEST_CASE("a citizen's deadline does not end on 24 or 31 December or on grundlovsdag") {
    Run run;
    auto due = [&](const char* modtaget) {
        Vurdering v = run(std::string(R"("bevilling":{"afgoerelse_modtaget":")") + modtaget + "\"}", "2027-02-01");
        REQUIRE(klage(v));
        return klage(v)->dato;
    };
    CHECK(due("2026-11-26") == D("2026-12-28")); // 24/12, 25/12, 26/12, Sunday 27/12
    CHECK(due("2026-12-03") == D("2027-01-04")); // 31/12, 1/1, weekend
    CHECK(due("2026-05-08") == D("2026-06-08")); // grundlovsdag Friday 5/6, weekend
    CHECK(kalender::lukket_for_frister(D("2026-06-05")) == "grundlovsdag");
    CHECK(kalender::lukket_for_frister(D("2026-12-24")) == "juleaftensdag");
    CHECK(kalender::lukket_for_frister(D("2026-12-31")) == "nytårsaftensdag");
    CHECK_FALSE(kalender::lukket_for_frister(D("2026-12-23")));
    // Ordinary working days are still working days for the municipality's own deadlines.
    CHECK(kalender::arbejdsdag(D("2026-12-24")));
}
