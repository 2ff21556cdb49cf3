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

test {
  navn = "Kan ikke være aktivt deltagende: ikke i målgruppen",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_deltage_aktivt = false } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { aktivt_deltagende = { opfyldt = false } } } },
}

test {
  navn = "Aktiv deltagelse ikke vurderet: uafklaret",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_deltage_aktivt = ukendt } }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "kan_deltage_aktivt" } } },
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
  sag = med(borger, { vum = { temaer = { samfundsliv = 2 } }, forhold = { saerlige_sociale_problemer = false } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { funktionsevne = { opfyldt = false } } } },
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
    velfaerdsteknologi = { omfattet = true, kilde = "SEL § 85, stk. 1" }, ledsagelse_behandling = { omfattet = true } } },
}

test {
  navn = "Praktiske opgaver henvises til § 83; anden lovgivning til §§ 84, 86, 96, 97; ingen behandling",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "indkoeb_madlavning", "personlig_hygiejne", "rengoering_toejvask",
    "ledsagelse_uden_paedagogisk_formaal", "genoptraening", "afloesning_aflastning", "bpa", "psykologbehandling",
    "medicindosering", "administration_af_penge", "transport_uden_paedagogisk_sigte", "husdyr" } }),
  forvent = { aktiviteter = {
    indkoeb_madlavning = { omfattet = false, henvis_til = "SEL § 83", kilde = "Ishøj KS, Afgrænsning" },
    personlig_hygiejne = { omfattet = false, henvis_til = "SEL § 83" },
    rengoering_toejvask = { omfattet = false, henvis_til = "SEL § 83" },
    ledsagelse_uden_paedagogisk_formaal = { omfattet = false, henvis_til = "SEL § 97" },
    genoptraening = { omfattet = false, henvis_til = "SEL § 86" },
    afloesning_aflastning = { omfattet = false, henvis_til = "SEL § 84", kilde = "Ishøj KS, Afgrænsning" },
    bpa = { omfattet = false, henvis_til = "SEL § 96" },
    psykologbehandling = { omfattet = false, henvis_til = ukendt },
    medicindosering = { omfattet = false, henvis_til = ukendt, kilde = "Ishøj KS, Afgrænsning" },
    administration_af_penge = { omfattet = false }, transport_uden_paedagogisk_sigte = { omfattet = false },
    husdyr = { omfattet = false } } },
}
