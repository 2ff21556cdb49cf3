#pragma once
// Malformed cases and the Danish error each must give. Shared by the parser's test and the
// JSON Schema's test, so the two cannot drift apart.
namespace kvalitet::testdata {

struct MalformedCase {
    const char* json;
    const char* error;
    bool schema_sees_it = true; // false: not JSON at all,
                                // or what a JSON Schema cannot say (a key given twice)
};

inline constexpr MalformedCase kMalformedCases[] = {
    {R"({"id": "a",)", "ugyldig JSON i linje 1, kolonne 12: sagen slutter, før objektet fra linje 1, kolonne 1 er lukket", false},
    {R"({"a": 1e400})", "ugyldig JSON i linje 1, kolonne 7 (feltet 'a'): tallet 1e400 er for stort", false},
    {R"({"id": "a", "id": "b"})", "feltet 'id' står to gange", false},
    {R"([1, 2])", "forventede et objekt"},
    {R"({"id": true})", "feltet 'id': forventede en tekst"},
    {R"({"ansoegte_aktiviteter": ["oekonomi", ""]})", "feltet 'ansoegte_aktiviteter[1]': en tom tekst er ikke en aktivitet"},
    {R"({"id": 1.5})", "feltet 'id': forventede en tekst eller et heltal, fik 1.5"},
    {R"({"ydelser": [{"paragraf": 83.5}]})", "feltet 'ydelser[0].paragraf': forventede en tekst eller et heltal, fik 83.5"},
    {R"({"kommune": 7})", "feltet 'kommune': forventede en tekst"},
    {R"({"borger": 18})", "feltet 'borger': forventede et objekt"},
    {R"({"borger": {"alder": "18"}})", "feltet 'borger.alder': forventede et heltal"},
    {R"({"borger": {"alder": 17.5}})", "feltet 'borger.alder': forventede et heltal"},
    {R"({"borger": {"alder": -1}})", "feltet 'borger.alder': skal være mellem 0 og 130, fik -1"},
    {R"({"borger": {"alder": -1e300}})", "feltet 'borger.alder': skal være mellem 0 og 130, fik -1e+300"},
    {R"({"borger": {"alder": 18446744073709551615}})", "feltet 'borger.alder': skal være mellem 0 og 130, fik 18446744073709551615"},
    {R"({"borger": {"foedselsdato": "2025-02-29"}})", "feltet 'borger.foedselsdato': \"2025-02-29\" er ikke en gyldig dato"},
    {R"({"ansoegning": {"modtaget": "2026-02-30"}})", "feltet 'ansoegning.modtaget'"},
    {R"({"ansoegning": {"akut": "ja"}})", "feltet 'ansoegning.akut': forventede true eller false"},
    {R"({"vum": {"temaer": {"socialt_liv": 7}}})", "feltet 'vum.temaer.socialt_liv': skal være mellem 0 og 4"},
    {R"({"vum": {"temaer": {"humoer": 2}}})", "feltet 'vum.temaer.humoer': ukendt VUM-tema"},
    {R"({"vum": {"temaer": []}})", "feltet 'vum.temaer': forventede et objekt"},
    {R"({"vum": {"dato": 20260101}})", "feltet 'vum.dato': forventede en dato"},
    {R"({"forhold": {"motiveret": "ja"}})", "feltet 'forhold.motiveret': forventede true eller false"},
    {R"({"ydelser": {"paragraf": "83"}})", "feltet 'ydelser': forventede en liste"},
    {R"({"ydelser": [{}]})", "feltet 'ydelser[0].paragraf': mangler; hvert element i listen skal have 'paragraf'"},
    {R"({"ansoegte_aktiviteter": ["netvaerk", 3]})", "feltet 'ansoegte_aktiviteter[1]': forventede en tekst"},
    {R"({"bevilling": {"timer": -2}})", "feltet 'bevilling.timer': skal være mellem 0 og 1000"},
    {R"({"bevilling": {"periode": "dag"}})", "feltet 'bevilling.periode': \"dag\" er ikke en gyldig værdi; brug en af: uge, maaned"},
    {R"({"bevilling": {"form": "online"}})", "feltet 'bevilling.form'"},
    {R"({"bevilling": {"leverandoer": {"naert_beslaegtet": 1}}})", "feltet 'bevilling.leverandoer.naert_beslaegtet'"},
    {R"({"bevilling": {"opfoelgning_interval_maaneder": 0}})", "feltet 'bevilling.opfoelgning_interval_maaneder': skal være mellem 1 og 120"},
    {R"({"bevilling": {"start": "1. marts 2026"}})", "feltet 'bevilling.start'"},
    {R"({"opfoelgninger": [{"dato": "2026-01-01", "form": "brev"}]})", "feltet 'opfoelgninger[0].form'"},
    {R"({"opfoelgninger": [{"form": "personlig"}]})", "feltet 'opfoelgninger[0].dato': mangler"},
    {R"({"leverancer": [{"dato": "2026-01-05", "start": "25:00", "minutter": 30, "art": "video"}]})", "feltet 'leverancer[0].start': \"25:00\" er ikke et klokkeslæt"},
    {R"({"leverancer": [{"dato": "2026-01-05", "start": "9:30", "minutter": 30, "art": "video"}]})", "feltet 'leverancer[0].start'"},
    {R"({"leverancer": [{"dato": "2026-01-05", "start": "09:30", "minutter": -5, "art": "video"}]})", "feltet 'leverancer[0].minutter'"},
    {R"({"leverancer": [{"dato": "2026-01-05", "start": "09:30", "minutter": 5, "art": "brevdue"}]})", "feltet 'leverancer[0].art'"},
    {R"({"leverancer": [{"dato": "2026-01-05", "start": "09:30", "art": "video"}]})", "feltet 'leverancer[0].minutter': mangler"},
    {R"({"leverancer": [{"dato": "2026-01-05", "start": "09:30", "minutter": 5, "art": "sms"},
                        {"dato": "2026-01-06", "start": "09:30", "minutter": 5, "art": "sms"},
                        {"dato": "2026-13-06", "start": "09:30", "minutter": 5, "art": "sms"}]})", "feltet 'leverancer[2].dato': \"2026-13-06\" er ikke en gyldig dato"},
    {R"({"afbud": [{"dato": "2026-01-05", "af": "kommunen"}]})", "feltet 'afbud[0].af'"},
    {R"({"klage": {"modtaget": "i går"}})", "feltet 'klage.modtaget'"},
    {R"({"arbejdspladsvurdering": "2026-01-01"})", "feltet 'arbejdspladsvurdering': forventede et objekt"},
    {R"({"indsatsplan": {"dato": "2026-1-1"}})", "feltet 'indsatsplan.dato'"},
    {R"({"vum": {"dato": "1899-12-31"}})", "feltet 'vum.dato': 1899-12-31 ligger uden for de datoer, der kan regnes med"},
    {R"({"klage": {"modtaget": "2201-01-01"}})", "feltet 'klage.modtaget': 2201-01-01 ligger uden for de datoer"},
};

} // namespace kvalitet::testdata
