// The domain types as scripts see them.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "bind/bind.hpp"
#include "sandbox.hpp"

using namespace kvalitet;

namespace {

int open_domain(lua_State* L) {
    bind::open_domain(L);
    return 0;
}

struct Lua {
    Sources sources = Sources::directory(KVALITET_SOURCE_DIR "/tests/fixtures");
    lua::State state;
    bind::CaseContext ctx;
    Sag sag;

    Lua() {
        sandbox::open(state, sources);
        lua_pushcfunction(state, open_domain);
        state.call(0, 0);
    }
    void load_case(const char* path_or_json, const char* dato = "2026-11-22") {
        std::string text = path_or_json;
        if (text.front() != '{') {
            std::ifstream in(path_or_json);
            std::stringstream ss;
            ss << in.rdbuf();
            text = ss.str();
        }
        sag = Sag::from_json(text);
        ctx.sag = &sag;
        ctx.dato = *Dato::parse(dato);
    }
    // Runs `body` as function(sag, dato) and returns its result as text.
    std::string eval(const std::string& body) {
        sandbox::load(state, "local sag, dato = ...\n" + body, "=test", sandbox::Env::Standard);
        bind::push_sag(state, ctx);
        bind::push_dato(state, ctx.dato);
        state.call(2, 1);
        std::string out = luaL_tolstring(state, -1, nullptr);
        lua_pop(state, 2);
        return out;
    }
};

const char* kExample = KVALITET_SOURCE_DIR "/docs/eksempler/sag.json";

} // namespace

TEST_CASE("Dato in Lua: construction, arithmetic, comparison, fields") {
    Lua lua;
    lua.load_case(R"({"id":"x"})");
    CHECK(lua.eval("return tostring(Dato '2026-11-22')") == "22. november 2026");
    CHECK(lua.eval("return (Dato '2026-01-31' + maaneder(1)):iso()") == "2026-02-28");
    CHECK(lua.eval("return Dato '2026-03-01' - Dato '2026-02-01'") == "28");
    CHECK(lua.eval("return (Dato '2026-03-01' - uger(1)):iso()") == "2026-02-22");
    CHECK(lua.eval("return Dato '2026-03-01' < Dato '2026-03-02'") == "true");
    CHECK(lua.eval("return Dato '2026-03-01' == Dato(2026, 3, 1)") == "true");
    CHECK(lua.eval("local d = Dato '2026-11-22' return d.aar .. d.maaned .. d.dag .. d.ugedag .. d.uge") ==
          "20261122747");
    CHECK(lua.eval("return (Dato '2026-11-20' + hverdage(1)):lang()") == "mandag den 23. november 2026");
    CHECK(lua.eval("return tostring(aar(1)) .. '/' .. tostring(uger(4))") == "1 år/4 uger");
    CHECK_THROWS_WITH(lua.eval("return Dato '2026-02-30'"), Catch::Contains("ugyldig dato \"2026-02-30\""));
    CHECK_THROWS_WITH(lua.eval("local d = Dato '2026-01-01' d.aar = 3"), Catch::Contains("kan ikke ændres"));
    CHECK_THROWS_WITH(lua.eval("return Dato '2026-01-01' + 3"), Catch::Contains("varighed"));
    // A date compared with a number is named as a comparison, either way round, with the value
    CHECK_THROWS_WITH(lua.eval("return Dato '2026-01-01' > 2020"),
                      Catch::Contains("kan ikke sammenligne en dato med et tal (2020)"));
    CHECK_THROWS_WITH(lua.eval("return 2020 <= Dato '2026-01-01'"),
                      Catch::Contains("kan ikke sammenligne en dato med et tal (2020)"));
    CHECK(lua.eval("return Dato '2026-01-01' > '2025-12-31'") == "true");
}

TEST_CASE("kalender and Frist in Lua") {
    Lua lua;
    lua.load_case(R"({"id":"x"})");
    CHECK(lua.eval("return helligdag(Dato '2023-05-05')") == "store bededag");
    CHECK(lua.eval("return helligdag('2024-04-26')") == "nil");
    CHECK(lua.eval("return arbejdsdag('2026-11-23')") == "true");
    CHECK(lua.eval("return naeste_arbejdsdag('2026-12-25'):iso()") == "2026-12-28");
    CHECK(lua.eval("return paaskedag(2026):iso()") == "2026-04-05");
    const char* klage = "local f = Frist { fra = Dato '2026-12-04', varighed = uger(4), "
                        "flyt = 'naeste_arbejdsdag', kilde = 'Rsl. § 67' } ";
    CHECK(lua.eval(std::string(klage) + "return f.dato:iso()") == "2027-01-04");
    CHECK(lua.eval(std::string(klage) + "return f.flyttet") == "true");
    CHECK(lua.eval(std::string(klage) + "return f.kilde") == "Rsl. § 67");
    CHECK(lua.eval(std::string(klage) + "return f:status('2027-01-04')") == "kommende");
    CHECK(lua.eval(std::string(klage) + "return f:status('2027-01-05')") == "overskredet");
    CHECK(lua.eval(std::string(klage) + "return f:status('2027-01-05', '2026-12-20')") == "opfyldt");
    CHECK_THAT(lua.eval(std::string(klage) + "return tostring(f)"), Catch::Contains("mandag den 4. januar 2027"));
    CHECK_THROWS_WITH(lua.eval("return Frist { fra = '2026-01-01', varighed = 4 }"), Catch::Contains("'varighed'"));
    CHECK_THROWS_WITH(lua.eval("return Frist { varighed = uger(4) }"), Catch::Contains("Frist: 'fra' mangler"));
    CHECK_THROWS_WITH(lua.eval("return Frist { fra = 7, varighed = uger(4) }"), Catch::Contains("Frist: 'fra' skal være en dato, ikke et tal"));
    CHECK_THROWS_WITH(lua.eval("return Frist { fra = '2026-01-01', varighed = uger(4), flyt = 'frem' }"),
                      Catch::Contains("flyt = \"frem\" kendes ikke"));
    // A misspelt field gave the default silently (paahvilerr: the municipality's deadline);
    // a negative length a deadline before its start. Both as a frist declaration says them.
    CHECK_THROWS_WITH(lua.eval("return Frist { fra = '2026-01-01', varighed = uger(4), paahvilerr = 'borger' }"),
                      Catch::Contains("Frist: ukendt felt 'paahvilerr' — mente du 'paahviler'?"));
    CHECK_THROWS_WITH(lua.eval("return Frist { fra = '2026-01-01', varighed = uger(4), [1] = 'x' }"),
                      Catch::Contains("Frist: ukendt felt"));
    CHECK_THROWS_WITH(lua.eval("return Frist { fra = '2026-01-01', varighed = uger(-1) }"),
                      Catch::Contains("Frist: 'varighed' er") && Catch::Contains("(en negativ længde)"));
    CHECK(lua.eval("return Frist { fra = '2026-01-01', varighed = dage(0), kilde = 'k', id = 'i', tekst = 't' }.dato:iso()") ==
          "2026-01-01");
    CHECK(lua.eval("return Frist { fra = '2026-01-01', varighed = dage(0), kilde = 'k' }.kilde") == "k");
    // a table as kilde would be one a rule could write to from case to case, past the seal
    CHECK_THROWS_WITH(lua.eval("return Frist { fra = '2026-01-01', varighed = uger(4), kilde = {} }"),
                      Catch::Contains("Frist: 'kilde' skal være en tekst, ikke en tabel"));
    // The citizen's deadline: 24 December moves, a lapse is no fault, a late event is late.
    const char* borger = "local k = Frist { fra = Dato '2026-11-26', varighed = uger(4), "
                         "flyt = 'naeste_arbejdsdag', paahviler = 'borger' } ";
    CHECK(lua.eval(std::string(borger) + "return k.dato:iso()") == "2026-12-28");
    CHECK(lua.eval(std::string(borger) + "return k.paahviler") == "borger");
    CHECK(lua.eval(std::string(borger) + "return k:status('2027-01-05')") == "udloebet");
    CHECK(lua.eval(std::string(borger) + "return k:status('2027-01-05', '2027-01-02')") == "for_sent");
    CHECK(lua.eval(std::string(klage) + "return f.paahviler") == "kommune");
    CHECK_THROWS_WITH(lua.eval("return Frist { fra = '2026-01-01', varighed = uger(4), paahviler = 'staten' }"),
                      Catch::Contains("paahviler = \"staten\" kendes ikke"));
}

TEST_CASE("sag.vum:et_tema_mindst and sum_mindst say nil only while an unscored theme could decide") {
    Lua lua;
    lua.load_case(R"({"id": "v", "vum": {"temaer": {"socialt_liv": 2, "samfundsliv": 3}}})");
    CHECK(lua.eval("return sag.vum:et_tema_mindst(3)") == "true");  // a scored 3 settles it
    CHECK(lua.eval("return sag.vum:et_tema_mindst(4)") == "nil");   // five unscored themes could be 4
    CHECK(lua.eval("return sag.vum:et_tema_mindst(5)") == "false"); // no score reaches 5
    CHECK(lua.eval("return sag.vum:sum_mindst(5)") == "true");
    CHECK(lua.eval("return sag.vum:sum_mindst(25)") == "nil"); // 5 + 5 × 4
    CHECK(lua.eval("return sag.vum:sum_mindst(26)") == "false");
    lua.load_case(R"({"id": "w", "vum": {"temaer": {"praktiske_opgaver": 1, "egenomsorg": 1, "kommunikation": 1,
                     "mobilitet": 1, "samfundsliv": 2, "socialt_liv": 1, "sundhed": 1}}})");
    CHECK(lua.eval("return sag.vum:et_tema_mindst(3)") == "false"); // every theme scored
    CHECK(lua.eval("return sag.vum:sum_mindst(9)") == "false");
    CHECK(lua.eval("return sag.vum:sum_mindst(8)") == "true");
    lua.load_case(R"({"id": "x"})");
    CHECK(lua.eval("return sag.vum:et_tema_mindst(3)") == "nil");
    CHECK(lua.eval("return sag.vum:sum_mindst(0)") == "nil");
}

TEST_CASE("the case view reads every field and cannot be written") {
    Lua lua;
    lua.load_case(kExample);
    CHECK(lua.eval("return sag.id") == "eksempel-1");
    CHECK(lua.eval("return sag.borger.alder") == "34");
    CHECK(lua.eval("return sag.vum.temaer.socialt_liv") == "3");
    CHECK(lua.eval("return sag.vum:max() .. '/' .. sag.vum:sum() .. '/' .. sag.vum:antal_mindst(2)") == "3/11/4");
    CHECK(lua.eval("return sag.vum:tema('mobilitet')") == "0");
    CHECK(lua.eval("return sag.forhold.saerlige_sociale_problemer") == "true");
    CHECK(lua.eval("return sag.forhold.motiveret") == "nil");
    CHECK(lua.eval("return sag.ydelser[1].paragraf") == "83");
    CHECK(lua.eval("return #sag.ansoegte_aktiviteter .. sag.ansoegte_aktiviteter[2]") == "4oekonomi");
    CHECK(lua.eval("return sag.bevilling.start:iso()") == "2026-10-05");
    CHECK(lua.eval("return sag.bevilling.leverandoer.naert_beslaegtet") == "false");
    CHECK(lua.eval("local n = 0 for _, l in ipairs(sag.leverancer) do n = n + l.minutter end return n") == "180");
    CHECK(lua.eval("local n = 0 for _, l in pairs(sag.leverancer) do n = n + 1 end return n") == "3");
    CHECK(lua.eval("return sag.leverancer[2].start .. ' ' .. sag.leverancer[2].slut_minut") == "17:30 1110");
    CHECK(lua.eval("return sag.afbud[1].af") == "borger");
    CHECK(lua.eval("return sag.klage.modtaget:iso()") == "2026-10-20");
    CHECK(lua.eval("return sag.arbejdspladsvurdering.dato") == "nil");
    CHECK(lua.eval("local n = 0 for k in pairs(sag.borger) do n = n + 1 end return n") == "2");
    CHECK_THROWS_WITH(lua.eval("sag.id = 'y'"), Catch::Contains("sagen kan ikke ændres"));
    CHECK_THROWS_WITH(lua.eval("sag.bevilling.timer = 99"), Catch::Contains("sagen kan ikke ændres"));
    CHECK_THROWS_WITH(lua.eval("return sag.forhold.motiverett"), Catch::Contains("sag.forhold har ikke feltet 'motiverett'"));
    CHECK_THROWS_WITH(lua.eval("return sag.vum:tema('humoer')"), Catch::Contains("ukendt VUM-tema 'humoer'"));
}

// A policy officer's "… " .. sag.bevilling.timer .. " timer" said "10.0 timer": a whole
// number of hours is an integer in Lua; a fraction stays one.
TEST_CASE("the grant's hours read as a whole number when they are one") {
    Lua lua;
    lua.load_case(R"({"id":"t","bevilling":{"timer":10}})");
    CHECK(lua.eval("return sag.bevilling.timer .. ' timer'") == "10 timer");
    CHECK(lua.eval("return math.type(sag.bevilling.timer) .. ' ' .. sag.bevilling.timer * 60") == "integer 600");
    CHECK(lua.eval("return sag.bevilling.timer / 4") == "2.5");
    lua.load_case(R"({"id":"t","bevilling":{"timer":7.5}})");
    CHECK(lua.eval("return sag.bevilling.timer .. ' timer'") == "7.5 timer");
    lua.load_case(R"({"id":"t","bevilling":{"timer":10.0}})");
    CHECK(lua.eval("return sag.bevilling.timer .. ' timer'") == "10 timer");
}

TEST_CASE("reading an absent fact records it, and dates read are recorded") {
    Lua lua;
    lua.load_case(R"({"id":"x","forhold":{"motiveret":true},"bevilling":{"start":"2026-01-05"}})");
    lua.ctx.reset_reads();
    CHECK(lua.eval("return tostring(sag.forhold.kan_deltage_aktivt) .. tostring(sag.vum:max()) .. "
                   "tostring(sag.borger.alder) .. tostring(sag.klage.modtaget)") == "nilnilnilnil");
    std::vector<std::string> missing(lua.ctx.missing.begin(), lua.ctx.missing.end());
    CHECK(missing == std::vector<std::string>{"kan_deltage_aktivt", "vum", "borger.alder", "klage.modtaget"});
    lua.ctx.reset_reads();
    lua.eval("return sag.bevilling.start");
    REQUIRE(lua.ctx.dates.size() == 1);
    CHECK(lua.ctx.dates[0].first == "bevilling.start");
    CHECK(lua.ctx.missing.empty());
}

TEST_CASE("oplyst tells a list the case left out from an empty one") {
    Lua lua;
    // left out and null: not told; the rule lacks the list, as it lacks an absent fact
    for (const char* sag : {R"({"id":"x"})", R"({"id":"x","leverancer":null,"afbud":null})"}) {
        lua.load_case(sag);
        lua.ctx.reset_reads();
        CHECK(lua.eval("return tostring(oplyst(sag.leverancer)) .. tostring(oplyst(sag.afbud)) .. #sag.leverancer") ==
              "falsefalse0");
        std::vector<std::string> missing(lua.ctx.missing.begin(), lua.ctx.missing.end());
        CHECK(missing == std::vector<std::string>{"leverancer", "afbud"});
    }
    lua.load_case(R"({"id":"x","leverancer":[],"opfoelgninger":[],"ydelser":[{"paragraf":"83"}],"ansoegte_aktiviteter":[]})");
    lua.ctx.reset_reads();
    CHECK(lua.eval("return tostring(oplyst(sag.leverancer)) .. tostring(oplyst(sag.opfoelgninger)) .. "
                   "tostring(oplyst(sag.ydelser)) .. tostring(oplyst(sag.ansoegte_aktiviteter)) .. tostring(oplyst(sag.afbud))") ==
          "truetruetruetruefalse");
    CHECK(std::vector<std::string>(lua.ctx.missing.begin(), lua.ctx.missing.end()) == std::vector<std::string>{"afbud"});
    CHECK_THROWS_WITH(lua.eval("return oplyst(sag.bevilling)"), Catch::Contains("oplyst: argumentet skal være en af sagens lister"));
    CHECK_THROWS_WITH(lua.eval("return oplyst({})"), Catch::Contains("ikke en tabel"));
    CHECK_THROWS_WITH(lua.eval("return oplyst()"), Catch::Contains("sag.ansoegte_aktiviteter), ikke ingenting"));
    // A case filled in code (the C++ API): a list with elements was given, flag or not.
    lua.load_case(R"({"id":"x"})");
    lua.sag.leverancer.push_back({});
    lua.ctx.reset_reads();
    CHECK(lua.eval("return tostring(oplyst(sag.leverancer)) .. tostring(oplyst(sag.afbud))") == "truefalse");
}

TEST_CASE("date arguments are checked in full: floats, NaN, infinities, fractions, range") {
    Lua lua;
    lua.load_case(R"({"id":"x"})");
    // A float once skipped the ±100,000 check: hverdage(2^31-1) ran for 25 s.
    CHECK_THROWS_WITH(lua.eval("return dato + hverdage(2^31-1)"), Catch::Contains("uden for området -100000 til 100000"));
    CHECK_THROWS_WITH(lua.eval("return dato + uger(1e9)"), Catch::Contains("uden for området"));
    CHECK_THROWS_WITH(lua.eval("return dage(0/0)"), Catch::Contains("NaN"));
    CHECK_THROWS_WITH(lua.eval("return dage(1/0)"), Catch::Contains("uendelig"));
    CHECK_THROWS_WITH(lua.eval("return dage(-1/0)"), Catch::Contains("uendelig"));
    CHECK_THROWS_WITH(lua.eval("return dage(2.5)"), Catch::Contains("forkert argument nr. 1 til 'dage': forventede et heltal, fik 2.5"));
    CHECK_THROWS_WITH(lua.eval("return dage(1e300)"), Catch::Contains("uden for området"));
    CHECK_THROWS_WITH(lua.eval("return dage(math.mininteger)"), Catch::Contains("uden for området"));
    CHECK_THROWS_WITH(lua.eval("return Dato '2026-01-01\\0junk'"), Catch::Contains("ugyldig dato"));
    CHECK(lua.eval("return (Dato '2026-11-22' + dage(2.0)):iso()") == "2026-11-24");
    CHECK(lua.eval("return (Dato '2026-11-22' + dage(-1000.0) + dage(1000)):iso()") == "2026-11-22");
}

TEST_CASE("dates a script makes or computes stay in 1900-2200, or it is an error") {
    Lua lua;
    lua.load_case(R"({"id":"x"})");
    // Dato(70000, 1, 1) was truncated to the year 4464; uger(100000) gave "5. februar 30531"-like years.
    CHECK_THROWS_WITH(lua.eval("return Dato(70000, 1, 1)"), Catch::Contains("70000 er uden for området 1900 til 2200"));
    CHECK_THROWS_WITH(lua.eval("return Dato(2026, 13, 1)"), Catch::Contains("13 er uden for området 1 til 12"));
    CHECK_THROWS_WITH(lua.eval("return Dato(2026, 2, 30)"), Catch::Contains("2026-02-30 er ikke en rigtig dato"));
    CHECK_THROWS_WITH(lua.eval("return Dato(2026, 1, 0/0)"), Catch::Contains("NaN"));
    CHECK_THROWS_WITH(lua.eval("return Dato '1850-01-01'"), Catch::Contains("ligger uden for de datoer"));
    CHECK(lua.eval("return Dato(2026.0, 11, 22):iso()") == "2026-11-22");
    CHECK_THROWS_WITH(lua.eval("return Dato '2026-11-22' + uger(100000)"),
                      Catch::Contains("22. november 2026 + 100000 uger ligger uden for de datoer"));
    CHECK_THROWS_WITH(lua.eval("return Dato '2026-11-22' + aar(100000)"), Catch::Contains("ligger uden for"));
    CHECK_THROWS_WITH(lua.eval("return Dato '2026-11-22' - maaneder(100000)"), Catch::Contains("ligger uden for"));
    CHECK_THROWS_WITH(lua.eval("return Dato '2026-11-22' + hverdage(100000)"), Catch::Contains("ligger uden for"));
    CHECK_THROWS_WITH(lua.eval("return paaskedag(9999)"), Catch::Contains("uden for området 1900 til 2200"));
    CHECK_THROWS_WITH(lua.eval("return naeste_arbejdsdag '2201-01-01'"), Catch::Contains("ligger uden for"));
    // a date written as text is one the script makes too: arbejdsdag '1899-12-29' (a Friday)
    // answered true, and naeste_arbejdsdag '9999-12-31' gave a date no script can make
    CHECK_THROWS_WITH(lua.eval("return arbejdsdag '1899-12-29'"), Catch::Contains("datoen 1899-12-29 ligger uden for de datoer"));
    CHECK_THROWS_WITH(lua.eval("return naeste_arbejdsdag '9999-12-31'"), Catch::Contains("datoen 9999-12-31 ligger uden for"));
    CHECK_THROWS_WITH(lua.eval("return Dato '2026-11-22' < '1850-01-01'"), Catch::Contains("ligger uden for"));
    CHECK(lua.eval("return tostring(arbejdsdag '1900-01-02')") == "true");
    CHECK(lua.eval("return tostring(naeste_arbejdsdag '2200-12-31' == Dato '2200-12-31')") == "true");
    // A deadline is computed when read: the error comes then, as a Lua error with the place.
    const char* sent = "local f = Frist { fra = '2200-12-20', varighed = uger(4) } ";
    CHECK_THROWS_WITH(lua.eval(std::string(sent) + "return f.dato"), Catch::Contains("test:2: 20. december 2200 + 4 uger"));
    CHECK_THROWS_WITH(lua.eval(std::string(sent) + "return tostring(f)"), Catch::Contains("ligger uden for"));
    CHECK_THROWS_WITH(lua.eval(std::string(sent) + "return f:status('2026-01-01')"), Catch::Contains("ligger uden for"));
}

// Reads sag.leverancer of the example case in a rule and leaves the list view on the stack.
static void keep_list_view(Lua& lua) {
    lua.load_case(kExample);
    sandbox::load(lua.state, "local sag = ... return sag.leverancer", "=test", sandbox::Env::Standard);
    bind::push_sag(lua.state, lua.ctx);
    lua.state.call(1, 1);
}

TEST_CASE("a kept list view refuses its length once the case is gone, as a Lua error") {
    Lua lua;
    lua_State* L = lua.state;
    keep_list_view(lua);
    lua.ctx.sag = nullptr;
    lua.ctx.gone = "sagen er skiftet";
    sandbox::load(lua.state, "local l = ... return #l", "=test", sandbox::Env::Standard);
    lua_rotate(L, -2, 1); // the chunk under its argument
    // __len threw a C++ exception through Lua: std::terminate outside a protected call,
    // a junk error inside one.
    CHECK_THROWS_WITH(lua.state.call(1, 1), Catch::Contains("sagen er skiftet"));
}

// The next case read through a list view of the one before would be that case's list under
// an old handle; the host refuses it, as it refuses a kept element (3/12).
TEST_CASE("a list view kept into the next case refuses to read") {
    Lua lua;
    lua_State* L = lua.state;
    keep_list_view(lua);
    REQUIRE(lua_type(L, -1) == LUA_TUSERDATA);
    lua.load_case(kExample); // the next case, in the same context
    bind::push_sag(L, lua.ctx);
    lua_pop(L, 1);
    for (const char* body : {"local l = ... return #l", "local l = ... return l[1]",
                             "local l = ... return uden_for_tidsrum(l, {})"}) {
        INFO(body);
        sandbox::load(lua.state, body, "=test", sandbox::Env::Standard);
        lua_pushvalue(L, -2);
        CHECK_THROWS_WITH(lua.state.call(1, 1), Catch::Contains("sagen kan kun læses, mens en regel vurderer den"));
    }
}
