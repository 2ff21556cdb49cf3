// Dated parameters (issue 14 §1): a parameter with `perioder` takes the value in force on the
// date whose rules apply, in a rule and where the engine reads one itself; the full trace
// names the value and its period; every value is checked against one type, with the error
// at its own line; the document shows each period. Fixture: tests/fixtures/daterede_parametre
// (made-up values, boundary 2027-01-01).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <fstream>
#include <string>

#include "engine/standard.hpp"
#include "lua/error.hpp"
#include "workbench/dokument.hpp"
#include "workbench/dokument_model.hpp"

using namespace kvalitet;
namespace fs = std::filesystem;
using Catch::Contains;

namespace {

// The real dsl/ and stdlib/, with the fixture's national module and municipality beside them.
struct Home {
    fs::path root = fs::temp_directory_path() / ("kvalitet-daterede-" + std::to_string(::getpid()));
    Home() {
        fs::remove_all(root);
        fs::create_directories(root);
        fs::copy(KVALITET_SOURCE_DIR "/dsl", root / "dsl", fs::copy_options::recursive);
        fs::copy(KVALITET_SOURCE_DIR "/stdlib", root / "stdlib", fs::copy_options::recursive);
        const fs::path fixture = KVALITET_SOURCE_DIR "/tests/fixtures/daterede_parametre";
        fs::copy(fixture / "stdlib", root / "stdlib", fs::copy_options::recursive);
        fs::copy(fixture / "municipalities", root / "municipalities", fs::copy_options::recursive);
    }
    ~Home() { fs::remove_all(root); }
    Sources sources() const { return Sources::directory(root); }
    fs::path standard() const { return root / "municipalities/datoby/standard.lua"; }
    std::string read() const {
        std::ifstream in(standard());
        return {std::istreambuf_iterator<char>(in), {}};
    }
    void write(const std::string& text) const { std::ofstream(standard()) << text; }
    // The fixture's text with `from` replaced by `to` (which must be there).
    void replace(const std::string& from, const std::string& to) const {
        std::string s = read();
        const auto at = s.find(from);
        REQUIRE(at != std::string::npos);
        write(s.replace(at, from.size(), to));
    }
};

Dato D(const char* s) { return *Dato::parse(s); }

// Applied for on 2026-12-01; a decision sent by physical post on Monday 2026-11-30.
const char* kSag = R"({"id":"d1","kommune":"datoby","borger":{"alder":40},
  "ansoegning":{"modtaget":"2026-12-01"},
  "bevilling":{"afgoerelse_sendt":"2026-11-30","afgoerelse_kanal":"fysisk"}})";

std::optional<Dato> frist(const Vurdering& v, std::string_view id) {
    for (const auto& f : v.frister)
        if (f.regel->id == id) return f.dato;
    return std::nullopt;
}

// The full trace's entry of the rule `id` (what it read: its dates and vaerdier), as JSON.
std::string laest(const Vurdering& v, std::string_view id) {
    const std::string json = v.json();
    const auto at = json.find("\"regel\":\"" + std::string(id) + "\"");
    REQUIRE(at != std::string::npos);
    return json.substr(at, json.find("\"regel\":", at + 1) - at);
}

Dato plus(Dato d, Varighed::Enhed enhed, int n) { return Varighed{enhed, n}.efter(d); }
constexpr auto kUger = Varighed::Enhed::Uger;

} // namespace

TEST_CASE("dated parameter: the value in force on each side of the boundary", "[daterede_parametre]") {
    Home home;
    const Sources sources = home.sources();
    auto s = Standard::load(sources, "datoby");
    const Sag sag = Sag::from_json(kSag);

    // A rule's read: 4 weeks until 2026-12-31, 6 weeks from 2027-01-01 (from 2026-12-01).
    const Vurdering foer = s->vurder(sag, D("2026-12-31"));
    const Vurdering efter = s->vurder(sag, D("2027-01-01"));
    CHECK(frist(foer, "svar") == plus(D("2026-12-01"), kUger, 4));
    CHECK(frist(efter, "svar") == plus(D("2026-12-01"), kUger, 6));
    CHECK_THAT(laest(foer, "svar"), Contains("\"svarfrist_uger (gælder 2020-01-01 til 2026-12-31)\":4"));
    CHECK_THAT(laest(efter, "svar"), Contains("\"svarfrist_uger (gælder fra 2027-01-01)\":6"));

    // The engine's own read (the receipt of a letter sent by post): 6 working days, then 5.
    const Dato sendt = D("2026-11-30");
    const auto modtaget = [](Dato d) { return "\"bevilling.afgoerelse_modtaget (udledt)\":\"" + d.iso() + "\""; };
    CHECK_THAT(laest(foer, "klage"), Contains(modtaget(plus(sendt, Varighed::Enhed::Hverdage, 6))) &&
                                         Contains("\"fysisk_post_hverdage (gælder 2018-06-26 til 2026-12-31)\":6"));
    CHECK_THAT(laest(efter, "klage"), Contains(modtaget(plus(sendt, Varighed::Enhed::Hverdage, 5))) &&
                                          Contains("\"fysisk_post_hverdage (gælder fra 2027-01-01)\":5"));

    // The date whose rules apply decides, not the assessment date (--standard-dato).
    const Vurdering klage = s->vurder(sag, D("2027-03-01"), D("2026-06-01"));
    CHECK(frist(klage, "svar") == plus(D("2026-12-01"), kUger, 4));

    // Before the first period there is no value: the rule's error says so (an application
    // received by then, so the rule reads the parameter).
    Sag tidlig = sag;
    tidlig.ansoegning_modtaget = D("2019-05-01");
    try {
        s->vurder(tidlig, D("2019-06-01"));
        FAIL("ingen fejl før den første periode");
    } catch (const ScriptError& e) {
        CHECK_THAT(e.what(), Contains("parameteren 'svarfrist_uger' har ingen værdi den 1. juni 2019") &&
                                 Contains("1. januar 2020"));
    }
}

TEST_CASE("dated parameter: shown with its periods", "[daterede_parametre]") {
    Home home;
    const Sources sources = home.sources();
    auto s = Standard::load(sources, "datoby");
    const Parameter* p = nullptr;
    for (const auto& x : s->info().parametre)
        if (x.id == "svarfrist_uger") p = &x;
    REQUIRE(p);
    REQUIRE(p->perioder.size() == 2);
    CHECK(p->perioder[0].fra == D("2020-01-01"));
    CHECK(p->perioder[1].vaerdi == "6");
    CHECK(p->vaerdi == "4 fra 1. januar 2020; 6 fra 1. januar 2027");
    CHECK(periode_tekst(*p, 0) == "fra 1. januar 2020 til og med 31. december 2026");
    CHECK(p->type == "heltal");
    const std::string h = workbench::html(workbench::standard_dokument(*s));
    CHECK_THAT(h, Contains("<code>6</code> uger fra 1. januar 2027"));
    CHECK_THAT(h, Contains("<code>4</code> uger fra 1. januar 2020 til og med 31. december 2026"));
}

TEST_CASE("dated parameter: load errors at the line, in Danish", "[daterede_parametre]") {
    Home home;
    const Sources sources = home.sources();
    auto fejl = [&]() -> std::string {
        try {
            Standard::load(sources, "datoby");
        } catch (const ScriptError& e) {
            return e.what();
        }
        return "indlæst uden fejl";
    };
    const std::string original = home.read();
    auto linje = [&](const std::string& tekst) { // the 1-based line of `tekst` in the file now
        const std::string s = home.read();
        return 1 + std::count(s.begin(), s.begin() + std::ptrdiff_t(s.find(tekst)), '\n');
    };

    // Every value has the parameter's type: the one at fault is named, at its line.
    home.replace("[\"2027-01-01\"] = 5,", "[\"2027-01-01\"] = \"fem\",");
    CHECK_THAT(fejl(), Contains("standard.lua:" + std::to_string(linje("\"fem\"")) + ":") &&
                           Contains("parameteren 'fysisk_post_hverdage' (fra 2027-01-01)"));
    home.write(original);
    home.replace("[\"2027-01-01\"] = 5,", "[\"2027-01-01\"] = 5.5,");
    CHECK_THAT(fejl(), Contains(":" + std::to_string(linje("5.5")) + ":") && Contains("(fra 2027-01-01)"));

    // A key that is not a date; both vaerdi and perioder; none of them.
    home.write(original);
    home.replace("[\"2027-01-01\"] = 5,", "[\"1. januar 2027\"] = 5,");
    CHECK_THAT(fejl(), Contains("er hver nøgle den dato, værdien gælder fra") && Contains("'1. januar 2027'"));
    home.write(original);
    home.replace("type = \"heltal\", enhed = \"hverdage\",", "vaerdi = 6, type = \"heltal\", enhed = \"hverdage\",");
    CHECK_THAT(fejl(), Contains("enten 'vaerdi' (én værdi) eller 'perioder'"));
    home.write(original);
    home.replace("[\"2018-06-26\"] = 6,\n      [\"2027-01-01\"] = 5,", "");
    CHECK_THAT(fejl(), Contains("'perioder' er tom"));

    // Read while the standard loads, outside a rule: it has no date yet.
    home.write(original + "\nlocal x = P.svarfrist_uger\n");
    CHECK_THAT(fejl(), Contains("parameteren 'svarfrist_uger' har værdier efter dato") &&
                           Contains("standard.lua:" + std::to_string(linje("local x")) + ":"));
}
