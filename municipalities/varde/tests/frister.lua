-- Varde: tidsfrister (KS 3.5, 3.6, 3.7 og 4.5). Datoerne er valgt, så fristerne rammer
-- hverdage, weekender og helligdage (påsken 2026: 2.–6. april; julen 2026).

local bevilget = {
  borger = { alder = 40 },
  vum = { dato = "2025-12-01", temaer = { socialt_liv = 3 } },
  forhold = { profiterer_af_stoette = true, motiveret = true, kan_deltage_aktivt = true },
  ansoegning = { modtaget = "2025-11-03" },
  bevilling = { afgoerelse_dato = "2025-11-20", afgoerelse_modtaget = "2026-10-26", start = "2026-01-05",
                timer = 3, periode = "uge" },
  indsatsplan = { dato = "2026-01-20" },
  opfoelgninger = { { dato = "2026-01-23", form = "personlig" } },
}

-- Klagefristen: 4 uger fra borgeren modtog afgørelsen (26/10 → mandag 23/11).
test {
  navn = "Klagefristen dagen før: kommende",
  dato = "2026-11-22",
  sag = bevilget,
  forvent = { frister = { klage = { dato = "2026-11-23", status = "kommende" } } },
}

test {
  navn = "Klagefristen på dagen: stadig kommende",
  dato = "2026-11-23",
  sag = bevilget,
  forvent = { frister = { klage = { dato = "2026-11-23", status = "kommende" } } },
}

test {
  navn = "Klagefristen dagen efter uden klage: borgerens frist er udløbet, ingen advarsel",
  dato = "2026-11-24",
  sag = bevilget,
  forvent = { frister = { klage = { status = "udloebet", paahviler = "borger" } }, advarsler = {} },
}

test {
  navn = "Klage modtaget efter klagefristen: for sent, og myndigheden skal tage stilling",
  dato = "2026-11-26",
  sag = med(bevilget, { klage = { modtaget = "2026-11-25" } }),
  forvent = { frister = { klage = { status = "for_sent" }, genvurdering = { dato = "2026-12-23", status = "kommende" } },
              advarsler = { "klage_efter_fristen" } },
}

test {
  navn = "Klagefrist der ender en lørdag flyttes til mandag",
  dato = "2026-11-01",
  sag = med(bevilget, { bevilling = { afgoerelse_modtaget = "2026-10-24" } }),
  forvent = { frister = { klage = { dato = "2026-11-23", status = "kommende" } } },
}

test {
  navn = "Klagefrist der ender skærtorsdag flyttes forbi påsken til tirsdag 7. april",
  dato = "2026-03-10",
  sag = med(bevilget, { bevilling = { afgoerelse_modtaget = "2026-03-05" } }),
  forvent = { frister = { klage = { dato = "2026-04-07" } } },
}

test {
  navn = "Klagefrist der ender juledag flyttes til mandag 28. december",
  dato = "2026-12-01",
  sag = med(bevilget, { bevilling = { afgoerelse_modtaget = "2026-11-27" } }),
  forvent = { frister = { klage = { dato = "2026-12-28" } } },
}

test {
  navn = "Modtaget klage: klagefristen er opfyldt og genvurderingen skal ske inden 4 uger",
  dato = "2026-11-22",
  sag = med(bevilget, { klage = { modtaget = "2026-11-20" } }),
  forvent = { frister = { klage = { status = "opfyldt" }, genvurdering = { dato = "2026-12-18", status = "kommende" } } },
}

test {
  navn = "Genvurderingen dagen efter fristen: overskredet",
  dato = "2026-12-19",
  sag = med(bevilget, { klage = { modtaget = "2026-11-20" } }),
  forvent = { frister = { genvurdering = { status = "overskredet", paahviler = "kommune" } }, advarsler = { "frist_overskredet" } },
}

test {
  navn = "Genvurderet (eller sendt til Ankestyrelsen) inden 4 uger: opfyldt",
  dato = "2026-12-19",
  sag = med(bevilget, { klage = { modtaget = "2026-11-20", genvurderet = "2026-12-10" } }),
  forvent = { frister = { genvurdering = { status = "opfyldt" } }, advarsler = {} },
}

test {
  navn = "Uden klage er der ingen genvurderingsfrist",
  dato = "2026-11-22",
  sag = bevilget,
  forvent = { frister = { genvurdering = false } },
}

-- Henvendelse inden 4 uger fra ansøgningen (intern frist: flyttes ikke fra weekend).
test {
  navn = "Henvendelse: afgørelsen er sendt til borgeren, så fristen regnes som opfyldt (antagelse)",
  dato = "2026-11-22",
  sag = bevilget,
  forvent = { frister = { henvendelse = { dato = "2025-12-01", status = "opfyldt" } } },
}

test {
  navn = "Henvendelse: ny ansøgning uden afgørelse, fristen søndag 29/11 flyttes ikke",
  dato = "2026-11-29",
  sag = { borger = { alder = 40 }, ansoegning = { modtaget = "2026-11-01" } },
  forvent = { frister = { henvendelse = { dato = "2026-11-29", status = "kommende" } } },
}

test {
  navn = "Henvendelse: dagen efter fristen uden afgørelse er den overskredet",
  dato = "2026-11-30",
  sag = { borger = { alder = 40 }, ansoegning = { modtaget = "2026-11-01" } },
  -- hvad der viser henvendelsen, er scriptets antagelse: fristen og advarslen siger det
  forvent = { frister = { henvendelse = { status = "overskredet", antagelse = true } },
              advarsler = { frist_overskredet = { antagelse = true } } },
}

test {
  navn = "Henvendelse: en afgørelse sendt inden 4 uger, uden afgørelsens dato, opfylder fristen (antagelse)",
  dato = "2026-12-05",
  sag = { borger = { alder = 40 }, ansoegning = { modtaget = "2026-11-01" },
          bevilling = { afgoerelse_sendt = "2026-11-24", afgoerelse_kanal = "fysisk" } },
  -- og klagefristen regnes fra en formodet modtagelse (6 hverdage efter brevet): også en antagelse
  forvent = { frister = { henvendelse = { status = "opfyldt", haendelse = "2026-11-24" },
                          klage = { fra = "2026-12-02", antagelse = true } }, advarsler = {} },
}

-- KS 3.2: borgeren "medvirker ved udarbejdelse af ... en udredning efter ... (VUM)", så en VUM
-- fra ansøgningen og frem viser kontakt (antagelse, P.henvendelse_vist_ved).
local ny_ansoegning = {
  borger = { alder = 40 },
  ansoegning = { modtaget = "2026-11-01" },
  vum = { dato = "2026-11-20", temaer = { socialt_liv = 3 } },
}

test {
  navn = "Henvendelse: en VUM-udredning inden 4 uger opfylder fristen, før der er en afgørelse (antagelse)",
  dato = "2026-12-05",
  sag = ny_ansoegning,
  forvent = { frister = { henvendelse = { dato = "2026-11-29", status = "opfyldt", haendelse = "2026-11-20" } }, advarsler = {} },
}

test {
  navn = "Henvendelse: en VUM og en afgørelse fra før ansøgningen viser ingen henvendelse om den",
  dato = "2026-12-05",
  sag = med(ny_ansoegning, { vum = { dato = "2026-10-01" }, bevilling = { afgoerelse_dato = "2026-10-15" } }),
  forvent = { frister = { henvendelse = { status = "overskredet" } }, advarsler = { "frist_overskredet" } },
}

-- En VUM eller en afgørelse viser, at der var kontakt senest den dag, ikke hvornår: kommer den
-- første efter fristen, er fristen hverken holdt eller overskredet efter sagen. Den står under
-- ukontrollerede, uden en advarsel, der påstår, at henvendelsen kom for sent.
test {
  navn = "Henvendelse: en VUM efter fristen viser ikke, hvornår der blev rettet henvendelse",
  dato = "2026-12-20",
  sag = med(ny_ansoegning, { vum = { dato = "2026-12-14" } }),
  forvent = { frister = { henvendelse = false }, advarsler = {},
              ukontrollerede = { henvendelse = { mangler = {} } } },
}

test {
  navn = "Henvendelse: en afgørelse efter fristen, og ingen VUM, afgør heller ikke fristen",
  dato = "2026-12-20",
  sag = { borger = { alder = 40 }, ansoegning = { modtaget = "2026-11-01" },
          vum = { dato = "2026-10-01", temaer = { socialt_liv = 3 } }, -- før ansøgningen: ingen henvendelse om den
          bevilling = { afgoerelse_dato = "2026-12-10" } },
  forvent = { frister = { henvendelse = false }, advarsler = {},
              ukontrollerede = { henvendelse = { mangler = {} } } },
}

test {
  navn = "Henvendelse: en VUM inden fristen holder den, også når afgørelsen kommer efter",
  dato = "2026-12-20",
  sag = med(ny_ansoegning, { bevilling = { afgoerelse_dato = "2026-12-10" } }),
  forvent = { frister = { henvendelse = { status = "opfyldt", haendelse = "2026-11-20" } }, advarsler = {},
              ukontrollerede = { henvendelse = false } },
}

-- Opfølgning mindst 1 gang årligt: 12 måneder fra seneste opfølgning (23/1/2026; en lørdag
-- i 2027, og en intern frist flyttes ikke).
test {
  navn = "Opfølgning: 12 måneder efter seneste opfølgning, på dagen er den kommende",
  dato = "2027-01-23",
  sag = bevilget,
  forvent = { frister = { naeste_opfoelgning = { dato = "2027-01-23", status = "kommende" } } },
}

test {
  navn = "Opfølgning: dagen efter er den overskredet",
  dato = "2027-01-24",
  sag = bevilget,
  forvent = { frister = { naeste_opfoelgning = { status = "overskredet" } } },
}

-- "mindst 1 gang årligt": afgørelsens eget, kortere interval gælder; et længere ikke.
test {
  navn = "Opfølgning: afgørelsen fastsætter hver 3. måned, så fristen er 3 måneder fra seneste",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { opfoelgning_interval_maaneder = 3 } }),
  forvent = { frister = { naeste_opfoelgning = { dato = "2026-04-23", status = "overskredet" } },
              advarsler = { "frist_overskredet" } },
}

test {
  navn = "Opfølgning: afgørelsen fastsætter hver 24. måned, men standardens 12 måneder gælder",
  dato = "2026-11-22",
  sag = med(bevilget, { bevilling = { opfoelgning_interval_maaneder = 24 } }),
  forvent = { frister = { naeste_opfoelgning = { dato = "2027-01-23", status = "kommende" } } },
}

test {
  navn = "Opfølgning uden tidligere opfølgninger regnes fra bevillingens start",
  dato = "2026-11-22",
  sag = med(bevilget, { opfoelgninger = {} }),
  forvent = { frister = { naeste_opfoelgning = { dato = "2027-01-05", status = "kommende" } } },
}

-- Indsatsplan inden for den første måned (fra bevilling.start).
test {
  navn = "Indsatsplan: start 31. januar giver frist 28. februar (månedens sidste dag)",
  dato = "2026-02-28",
  sag = med(bevilget, { bevilling = { start = "2026-01-31" }, indsatsplan = ukendt }),
  forvent = { frister = { indsatsplan = { dato = "2026-02-28", status = "kommende" } } },
}

test {
  navn = "Indsatsplan: ikke lavet en dag efter fristen",
  dato = "2026-03-01",
  sag = med(bevilget, { bevilling = { start = "2026-01-31" }, indsatsplan = ukendt }),
  forvent = { frister = { indsatsplan = { status = "overskredet" } } },
}

test {
  navn = "Indsatsplan dateret før starten er ikke planen for forløbet: overskredet",
  dato = "2026-03-01",
  sag = med(bevilget, { bevilling = { start = "2026-01-31" }, indsatsplan = { dato = "2026-01-20" } }),
  forvent = { frister = { indsatsplan = { dato = "2026-02-28", status = "overskredet" } } },
}

test {
  navn = "Indsatsplan lavet inden fristen: opfyldt",
  dato = "2026-11-22",
  sag = bevilget,
  forvent = { frister = { indsatsplan = { dato = "2026-02-05", status = "opfyldt" } } },
}

-- 3.5: en VUM uden dato eller en bevilling uden afgørelsens datoer viser, at der har været
-- kontakt, men ikke hvornår: fristen afgøres ikke (den var "overskredet", fordi sagen vidste mindre).
local ansoegt = {
  borger = { alder = 40 },
  forhold = { profiterer_af_stoette = true, motiveret = true, kan_deltage_aktivt = true },
  ansoegning = { modtaget = "2026-01-05" },
}

test {
  navn = "Henvendelse: en VUM med scorer, men uden dato, afgør ikke fristen",
  dato = "2026-04-01",
  sag = med(ansoegt, { vum = { temaer = { socialt_liv = 3 } } }),
  forvent = { frister = { henvendelse = false }, advarsler = {},
              ukontrollerede = { henvendelse = { mangler = { "vum.dato", "bevilling.afgoerelse_dato",
                                                             "bevilling.afgoerelse_sendt", "bevilling.afgoerelse_modtaget" } } } },
}

test {
  navn = "Henvendelse: bevilget med timer, men uden afgørelsens datoer, afgør ikke fristen",
  dato = "2026-04-01",
  sag = med(ansoegt, { bevilling = { timer = 3, periode = "uge", start = "2026-02-02" } }),
  forvent = { frister = { henvendelse = false },
              ukontrollerede = { henvendelse = { mangler = { "vum", "bevilling.afgoerelse_dato",
                                                             "bevilling.afgoerelse_sendt", "bevilling.afgoerelse_modtaget" } } } },
}

test {
  navn = "Henvendelse: en bevilling med start før ansøgningen er en ældre og viser ingen kontakt",
  dato = "2026-04-01",
  sag = med(ansoegt, { bevilling = { timer = 3, periode = "uge", start = "2025-06-02" } }),
  forvent = { frister = { henvendelse = { status = "overskredet" } } },
}

test {
  navn = "Henvendelse: intet tegn på kontakt, når fristen er gået, er overskredet (antagelse)",
  dato = "2026-04-01",
  sag = ansoegt,
  forvent = { frister = { henvendelse = { dato = "2026-02-02", status = "overskredet" } } },
}

-- 3.6: en klage viser, at afgørelsen var modtaget, men ikke hvornår: klagefristen står under
-- ukontrollerede (klagen kom over ti uger efter afgørelsen og kan være for sen).
test {
  navn = "Klage modtaget, afgørelsens modtagelse ukendt: klagefristen kan ikke kontrolleres",
  dato = "2026-04-01",
  sag = med(ansoegt, { bevilling = { afgoerelse_dato = "2026-01-05", start = "2026-01-12", timer = 3, periode = "uge" },
                       klage = { modtaget = "2026-03-20" } }),
  forvent = { frister = { klage = false },
              ukontrollerede = { klage = { mangler = { "bevilling.afgoerelse_modtaget", "bevilling.afgoerelse_sendt",
                                                       "bevilling.afgoerelse_kanal" } } } },
}
