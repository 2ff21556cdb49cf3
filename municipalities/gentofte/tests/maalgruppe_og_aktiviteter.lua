-- Gentofte: hvem kan modtage ydelsen (SEL § 85) og hvilke aktiviteter der indgår.

local borger = {
  borger = { alder = 27 },
  vum = { dato = "2026-10-01", temaer = { kommunikation = 3, socialt_liv = 2 } },
}

test {
  navn = "Betydelig nedsat funktionsevne og fyldt 18: i målgruppen",
  dato = "2026-11-22",
  sag = borger,
  forvent = { maalgruppe = { i_maalgruppe = true, mangler = {}, begrundelser = { alder = { opfyldt = true },
                                                                             funktionsevne = { opfyldt = true } } } },
}

test {
  navn = "Særlige sociale problemer uden svære VUM-begrænsninger: i målgruppen",
  dato = "2026-11-22",
  sag = med(borger, { vum = { temaer = { kommunikation = 1, socialt_liv = 1 } }, forhold = { saerlige_sociale_problemer = true } }),
  forvent = { maalgruppe = { i_maalgruppe = true } },
}

test {
  navn = "Hverken betydelig nedsat funktionsevne eller særlige sociale problemer: ikke i målgruppen",
  dato = "2026-11-22",
  sag = med(borger, { vum = { temaer = { kommunikation = 2, socialt_liv = 2, praktiske_opgaver = 0, egenomsorg = 0,
                                         mobilitet = 0, samfundsliv = 0, sundhed = 0 } },
                      forhold = { saerlige_sociale_problemer = false } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { funktionsevne = { opfyldt = false,
    kilde = "Gentofte KS, Hvem kan modtage ydelsen? (SEL § 85, stk. 1)" } } } },
}

-- Et tema uden score kan være 3 eller 4: en delvis VUM under grænsen er intet nej.
test {
  navn = "Delvis VUM under grænsen og ingen særlige sociale problemer: uafklaret, temaerne uden score mangler",
  dato = "2026-11-22",
  sag = med(borger, { vum = { temaer = { kommunikation = 2, socialt_liv = 2 } }, forhold = { saerlige_sociale_problemer = false } }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt,
                             mangler = { "vum.temaer.praktiske_opgaver", "vum.temaer.egenomsorg", "vum.temaer.mobilitet",
                                         "vum.temaer.samfundsliv", "vum.temaer.sundhed" },
                             begrundelser = { funktionsevne = { opfyldt = ukendt } } } },
}

test {
  navn = "Moderate begrænsninger og sociale problemer ikke vurderet: uafklaret",
  dato = "2026-11-22",
  sag = med(borger, { vum = { temaer = { kommunikation = 2, praktiske_opgaver = 0, egenomsorg = 0, mobilitet = 0,
                                         samfundsliv = 0, sundhed = 0 } } }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "saerlige_sociale_problemer" } } },
}

test {
  navn = "Under 18 år (fødselsdato): ikke i målgruppen",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = ukendt, foedselsdato = "2009-01-15" } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { alder = { opfyldt = false } } } },
}

test {
  navn = "Uden alder: uafklaret",
  dato = "2026-11-22",
  sag = med(borger, { borger = ukendt }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "borger.alder" } } },
}

test {
  navn = "Aktiviteterne i standarden indgår, med Gentoftes kilde",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "struktur_i_hverdagen", "medicin_haandtering", "sociale_relationer",
    "ledsagelse_behandling", "oekonomi", "post", "netvaerk", "indkoeb_madlavning", "personlig_hygiejne",
    "velfaerdsteknologi" } }),
  forvent = { aktiviteter = {
    struktur_i_hverdagen = { omfattet = true, kilde = "Gentofte KS, Hvilke aktiviteter indgår i ydelsen?" },
    medicin_haandtering = { omfattet = true }, sociale_relationer = { omfattet = true },
    ledsagelse_behandling = { omfattet = true }, oekonomi = { omfattet = true }, post = { omfattet = true },
    netvaerk = { omfattet = true }, indkoeb_madlavning = { omfattet = true }, personlig_hygiejne = { omfattet = true },
    velfaerdsteknologi = { omfattet = true } } },
}

test {
  navn = "Det standarden ikke nævner, følger det nationale katalog",
  dato = "2026-11-22",
  sag = med(borger, { ansoegte_aktiviteter = { "rengoering_toejvask", "uddannelse_beskaeftigelse", "laege_tandlaege",
    "genoptraening", "afloesning_aflastning", "bpa", "ledsagelse_uden_paedagogisk_formaal", "psykologbehandling",
    "medicindosering", "administration_af_penge", "transport_uden_paedagogisk_sigte", "husdyr" } }),
  forvent = { aktiviteter = {
    rengoering_toejvask = { omfattet = true, kilde = 'SEL § 85, stk. 1 ("hjælp, omsorg eller støtte samt optræning og hjælp til udvikling af færdigheder"); ikke fra kommunens standard', antagelse = true },
    uddannelse_beskaeftigelse = { omfattet = true }, laege_tandlaege = { omfattet = true },
    genoptraening = { omfattet = false, henvis_til = "SEL § 86" },
    afloesning_aflastning = { omfattet = false, henvis_til = "SEL § 84" }, bpa = { omfattet = false },
    ledsagelse_uden_paedagogisk_formaal = { omfattet = false, henvis_til = "SEL § 97" },
    psykologbehandling = { omfattet = false }, medicindosering = { omfattet = false },
    administration_af_penge = { omfattet = false }, transport_uden_paedagogisk_sigte = { omfattet = false },
    husdyr = { omfattet = false } } },
}
