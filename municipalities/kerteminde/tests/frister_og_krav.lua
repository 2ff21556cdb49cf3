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

-- "Støtten kan gives som et gruppetilbud eller som en kombination": "kan", ikke "kun".
test {
  navn = "Alene individuel støtte er ingen afvigelse: standarden siger \"kan\", ikke \"kun\"",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { form = "individuel" } }),
  forvent = { advarsler = {} },
}

test {
  navn = "Gruppetilbud er i orden",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { form = "gruppe" } }),
  forvent = { advarsler = {} },
}

-- Kvalitetsmål: "Der er sammenhæng mellem din bevilling og de leverede ydelser". Hvilke
-- leverancearter der tæller, og at enhver afvigelse vises, er scriptets antagelser.
local leverer = med(bevilget, { bevilling = { start = "2026-11-02", timer = 2, periode = "uge" } })
local function leveret(liste) return med(leverer, { leverancer = liste }) end
local function l(dato, minutter, art) return { dato = dato, start = "10:00", minutter = minutter, art = art } end

test {
  navn = "Leverede ydelser svarer til bevillingen: 2 timer i hver af ugerne 45 og 46 (uge 47 er ikke afsluttet)",
  dato = "2026-11-22",
  sag = leveret({ l("2026-11-03", 90, "ansigt_til_ansigt"), l("2026-11-05", 30, "telefon"),
                  l("2026-11-10", 60, "video"), l("2026-11-12", 60, "sms"), l("2026-11-20", 30, "ansigt_til_ansigt") }),
  forvent = { advarsler = {} },
}

-- 8,2 timer er 492 minutter; 8.2 * 60 er 491.99999999999994 i et kommatal.
test {
  navn = "8,2 timer om ugen og præcis 492 minutter i uge 45 og 46: i orden",
  dato = "2026-11-22",
  sag = med(leveret({ l("2026-11-03", 492, "ansigt_til_ansigt"), l("2026-11-10", 492, "ansigt_til_ansigt") }),
            { bevilling = { timer = 8.2 } }),
  forvent = { advarsler = {} },
}

test {
  navn = "Transport og administration er ikke leverede ydelser: uge 46 har kun 1 time",
  dato = "2026-11-22",
  sag = leveret({ l("2026-11-03", 120, "ansigt_til_ansigt"), l("2026-11-10", 60, "ansigt_til_ansigt"),
                  l("2026-11-10", 45, "transport"), l("2026-11-11", 15, "administration") }),
  forvent = { advarsler = { leverede_ydelser_afviger = {
    tekst = "Afvigelse fra 'Der er sammenhæng mellem bevillingen og de leverede ydelser (antagelse: transport og administration tæller ikke)': uge 46/2026: 1 af 2 bevilgede timer leveret",
    kilde = "Kerteminde KS, Kvalitetsmål i forhold til leverandøren" } } },
}

test {
  navn = "Mere end bevilget er også uden sammenhæng; for meget efterfulgt af for lidt er to advarsler",
  dato = "2026-11-22",
  sag = leveret({ l("2026-11-03", 150, "ansigt_til_ansigt") }),
  forvent = { advarsler = { "leverede_ydelser_afviger", "leverede_ydelser_afviger" } },
}

test {
  navn = "Månedsbevilling: 6 timer i oktober mod 6 bevilget er i orden; november er ikke afsluttet",
  dato = "2026-11-22",
  sag = med(leveret({ l("2026-10-06", 240, "ansigt_til_ansigt"), l("2026-10-20", 120, "video"),
                      l("2026-11-03", 30, "ansigt_til_ansigt") }),
            { bevilling = { start = "2026-10-01", timer = 6, periode = "maaned" } }),
  forvent = { advarsler = {} },
}

test {
  navn = "Uden timetal i bevillingen kan sammenhængen ikke vurderes (ingen advarsel, kravet er ukendt)",
  dato = "2026-11-22",
  sag = med(leveret({ l("2026-11-03", 30, "ansigt_til_ansigt") }), { bevilling = { timer = ukendt } }),
  forvent = { advarsler = {} },
}

test {
  navn = "Uden leverancer i sagen vides intet om, hvad der er leveret: ingen advarsel",
  dato = "2026-11-22",
  sag = leverer,
  forvent = { advarsler = {} },
}

test {
  navn = "En tom liste af leverancer er oplyst: intet leveret i ugerne 45 og 46, én advarsel for ugerne i træk",
  dato = "2026-11-22",
  sag = leveret({}),
  forvent = { advarsler = { leverede_ydelser_afviger = {
    tekst = "Afvigelse fra 'Der er sammenhæng mellem bevillingen og de leverede ydelser (antagelse: transport og administration tæller ikke)': uge 45–46/2026: 0 af 4 bevilgede timer leveret" } } },
}

test {
  navn = "Ugerne i træk, der afviger samme vej, er præcis én advarsel",
  dato = "2026-11-22",
  sag = leveret({}),
  forvent = { advarsler = { "leverede_ydelser_afviger" } },
}

-- "regelmæssige statusmøder": en administrativ opfølgning (uden borgeren) er intet statusmøde.
test {
  navn = "Statusmøde: en administrativ opfølgning efter mødet flytter ikke fristen",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { opfoelgning_interval_maaneder = 6 },
                        opfoelgninger = { { dato = "2026-03-10", form = "personlig" },
                                          { dato = "2026-09-01", form = "administrativ" } } }),
  forvent = { frister = { naeste_opfoelgning = { dato = "2026-09-10", status = "overskredet", antagelse = true } } },
}

test {
  navn = "Statusmøde: uden den seneste opfølgnings form vides det ikke, om den var et møde",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { opfoelgning_interval_maaneder = 6 },
                        opfoelgninger = { { dato = "2026-03-10", form = "personlig" }, { dato = "2026-09-01" } } }),
  forvent = { frister = { naeste_opfoelgning = false }, ukontrollerede = { naeste_opfoelgning = { mangler = { "opfoelgninger[].form" } } } },
}

-- Hvornår den første gennemgang af hjemmet skal ske, siger standarden ikke: en antagelse.
test {
  navn = "Hjemmet som arbejdsplads: den første gennemgang regnes fra støttens start (antagelse)",
  dato = "2026-11-22",
  sag = med(bevilget, { arbejdspladsvurdering = ukendt }),
  forvent = { frister = { arbejdspladsvurdering = { dato = "2026-11-02", antagelse = true } } },
}
