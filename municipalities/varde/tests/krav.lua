-- Varde: krav til leverancen (KS 2.6, 3.7, 4.1 og 4.3).

local bevilget = {
  borger = { alder = 40 },
  vum = { dato = "2026-01-10", temaer = { socialt_liv = 3 } },
  forhold = { profiterer_af_stoette = true, motiveret = true, kan_deltage_aktivt = true },
  bevilling = { start = "2026-01-05", timer = 2, periode = "uge" },
  indsatsplan = { dato = "2026-01-20" },
}

-- 4.1: i dagtimerne på hverdage (antagelse: 08:00–16:00).
test {
  navn = "Støtte tirsdag 10:00–11:00 er i dagtimerne",
  dato = "2026-11-22",
  sag = med(bevilget, { leverancer = { { dato = "2026-11-17", start = "10:00", minutter = 60, art = "ansigt_til_ansigt" } } }),
  forvent = { advarsler = {} },
}

test {
  navn = "Støtte en lørdag er uden for dagtimerne på hverdage",
  dato = "2026-11-22",
  sag = med(bevilget, { leverancer = { { dato = "2026-11-21", start = "10:00", minutter = 60, art = "ansigt_til_ansigt" } } }),
  forvent = { advarsler = { "levering_uden_for_dagtimer" } },
}

test {
  navn = "Støtte der slutter 16:30 er uden for dagtimerne",
  dato = "2026-11-22",
  sag = med(bevilget, { leverancer = { { dato = "2026-11-17", start = "15:30", minutter = 60, art = "telefon" } } }),
  forvent = { advarsler = { "levering_uden_for_dagtimer" } },
}

test {
  navn = "Støtte på en helligdag (2. juledag er lørdag; juledag fredag 25/12) er uden for dagtimerne",
  dato = "2026-12-28",
  sag = med(bevilget, { leverancer = { { dato = "2026-12-25", start = "10:00", minutter = 30, art = "ansigt_til_ansigt" } } }),
  forvent = { advarsler = { "levering_uden_for_dagtimer" } },
}

-- 3.7: aldrig administrativ opfølgning to år i træk.
test {
  navn = "To administrative opfølgninger i træk giver advarsel",
  dato = "2026-11-22",
  sag = med(bevilget, { opfoelgninger = { { dato = "2026-11-01", form = "administrativ" },
                                          { dato = "2025-11-01", form = "administrativ" } } }),
  forvent = { advarsler = { "administrativ_opfoelgning_to_aar_i_traek" } },
}

test {
  navn = "Administrativ opfølgning efter en personlig er i orden",
  dato = "2026-11-22",
  sag = med(bevilget, { opfoelgninger = { { dato = "2025-11-01", form = "personlig" },
                                          { dato = "2026-11-01", form = "administrativ" } } }),
  forvent = { advarsler = {} },
}

-- 2.6: timer kan ikke spares op.
test {
  navn = "Tre timer i én uge på en bevilling af to timer om ugen: timer opsparet",
  dato = "2026-11-22",
  sag = med(bevilget, { leverancer = {
    { dato = "2026-11-16", start = "09:00", minutter = 90, art = "ansigt_til_ansigt" },
    { dato = "2026-11-18", start = "09:00", minutter = 90, art = "ansigt_til_ansigt" } } }),
  forvent = { advarsler = { "timer_opsparet" } },
}

test {
  navn = "To timer i hver af to uger er inden for bevillingen; administration tæller ikke",
  dato = "2026-11-22",
  sag = med(bevilget, { leverancer = {
    { dato = "2026-11-09", start = "09:00", minutter = 120, art = "ansigt_til_ansigt" },
    { dato = "2026-11-16", start = "09:00", minutter = 120, art = "video" },
    { dato = "2026-11-16", start = "13:00", minutter = 60, art = "administration" } } }),
  forvent = { advarsler = {} },
}

test {
  navn = "Uden timetal i bevillingen kan opsparing ikke vurderes",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { timer = ukendt } }),
  forvent = { advarsler = {} },
}

-- 4.3: tilbagemeldingspligt ved mange afbud (antagelse: 3 inden for 28 dage).
test {
  navn = "Tre afbud fra borgeren inden for 28 dage udløser tilbagemeldingspligt",
  dato = "2026-11-22",
  sag = med(bevilget, { afbud = { { dato = "2026-11-02", af = "borger" }, { dato = "2026-11-10", af = "udeblevet" },
                                  { dato = "2026-11-20", af = "borger" } } }),
  forvent = { advarsler = { "mange_afbud" } },
}

test {
  navn = "Afbud fra leverandøren og afbud ældre end 28 dage tæller ikke",
  dato = "2026-11-22",
  sag = med(bevilget, { afbud = { { dato = "2026-10-25", af = "borger" }, { dato = "2026-11-10", af = "leverandoer" },
                                  { dato = "2026-11-20", af = "borger" } } }),
  forvent = { advarsler = {} },
}
