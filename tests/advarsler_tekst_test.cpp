// Warnings a person can read: consecutive periods of an hours deviation as one range with
// its total, and the reasons' marks in the text output three wide so the texts line up.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <fmt/format.h>

#include <sstream>

#include "domain/periodeafvigelse.hpp"
#include "domain/sag.hpp"
#include "engine/standard.hpp"
#include "test_tree.hpp"

using namespace kvalitet;

namespace {
Periodeafvigelse uge(int y, unsigned m, unsigned d, double leveret, double bevilget) {
    return Periodeafvigelse::om(true, Dato::ymd(y, m, d), leveret, bevilget);
}
} // namespace

TEST_CASE("periodeafvigelse: a run of weeks is one range with the sums; a year boundary names both years") {
    const auto a = uge(2026, 10, 14, 0, 3), b = uge(2026, 10, 21, 0, 3), c = uge(2026, 10, 28, 1, 3);
    CHECK(a.fra == Dato::ymd(2026, 10, 12)); // the Monday of week 42
    CHECK(a.til == Dato::ymd(2026, 10, 18));
    CHECK(fortsaetter(a, b));
    CHECK(perioder_tekst({a, b, c}) == "uge 42–44/2026: 1 af 9 bevilgede timer leveret");
    CHECK(perioder_tekst({a}) == "uge 42/2026: 0 af 3 bevilgede timer leveret");
    CHECK(perioder_tekst({uge(2026, 12, 29, 0, 2), uge(2027, 1, 5, 0.5, 2)}) ==
          "uge 53/2026–1/2027: 0,5 af 4 bevilgede timer leveret");
    CHECK_FALSE(fortsaetter(a, c)); // not the week after
    CHECK_FALSE(fortsaetter(a, uge(2026, 10, 21, 4, 3))); // too little, then too much: no sum
}

TEST_CASE("periodeafvigelse: months, to the month's last day") {
    const auto okt = Periodeafvigelse::om(false, Dato::ymd(2026, 10, 20), 6, 8);
    const auto nov = Periodeafvigelse::om(false, Dato::ymd(2026, 11, 1), 0, 8);
    CHECK(okt.til == Dato::ymd(2026, 10, 31));
    CHECK(fortsaetter(okt, nov));
    CHECK(perioder_tekst({okt, nov}) == "oktober–november 2026: 6 af 16 bevilgede timer leveret");
    CHECK(Periodeafvigelse::om(false, Dato::ymd(2028, 2, 10), 0, 1).til == Dato::ymd(2028, 2, 29));
}

TEST_CASE("tekst: the marks [ja ], [nej] and [ ? ] are equally wide, so the reasons line up") {
    auto varde = Standard::load(Sources::directory(KVALITET_SOURCE_DIR), "varde");
    // motiveret not yet assessed: some reasons are undetermined
    const Sag sag = Sag::from_json(R"({"id":"t","borger":{"alder":40},"vum":{"dato":"2026-09-01","temaer":{"socialt_liv":3}},
        "forhold":{"saerlige_sociale_problemer":true,"kan_deltage_aktivt":true,"profiterer_af_stoette":true}})");
    const std::string tekst = varde->vurder(sag, Dato::ymd(2026, 11, 22)).tekst();
    CHECK(tekst.find("  [ ? ] ") != std::string::npos);
    CHECK(tekst.find("  [ja ] ") != std::string::npos);
    std::istringstream in(tekst);
    for (std::string line; std::getline(in, line);)
        if (line.rfind("  [", 0) == 0) {
            INFO(line);
            CHECK(line.size() > 8);
            CHECK(line[6] == ']');
            CHECK(line[7] == ' ');
        }
}

TEST_CASE("tekst: an exclusion says whether it excludes, not a no beside the conditions that failed") {
    auto varde = Standard::load(Sources::directory(KVALITET_SOURCE_DIR), "varde");
    auto line_of = [](const std::string& tekst, std::string_view rule_text) {
        std::istringstream in(tekst);
        for (std::string line; std::getline(in, line);)
            if (line.find(rule_text) != std::string::npos) return line;
        return std::string();
    };
    const std::string_view udelukkelse = "Borgeren kan ikke deltage aktivt i opgaverne";
    auto tekst_med = [&](const char* kan_deltage) {
        const Sag sag = Sag::from_json(fmt::format(
            R"({{"id":"t","borger":{{"alder":40}},"vum":{{"dato":"2026-09-01","temaer":{{"socialt_liv":3}}}},
                "forhold":{{"motiveret":true,"profiterer_af_stoette":true{}}}}})", kan_deltage));
        return varde->vurder(sag, Dato::ymd(2026, 11, 22)).tekst();
    };
    CHECK(line_of(tekst_med(R"(,"kan_deltage_aktivt":true)"), udelukkelse).rfind("  [ - ] Udelukker ikke: ", 0) == 0);
    CHECK(line_of(tekst_med(R"(,"kan_deltage_aktivt":false)"), udelukkelse).rfind("  [ ! ] Udelukker: ", 0) == 0);
    CHECK(line_of(tekst_med(""), udelukkelse).rfind("  [ ? ] Udelukkelse, uafklaret: ", 0) == 0);
    // a condition keeps its mark
    CHECK(line_of(tekst_med(R"(,"kan_deltage_aktivt":true)"), "Borgeren er motiveret").rfind("  [ja ] ", 0) == 0);
}

TEST_CASE("tekst: a requirement that could not be checked is named with what it lacks") {
    auto kerteminde = Standard::load(Sources::directory(KVALITET_SOURCE_DIR), "kerteminde");
    const std::string uden = R"({"id":"t","borger":{"alder":40},"bevilling":{"start":"2026-11-02","timer":2,"periode":"uge"})";
    const std::string tekst = kerteminde->vurder(Sag::from_json(uden + "}"), Dato::ymd(2026, 11, 22)).tekst();
    INFO(tekst);
    CHECK(tekst.find("Advarsler: ingen\nKunne ikke kontrolleres\n") != std::string::npos);
    CHECK(tekst.find("\n  ? Der er sammenhæng mellem bevillingen og de leverede ydelser") != std::string::npos);
    // and a deadline the case has the start of, but not its length: the next follow-up
    CHECK(tekst.find("\n  ? Statusmøde, når afgørelsen fastsætter hvor ofte (en administrativ opfølgning er intet statusmøde); mangler hvor ofte afgørelsen siger, der følges "
                     "op (bevilling.opfoelgning_interval_maaneder) (") != std::string::npos);
    CHECK(tekst.find("; mangler de leverede ydelser (leverancer) (Kerteminde KS, Kvalitetsmål i forhold til leverandøren)") !=
          std::string::npos);
    // the text is the same at every trace level (the header's promise): not read from the trace
    for (auto niveau : {SporNiveau::Kort, SporNiveau::Ingen})
        CHECK(kerteminde->vurder(Sag::from_json(uden + "}"), Dato::ymd(2026, 11, 22), Dato::ymd(2026, 11, 22), niveau).tekst() ==
              tekst);
    // with the deliveries given, checked: no such heading
    const std::string med = kerteminde->vurder(Sag::from_json(uden + R"(,"leverancer":[]})"), Dato::ymd(2026, 11, 22)).tekst();
    CHECK(med.find("? Der er sammenhæng mellem bevillingen") == std::string::npos);

    // The JSON says the same at every trace level: an empty advarsler under --spor ingen
    // must not read as checked and in order.
    for (auto niveau : {SporNiveau::Fuld, SporNiveau::Kort, SporNiveau::Ingen}) {
        const auto j = nlohmann::json::parse(
            kerteminde->vurder(Sag::from_json(uden + "}"), Dato::ymd(2026, 11, 22), Dato::ymd(2026, 11, 22), niveau).json());
        INFO(j["ukontrollerede"].dump());
        CHECK(j["advarsler"].empty());
        std::map<std::string, std::vector<std::string>> u;
        for (const auto& e : j["ukontrollerede"]) {
            CHECK_FALSE(e["tekst"].get<std::string>().empty());
            CHECK_FALSE(e["kilde"].get<std::string>().empty());
            u[e["regel"]] = e["mangler"].get<std::vector<std::string>>();
        }
        CHECK(u["naeste_opfoelgning"] == std::vector<std::string>{"bevilling.opfoelgning_interval_maaneder"});
        CHECK(std::any_of(u.begin(), u.end(), [](const auto& kv) {
            return kv.second == std::vector<std::string>{"leverancer"};
        }));
    }
    CHECK(nlohmann::json::parse(kerteminde->vurder(Sag::from_json(R"({"id":"t","borger":{"alder":40},"leverancer":[],
        "bevilling":{"start":"2026-11-02","timer":2,"periode":"uge","opfoelgning_interval_maaneder":6}})"),
                                                   Dato::ymd(2026, 11, 22))
                                    .json())["ukontrollerede"]
              .empty());
}

// What a caseworker pastes into a note must not pass an assumption, a presumed date or a
// late deadline off as plain fact (a caseworker's review of the text form).
TEST_CASE("tekst: assumptions, a presumed receipt and a deadline met late are said as such") {
    const Sources hjem = Sources::directory(KVALITET_SOURCE_DIR);
    auto gentofte = Standard::load(hjem, "gentofte");
    // The age rule is the scripts' reading ("fyldt 18"), marked so in the JSON: now in the text too.
    const std::string g = gentofte
                              ->vurder(Sag::from_json(R"({"id":"g","borger":{"alder":40},
        "bevilling":{"afgoerelse_sendt":"2026-11-02","afgoerelse_kanal":"fysisk"}})"),
                                       Dato::ymd(2026, 11, 22))
                              .tekst();
    INFO(g);
    CHECK(g.find("[ja ] Borgeren er fyldt 18 år (Kvalitetsstandarderne for voksne (SEL § 85, stk. 1 nævner ingen alder); "
                 "antagelse)") != std::string::npos);
    // Monday 2 November + 6 working days = 10 November, the deadline's start: presumed, and how.
    CHECK(g.find("4 uger fra 10. november 2026 (formodet modtaget: brevet er dateret 2. november 2026, og fysisk post "
                 "regnes modtaget 6 hverdage efter)") != std::string::npos);

    // Varde's plan made twelve days after its deadline: overdue, but made.
    auto varde = Standard::load(hjem, "varde");
    const std::string v = varde
                              ->vurder(Sag::from_json(R"({"id":"v","borger":{"alder":40},
        "bevilling":{"start":"2024-06-03"},"indsatsplan":{"dato":"2024-07-15"}})"),
                                       Dato::ymd(2026, 11, 22))
                              .tekst();
    INFO(v);
    CHECK(v.find("var 3. juli 2024 og blev overskredet: opfyldt først 15. juli 2024") != std::string::npos);

    // Outside the target group, the activities only say what the standard covers.
    auto kerteminde = Standard::load(hjem, "kerteminde");
    const std::string k = kerteminde
                              ->vurder(Sag::from_json(R"({"id":"k","borger":{"alder":81},
        "forhold":{"kan_deltage_aktivt":false},"ansoegning":{"modtaget":"2026-11-20"},"ansoegte_aktiviteter":["personlig_hygiejne"]})"),
                                       Dato::ymd(2026, 11, 22))
                              .tekst();
    INFO(k);
    REQUIRE(k.find("Borgeren er ikke i målgruppen.") != std::string::npos);
    CHECK(k.find("Aktiviteter\n  (Borgeren er ikke i målgruppen: nedenfor står kun, hvad standarden omfatter)\n") !=
          std::string::npos);
}

// A warning from a rule the script marks as its own reading says so: in the JSON
// (`antagelse`) and in the text, as reasons and deadlines do; one from a rule in the
// standard's words does not. A deadline the script assumed carries it to its breach.
TEST_CASE("advarsler: a warning from an assumed rule is marked antagelse, in JSON and text") {
    test::TestTree tree{"advarsel_antagelse"};
    const Sources sources = tree.write("ant", R"(
krav { id = "antaget", tekst = "Antaget krav", kilde = "K 1", antagelse = true,
       afvigelser = function() return { "a" } end }
krav { id = "ordret", tekst = "Ordret krav", kilde = "K 2", afvigelser = function() return { "b" } end }
frist { id = "antaget_frist", tekst = "F", kilde = "K 3", antagelse = true, fra = "bevilling.start", varighed = uger(1) }
)");
    auto s = Standard::load(sources, "ant");
    const Vurdering v = s->vurder(Sag::from_json(R"({"id":"x","bevilling":{"start":"2026-01-05"}})"), Dato::ymd(2026, 11, 22));
    const auto j = nlohmann::json::parse(v.json());
    std::map<std::string, nlohmann::json> by_id;
    for (const auto& a : j["advarsler"]) by_id[a["id"].get<std::string>()] = a;
    REQUIRE(by_id.count("antaget"));
    REQUIRE(by_id.count("ordret"));
    REQUIRE(by_id.count("frist_overskredet"));
    CHECK(by_id["antaget"].value("antagelse", false));
    CHECK_FALSE(by_id["ordret"].contains("antagelse")); // left out, not false: the contract's objects stay as they were
    CHECK(by_id["frist_overskredet"].value("antagelse", false));
    const std::string t = v.tekst();
    INFO(t);
    CHECK(t.find("Afvigelse fra 'Antaget krav': a (K 1; antagelse)") != std::string::npos);
    CHECK(t.find("Afvigelse fra 'Ordret krav': b (K 2)") != std::string::npos);
}

// A length a function gave although a number it read was absent (the decision sets no
// interval, so the standard's applies) lacks nothing: the trace names nothing missing.
// When it gives no length, what it read as missing is named, as before.
TEST_CASE("frister: a length given despite an absent number names nothing missing; none given names it") {
    test::TestTree tree{"varighed_mangler"};
    const Sources sources = tree.write("var", R"(
frist { id = "hoejst", tekst = "F", kilde = "K", fra = "bevilling.start",
        varighed = function(sag) return interval_hoejst(sag, 12) end }
frist { id = "kun_afgoerelsen", tekst = "G", kilde = "K", fra = "bevilling.start", varighed = interval_fra_afgoerelsen }
)");
    auto s = Standard::load(sources, "var");
    const auto j = nlohmann::json::parse(
        s->vurder(Sag::from_json(R"({"id":"x","bevilling":{"start":"2026-01-05"}})"), Dato::ymd(2026, 2, 1)).json());
    std::map<std::string, nlohmann::json> spor;
    for (const auto& p : j["spor"]) spor[p["regel"].get<std::string>()] = p;
    CHECK_FALSE(spor["hoejst"].contains("mangler"));
    CHECK(spor["hoejst"]["resultat"] == "2027-01-05 kommende");
    REQUIRE(spor["kun_afgoerelsen"].contains("mangler"));
    CHECK(spor["kun_afgoerelsen"]["mangler"][0] == "bevilling.opfoelgning_interval_maaneder");
    // The decision's shorter interval is the one used
    const auto k = nlohmann::json::parse(
        s->vurder(Sag::from_json(R"({"id":"x","bevilling":{"start":"2026-01-05","opfoelgning_interval_maaneder":3}})"),
                  Dato::ymd(2026, 2, 1))
            .json());
    for (const auto& f : k["frister"])
        if (f["id"] == "hoejst") CHECK(f["dato"] == "2026-04-05");
}

// A new application has no grant: a requirement on the grant does not apply yet, so it is
// not listed as one that could not be checked. A referral that waits for a fact says which.
// (The application carries its date: without it, the deadline from it is listed.)
TEST_CASE("tekst: an application lists no grant requirement as unchecked; an open referral names its fact") {
    auto varde = Standard::load(Sources::directory(KVALITET_SOURCE_DIR), "varde");
    const std::string t = varde
                              ->vurder(Sag::from_json(R"({"id":"v","borger":{"alder":40},"ydelser":[{"paragraf":"83"}],
        "forhold":{"kan_deltage_aktivt":false},"ansoegning":{"modtaget":"2026-11-20"},"ansoegte_aktiviteter":["personlig_hygiejne"]})"),
                                       Dato::ymd(2026, 11, 22))
                              .tekst();
    INFO(t);
    CHECK(t.find("Kunne ikke kontrolleres") == std::string::npos);
    // and the trace says why, not "kunne ikke vurderes" beside a list that leaves it out
    const Vurdering ansoegning = varde->vurder(Sag::from_json(R"({"id":"v","ansoegning":{"modtaget":"2026-11-20"}})"),
                                               Dato::ymd(2026, 11, 22));
    for (const auto& p : ansoegning.spor)
        if (p.regel->id == "timer_opsparet") CHECK(p.resultat == "gælder ikke endnu: sagen har ingen bevilling");
    CHECK(t.find("Ikke omfattet: Støtte til borgerens egen varetagelse af personlig hygiejne; henvisningen afventer: om "
                 "funktionsnedsættelsen kan afhjælpes med træning (forhold.kan_afhjaelpes_med_traening)") != std::string::npos);
    // with a grant, the same requirement lacks a fact the caseworker can find: listed
    const std::string med = varde->vurder(Sag::from_json(R"({"id":"v","borger":{"alder":40},"bevilling":{"start":"2026-01-05"}})"),
                                          Dato::ymd(2026, 11, 22))
                                .tekst();
    CHECK(med.find("Kunne ikke kontrolleres\n") != std::string::npos);
    CHECK(med.find("\n  ? Der kan ikke spares timer op") != std::string::npos);
}

// A deadline whose applying depends on a fact not yet established is listed with what it
// lacks, in the JSON at every trace level and in the text (a case system's review: Lejre's
// half-yearly follow-up was given as certain, counted from a call four days after the start).
TEST_CASE("tekst: a deadline that may or may not apply is listed as not checked, naming the fact") {
    auto lejre = Standard::load(Sources::directory(KVALITET_SOURCE_DIR), "lejre");
    const Sag sag = Sag::from_json(R"({"id":"l","borger":{"alder":40},"bevilling":{"start":"2026-08-31"},
        "opfoelgninger":[{"dato":"2026-09-04","form":"telefonisk"}]})");
    for (auto niveau : {SporNiveau::Fuld, SporNiveau::Ingen}) {
        const Vurdering v = lejre->vurder(sag, Dato::ymd(2026, 12, 1), Dato::ymd(2026, 12, 1), niveau);
        for (const auto& f : v.frister) CHECK(f.regel->id != "naeste_opfoelgning");
        std::map<std::string, std::vector<std::string>> u;
        for (const auto& x : v.ukontrollerede) u[x.regel->id] = x.mangler;
        CHECK(u["foerste_opfoelgning"] == std::vector<std::string>{"bevilling.foerstegangs"});
        CHECK(u["naeste_opfoelgning"] == std::vector<std::string>{"bevilling.foerstegangs"});
        const auto j = nlohmann::json::parse(v.json());
        CHECK(j["ukontrollerede"].size() == v.ukontrollerede.size());
        const std::string t = v.tekst();
        CHECK(t.find("  ? Opfølgning som minimum hver halve år (ved en førstegangsbevilling efter revurderingen); mangler "
                     "om bevillingen er en førstegangsbevilling (bevilling.foerstegangs)") != std::string::npos);
    }
}

// A first-time grant without its start date: the review certainly applies, and what it lacks
// is named; the half-yearly one cannot have begun without a follow-up, so it is not listed.
// Without a grant, neither is (nothing to establish yet).
TEST_CASE("tekst: a deadline on a grant that lacks its start names the start") {
    auto lejre = Standard::load(Sources::directory(KVALITET_SOURCE_DIR), "lejre");
    auto unchecked = [&](const char* json) {
        std::map<std::string, std::vector<std::string>> u;
        for (const auto& x : lejre->vurder(Sag::from_json(json), Dato::ymd(2026, 12, 1)).ukontrollerede) u[x.regel->id] = x.mangler;
        return u;
    };
    const auto first = unchecked(R"({"id":"l","borger":{"alder":40},"bevilling":{"foerstegangs":true}})");
    CHECK(first.at("foerste_opfoelgning") == std::vector<std::string>{"bevilling.start"});
    CHECK(first.count("naeste_opfoelgning") == 0);
    const auto none = unchecked(R"({"id":"l","borger":{"alder":40}})");
    CHECK(none.count("foerste_opfoelgning") == 0);
}

// A "no" carries its condition as a "yes" does: the reason it is no (a case system's review).
TEST_CASE("tekst: an activity that is not covered shows the condition it failed") {
    auto kerteminde = Standard::load(Sources::directory(KVALITET_SOURCE_DIR), "kerteminde");
    const Vurdering v = kerteminde->vurder(Sag::from_json(R"({"id":"k","borger":{"alder":40},
        "forhold":{"behov_for_ledsagelse":false},"ansoegte_aktiviteter":["ledsagelse_behandling"]})"),
                                           Dato::ymd(2026, 11, 22));
    const std::string t = v.tekst();
    INFO(t);
    CHECK(t.find("  Ikke omfattet: Ledsagelse med socialpædagogisk indhold til dag- og fritidstilbud eller behandling, "
                 "herunder læge (Kerteminde KS, Hvad omfatter støtten? (ledsagelse))\n    Betingelse: Kun når borgeren af "
                 "psykiske årsager umuligt kan tage af sted på egen hånd") != std::string::npos);
    CHECK(nlohmann::json::parse(v.json())["aktiviteter"][0]["betingelse"].get<std::string>().rfind("Kun når", 0) == 0);
}
