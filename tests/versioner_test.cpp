// Versions of a standard in force on a date, on the fixture municipality testby
// (tests/fixtures/versioner): a 2025 version and the current one from 2026-01-01.
#include <catch2/catch.hpp>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "engine/parallel.hpp"
#include "engine/standard.hpp"
#include "engine/versioner.hpp"
#include "lua/error.hpp"

using namespace kvalitet;
namespace fs = std::filesystem;

namespace {

// The real dsl/ and stdlib/ with the fixture's municipalities/ beside them.
struct Home {
    fs::path root;
    Home() {
        root = fs::temp_directory_path() / ("kvalitet-versioner-" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::create_directories(root);
        fs::copy(KVALITET_SOURCE_DIR "/dsl", root / "dsl", fs::copy_options::recursive);
        fs::copy(KVALITET_SOURCE_DIR "/stdlib", root / "stdlib", fs::copy_options::recursive);
        fs::copy(KVALITET_SOURCE_DIR "/tests/fixtures/versioner/municipalities", root / "municipalities",
                 fs::copy_options::recursive);
    }
    ~Home() { fs::remove_all(root); }
    Sources sources() const { return Sources::directory(root); }
};

Dato D(const char* s) { return *Dato::parse(s); }

const char* kSag = R"({"id":"v1","kommune":"testby","borger":{"alder":40},
  "forhold":{"saerlige_sociale_problemer":true,"kan_deltage_aktivt":true,"profiterer_af_stoette":true,
             "motiveret":true,"kan_afhjaelpes_med_hjaelpemidler":false,"kan_afhjaelpes_med_traening":false,
             "kan_afhjaelpes_efter_anden_lovgivning":false,"daarligt_helbred":false},
  "vum":{"dato":"2024-10-01","temaer":{"socialt_liv":3}},
  "bevilling":{"start":"2024-11-01"}})";

// The assessment of kSag on `dato` under the version in force on `standard_dato`.
Vurdering vurder(const Sources& s, Dato dato, Dato standard_dato, std::unique_ptr<Standard>& keep) {
    const auto alle = versioner(s, "testby");
    keep = Standard::load_file(s, "testby", version_paa(alle, "testby", standard_dato).fil);
    return keep->vurder(Sag::from_json(kSag), dato);
}

const FristResultat* frist(const Vurdering& v, std::string_view id) {
    for (const auto& f : v.frister)
        if (f.regel->id == id) return &f;
    return nullptr;
}

} // namespace

TEST_CASE("versions are listed oldest first, each with the gyldig_fra it declares") {
    Home h;
    const auto alle = versioner(h.sources(), "testby");
    REQUIRE(alle.size() == 2);
    CHECK(alle[0].fil == "municipalities/testby/versioner/2025-01-01.lua");
    CHECK(alle[0].gyldig_fra == D("2025-01-01"));
    CHECK(alle[1].fil == "municipalities/testby/standard.lua");
    CHECK(alle[1].gyldig_fra == D("2026-01-01"));
    CHECK(periode_tekst(alle, 0) == "fra 1. januar 2025 til og med 31. december 2025");
    CHECK(periode_tekst(alle, 1) == "fra 1. januar 2026");
}

TEST_CASE("the version in force on each side of the boundary date decides the assessment") {
    Home h;
    const Sources s = h.sources();
    std::unique_ptr<Standard> a, b;
    const Vurdering foer = vurder(s, D("2025-12-31"), D("2025-12-31"), a);
    const Vurdering efter = vurder(s, D("2026-01-01"), D("2026-01-01"), b);
    CHECK(foer.gyldig_fra == D("2025-01-01"));
    CHECK(efter.gyldig_fra == D("2026-01-01"));
    CHECK(foer.sha256 != efter.sha256);
    REQUIRE(foer.pakke);
    REQUIRE(efter.pakke);
    CHECK(foer.pakke->timer == 2); // the parameters and rules of each version
    CHECK(efter.pakke->timer == 3);
    REQUIRE(frist(foer, "naeste_opfoelgning"));
    REQUIRE(frist(efter, "naeste_opfoelgning"));
    CHECK(frist(foer, "naeste_opfoelgning")->dato == D("2025-11-01"));  // 12 months from the start
    CHECK(frist(efter, "naeste_opfoelgning")->dato == D("2025-05-01")); // 6 months
    // The exclusion only the 2026 version declares is in its trace alone.
    auto har = [](const Vurdering& v, std::string_view id) {
        return std::any_of(v.spor.begin(), v.spor.end(), [&](const SporPost& p) { return p.regel && p.regel->id == id; });
    };
    CHECK(har(efter, "hjaelpemidler"));
    CHECK_FALSE(har(foer, "hjaelpemidler"));
    CHECK(foer.json().find(R"("gyldig_fra":"2025-01-01")") != std::string::npos);
}

TEST_CASE("a standard date other than the assessment date chooses the older version") {
    Home h;
    std::unique_ptr<Standard> keep;
    const Vurdering v = vurder(h.sources(), D("2026-06-01"), D("2025-06-01"), keep);
    CHECK(v.gyldig_fra == D("2025-01-01"));
    CHECK(v.vurderingsdato == D("2026-06-01"));
}

TEST_CASE("no version in force is ukendt_version, naming the municipality, the date and the versions") {
    Home h;
    const auto alle = versioner(h.sources(), "testby");
    try {
        version_paa(alle, "testby", D("2024-12-31"));
        FAIL("a version was found before the first one starts");
    } catch (const InputError& e) {
        CHECK(e.kode() == "ukendt_version");
        const std::string m = e.what();
        CHECK(m.find("testby") != std::string::npos);
        CHECK(m.find("31. december 2024") != std::string::npos);
        CHECK(m.find("versioner/2025-01-01.lua") != std::string::npos);
        CHECK(m.find("standard.lua") != std::string::npos);
    }
}

TEST_CASE("a version file whose gyldig_fra differs from its name does not load, naming the file") {
    Home h;
    const fs::path bad = h.root / "municipalities/testby/versioner/2024-06-01.lua";
    fs::copy_file(h.root / "municipalities/testby/versioner/2025-01-01.lua", bad);
    try {
        versioner(h.sources(), "testby");
        FAIL("the mismatch loaded");
    } catch (const ScriptError& e) {
        const std::string m = e.what();
        CHECK(m.find("2024-06-01") != std::string::npos);
        CHECK(m.find("gyldig_fra = \"2025-01-01\"") != std::string::npos);
    }
}

// A version that says it ends after the next one begins: two versions on the same days.
// vurder took the later without a word, and tjek found nothing.
TEST_CASE("a version whose gyldig_til overlaps the next version does not load, naming both") {
    Home h;
    const fs::path v2025 = h.root / "municipalities/testby/versioner/2025-01-01.lua";
    std::ifstream in(v2025);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto at = text.find("gyldig_fra = \"2025-01-01\",");
    REQUIRE(at != std::string::npos);
    text.insert(at, "gyldig_til = \"2026-06-30\", ");
    std::ofstream(v2025) << text;
    try {
        versioner(h.sources(), "testby");
        FAIL("the overlap loaded");
    } catch (const ScriptError& e) {
        const std::string m = e.what();
        CHECK(m.find("versioner/2025-01-01.lua") != std::string::npos);
        CHECK(m.find("gyldig_til (2026-06-30) ligger ikke før den næste versions gyldig_fra (2026-01-01") != std::string::npos);
        CHECK(m.find("sæt gyldig_til til 2025-12-31 eller tidligere") != std::string::npos);
    }
    // ending the day before is no overlap
    text.replace(text.find("2026-06-30"), 10, "2025-12-31");
    std::ofstream(v2025) << text;
    CHECK(versioner(h.sources(), "testby").size() == 2);
}

TEST_CASE("the batch picks each case's version by its date, and once per standard date") {
    Home h;
    const Sources s = h.sources();
    ParallelAssessor p(s, 2);
    const std::vector<Opgave> opgaver{{kSag, ""}};
    const auto gammel = p.assess(opgaver, D("2025-12-31"));
    const auto ny = p.assess(opgaver, D("2026-01-01"));
    const auto valgt = p.assess(opgaver, D("2026-01-01"), D("2025-03-01"));
    const auto ingen = p.assess(opgaver, D("2024-12-31"));
    REQUIRE(gammel[0].ok());
    REQUIRE(ny[0].ok());
    REQUIRE(valgt[0].ok());
    CHECK(gammel[0].vurdering_json.find(R"("gyldig_fra":"2025-01-01")") != std::string::npos);
    CHECK(ny[0].vurdering_json.find(R"("gyldig_fra":"2026-01-01")") != std::string::npos);
    CHECK(valgt[0].vurdering_json.find(R"("gyldig_fra":"2025-01-01")") != std::string::npos);
    CHECK(ingen[0].kode == "ukendt_version");
}

TEST_CASE("a standard without gyldig_fra is in force on every date, and says null") {
    const Sources s = Sources::directory(KVALITET_SOURCE_DIR);
    const auto alle = versioner(s, "varde");
    REQUIRE(alle.size() == 1);
    CHECK_FALSE(alle[0].gyldig_fra);
    CHECK(&version_paa(alle, "varde", Dato::foerste()) == &alle[0]);
    CHECK(&version_paa(alle, "varde", Dato::sidste()) == &alle[0]);
}

// From a policy officer: a version dated the Danish way was refused without its value; the
// message quotes it and offers the ISO form.
TEST_CASE("a gyldig_fra that is no ISO date is quoted, with the date it most likely means") {
    Home h;
    fs::create_directories(h.root / "municipalities/datofejl");
    auto error_for = [&](const std::string& value) {
        std::ofstream(h.root / "municipalities/datofejl/standard.lua")
            << "kvalitetsstandard { kommune = 'datofejl', titel = 'T', kilde = 'K',\n  gyldig_fra = " << value << " }\n";
        try {
            Standard::load(h.sources(), "datofejl");
        } catch (const ScriptError& e) {
            return std::string(e.what());
        }
        return std::string("(indlæst)");
    };
    CHECK(error_for("'01-01-2027'") == "municipalities/datofejl/standard.lua:2: kvalitetsstandard: 'gyldig_fra' skal være en "
                                      "dato \"ÅÅÅÅ-MM-DD\", ikke '01-01-2027' — mente du 2027-01-01?");
    CHECK(error_for("'1. januar'") == "municipalities/datofejl/standard.lua:2: kvalitetsstandard: 'gyldig_fra' skal være en "
                                     "dato \"ÅÅÅÅ-MM-DD\", ikke '1. januar'");
    // a value with a line break is not quoted: it would start a line of its own in tjek's output
    CHECK(error_for("'a\\nb'") == "municipalities/datofejl/standard.lua:2: kvalitetsstandard: 'gyldig_fra' skal være en "
                                  "dato \"ÅÅÅÅ-MM-DD\"");
    CHECK(error_for("'2027-02-30'") == "municipalities/datofejl/standard.lua:2: kvalitetsstandard: 'gyldig_fra' skal være en "
                                      "dato \"ÅÅÅÅ-MM-DD\", men dagen 2027-02-30 findes ikke");
}
