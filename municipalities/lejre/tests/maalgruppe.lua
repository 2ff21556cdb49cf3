-- Lejre: målgruppen (KS 6), mindsteindgrebsprincippet (KS 8) og henvisning til § 83.

local borger = {
  borger = { alder = 40 },
  vum = { dato = "2026-10-01", temaer = { socialt_liv = 3, sundhed = 2 } },
  forhold = { kan_afhjaelpes_efter_anden_lovgivning = false, kan_deltage_aktivt = true, daarligt_helbred = false },
}

test {
  navn = "Borger med betydelig nedsat funktionsevne og intet mindre indgribende tilbud: i målgruppen",
  dato = "2026-11-22",
  sag = borger,
  forvent = { maalgruppe = { i_maalgruppe = true, henvis_til = {}, mangler = {} } },
}

test {
  navn = "Målgruppen omfatter borgere fra 18 år: 18-årig er med",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = 18 } }),
  forvent = { maalgruppe = { i_maalgruppe = true, begrundelser = { alder = { opfyldt = true, kilde = "Lejre KS 6 Målgruppen" } } } },
}

test {
  navn = "17-årig er ikke i målgruppen",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = 17 } }),
  forvent = { maalgruppe = { i_maalgruppe = false } },
}

test {
  navn = "Et mindre indgribende tilbud efter anden lovgivning går forud (mindsteindgrebsprincippet)",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_afhjaelpes_efter_anden_lovgivning = true } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { mindre_indgribende_tilbud = { opfyldt = true } } } },
}

test {
  navn = "Over 65 år med væsentlig funktionsnedsættelse og dårligt helbred: vurder SEL § 83",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = 70 }, forhold = { daarligt_helbred = true } }),
  forvent = { maalgruppe = { i_maalgruppe = true, henvis_til = { "SEL § 83" } } },
}

test {
  navn = "65 år (grænsen) med dårligt helbred: vurder SEL § 83",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = 65 }, forhold = { daarligt_helbred = true } }),
  forvent = { maalgruppe = { henvis_til = { "SEL § 83" } } },
}

test {
  navn = "64 år med dårligt helbred: ingen henvisning",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = 64 }, forhold = { daarligt_helbred = true } }),
  forvent = { maalgruppe = { henvis_til = {}, begrundelser = { vurder_sel_83 = { opfyldt = false } } } },
}

test {
  navn = "Over 65 med godt helbred: ingen henvisning",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = 70 } }),
  forvent = { maalgruppe = { henvis_til = {} } },
}

test {
  navn = "Særlige sociale problemer uden VUM: i målgruppen",
  dato = "2026-11-22",
  sag = med(borger, { vum = ukendt, forhold = { saerlige_sociale_problemer = true } }),
  forvent = { maalgruppe = { i_maalgruppe = true } },
}

test {
  navn = "Lette begrænsninger og ingen sociale problemer: ikke i målgruppen",
  dato = "2026-11-22",
  sag = med(borger, { vum = { temaer = { socialt_liv = 1, sundhed = 1 } }, forhold = { saerlige_sociale_problemer = false } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { funktionsevne = { opfyldt = false } } } },
}

test {
  navn = "Uden alder og uden VUM: uafklaret, med de manglende oplysninger",
  dato = "2026-11-22",
  sag = med(borger, { borger = ukendt, vum = ukendt }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "borger.alder", "vum", "saerlige_sociale_problemer" } } },
}
