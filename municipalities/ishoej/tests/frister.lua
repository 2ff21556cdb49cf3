-- Ishøj: klagefrist og genvurdering (Klagemuligheder) og opfølgning efter afgørelsen.

local bevilget = {
  borger = { alder = 36 },
  vum = { dato = "2026-09-01", temaer = { socialt_liv = 3 } },
  forhold = { motiveret = true, kan_deltage_aktivt = true },
  bevilling = { afgoerelse_dato = "2026-10-22", afgoerelse_modtaget = "2026-10-26", start = "2026-11-02" },
}

test {
  navn = "Klagen skal være modtaget senest 4 uger efter afgørelsen: dagen før",
  dato = "2026-11-22",
  sag = bevilget,
  forvent = { frister = { klage = { dato = "2026-11-23", status = "kommende", kilde = "Ishøj KS, Klagemuligheder" } } },
}

test {
  navn = "Klagefristen på dagen: kommende",
  dato = "2026-11-23",
  sag = bevilget,
  forvent = { frister = { klage = { status = "kommende" } } },
}

test {
  navn = "Klagefristen dagen efter, uden klage: udløbet, borgerens frist, ingen advarsel",
  dato = "2026-11-24",
  sag = bevilget,
  forvent = { frister = { klage = { status = "udloebet", paahviler = "borger" } }, advarsler = {} },
}

test {
  navn = "Klage modtaget efter fristen: for sent, og kommunen skal tage stilling til, om den behandles",
  dato = "2026-11-30",
  sag = med(bevilget, { klage = { modtaget = "2026-11-25" } }),
  forvent = { frister = { klage = { status = "for_sent" } }, advarsler = { "klage_efter_fristen" } },
}

test {
  navn = "Klagefrist der ender lørdag 2. januar 2027 flyttes til mandag 4. januar",
  dato = "2026-12-10",
  sag = med(bevilget, { bevilling = { afgoerelse_modtaget = "2026-12-05" } }),
  forvent = { frister = { klage = { dato = "2027-01-04" } } },
}

test {
  navn = "Klage modtaget rettidigt: opfyldt; ny afgørelse eller videresendelse inden 4 uger",
  dato = "2026-11-22",
  sag = med(bevilget, { klage = { modtaget = "2026-11-19" } }),
  forvent = { frister = { klage = { status = "opfyldt" },
                          genvurdering = { dato = "2026-12-17", status = "kommende", kilde = "Ishøj KS, Klagemuligheder" } } },
}

test {
  navn = "Genvurdering: dagen efter fristen er den overskredet, kommunens frist",
  dato = "2026-12-18",
  sag = med(bevilget, { klage = { modtaget = "2026-11-19" } }),
  forvent = { frister = { genvurdering = { status = "overskredet", paahviler = "kommune" } },
              advarsler = { "frist_overskredet" } },
}

test {
  navn = "Genvurdering: ny afgørelse eller videresendelse inden 4 uger opfylder fristen",
  dato = "2026-12-18",
  sag = med(bevilget, { klage = { modtaget = "2026-11-19", genvurderet = "2026-12-10" } }),
  forvent = { frister = { genvurdering = { dato = "2026-12-17", status = "opfyldt" } }, advarsler = {} },
}

test {
  navn = "Opfølgning: afgørelsen siger hver 2. måned fra seneste opfølgning",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { start = "2026-08-03", opfoelgning_interval_maaneder = 2 },
                        opfoelgninger = { { dato = "2026-09-30", form = "virtuel" } } }),
  forvent = { frister = { naeste_opfoelgning = { dato = "2026-11-30", status = "kommende" } } },
}

test {
  navn = "Opfølgning: overskredet når datoen er passeret",
  dato = "2026-12-01",
  sag = med(bevilget, { bevilling = { start = "2026-08-03", opfoelgning_interval_maaneder = 2 },
                        opfoelgninger = { { dato = "2026-09-30", form = "virtuel" } } }),
  forvent = { frister = { naeste_opfoelgning = { status = "overskredet" } } },
}

-- "altid i samarbejde med dig": en administrativ opfølgning er ikke en opfølgning med borgeren.
test {
  navn = "Opfølgning: en senere administrativ opfølgning flytter ikke fristen; den er overskredet",
  dato = "2026-12-01",
  sag = med(bevilget, { bevilling = { start = "2026-08-03", opfoelgning_interval_maaneder = 2 },
                        opfoelgninger = { { dato = "2026-09-30", form = "virtuel" },
                                          { dato = "2026-11-25", form = "administrativ" } } }),
  forvent = { frister = { naeste_opfoelgning = { dato = "2026-11-30", status = "overskredet" } },
              advarsler = { frist_overskredet = { antagelse = true } } },
}

test {
  navn = "Opfølgning: kun administrative opfølgninger, så fristen regnes fra bevillingens start",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { start = "2026-08-03", opfoelgning_interval_maaneder = 2 },
                        opfoelgninger = { { dato = "2026-10-01", form = "administrativ" } } }),
  forvent = { frister = { naeste_opfoelgning = { dato = "2026-10-03", status = "overskredet" } } },
}

test {
  navn = "Opfølgning: den seneste opfølgnings form er ikke oplyst, så fristen kan ikke regnes; formen mangler",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { start = "2026-08-03", opfoelgning_interval_maaneder = 2 },
                        opfoelgninger = { { dato = "2026-09-30" } } }),
  forvent = { frister = { naeste_opfoelgning = false },
              ukontrollerede = { naeste_opfoelgning = { mangler = { "opfoelgninger[].form" } } } },
}

test {
  navn = "Opfølgning: uden interval i afgørelsen ingen frist",
  dato = "2026-11-22",
  sag = bevilget,
  forvent = { frister = { naeste_opfoelgning = false } },
}
