-- Varde: hvad støtten omfatter, og hvad den ikke omfatter (KS 2.1, 2.4 og 2.5).

local borger = {
  borger = { alder = 30 },
  vum = { dato = "2026-09-01", temaer = { egenomsorg = 3 } },
  forhold = { profiterer_af_stoette = true, motiveret = true, kan_deltage_aktivt = true },
}

test {
  navn = "Kataloget: det der hører under § 85, og det der ikke gør, med henvisning",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = {
    "struktur_i_hverdagen", "medicin_haandtering", "sociale_relationer", "netvaerk", "ledsagelse_behandling",
    "oekonomi", "post", "velfaerdsteknologi", "uddannelse_beskaeftigelse", "laege_tandlaege",
    "administration_af_penge", "psykologbehandling", "ledsagelse_uden_paedagogisk_formaal", "medicindosering",
    "transport_uden_paedagogisk_sigte", "genoptraening", "afloesning_aflastning", "bpa", "husdyr" } }),
  forvent = { aktiviteter = {
    -- temaerne i 2.1 nævner disse med ord: kilden er temaet, ikke det nationale katalog
    struktur_i_hverdagen = { omfattet = true, kilde = "Varde KS 2.1, temaet Praktiske opgaver i hjemmet" },
    medicin_haandtering = { omfattet = true, kilde = "Varde KS 2.1, temaet Sundhed" },
    sociale_relationer = { omfattet = true, kilde = "Varde KS 2.1, temaet Socialt liv" },
    netvaerk = { omfattet = true, kilde = "Varde KS 2.1, temaet Socialt liv" },
    oekonomi = { omfattet = true, kilde = "Varde KS 2.1, temaet Samfundsliv" },
    post = { omfattet = true, kilde = "Varde KS 2.1, temaet Kommunikation" },
    uddannelse_beskaeftigelse = { omfattet = true, kilde = "Varde KS 2.1, temaet Samfundsliv" },
    -- læst ud af temaet Sundhed og af 2.4's udelukkelse af ledsagelse uden pædagogisk formål
    ledsagelse_behandling = { omfattet = true, antagelse = true, kilde = "Varde KS 2.1, temaet Sundhed, og 2.4" },
    -- dem nævner standarden ikke: kataloget svarer, som antagelse
    velfaerdsteknologi = { omfattet = true, antagelse = true },
    laege_tandlaege = { omfattet = true },
    administration_af_penge = { omfattet = false, kilde = "Varde KS 2.4" },
    psykologbehandling = { omfattet = false },
    ledsagelse_uden_paedagogisk_formaal = { omfattet = false, henvis_til = "SEL § 97", kilde = "Varde KS 2.4 og 2.5" },
    medicindosering = { omfattet = false, henvis_til = "SUL § 138", kilde = "Varde KS 2.4; Sundhedsloven § 138" },
    transport_uden_paedagogisk_sigte = { omfattet = false },
    genoptraening = { omfattet = false, henvis_til = "SEL § 86" },
    afloesning_aflastning = { omfattet = false, henvis_til = "SEL § 84" },
    bpa = { omfattet = false, henvis_til = "SEL § 96" },
    husdyr = { omfattet = false },
  } },
}

test {
  navn = "Praktiske opgaver er § 85, når borgeren tager del i dem",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "indkoeb_madlavning", "rengoering_toejvask", "personlig_hygiejne" } }),
  forvent = { aktiviteter = { indkoeb_madlavning = { omfattet = true }, rengoering_toejvask = { omfattet = true },
                              personlig_hygiejne = { omfattet = true } } },
}

-- KS 2.4: "Praktisk bistand og personlig pleje, hvor borgeren ikke kan tage del i opgaven, og
-- der heller ikke er udsigt til dette"; KS 2.5: § 83, eller § 83a for at blive selvhjulpen.
local kan_ikke = med(borger, { forhold = { kan_deltage_aktivt = false },
                               ansoegte_aktiviteter = { "indkoeb_madlavning", "rengoering_toejvask", "personlig_hygiejne" } })

test {
  navn = "Praktiske opgaver borgeren ikke kan tage del i og ikke kan trænes til: SEL § 83",
  dato = "2026-11-22",
  sag = med(kan_ikke, { forhold = { kan_afhjaelpes_med_traening = false } }),
  forvent = { aktiviteter = {
    indkoeb_madlavning = { omfattet = false, henvis_til = "SEL § 83", mangler = {} },
    rengoering_toejvask = { omfattet = false, henvis_til = "SEL § 83" },
    personlig_hygiejne = { omfattet = false, henvis_til = "SEL § 83" } } },
}

test {
  navn = "Praktiske opgaver borgeren ikke kan tage del i nu, men kan trænes til: SEL § 83a (antagelse)",
  dato = "2026-11-22",
  sag = med(kan_ikke, { forhold = { kan_afhjaelpes_med_traening = true } }),
  forvent = { aktiviteter = {
    indkoeb_madlavning = { omfattet = false, henvis_til = "SEL § 83a", antagelse = true },
    rengoering_toejvask = { omfattet = false, henvis_til = "SEL § 83a" },
    personlig_hygiejne = { omfattet = false, henvis_til = "SEL § 83a" } } },
}

test {
  navn = "Kan ikke tage del, udsigten ved træning ikke vurderet: ikke § 85, henvisningen afventer",
  dato = "2026-11-22",
  sag = kan_ikke,
  forvent = { aktiviteter = {
    indkoeb_madlavning = { omfattet = false, henvis_til = ukendt, mangler = { "kan_afhjaelpes_med_traening" } } } },
}

test {
  navn = "Om borgeren kan tage del, er ikke vurderet: praktiske opgaver og pleje er uafklarede",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_deltage_aktivt = ukendt },
                      ansoegte_aktiviteter = { "indkoeb_madlavning", "rengoering_toejvask", "personlig_hygiejne" } }),
  forvent = { aktiviteter = {
    indkoeb_madlavning = { omfattet = ukendt, henvis_til = ukendt, mangler = { "kan_deltage_aktivt" } },
    rengoering_toejvask = { omfattet = ukendt, mangler = { "kan_deltage_aktivt" } },
    personlig_hygiejne = { omfattet = ukendt, henvis_til = ukendt, mangler = { "kan_deltage_aktivt" } } } },
}

-- KS 2.5's "fortsat usikkerhed ... den paragraf, borgeren i forvejen modtager støtte efter"
-- gælder kun ved tvivl: en § 83-modtager, der selv tager del i opgaven, får den efter § 85.
test {
  navn = "Modtager af § 83, der tager del i opgaven: § 85, med KS 2.5's tvivlsregel i betingelsen",
  dato = "2026-11-22",
  sag = med(borger, { ydelser = { { paragraf = "83" } }, ansoegte_aktiviteter = { "indkoeb_madlavning" } }),
  forvent = { aktiviteter = { indkoeb_madlavning = { omfattet = true, henvis_til = ukendt,
    kilde = "Varde KS 2.4 og 2.5 (snitflade til SEL § 83 og § 83a)" } } },
}

test {
  navn = "Modtager af § 83a, der tager del i opgaven: også § 85",
  dato = "2026-11-22",
  sag = med(borger, { ydelser = { { paragraf = "83a" } }, ansoegte_aktiviteter = { "personlig_hygiejne" } }),
  forvent = { aktiviteter = { personlig_hygiejne = { omfattet = true } } },
}

test {
  navn = "En aktivitet uden for kataloget vurderes manuelt",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "havearbejde" } }),
  forvent = { aktiviteter = { havearbejde = { omfattet = ukendt, mangler = { "havearbejde" } } },
              advarsler = { "ukendt_aktivitet" } },
}
