-- Varde: krav til leverancen (KS 2.6, 3.7, 4.1 og 4.3).

local bevilget = {
  borger = { alder = 40 },
  vum = { dato = "2026-01-10", temaer = { socialt_liv = 3 } },
  forhold = { profiterer_af_stoette = true, motiveret = true, kan_deltage_aktivt = true },
  bevilling = { start = "2026-01-05", timer = 2, periode = "uge" },
  indsatsplan = { dato = "2026-01-20" },
}

-- 4.1: i dagtimerne på hverdage (antagelse: 08:00–16:00).
test {
  navn = "Støtte tirsdag 10:00–11:00 er i dagtimerne",
  dato = "2026-11-22",
  sag = med(bevilget, { leverancer = { { dato = "2026-11-17", start = "10:00", minutter = 60, art = "ansigt_til_ansigt" } } }),
  forvent = { advarsler = {} },
}

test {
  navn = "Støtte en lørdag er uden for dagtimerne på hverdage",
  dato = "2026-11-22",
  sag = med(bevilget, { leverancer = { { dato = "2026-11-21", start = "10:00", minutter = 60, art = "ansigt_til_ansigt" } } }),
  forvent = { advarsler = { "levering_uden_for_dagtimer" } },
}

test {
  navn = "Støtte der slutter 16:30 er uden for dagtimerne",
  dato = "2026-11-22",
  sag = med(bevilget, { leverancer = { { dato = "2026-11-17", start = "15:30", minutter = 60, art = "telefon" } } }),
  forvent = { advarsler = { "levering_uden_for_dagtimer" } },
}

test {
  navn = "Juleaftensdag og grundlovsdag er hverdage, ikke helligdage (antagelse): støtte kl. 10 er i orden",
  dato = "2026-12-28",
  sag = med(bevilget, { leverancer = { { dato = "2026-12-24", start = "10:00", minutter = 30, art = "ansigt_til_ansigt" },
                                       { dato = "2026-06-05", start = "10:00", minutter = 30, art = "ansigt_til_ansigt" } } }),
  forvent = { advarsler = {} },
}

test {
  navn = "Støtte på en helligdag (2. juledag er lørdag; juledag fredag 25/12) er uden for dagtimerne",
  dato = "2026-12-28",
  sag = med(bevilget, { leverancer = { { dato = "2026-12-25", start = "10:00", minutter = 30, art = "ansigt_til_ansigt" } } }),
  forvent = { advarsler = { "levering_uden_for_dagtimer" } },
}

test {
  navn = "Transport om aftenen er ikke støtte og tæller ikke som støtte uden for dagtimerne",
  dato = "2026-11-22",
  sag = med(bevilget, { leverancer = { { dato = "2026-11-17", start = "17:00", minutter = 30, art = "transport" } } }),
  forvent = { advarsler = {} },
}

-- 3.7: "der kan dog aldrig følges administrativt op to år i træk". To år, ikke to opfølgninger
-- (antagelse: efter hinanden, uden et møde imellem, i hvert sit kalenderår).
local aarlig = med(bevilget, { bevilling = { start = "2025-01-06" }, indsatsplan = { dato = "2025-01-20" } })

test {
  navn = "Administrativ opfølgning i 2025 og igen i 2026 uden møde imellem: to år i træk",
  dato = "2026-11-22",
  sag = med(aarlig, { opfoelgninger = { { dato = "2026-11-01", form = "administrativ" },
                                        { dato = "2025-11-01", form = "administrativ" } } }),
  forvent = { advarsler = { "administrativ_opfoelgning_to_aar_i_traek" } },
}

test {
  navn = "To administrative opfølgninger i samme år (februar og august) er ét år, ikke to",
  dato = "2026-11-22",
  sag = med(bevilget, { opfoelgninger = { { dato = "2026-02-01", form = "administrativ" },
                                          { dato = "2026-08-01", form = "administrativ" } } }),
  forvent = { advarsler = {}, spor = { administrativ_opfoelgning_to_aar_i_traek = { udfald = "overholdt" } } },
}

test {
  navn = "Administrativ opfølgning efter en personlig er i orden",
  dato = "2026-11-22",
  sag = med(aarlig, { opfoelgninger = { { dato = "2025-11-01", form = "personlig" },
                                        { dato = "2026-11-01", form = "administrativ" } } }),
  forvent = { advarsler = {} },
}

test {
  navn = "Et møde imellem afbryder rækken af administrative opfølgninger",
  dato = "2026-11-22",
  sag = med(aarlig, { opfoelgninger = { { dato = "2025-11-01", form = "administrativ" },
                                        { dato = "2026-03-01", form = "telefonisk" },
                                        { dato = "2026-11-01", form = "administrativ" } } }),
  forvent = { advarsler = {} },
}

test {
  navn = "En opfølgning uden form mellem to år: kan ikke vurderes, aldrig 'overholdt'",
  dato = "2026-11-22",
  sag = med(aarlig, { opfoelgninger = { { dato = "2025-11-01", form = "administrativ" }, { dato = "2026-11-01" } } }),
  forvent = { advarsler = {}, spor = { administrativ_opfoelgning_to_aar_i_traek = { udfald = "ukendt" } } },
}

test {
  navn = "En opfølgning uden form, når to administrative år i træk allerede står fast: afvigelse",
  dato = "2026-11-22",
  sag = med(aarlig, { opfoelgninger = { { dato = "2025-11-01", form = "administrativ" },
                                        { dato = "2026-10-01", form = "administrativ" }, { dato = "2026-11-01" } } }),
  forvent = { advarsler = { "administrativ_opfoelgning_to_aar_i_traek" } },
}

-- 2.6: "Der kan ikke spares timer op over en periode til senere brug": timer, der ikke blev
-- brugt i én periode, og som leveres ud over bevillingen i en senere.
test {
  navn = "Tre timer i én uge på en bevilling af to timer om ugen, uden tidligere underskud: ingen opsparing",
  dato = "2026-11-22",
  sag = med(bevilget, { leverancer = {
    { dato = "2026-11-16", start = "09:00", minutter = 90, art = "ansigt_til_ansigt" },
    { dato = "2026-11-18", start = "09:00", minutter = 90, art = "ansigt_til_ansigt" } } }),
  forvent = { advarsler = {}, spor = { timer_opsparet = { udfald = "overholdt" } } },
}

-- 4,15 timer er 249 minutter; 4.15 * 60 er 249.00000000000003 i et kommatal, og præcis den
-- bevilgede tid to uger i træk gav "0 timer fra tidligere perioder".
test {
  navn = "4,15 timer om ugen og præcis 249 minutter, så lidt mere: ingen opsparing",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { timer = 4.15 }, leverancer = {
    { dato = "2026-11-10", start = "09:00", minutter = 249, art = "ansigt_til_ansigt" },
    { dato = "2026-11-16", start = "09:00", minutter = 260, art = "ansigt_til_ansigt" } } }),
  forvent = { advarsler = {}, spor = { timer_opsparet = { udfald = "overholdt" } } },
}

test {
  navn = "En time i én uge og tre den næste på to timer om ugen: timer opsparet",
  dato = "2026-11-22",
  sag = med(bevilget, { leverancer = {
    { dato = "2026-11-10", start = "09:00", minutter = 60, art = "ansigt_til_ansigt" },
    { dato = "2026-11-16", start = "09:00", minutter = 90, art = "ansigt_til_ansigt" },
    { dato = "2026-11-18", start = "09:00", minutter = 90, art = "video" } } }),
  forvent = { advarsler = { timer_opsparet = {
    tekst = "Afvigelse fra 'Der kan ikke spares timer op over en periode til senere brug (antagelse: underskud regnes fra første hele periode med leverancer; transport og administration er ikke støttetid)': uge 47/2026: 3 timer leveret, 2 bevilget; 1 time fra tidligere perioder" } } },
}

test {
  navn = "En uge uden støtte og dobbelt tid to uger senere: timer opsparet",
  dato = "2026-11-22",
  sag = med(bevilget, { leverancer = {
    { dato = "2026-11-02", start = "09:00", minutter = 120, art = "ansigt_til_ansigt" },
    { dato = "2026-11-16", start = "09:00", minutter = 120, art = "ansigt_til_ansigt" },
    { dato = "2026-11-19", start = "09:00", minutter = 120, art = "telefon" } } }),
  forvent = { advarsler = { "timer_opsparet" } },
}

test {
  navn = "Transport er ikke støttetid: en time i én uge og to timer plus transport den næste er ingen opsparing",
  dato = "2026-11-22",
  sag = med(bevilget, { leverancer = {
    { dato = "2026-11-10", start = "09:00", minutter = 60, art = "ansigt_til_ansigt" },
    { dato = "2026-11-16", start = "09:00", minutter = 120, art = "ansigt_til_ansigt" },
    { dato = "2026-11-16", start = "11:00", minutter = 60, art = "transport" } } }),
  forvent = { advarsler = {}, spor = { timer_opsparet = { udfald = "overholdt" } } },
}

test {
  navn = "To timer i hver af to uger er inden for bevillingen; administration tæller ikke",
  dato = "2026-11-22",
  sag = med(bevilget, { leverancer = {
    { dato = "2026-11-09", start = "09:00", minutter = 120, art = "ansigt_til_ansigt" },
    { dato = "2026-11-16", start = "09:00", minutter = 120, art = "video" },
    { dato = "2026-11-16", start = "13:00", minutter = 60, art = "administration" } } }),
  forvent = { advarsler = {} },
}

test {
  navn = "Uden timetal i bevillingen kan opsparing ikke vurderes",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { timer = ukendt } }),
  forvent = { advarsler = {}, spor = { timer_opsparet = { udfald = "ukendt" } } },
}

-- 4.3: tilbagemeldingspligt ved mange afbud (antagelse: 3 inden for 28 dage).
test {
  navn = "Tre afbud fra borgeren inden for 28 dage udløser tilbagemeldingspligt",
  dato = "2026-11-22",
  sag = med(bevilget, { afbud = { { dato = "2026-11-02", af = "borger" }, { dato = "2026-11-10", af = "udeblevet" },
                                  { dato = "2026-11-20", af = "borger" } } }),
  forvent = { advarsler = { "mange_afbud" } },
}

test {
  navn = "Ved gentagne afbud går sagsbehandleren i dialog og vurderer, om tilbuddet skal fortsætte (1.7)",
  dato = "2026-11-22",
  sag = med(bevilget, { afbud = { { dato = "2026-11-02", af = "borger" }, { dato = "2026-11-10", af = "udeblevet" },
                                  { dato = "2026-11-20", af = "borger" } } }),
  forvent = { advarsler = { mange_afbud = {
    tekst = "Afvigelse fra 'Leverandøren skal melde tilbage ved uforholdsmæssigt mange afbud eller udeblivelser "
      .. "(antagelse: mindst 3 fra borgeren inden for de seneste 28 dage)': "
      .. "3 afbud/udeblivelser de seneste 28 dage; sagsbehandleren skal gå i dialog med borgeren og leverandøren "
      .. "om årsagen og vurdere, om tilbuddet skal fortsætte",
    kilde = "Varde KS 4.3 Tilbagemeldingspligt og 1.7",
    antagelse = true } } }, -- "uforholdsmæssigt mange" er scriptets læsning: advarslen siger det
}

test {
  navn = "Afbud fra leverandøren og afbud ældre end 28 dage tæller ikke",
  dato = "2026-11-22",
  sag = med(bevilget, { afbud = { { dato = "2026-10-25", af = "borger" }, { dato = "2026-11-10", af = "leverandoer" },
                                  { dato = "2026-11-20", af = "borger" } } }),
  forvent = { advarsler = {} },
}

-- "To år i træk" er to kalenderår, der følger efter hinanden: 2024 og 2026 er det ikke (det
-- manglende år er en anden afvigelse).
test {
  navn = "Administrativ opfølgning i 2024 og igen i 2026: ikke to år i træk",
  dato = "2026-11-22",
  sag = med(aarlig, { opfoelgninger = { { dato = "2024-11-01", form = "administrativ" },
                                        { dato = "2026-11-01", form = "administrativ" } } }),
  forvent = { advarsler = { administrativ_opfoelgning_to_aar_i_traek = false },
              ukontrollerede = { administrativ_opfoelgning_to_aar_i_traek = false } },
}

-- En sag uden leverancer og afbud oplyst siger intet om dem: kravene er ikke "overholdt", men
-- står under ukontrollerede med listen, der mangler (som i Ishøj og Kerteminde).
test {
  navn = "Leverancer og afbud ikke oplyst: kravene til dem kan ikke kontrolleres",
  dato = "2026-11-22",
  sag = bevilget,
  forvent = { advarsler = {},
              ukontrollerede = { levering_uden_for_dagtimer = { mangler = { "leverancer" } },
                                 timer_opsparet = { mangler = { "leverancer" } },
                                 mange_afbud = { mangler = { "afbud" } } } },
}

test {
  navn = "Tomme lister er oplyst: ingen leverancer og ingen afbud, intet at kontrollere dem for",
  dato = "2026-11-22",
  sag = med(bevilget, { leverancer = {}, afbud = {} }),
  forvent = { ukontrollerede = { levering_uden_for_dagtimer = false, mange_afbud = false } },
}
