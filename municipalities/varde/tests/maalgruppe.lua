-- Varde: hvem kan modtage støtten (KS 1.4–2.5 og SEL § 85, stk. 1).

local borger = {
  borger = { alder = 34 },
  vum = { dato = "2026-09-01", temaer = { praktiske_opgaver = 2, socialt_liv = 3 } },
  forhold = { profiterer_af_stoette = true, motiveret = true, kan_deltage_aktivt = true },
}

test {
  navn = "En borger der opfylder alle betingelser er i målgruppen",
  dato = "2026-11-22",
  sag = borger,
  forvent = { maalgruppe = { i_maalgruppe = true, mangler = {}, henvis_til = {} } },
}

-- KS 1.4: "Støtten kan bevilges til borgere over 18 år" (kontrakten: 18 år eller ældre).
test {
  navn = "Alderen er Vardes egen regel (KS 1.4), ikke en national antagelse: 18 år er nok, 17 år er ikke",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = 18 } }),
  forvent = { maalgruppe = { i_maalgruppe = true,
                             begrundelser = { alder = { opfyldt = true, kilde = "Varde KS 1.4 Hvem kan modtage støtten" } } } },
}

test {
  navn = "En 17-årig er ikke i målgruppen (KS 1.4: over 18 år læses som 18 eller ældre)",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = 17 } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { alder = { opfyldt = false } } } },
}

test {
  navn = "En borger der ikke er motiveret er ikke i målgruppen (KS 1.7)",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { motiveret = false } }),
  -- 1.4 nævner ikke motivationen: at forudsætningen i 1.7 afgør målgruppen, er scriptets læsning
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { motiveret = { opfyldt = false, antagelse = true } } } },
}

test {
  navn = "Motivation ikke vurderet endnu: uafklaret, og sagsbehandleren får at vide hvad der mangler",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { motiveret = ukendt } }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "motiveret" } } },
}

test {
  navn = "En borger der ikke profiterer af støtten er ikke i målgruppen (KS 1.4 og 1.5)",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { profiterer_af_stoette = false } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { profiterer = { opfyldt = false } } } },
}

test {
  navn = "En borger der ikke kan deltage aktivt er ikke i målgruppen, og SEL § 83 vurderes (KS 2.2 og 2.5)",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_deltage_aktivt = false } }),
  forvent = { maalgruppe = { i_maalgruppe = false, henvis_til = { "SEL § 83" },
                             begrundelser = { kan_ikke_deltage_aktivt = { opfyldt = true } } } },
}

test {
  navn = "Om borgeren kan deltage aktivt, er ikke vurderet: uafklaret",
  dato = "2026-11-22",
  sag = med(borger, { forhold = { kan_deltage_aktivt = ukendt } }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "kan_deltage_aktivt" }, henvis_til = {},
                             begrundelser = { kan_ikke_deltage_aktivt = { opfyldt = ukendt } } } },
}

test {
  navn = "Alderen regnes fra fødselsdatoen: dagen før 18-årsdagen er borgeren ikke i målgruppen",
  dato = "2026-11-22",
  sag = med(borger, { borger = { alder = ukendt, foedselsdato = "2008-11-23" } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { alder = { opfyldt = false } } } },
}

test {
  navn = "Alderen regnes fra fødselsdatoen: på 18-årsdagen er borgeren i målgruppen",
  dato = "2026-11-23",
  sag = med(borger, { borger = { alder = ukendt, foedselsdato = "2008-11-23" } }),
  forvent = { maalgruppe = { i_maalgruppe = true, begrundelser = { alder = { opfyldt = true } } } },
}

test {
  navn = "Kun moderate begrænsninger og ingen særlige sociale problemer: ikke betydelig nedsat funktionsevne",
  dato = "2026-11-22",
  sag = med(borger, { vum = { temaer = { socialt_liv = 2, egenomsorg = 0, kommunikation = 0, mobilitet = 0,
                                         samfundsliv = 0, sundhed = 0 } },
                      forhold = { saerlige_sociale_problemer = false } }),
  forvent = { maalgruppe = { i_maalgruppe = false, begrundelser = { funktionsevne = { opfyldt = false,
    kilde = "Varde KS 1.4 Hvem kan modtage støtten (SEL § 85, stk. 1)" } } } },
}

test {
  navn = "Særlige sociale problemer er nok, selv med lave VUM-scorer",
  dato = "2026-11-22",
  sag = med(borger, { vum = { temaer = { socialt_liv = 1 } }, forhold = { saerlige_sociale_problemer = true } }),
  forvent = { maalgruppe = { i_maalgruppe = true, begrundelser = { funktionsevne = { opfyldt = true } } } },
}

test {
  navn = "Uden VUM og uden vurdering af sociale problemer kan funktionsevnen ikke afgøres",
  dato = "2026-11-22",
  sag = med(borger, { vum = ukendt }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "vum", "saerlige_sociale_problemer" } } },
}

-- KS 3.2: "Der er krav om, at borgeren medvirker ved udarbejdelse af en helhedsvurdering,
-- herunder en udredning efter voksenudredningsmetoden (VUM)".
test {
  navn = "Særlige sociale problemer, men ingen VUM endnu: uafklaret, VUM mangler (KS 3.2)",
  dato = "2026-11-22",
  sag = med(borger, { vum = ukendt, forhold = { saerlige_sociale_problemer = true } }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "vum" },
                             begrundelser = { funktionsevne = { opfyldt = true }, vum_udredning = { opfyldt = ukendt } } } },
}

test {
  navn = "Med VUM er kravet om udredning opfyldt",
  dato = "2026-11-22",
  sag = borger,
  forvent = { maalgruppe = { begrundelser = { vum_udredning = { opfyldt = true, kilde = "Varde KS 3.2 Hvordan foregår visitationen" } } } },
}

test {
  navn = "Alder ikke oplyst: uafklaret med borger.alder som mangel",
  dato = "2026-11-22",
  sag = med(borger, { borger = ukendt }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "borger.alder" } } },
}
