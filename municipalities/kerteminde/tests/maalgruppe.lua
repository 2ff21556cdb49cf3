-- Kerteminde: hvem kan og hvem kan ikke få støtte.

local borger = {
  borger = { alder = 45 },
  vum = { dato = "2026-10-01", temaer = { socialt_liv = 3, samfundsliv = 2, praktiske_opgaver = 2 } },
  forhold = { kan_deltage_aktivt = true, kan_afhjaelpes_med_hjaelpemidler = false,
              kan_afhjaelpes_med_traening = false, kan_afhjaelpes_efter_anden_lovgivning = false },
}

test {
  navn = "Væsentligt nedsat funktionsniveau og ingen udelukkelse: i målgruppen",
  dato = "2026-11-22",
  sag = borger,
  forvent = { maalgruppe = { i_maalgruppe = true, mangler = {} } },
}

test {
  navn = "Kan afhjælpes ved hjælpemidler: ikke i målgruppen",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_afhjaelpes_med_hjaelpemidler = true } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { hjaelpemidler = { opfyldt = true } } } },
}

test {
  navn = "Kan afhjælpes ved træning: ikke i målgruppen",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_afhjaelpes_med_traening = true } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { traening = { opfyldt = true } } } },
}

test {
  navn = "Kan afhjælpes af anden lovgivning: ikke i målgruppen",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_afhjaelpes_efter_anden_lovgivning = true } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { anden_lovgivning = { opfyldt = true } } } },
}

test {
  navn = "Kan ikke selv deltage aktivt: kravet er ikke opfyldt, ikke i målgruppen",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_deltage_aktivt = false } }),
  forvent = { maalgruppe = { i_maalgruppe = false, mangler = {},
                             begrundelser = { selv_aktivt_deltagende = { opfyldt = false, kilde = "Kerteminde KS, Hvem kan ikke få støtte" } } } },
}

test {
  navn = "Aktiv deltagelse ikke vurderet: uafklaret med forholdet i mangler",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_deltage_aktivt = ukendt } }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "kan_deltage_aktivt" },
                             begrundelser = { selv_aktivt_deltagende = { opfyldt = ukendt } } } },
}

test {
  navn = "En udelukkelse der ikke er vurderet endnu: målgruppen er uafklaret, og forholdet mangler",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_afhjaelpes_med_hjaelpemidler = ukendt } }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "kan_afhjaelpes_med_hjaelpemidler" },
                             begrundelser = { hjaelpemidler = { opfyldt = ukendt } } } },
}

test {
  navn = "Kun lette begrænsninger og ingen sociale problemer: ikke væsentligt nedsat",
  dato = "2026-11-22",
  sag = med(borger, { vum = { temaer = { socialt_liv = 1, samfundsliv = 1, praktiske_opgaver = 1, egenomsorg = 0,
                                         kommunikation = 0, mobilitet = 0, sundhed = 0 } },
                      forhold = { saerlige_sociale_problemer = false } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { funktionsevne = { opfyldt = false } } } },
}

test {
  navn = "Lette begrænsninger i tre temaer, fire uden score: uafklaret, ikke et stille nej",
  dato = "2026-11-22",
  sag = med(borger, { vum = { temaer = { socialt_liv = 1, samfundsliv = 1, praktiske_opgaver = 1 } },
                      forhold = { saerlige_sociale_problemer = false } }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "vum.temaer.egenomsorg", "vum.temaer.kommunikation",
                                                                "vum.temaer.mobilitet", "vum.temaer.sundhed" } } },
}

test {
  navn = "Uden VUM er funktionsniveauet uafklaret",
  dato = "2026-11-22",
  sag = med(borger, { vum = ukendt }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "vum", "saerlige_sociale_problemer" } } },
}

test {
  navn = "17 år: ikke i målgruppen",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = 17 } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { alder = { opfyldt = false } } } },
}
