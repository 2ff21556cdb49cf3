-- Ishøj: målgruppe, indhold og afgrænsning.

local borger = {
  borger = { alder = 23 },
  vum = { dato = "2026-10-01", temaer = { samfundsliv = 3, praktiske_opgaver = 2 } },
  forhold = { motiveret = true, kan_deltage_aktivt = true },
}

test {
  navn = "Fyldt 18, betydelig nedsat funktionsevne, motiveret og aktivt deltagende: i målgruppen",
  dato = "2026-11-22",
  sag = borger,
  forvent = { maalgruppe = { i_maalgruppe = true, mangler = {} } },
}

test {
  navn = "\"du er fyldt 18 år\": Ishøjs egen regel, 17 år er ikke nok",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = 17 } }),
  forvent = { maalgruppe = { i_maalgruppe = false,
                             begrundelser = { alder = { opfyldt = false, kilde = "Ishøj KS, Målgruppe" } } } },
}

test {
  navn = "Uden motivation og ressourcer på nogle områder: ikke i målgruppen",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { motiveret = false } }),
  forvent = { maalgruppe = { i_maalgruppe = false,
                             begrundelser = { ressourcer_og_motivation = { opfyldt = false, kilde = "Ishøj KS, Målgruppe" } } } },
}

test {
  navn = "Motivation ikke vurderet: uafklaret",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { motiveret = ukendt } }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "motiveret" } } },
}

-- "det forventes, at du er aktivt deltagende" står under Form og indhold, ikke Målgruppe, og
-- standarden henviser ikke borgeren videre for det; § 83 gælder de praktiske opgaver.
test {
  navn = "Kan ikke selv deltage aktivt: stadig i målgruppen, og ingen henvisning (en forventning, ikke en regel)",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_deltage_aktivt = false } }),
  forvent = { maalgruppe = { i_maalgruppe = true, mangler = {}, henvis_til = {} } },
}

test {
  navn = "Aktiv deltagelse ikke vurderet: i målgruppen, og intet mangler",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_deltage_aktivt = ukendt } }),
  forvent = { maalgruppe = { i_maalgruppe = true, mangler = {}, henvis_til = {} } },
}

-- Anden lovgivning står under Afgrænsning (ydelser), ikke Målgruppe: parameteren
-- anden_lovgivning_udelukker (antagelse) er false.
test {
  navn = "Kan afhjælpes efter anden lovgivning: udelukker ikke i Ishøj (antagelse), og begrundelsen siger det",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_afhjaelpes_efter_anden_lovgivning = true } }),
  forvent = { maalgruppe = { i_maalgruppe = true, mangler = {},
                             begrundelser = { anden_lovgivning = { opfyldt = false, kilde = "Ishøj KS, Afgrænsning" } } } },
}

test {
  navn = "Anden lovgivning ikke vurderet: målgruppen venter ikke på den",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_afhjaelpes_efter_anden_lovgivning = ukendt } }),
  forvent = { maalgruppe = { i_maalgruppe = true, mangler = {} } },
}

test {
  navn = "Ikke fyldt 18: ikke i målgruppen",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = 17 } }),
  forvent = { maalgruppe = { i_maalgruppe = false } },
}

test {
  navn = "Hverken betydelig nedsat funktionsevne eller særligt udfordrende sociale problemer: ikke i målgruppen",
  dato = "2026-11-22",
  sag = med(borger, { vum = { temaer = { samfundsliv = 2, egenomsorg = 0, kommunikation = 0, mobilitet = 0,
                                         socialt_liv = 0, sundhed = 0 } },
                      forhold = { saerlige_sociale_problemer = false } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { funktionsevne = { opfyldt = false,
    kilde = "Ishøj KS, Målgruppe (SEL § 85, stk. 1)" } } } },
}

test {
  navn = "Delvis VUM under grænsen og ingen særlige sociale problemer: uafklaret, ikke et stille nej",
  dato = "2026-11-22",
  sag = med(borger, { vum = { temaer = { samfundsliv = 2 } }, forhold = { saerlige_sociale_problemer = false } }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt,
                             mangler = { "vum.temaer.egenomsorg", "vum.temaer.kommunikation", "vum.temaer.mobilitet",
                                         "vum.temaer.socialt_liv", "vum.temaer.sundhed" } } },
}

test {
  navn = "Uden VUM: uafklaret",
  dato = "2026-11-22",
  sag = med(borger, { vum = ukendt }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "vum", "saerlige_sociale_problemer" } } },
}

test {
  navn = "Indholdet i standarden er omfattet",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "struktur_i_hverdagen", "uddannelse_beskaeftigelse", "medicin_haandtering",
    "sociale_relationer", "netvaerk", "laege_tandlaege", "oekonomi", "post", "velfaerdsteknologi", "ledsagelse_behandling" } }),
  forvent = { aktiviteter = {
    struktur_i_hverdagen = { omfattet = true, kilde = "Ishøj KS, Form og indhold" },
    uddannelse_beskaeftigelse = { omfattet = true }, medicin_haandtering = { omfattet = true },
    sociale_relationer = { omfattet = true }, netvaerk = { omfattet = true }, laege_tandlaege = { omfattet = true },
    oekonomi = { omfattet = true }, post = { omfattet = true },
    velfaerdsteknologi = { omfattet = true, kilde = 'SEL § 85, stk. 1 ("hjælp, omsorg eller støtte samt optræning og hjælp til udvikling af færdigheder"); ikke fra kommunens standard', antagelse = true } } },
}

test {
  navn = "Ledsagelse under besøget kun i særlige tilfælde: uafklaret, til sagsbehandleren har vurderet behovet",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "ledsagelse_behandling", "laege_tandlaege" } }),
  forvent = { aktiviteter = {
    ledsagelse_behandling = { omfattet = ukendt, mangler = { "behov_for_ledsagelse" }, kilde = "Ishøj KS, Form og indhold",
                              antagelse = true },
    laege_tandlaege = { omfattet = true, betingelse = "Støtte til selve besøget kun i særlige tilfælde" } } },
}

test {
  navn = "Ledsagelse under besøget: omfattet med behov for ledsagelse, ellers ikke",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { behov_for_ledsagelse = true }, ansoegte_aktiviteter = { "ledsagelse_behandling" } }),
  forvent = { aktiviteter = { ledsagelse_behandling = { omfattet = true, mangler = {} } } },
}

test {
  navn = "Ledsagelse under besøget uden behov for ledsagelse: ikke omfattet",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { behov_for_ledsagelse = false }, ansoegte_aktiviteter = { "ledsagelse_behandling" } }),
  forvent = { aktiviteter = { ledsagelse_behandling = { omfattet = false } } },
}

-- Indkøb og madlavning står i Afgrænsningens liste over praktiske opgaver: § 83, også når
-- borgeren selv kan deltage, og uden at afvente aktiv deltagelse.
test {
  navn = "Indkøb og madlavning er en praktisk opgave (Afgrænsning): henvis til § 83",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "indkoeb_madlavning" } }),
  forvent = { aktiviteter = { indkoeb_madlavning = { omfattet = false, henvis_til = "SEL § 83", mangler = {},
    kilde = "Ishøj KS, Afgrænsning" } } },
}

test {
  navn = "Indkøb og madlavning: aktiv deltagelse ikke vurderet ændrer intet",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_deltage_aktivt = ukendt }, ansoegte_aktiviteter = { "indkoeb_madlavning" } }),
  forvent = { aktiviteter = { indkoeb_madlavning = { omfattet = false, henvis_til = "SEL § 83", mangler = {} } } },
}

test {
  navn = "Praktiske opgaver henvises til § 83; anden lovgivning til §§ 84, 86, 96, 97; ingen behandling",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "personlig_hygiejne", "rengoering_toejvask",
    "ledsagelse_uden_paedagogisk_formaal", "genoptraening", "afloesning_aflastning", "bpa", "psykologbehandling",
    "administration_af_penge", "transport_uden_paedagogisk_sigte", "husdyr" } }),
  forvent = { aktiviteter = {
    personlig_hygiejne = { omfattet = false, henvis_til = "SEL § 83", kilde = "Ishøj KS, Afgrænsning" },
    rengoering_toejvask = { omfattet = false, henvis_til = "SEL § 83" },
    ledsagelse_uden_paedagogisk_formaal = { omfattet = false, henvis_til = "SEL § 97" },
    genoptraening = { omfattet = false, henvis_til = "SEL § 86" },
    afloesning_aflastning = { omfattet = false, henvis_til = "SEL § 84", kilde = "Ishøj KS, Afgrænsning" },
    bpa = { omfattet = false, henvis_til = "SEL § 96" },
    psykologbehandling = { omfattet = false, henvis_til = ukendt },
    administration_af_penge = { omfattet = false }, transport_uden_paedagogisk_sigte = { omfattet = false },
    husdyr = { omfattet = false } } },
}

test {
  navn = "Dosering af medicin: sygeplejefaglig behandling ydes ikke; henvis til hjemmesygeplejen (SUL § 138)",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "medicindosering", "medicin_haandtering" } }),
  forvent = { aktiviteter = {
    medicindosering = { omfattet = false, henvis_til = "SUL § 138", mangler = {},
                        kilde = "Ishøj KS, Afgrænsning; Sundhedsloven § 138" },
    medicin_haandtering = { omfattet = true } } },
}
