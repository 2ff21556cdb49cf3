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

-- KS 8: "Der foretages altid en vurdering af om borgeren vil kunne modtage et mindre
-- indgribende tilbud uden for det specialiserede område" (beskæftigelseslovgivningen, § 83,
-- frivilligområdet).
test {
  navn = "Et mindre indgribende tilbud går forud (mindsteindgrebsprincippet); vurder SEL § 83",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_afhjaelpes_efter_anden_lovgivning = true } }),
  forvent = { maalgruppe = { i_maalgruppe = false, henvis_til = { "SEL § 83" },
                             begrundelser = { mindre_indgribende_tilbud = { opfyldt = true } } } },
}

test {
  navn = "Mindre indgribende tilbud ikke vurderet endnu: uafklaret, aldrig et stille ja",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_afhjaelpes_efter_anden_lovgivning = ukendt } }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "kan_afhjaelpes_efter_anden_lovgivning" }, henvis_til = {},
                             begrundelser = { mindre_indgribende_tilbud = { opfyldt = ukendt } } } },
}

-- KS 6: "borgere over 65 år og borgere med en væsentlig funktionsnedsættelse og dårlig
-- helbredstilstand" er to grupper, hver vurderet særligt i forhold til SEL § 83.
test {
  navn = "70 år ved godt helbred: vurder SEL § 83 (første gruppe)",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = 70 } }),
  forvent = { maalgruppe = { i_maalgruppe = true, henvis_til = { "SEL § 83" },
                             -- "over 65" som fyldt 65 og "væsentlig" som VUM 3 er antagelser, og begrundelserne siger det
                             begrundelser = { vurder_sel_83_over_65 = { opfyldt = true, antagelse = true },
                                              vurder_sel_83_helbred = { opfyldt = false, antagelse = true } } } },
}

test {
  navn = "40 år med VUM 4 og dårligt helbred: vurder SEL § 83 (anden gruppe)",
  dato = "2026-11-22",
  sag = med(borger, { vum = { temaer = { sundhed = 4 } }, forhold = { daarligt_helbred = true } }),
  forvent = { maalgruppe = { i_maalgruppe = true, henvis_til = { "SEL § 83" },
                             begrundelser = { vurder_sel_83_over_65 = { opfyldt = false }, vurder_sel_83_helbred = { opfyldt = true } } } },
}

test {
  navn = "65 år (grænsen; antagelse: over 65 læses som 65 eller ældre): vurder SEL § 83",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = 65 } }),
  forvent = { maalgruppe = { henvis_til = { "SEL § 83" } } },
}

test {
  navn = "64 år ved godt helbred: ingen henvisning",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = 64 } }),
  forvent = { maalgruppe = { i_maalgruppe = true, henvis_til = {},
                             begrundelser = { vurder_sel_83_over_65 = { opfyldt = false }, vurder_sel_83_helbred = { opfyldt = false } } } },
}

test {
  navn = "Dårligt helbred, men kun moderate begrænsninger: ingen henvisning efter anden gruppe",
  dato = "2026-11-22",
  sag = med(borger, { vum = { temaer = { socialt_liv = 2, sundhed = 2, praktiske_opgaver = 0, egenomsorg = 0,
                                         kommunikation = 0, mobilitet = 0, samfundsliv = 0 } },
                      forhold = { daarligt_helbred = true, saerlige_sociale_problemer = true } }),
  forvent = { maalgruppe = { henvis_til = {}, begrundelser = { vurder_sel_83_helbred = { opfyldt = false } } } },
}

test {
  navn = "Væsentlig funktionsnedsættelse, helbredet ikke vurderet: i målgruppen, henvisningen afventer helbredet",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { daarligt_helbred = ukendt } }),
  forvent = { maalgruppe = { i_maalgruppe = true, henvis_til = {}, mangler = { "daarligt_helbred" },
                             begrundelser = { vurder_sel_83_helbred = { opfyldt = ukendt } } } },
}

test {
  navn = "70 år, helbredet ikke vurderet: henvis til SEL § 83 (første gruppe), intet mangler",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = 70 }, forhold = { daarligt_helbred = ukendt } }),
  forvent = { maalgruppe = { i_maalgruppe = true, henvis_til = { "SEL § 83" }, mangler = {},
                             begrundelser = { vurder_sel_83_over_65 = { opfyldt = true },
                                              vurder_sel_83_helbred = { opfyldt = ukendt } } } },
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
  sag = med(borger, { vum = { temaer = { socialt_liv = 1, sundhed = 1, praktiske_opgaver = 0, egenomsorg = 0,
                                         kommunikation = 0, mobilitet = 0, samfundsliv = 0 } },
                      forhold = { saerlige_sociale_problemer = false } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { funktionsevne = { opfyldt = false,
    kilde = "Lejre KS 6 Målgruppen (SEL § 85, stk. 1)" } } } },
}

test {
  navn = "Uden alder og uden VUM: uafklaret, med de manglende oplysninger",
  dato = "2026-11-22",
  sag = med(borger, { borger = ukendt, vum = ukendt }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "borger.alder", "vum", "saerlige_sociale_problemer" } } },
}
