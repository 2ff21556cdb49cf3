-- Kerteminde: hjemmet som arbejdsplads, statusmøder, klage og formen på støtten.

local bevilget = {
  borger = { alder = 52 },
  vum = { dato = "2025-10-01", temaer = { socialt_liv = 3, egenomsorg = 3 } },
  forhold = { kan_deltage_aktivt = true },
  bevilling = { afgoerelse_dato = "2026-10-30", afgoerelse_modtaget = "2026-11-02", start = "2025-11-02",
                form = "kombination" },
  arbejdspladsvurdering = { dato = "2025-11-23" },
}

test {
  navn = "Arbejdspladsvurdering: 12 måneder efter den seneste, dagen før er den kommende",
  dato = "2026-11-22",
  sag = bevilget,
  forvent = { frister = { arbejdspladsvurdering = { dato = "2026-11-23", status = "kommende" } } },
}

test {
  navn = "Arbejdspladsvurdering: på dagen er den kommende",
  dato = "2026-11-23",
  sag = bevilget,
  forvent = { frister = { arbejdspladsvurdering = { status = "kommende" } }, advarsler = {} },
}

test {
  navn = "Arbejdspladsvurdering: dagen efter er den overskredet",
  dato = "2026-11-24",
  sag = bevilget,
  forvent = { frister = { arbejdspladsvurdering = { status = "overskredet" } }, advarsler = { "frist_overskredet" } },
}

test {
  navn = "Arbejdspladsvurdering uden tidligere vurdering regnes fra bevillingens start; ikke flyttet fra søndag",
  dato = "2026-11-22",
  sag = med(bevilget, { arbejdspladsvurdering = ukendt }),
  forvent = { frister = { arbejdspladsvurdering = { dato = "2026-11-02", status = "overskredet" } } },
}

test {
  navn = "Statusmøde: afgørelsen fastsætter 6 måneder; regnes fra seneste opfølgning",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { opfoelgning_interval_maaneder = 6 },
                        opfoelgninger = { { dato = "2026-06-10", form = "personlig" } } }),
  forvent = { frister = { naeste_opfoelgning = { dato = "2026-12-10", status = "kommende" } } },
}

test {
  navn = "Statusmøde: uden interval i afgørelsen er der ingen frist",
  dato = "2026-11-22",
  sag = bevilget,
  forvent = { frister = { naeste_opfoelgning = false } },
}

test {
  navn = "Statusmøde overskredet: intet møde i 6 måneder efter bevillingens start",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { opfoelgning_interval_maaneder = 6 } }),
  forvent = { frister = { naeste_opfoelgning = { dato = "2026-05-02", status = "overskredet" } } },
}

test {
  navn = "Klagefrist (national regel): modtaget torsdag 27/11, 4 uger ender juledag, flyttes til mandag 28/12",
  dato = "2026-12-01",
  sag = med(bevilget, { bevilling = { afgoerelse_modtaget = "2026-11-27" } }),
  forvent = { frister = { klage = { dato = "2026-12-28", status = "kommende", kilde = "Rsl. § 67, stk. 1" } } },
}

test {
  navn = "Genvurdering af en klage inden 4 uger (national regel)",
  dato = "2026-11-22",
  sag = med(bevilget, { klage = { modtaget = "2026-11-02" } }),
  forvent = { frister = { genvurdering = { dato = "2026-11-30", status = "kommende" } } },
}

test {
  navn = "Alene individuel støtte giver en advarsel",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { form = "individuel" } }),
  forvent = { advarsler = { "individuel_form_alene" } },
}

test {
  navn = "Gruppetilbud er i orden",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { form = "gruppe" } }),
  forvent = { advarsler = {} },
}
