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
    struktur_i_hverdagen = { omfattet = true }, medicin_haandtering = { omfattet = true },
    sociale_relationer = { omfattet = true }, netvaerk = { omfattet = true },
    ledsagelse_behandling = { omfattet = true }, oekonomi = { omfattet = true }, post = { omfattet = true },
    velfaerdsteknologi = { omfattet = true }, uddannelse_beskaeftigelse = { omfattet = true },
    laege_tandlaege = { omfattet = true },
    administration_af_penge = { omfattet = false, kilde = "Varde KS 2.4" },
    psykologbehandling = { omfattet = false },
    ledsagelse_uden_paedagogisk_formaal = { omfattet = false, henvis_til = "SEL § 97" },
    medicindosering = { omfattet = false },
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

test {
  navn = "Praktiske opgaver borgeren ikke kan tage del i henvises til § 83",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_deltage_aktivt = false },
                      ansoegte_aktiviteter = { "indkoeb_madlavning", "rengoering_toejvask", "personlig_hygiejne" } }),
  forvent = { aktiviteter = {
    indkoeb_madlavning = { omfattet = false, henvis_til = "SEL § 83" },
    rengoering_toejvask = { omfattet = false, henvis_til = "SEL § 83" },
    personlig_hygiejne = { omfattet = false, henvis_til = "SEL § 83" } } },
}

test {
  navn = "Ved tvivl gælder den paragraf, borgeren allerede får støtte efter (KS 2.5)",
  dato = "2026-11-22",
  sag = med(borger, { ydelser = { { paragraf = "83" } }, ansoegte_aktiviteter = { "indkoeb_madlavning" } }),
  forvent = { aktiviteter = { indkoeb_madlavning = { omfattet = false, henvis_til = "SEL § 83" } } },
}

test {
  navn = "En aktivitet uden for kataloget vurderes manuelt",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "havearbejde" } }),
  forvent = { aktiviteter = { havearbejde = { omfattet = false } }, advarsler = { "ukendt_aktivitet" } },
}
