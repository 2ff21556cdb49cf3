-- Ishøj: det bevilgede timetal er ansigt-til-ansigt-tid med en vejleder, også over telefon,
-- video og sms; transport og administration tæller ikke (Omfang og varighed). Kontrollen
-- ser på hele, afsluttede perioder af bevillingen (antagelse: de seneste 12).

local bevilget = {
  borger = { alder = 36 },
  vum = { dato = "2026-09-01", temaer = { socialt_liv = 3 } },
  forhold = { motiveret = true, kan_deltage_aktivt = true },
  bevilling = { start = "2026-11-02", timer = 2, periode = "uge" },
}

local function leveret(liste) return med(bevilget, { leverancer = liste }) end
local function l(dato, minutter, art) return { dato = dato, start = "10:00", minutter = minutter, art = art } end

test {
  navn = "To timer i hver af ugerne 45 og 46: i orden (uge 47 er ikke afsluttet søndag 22/11)",
  dato = "2026-11-22",
  sag = leveret({ l("2026-11-03", 120, "ansigt_til_ansigt"), l("2026-11-10", 120, "ansigt_til_ansigt") }),
  forvent = { advarsler = {} },
}

-- Kontrakten: en vurdering på en dato ser kun, hvad der var sket. En afgørelse truffet efter
-- datoen (med starten sat tilbage) var ingen bevilling den dag: ingen timer at levere.
test {
  navn = "En bevilling afgjort efter vurderingsdatoen var ikke bevilget endnu: ingen afvigelse i timer",
  dato = "2026-11-30",
  sag = med(leveret({ l("2026-11-04", 60, "ansigt_til_ansigt") }),
            { bevilling = { afgoerelse_dato = "2026-12-10", opfoelgning_interval_maaneder = 1 } }),
  forvent = { advarsler = {}, frister = { naeste_opfoelgning = false } },
}

test {
  navn = "Samme sag på afgørelsens dag: ugerne fra starten ses, og opfølgningen en måned efter starten er overskredet",
  dato = "2026-12-10",
  sag = med(leveret({ l("2026-11-04", 60, "ansigt_til_ansigt") }),
            { bevilling = { afgoerelse_dato = "2026-12-10", opfoelgning_interval_maaneder = 1 } }),
  forvent = { advarsler = { "ansigt_til_ansigt_afviger", "frist_overskredet" } },
}

test {
  navn = "Telefon og sms tæller som tid med vejlederen",
  dato = "2026-11-22",
  sag = leveret({ l("2026-11-03", 60, "telefon"), l("2026-11-05", 60, "video"),
                  l("2026-11-10", 90, "ansigt_til_ansigt"), l("2026-11-12", 30, "sms") }),
  forvent = { advarsler = {} },
}

-- 4,15 timer er 249 minutter; 4.15 * 60 er 249.00000000000003 i et kommatal, og en uge med
-- præcis den bevilgede tid blev en afvigelse ("4,15 af 4,15 bevilgede timer leveret").
test {
  navn = "4,15 timer om ugen og præcis 249 minutter i uge 45 og 46: i orden",
  dato = "2026-11-22",
  sag = med(leveret({ l("2026-11-03", 249, "ansigt_til_ansigt"), l("2026-11-10", 249, "ansigt_til_ansigt") }),
            { bevilling = { timer = 4.15 } }),
  forvent = { advarsler = {} },
}

test {
  navn = "Transport tæller ikke: kun 1 time i uge 46",
  dato = "2026-11-22",
  sag = leveret({ l("2026-11-03", 120, "ansigt_til_ansigt"), l("2026-11-10", 60, "ansigt_til_ansigt"),
                  l("2026-11-10", 60, "transport") }),
  forvent = { advarsler = { ansigt_til_ansigt_afviger = {
    tekst = "Afvigelse fra 'Den leverede ansigt-til-ansigt-tid (antagelse: også telefon, video og sms; ikke transport og administration) svarer til bevillingen': uge 46/2026: 1 af 2 bevilgede timer leveret" } } },
}

test {
  navn = "Administration tæller ikke, og for meget tid er også en afvigelse: en advarsel pr. periode",
  dato = "2026-11-22",
  sag = leveret({ l("2026-11-03", 150, "ansigt_til_ansigt"), l("2026-11-10", 120, "administration") }),
  forvent = { advarsler = { "ansigt_til_ansigt_afviger", "ansigt_til_ansigt_afviger" } },
}

test {
  navn = "Tre uger i træk uden tid er én advarsel med ugerne og summen",
  dato = "2026-11-22",
  sag = med(leveret({}), { bevilling = { start = "2026-10-26" } }),
  forvent = { advarsler = { ansigt_til_ansigt_afviger = {
    tekst = "Afvigelse fra 'Den leverede ansigt-til-ansigt-tid (antagelse: også telefon, video og sms; ikke transport og administration) svarer til bevillingen': uge 44–46/2026: 0 af 6 bevilgede timer leveret" } } },
}

test {
  navn = "For lidt og derefter for meget går ikke op i en sum: to advarsler",
  dato = "2026-11-22",
  sag = med(leveret({ l("2026-11-10", 180, "ansigt_til_ansigt") }), { bevilling = { start = "2026-11-02" } }),
  forvent = { advarsler = { "ansigt_til_ansigt_afviger", "ansigt_til_ansigt_afviger" } },
}

test {
  navn = "En bevilling der starter onsdag: den første, halve uge kontrolleres ikke",
  dato = "2026-11-22",
  sag = med(leveret({ l("2026-11-10", 120, "ansigt_til_ansigt") }), { bevilling = { start = "2026-11-04" } }),
  forvent = { advarsler = {} },
}

test {
  navn = "Månedsbevilling: 8 timer i oktober er i orden; november er ikke afsluttet",
  dato = "2026-11-22",
  sag = med(leveret({ l("2026-10-06", 240, "ansigt_til_ansigt"), l("2026-10-20", 240, "video") }),
            { bevilling = { start = "2026-10-01", timer = 8, periode = "maaned" } }),
  forvent = { advarsler = {} },
}

test {
  navn = "Månedsbevilling: 6 timer i oktober afviger fra 8",
  dato = "2026-11-22",
  sag = med(leveret({ l("2026-10-06", 240, "ansigt_til_ansigt"), l("2026-10-20", 120, "video") }),
            { bevilling = { start = "2026-10-01", timer = 8, periode = "maaned" } }),
  forvent = { advarsler = { "ansigt_til_ansigt_afviger" } },
}

test {
  navn = "Uden timetal i bevillingen kan tiden ikke kontrolleres",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { timer = ukendt } }),
  forvent = { advarsler = {} },
}

test {
  navn = "Uden leverancer i sagen vides intet om den leverede tid: ingen advarsel",
  dato = "2026-11-22",
  sag = bevilget,
  forvent = { advarsler = {} },
}
