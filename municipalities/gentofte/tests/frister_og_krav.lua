-- Gentofte: opfølgning efter afgørelsen, klage (national regel), gruppeforløb som
-- udgangspunkt og revision af standarden i hver valgperiode.

local bevilget = {
  borger = { alder = 41 },
  vum = { dato = "2026-01-10", temaer = { socialt_liv = 3 } },
  bevilling = { afgoerelse_dato = "2026-10-28", afgoerelse_modtaget = "2026-10-30", start = "2026-11-02",
                form = "gruppe", opfoelgning_interval_maaneder = 3 },
}

-- A follow-up counts only for a grant that had started (the case as of its date).
local tidligere_start = { afgoerelse_dato = "2026-05-27", afgoerelse_modtaget = "2026-05-29", start = "2026-06-01" }

test {
  navn = "Opfølgning før bevillingens start tæller ikke: regnet fra starten",
  dato = "2026-11-22",
  sag = med(bevilget, { opfoelgninger = { { dato = "2026-08-22", form = "personlig" } } }),
  forvent = { frister = { naeste_opfoelgning = { dato = "2027-02-02", status = "kommende" } } },
}

test {
  navn = "Opfølgning: afgørelsen siger hver 3. måned, regnet fra bevillingens start",
  dato = "2026-11-22",
  sag = bevilget,
  forvent = { frister = { naeste_opfoelgning = { dato = "2027-02-02", status = "kommende" } } },
}

test {
  navn = "Opfølgning: regnet fra seneste opfølgning, på dagen er den kommende",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = tidligere_start, opfoelgninger = { { dato = "2026-08-22", form = "personlig" } } }),
  forvent = { frister = { naeste_opfoelgning = { dato = "2026-11-22", status = "kommende" } } },
}

test {
  navn = "Opfølgning: dagen efter er den overskredet",
  dato = "2026-11-23",
  sag = med(bevilget, { bevilling = tidligere_start, opfoelgninger = { { dato = "2026-08-22", form = "personlig" } } }),
  forvent = { frister = { naeste_opfoelgning = { status = "overskredet" } },
              advarsler = { "frist_overskredet", "standard_ikke_revideret" } },
}

test {
  navn = "Opfølgning: afgørelsen angiver ikke hvornår, så ingen frist",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { opfoelgning_interval_maaneder = ukendt } }),
  forvent = { frister = { naeste_opfoelgning = false } },
}

test {
  navn = "Klagefrist: modtaget 30/10, 4 uger er fredag 27/11",
  dato = "2026-11-22",
  sag = bevilget,
  forvent = { frister = { klage = { dato = "2026-11-27", status = "kommende" } } },
}

test {
  navn = "Klagefrist der ender 2. påskedag (6/4/2026) flyttes til tirsdag 7/4",
  dato = "2026-03-20",
  -- en afgørelse truffet før den blev modtaget (en afgørelse efter vurderingsdatoen var ikke truffet endnu)
  sag = med(bevilget, { bevilling = { afgoerelse_dato = "2026-03-06", afgoerelse_modtaget = "2026-03-09" } }),
  forvent = { frister = { klage = { dato = "2026-04-07" } } },
}

test {
  navn = "Klagefrist der ender Kristi himmelfartsdag (14/5/2026) flyttes til fredag 15/5",
  dato = "2026-05-01",
  sag = med(bevilget, { bevilling = { afgoerelse_dato = "2026-04-14", afgoerelse_modtaget = "2026-04-16" } }),
  forvent = { frister = { klage = { dato = "2026-05-15" } } },
}

test {
  navn = "Klage modtaget: genvurdering inden 4 uger",
  dato = "2026-11-22",
  sag = med(bevilget, { klage = { modtaget = "2026-11-20" } }),
  forvent = { frister = { klage = { status = "opfyldt" }, genvurdering = { dato = "2026-12-18", status = "kommende" } } },
}

test {
  navn = "Gruppeforløb: ingen advarsel om formen (kun den om standardens revision)",
  dato = "2026-11-22",
  sag = bevilget,
  forvent = { advarsler = { "standard_ikke_revideret" } },
}

test {
  navn = "Alene individuel støtte: sagsbehandleren ser efter et af de særlige tilfælde (antagelse)",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { form = "individuel" } }),
  forvent = { advarsler = { "individuel_stoette_begrundes", "standard_ikke_revideret" } },
}

test {
  navn = "Kombination af gruppe og individuel støtte er i orden",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { form = "kombination" } }),
  forvent = { advarsler = { "standard_ikke_revideret" } },
}

test {
  navn = "Standarden fra 2014: i valgperioden 2018–2021 var den behandlet i forrige periode",
  dato = "2021-12-31",
  sag = { borger = { alder = 41 } },
  forvent = { advarsler = {} },
}

test {
  navn = "Standarden fra 2014: fra 1. januar 2022 er valgperioden 2018–2021 gået uden behandling",
  dato = "2022-01-01",
  sag = { borger = { alder = 41 } },
  forvent = { advarsler = { standard_ikke_revideret = { kilde = "Gentofte KS, Udarbejdelse og opfølgning" } } },
}

test {
  navn = "Standarden fra 2014: i 2018 var den behandlet i valgperioden 2014–2017",
  dato = "2018-01-01",
  sag = { borger = { alder = 41 } },
  forvent = { advarsler = {} },
}
