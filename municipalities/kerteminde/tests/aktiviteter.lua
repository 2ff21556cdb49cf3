-- Kerteminde: hvad støtten omfatter.

local borger = {
  borger = { alder = 30 },
  vum = { dato = "2026-09-01", temaer = { egenomsorg = 3 } },
  forhold = { kan_deltage_aktivt = true },
}

test {
  navn = "Indsatsområderne er omfattet; ledsagelse kun med socialpædagogisk indhold",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { behov_for_ledsagelse = true }, ansoegte_aktiviteter = {
    "struktur_i_hverdagen", "sociale_relationer", "netvaerk", "uddannelse_beskaeftigelse", "velfaerdsteknologi",
    "oekonomi", "medicin_haandtering", "ledsagelse_behandling", "laege_tandlaege",
    "ledsagelse_uden_paedagogisk_formaal", "indkoeb_madlavning", "personlig_hygiejne", "rengoering_toejvask",
    "post", "afloesning_aflastning", "bpa", "psykologbehandling", "medicindosering",
    "administration_af_penge", "transport_uden_paedagogisk_sigte" } }),
  forvent = { aktiviteter = {
    struktur_i_hverdagen = { omfattet = true, kilde = "Kerteminde KS, Hvad omfatter støtten?" },
    sociale_relationer = { omfattet = true }, netvaerk = { omfattet = true },
    uddannelse_beskaeftigelse = { omfattet = true }, velfaerdsteknologi = { omfattet = true },
    oekonomi = { omfattet = true }, medicin_haandtering = { omfattet = true },
    ledsagelse_behandling = { omfattet = true, betingelse = "Kun når borgeren af psykiske årsager umuligt kan tage af sted på egen hånd, eller ikke magter at forklare sig eller omsætte beskeder" },
    laege_tandlaege = { omfattet = true },
    ledsagelse_uden_paedagogisk_formaal = { omfattet = false, henvis_til = "SEL § 97" },
    indkoeb_madlavning = { omfattet = true }, personlig_hygiejne = { omfattet = true },
    rengoering_toejvask = { omfattet = true }, post = { omfattet = true },
    afloesning_aflastning = { omfattet = false }, bpa = { omfattet = false },
    psykologbehandling = { omfattet = false }, medicindosering = { omfattet = false },
    administration_af_penge = { omfattet = false }, transport_uden_paedagogisk_sigte = { omfattet = false },
  } },
}

test {
  navn = "Husdyr: omfattet når borgeren selv deltager aktivt",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "husdyr" } }),
  forvent = { aktiviteter = { husdyr = { omfattet = true } } },
}

test {
  navn = "Husdyr: ikke omfattet når borgeren ikke selv deltager",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_deltage_aktivt = false }, ansoegte_aktiviteter = { "husdyr" } }),
  forvent = { aktiviteter = { husdyr = { omfattet = false, mangler = {} } } },
}

test {
  navn = "Husdyr: aktiv deltagelse ikke vurderet, så dækningen er uafklaret (aldrig et stille nej)",
  dato = "2026-11-22",
  sag = med(borger, { forhold = ukendt, ansoegte_aktiviteter = { "husdyr" } }),
  forvent = { aktiviteter = { husdyr = { omfattet = ukendt, henvis_til = ukendt, mangler = { "kan_deltage_aktivt" } } } },
}

-- "Oplæring/genoptræning i daglige færdigheder" er en del af støtten; genoptræning af en fysisk
-- funktionsnedsættelse (katalogets genoptraening) er § 86, som i det nationale grundlag.
test {
  navn = "Oplæring i daglige færdigheder er omfattet (antagelse: hvilke); fysisk genoptræning henvises til § 86",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "indkoeb_madlavning", "genoptraening" } }),
  forvent = { aktiviteter = {
    indkoeb_madlavning = { omfattet = true, antagelse = true, mangler = {},
                           kilde = "Kerteminde KS, Hvad omfatter støtten? (oplæring/genoptræning i daglige færdigheder)" },
    genoptraening = { omfattet = false, henvis_til = "SEL § 86", kilde = "SEL § 86" } } },
}

test {
  navn = "Ledsagelse, også til læge, kun når borgeren ikke kan tage af sted alene eller forklare sig: ellers ikke omfattet",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { behov_for_ledsagelse = false }, ansoegte_aktiviteter = { "ledsagelse_behandling", "laege_tandlaege" } }),
  forvent = { aktiviteter = {
    ledsagelse_behandling = { omfattet = false, betingelse = "Kun når borgeren af psykiske årsager umuligt kan tage af sted på egen hånd, eller ikke magter at forklare sig eller omsætte beskeder" },
    laege_tandlaege = { omfattet = false } } },
}

test {
  navn = "Ledsagelse, før behovet er vurderet: uafklaret og nævner forholdet",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "ledsagelse_behandling", "laege_tandlaege" } }),
  forvent = { aktiviteter = {
    ledsagelse_behandling = { omfattet = ukendt, mangler = { "behov_for_ledsagelse" } },
    laege_tandlaege = { omfattet = ukendt, mangler = { "behov_for_ledsagelse" } } } },
}

test {
  navn = "Husdyr og ledsagelse uden socialpædagogisk indhold hviler på antagelser, og det står i svaret",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "husdyr", "ledsagelse_uden_paedagogisk_formaal" } }),
  forvent = { aktiviteter = { husdyr = { omfattet = true, antagelse = true },
                              ledsagelse_uden_paedagogisk_formaal = { omfattet = false, henvis_til = "SEL § 97",
                                                                      antagelse = true } } },
}
