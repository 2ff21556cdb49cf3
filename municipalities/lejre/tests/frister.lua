-- Lejre: sagsbehandlingsfrist (KS 10), opfølgning (KS 11) og klage (KS 13).

local ansoegt = {
  borger = { alder = 33 },
  vum = { dato = "2026-10-01", temaer = { socialt_liv = 3 } },
  forhold = { kan_afhjaelpes_efter_anden_lovgivning = false },
  ansoegning = { modtaget = "2026-10-19" },
}

test {
  navn = "Sagsbehandlingsfrist 5 uger: dagen før fristen er den kommende",
  dato = "2026-11-22",
  sag = ansoegt,
  forvent = { frister = { sagsbehandling = { dato = "2026-11-23", status = "kommende" } } },
}

test {
  navn = "Sagsbehandlingsfrist: på dagen er den kommende",
  dato = "2026-11-23",
  sag = ansoegt,
  forvent = { frister = { sagsbehandling = { status = "kommende" } }, advarsler = {} },
}

test {
  navn = "Sagsbehandlingsfrist: dagen efter uden afgørelse er den overskredet",
  dato = "2026-11-24",
  sag = ansoegt,
  forvent = { frister = { sagsbehandling = { status = "overskredet" } }, advarsler = { "frist_overskredet" } },
}

test {
  navn = "Sagsbehandlingsfrist: afgørelse truffet inden fristen",
  dato = "2026-11-24",
  sag = med(ansoegt, { bevilling = { afgoerelse_dato = "2026-11-20" } }),
  forvent = { frister = { sagsbehandling = { status = "opfyldt" } } },
}

test {
  navn = "Sagsbehandlingsfrist: en afgørelse sendt inden fristen, uden afgørelsens dato, er opfyldt (antagelse)",
  dato = "2026-11-24",
  sag = med(ansoegt, { bevilling = { afgoerelse_sendt = "2026-11-20", afgoerelse_kanal = "digital" } }),
  forvent = { frister = { sagsbehandling = { status = "opfyldt" } }, advarsler = {} },
}

-- Afsendelsen viser kun, at afgørelsen var truffet senest den dag: efter fristen siger sagen ikke,
-- om fristen blev holdt, og afgørelsens dato er det, sagsbehandleren skal finde.
test {
  navn = "Sagsbehandlingsfrist: en afgørelse først sendt efter fristen, uden afgørelsens dato, afgør ikke fristen",
  dato = "2026-11-30",
  sag = med(ansoegt, { bevilling = { afgoerelse_sendt = "2026-11-27", afgoerelse_kanal = "digital" } }),
  forvent = { frister = { sagsbehandling = false }, advarsler = {},
              ukontrollerede = { sagsbehandling = { mangler = { "bevilling.afgoerelse_dato" } } } },
}

test {
  navn = "Sagsbehandlingsfrist: afgørelsen truffet efter fristen er overskredet, også når den er sendt samme dag",
  dato = "2026-11-30",
  sag = med(ansoegt, { bevilling = { afgoerelse_dato = "2026-11-27", afgoerelse_sendt = "2026-11-27",
                                     afgoerelse_kanal = "digital" } }),
  forvent = { frister = { sagsbehandling = { status = "overskredet" } }, advarsler = { "frist_overskredet" },
              ukontrollerede = { sagsbehandling = false } },
}

test {
  navn = "Sagsbehandlingsfrist: en start før ansøgningen er en ældre bevillings og viser ingen afgørelse på den",
  dato = "2026-12-20",
  sag = med(ansoegt, { bevilling = { start = "2025-01-06", timer = 3, foerstegangs = false } }),
  forvent = { frister = { sagsbehandling = { status = "overskredet" } }, ukontrollerede = { sagsbehandling = false } },
}

test {
  navn = "Sagsbehandlingsfrist: støtten er bevilget med en start, men uden afgørelsens datoer: fristen afgøres ikke",
  dato = "2026-12-20",
  sag = med(ansoegt, { bevilling = { start = "2026-11-02", foerstegangs = true } }),
  forvent = { frister = { sagsbehandling = false }, advarsler = {},
              ukontrollerede = { sagsbehandling = { mangler = { "bevilling.afgoerelse_dato", "bevilling.afgoerelse_sendt",
                                                                "bevilling.afgoerelse_modtaget" } } } },
}

test {
  navn = "En afgørelse fra før ansøgningen er ikke afgørelsen på den",
  dato = "2026-11-24",
  sag = med(ansoegt, { bevilling = { afgoerelse_dato = "2026-08-20" } }),
  forvent = { frister = { sagsbehandling = { status = "overskredet" } }, advarsler = { "frist_overskredet" } },
}

test {
  navn = "Akut behov: ansøgning fredag, støtten skal være iværksat mandag (antagelse: næste hverdag)",
  dato = "2026-11-21",
  sag = med(ansoegt, { ansoegning = { modtaget = "2026-11-20", akut = true } }),
  forvent = { frister = { akut_ivaerksaettelse = { dato = "2026-11-23", status = "kommende" },
                          sagsbehandling = { dato = "2026-12-25", status = "kommende" } } },
}

test {
  navn = "Akut behov: en start før ansøgningen (en ældre bevilling) er ikke iværksættelsen",
  dato = "2026-11-25",
  sag = med(ansoegt, { ansoegning = { modtaget = "2026-11-20", akut = true }, bevilling = { start = "2025-01-01" } }),
  forvent = { frister = { akut_ivaerksaettelse = { status = "overskredet" } } },
}

test {
  navn = "Akut behov: støtten iværksat samme dag er opfyldt",
  dato = "2026-11-25",
  sag = med(ansoegt, { ansoegning = { modtaget = "2026-11-20", akut = true }, bevilling = { start = "2026-11-20" } }),
  forvent = { frister = { akut_ivaerksaettelse = { status = "opfyldt" } } },
}

test {
  navn = "Akut behov: ikke iværksat dagen efter fristen er overskredet",
  dato = "2026-11-24",
  sag = med(ansoegt, { ansoegning = { modtaget = "2026-11-20", akut = true } }),
  -- "umiddelbart" som én hverdag er scriptets læsning: fristen og advarslen siger det
  forvent = { frister = { akut_ivaerksaettelse = { status = "overskredet", antagelse = true } },
              advarsler = { frist_overskredet = { antagelse = true } } },
}

test {
  navn = "Ikke akut: kun de 5 uger",
  dato = "2026-11-21",
  sag = med(ansoegt, { ansoegning = { akut = false } }),
  forvent = { frister = { akut_ivaerksaettelse = false, sagsbehandling = { dato = "2026-11-23" } } },
}

test {
  navn = "Om behovet er akut, er ikke oplyst: de 5 uger gælder, akutfristen afventer",
  dato = "2026-10-22",
  sag = ansoegt,
  forvent = { frister = { akut_ivaerksaettelse = false, sagsbehandling = { dato = "2026-11-23", status = "kommende" } },
              spor = { akut_ivaerksaettelse = { udfald = "ukendt", mangler = { "ansoegning.akut" } } } },
}

-- En afgørelse uden datoer, men med noget bevilget: afgørelsen er truffet, hvornår vides ikke.
test {
  navn = "Sagsbehandlingsfrist: timer bevilget uden start og uden afgørelsens datoer: fristen afgøres ikke",
  dato = "2026-12-20",
  sag = med(ansoegt, { bevilling = { foerstegangs = true, timer = 3, periode = "uge" } }),
  forvent = { frister = { sagsbehandling = false },
              ukontrollerede = { sagsbehandling = { mangler = { "bevilling.afgoerelse_dato", "bevilling.afgoerelse_sendt",
                                                                "bevilling.afgoerelse_modtaget", "bevilling.start" } } } },
}

local akut_afgjort = med(ansoegt, { ansoegning = { modtaget = "2026-11-20", akut = true },
                                    bevilling = { afgoerelse_dato = "2026-11-20", foerstegangs = true, timer = 3, periode = "uge" } })

test {
  navn = "Akut behov: støtten er bevilget, men dens start kendes ikke: akutfristen afgøres ikke",
  dato = "2026-11-25",
  sag = akut_afgjort,
  forvent = { frister = { akut_ivaerksaettelse = false, sagsbehandling = { status = "opfyldt" } }, advarsler = {},
              ukontrollerede = { akut_ivaerksaettelse = { mangler = { "bevilling.start" } } } },
}

test {
  navn = "Akut behov: en afgørelse uden noget bevilget (måske et afslag) afgør ikke akutfristen",
  dato = "2026-11-25",
  sag = med(akut_afgjort, { bevilling = { foerstegangs = ukendt, timer = ukendt, periode = ukendt } }),
  forvent = { frister = { akut_ivaerksaettelse = false }, advarsler = {},
              ukontrollerede = { akut_ivaerksaettelse = { mangler = { "bevilling.start" } } } },
}

test {
  navn = "Akut behov uden ansøgningens dato: begge frister står som ukontrollerede med datoen",
  dato = "2026-12-20",
  sag = med(akut_afgjort, { ansoegning = { modtaget = ukendt },
                            bevilling = { afgoerelse_dato = "2026-11-10", start = "2026-11-16" } }),
  forvent = { frister = { akut_ivaerksaettelse = false, sagsbehandling = false },
              ukontrollerede = { akut_ivaerksaettelse = { mangler = { "ansoegning.modtaget" } },
                                 sagsbehandling = { mangler = { "ansoegning.modtaget" } } } },
}

test {
  navn = "Ingen ansøgning i sagen: ingen sagsbehandlingsfrist, og intet at finde",
  dato = "2026-12-20",
  sag = med(ansoegt, { ansoegning = ukendt }),
  forvent = { frister = { akut_ivaerksaettelse = false, sagsbehandling = false },
              ukontrollerede = { akut_ivaerksaettelse = false, sagsbehandling = false } },
}

test {
  navn = "Klagen er genvurderet, men dens modtagelse kendes ikke: genvurderingsfristen står som ukontrolleret",
  dato = "2026-12-20",
  sag = med(ansoegt, { klage = { genvurderet = "2026-12-01" } }),
  forvent = { frister = { genvurdering = false },
              ukontrollerede = { genvurdering = { mangler = { "klage.modtaget" } } } },
}

local foerstegangs = med(ansoegt, { bevilling = { foerstegangs = true, start = "2026-08-31",
                                                  afgoerelse_dato = "2026-08-20", afgoerelse_modtaget = "2026-11-02" } })

test {
  navn = "Førstegangsbevilling: revurdering 12 uger efter start, på dagen kommende",
  dato = "2026-11-23",
  sag = foerstegangs,
  forvent = { frister = { foerste_opfoelgning = { dato = "2026-11-23", status = "kommende" }, naeste_opfoelgning = false } },
}

test {
  navn = "Førstegangsbevilling: dagen efter uden revurdering er fristen overskredet",
  dato = "2026-11-24",
  sag = foerstegangs,
  forvent = { frister = { foerste_opfoelgning = { status = "overskredet" } } },
}

test {
  navn = "Førstegangsbevilling: revurderet, og herefter hver halve år fra den seneste opfølgning",
  dato = "2026-11-24",
  sag = med(foerstegangs, { opfoelgninger = { { dato = "2026-11-16", form = "personlig" } } }),
  forvent = { frister = { foerste_opfoelgning = { status = "opfyldt" },
                          naeste_opfoelgning = { dato = "2027-05-16", status = "kommende" } } },
}

test {
  navn = "Førstegangsbevilling: en opfølgning få dage efter start er ikke revurderingen efter 12 uger",
  dato = "2026-11-24",
  sag = med(foerstegangs, { opfoelgninger = { { dato = "2026-09-04", form = "telefonisk" } } }),
  forvent = { frister = { foerste_opfoelgning = { dato = "2026-11-23", status = "overskredet", antagelse = true },
                          naeste_opfoelgning = false } },
}

test {
  navn = "Førstegangsbevilling: en opfølgning 8 uger efter start er revurderingen (antagelse)",
  dato = "2026-11-24",
  sag = med(foerstegangs, { opfoelgninger = { { dato = "2026-09-04", form = "telefonisk" },
                                              { dato = "2026-10-26", form = "personlig" } } }),
  forvent = { frister = { foerste_opfoelgning = { status = "opfyldt", haendelse = "2026-10-26" },
                          naeste_opfoelgning = { dato = "2027-04-26", status = "kommende" } } },
}

test {
  navn = "Uvist om førstegangs, og kun en tidlig opfølgning: hverken revurderingen eller det halve år gives som sikker",
  dato = "2026-11-24",
  sag = med(foerstegangs, { bevilling = { foerstegangs = ukendt },
                            opfoelgninger = { { dato = "2026-09-04", form = "telefonisk" } } }),
  forvent = { frister = { foerste_opfoelgning = false, naeste_opfoelgning = false } },
}

test {
  navn = "Uvist om førstegangs, men revurderingen er holdt: det halve år gælder begge veje",
  dato = "2026-11-24",
  sag = med(foerstegangs, { bevilling = { foerstegangs = ukendt },
                            opfoelgninger = { { dato = "2026-11-16", form = "personlig" } } }),
  forvent = { frister = { foerste_opfoelgning = false, naeste_opfoelgning = { dato = "2027-05-16", status = "kommende" } } },
}

test {
  navn = "Ikke førstegangs: ingen 12-ugers frist; halvårlig opfølgning fra seneste",
  dato = "2026-11-23",
  sag = med(foerstegangs, { bevilling = { foerstegangs = false, start = "2025-09-01" },
                            opfoelgninger = { { dato = "2026-05-23", form = "telefonisk" } } }),
  forvent = { frister = { foerste_opfoelgning = false, naeste_opfoelgning = { dato = "2026-11-23", status = "kommende" } } },
}

test {
  navn = "Halvårlig opfølgning: dagen efter er den overskredet",
  dato = "2026-11-24",
  sag = med(foerstegangs, { bevilling = { foerstegangs = false, start = "2025-09-01" },
                            opfoelgninger = { { dato = "2026-05-23", form = "telefonisk" } } }),
  forvent = { frister = { naeste_opfoelgning = { status = "overskredet" } } },
}

-- "som minimum hver halve år": en afgørelse kan fastsætte oftere (bevilling.opfoelgning_interval_maaneder),
-- aldrig sjældnere.
test {
  navn = "Afgørelsen fastsætter opfølgning hver 3. måned: fristen er 3 måneder fra seneste, og overskredet",
  dato = "2026-11-22",
  sag = med(foerstegangs, { bevilling = { foerstegangs = false, start = "2025-09-01", opfoelgning_interval_maaneder = 3 },
                            opfoelgninger = { { dato = "2026-05-23", form = "telefonisk" } } }),
  forvent = { frister = { naeste_opfoelgning = { dato = "2026-08-23", status = "overskredet" } },
              advarsler = { frist_overskredet = { antagelse = true } } },
}

test {
  navn = "Afgørelsen fastsætter opfølgning hver 12. måned: standardens halve år gælder stadig",
  dato = "2026-11-22",
  sag = med(foerstegangs, { bevilling = { foerstegangs = false, start = "2025-09-01", opfoelgning_interval_maaneder = 12 },
                            opfoelgninger = { { dato = "2026-05-23", form = "telefonisk" } } }),
  forvent = { frister = { naeste_opfoelgning = { dato = "2026-11-23", status = "kommende" } } },
}

test {
  navn = "Klage modtaget: genvurdering eller videresendelse til Ankestyrelsen inden 4 uger",
  dato = "2026-11-22",
  sag = med(foerstegangs, { klage = { modtaget = "2026-11-16" } }),
  forvent = { frister = { genvurdering = { dato = "2026-12-14", status = "kommende", kilde = "Lejre KS 13 Klagemuligheder" },
                          klage = { status = "opfyldt" } } },
}

test {
  navn = "Genvurdering dagen efter fristen: overskredet",
  dato = "2026-12-15",
  sag = med(foerstegangs, { klage = { modtaget = "2026-11-16" } }),
  forvent = { frister = { genvurdering = { status = "overskredet", paahviler = "kommune" } } },
}

test {
  navn = "Klagen videresendt til Ankestyrelsen inden 4 uger: genvurderingen er opfyldt",
  dato = "2026-12-15",
  sag = med(foerstegangs, { klage = { modtaget = "2026-11-16", genvurderet = "2026-12-10" } }),
  forvent = { frister = { genvurdering = { status = "opfyldt" } } },
}

test {
  navn = "Klagefristen udløber uden klage: borgerens frist, udløbet og ingen advarsel",
  dato = "2026-12-01",
  sag = foerstegangs,
  forvent = { frister = { klage = { dato = "2026-11-30", status = "udloebet", paahviler = "borger" } } },
}

-- En opfølgning før bevillingens start hører ikke til bevillingen (motoren, issue 13 afsnit 2):
-- førstegangsbevilling fra 1/9/2026, revurdering efter 12 uger den 24/11/2026.
test {
  navn = "Førstegangsbevilling fra 1. september: en opfølgning fra juni tæller ikke som revurdering",
  dato = "2026-11-25",
  sag = med(ansoegt, { bevilling = { foerstegangs = true, start = "2026-09-01" },
                       opfoelgninger = { { dato = "2026-06-01", form = "personlig" } } }),
  forvent = { frister = { foerste_opfoelgning = { dato = "2026-11-24", status = "overskredet" }, naeste_opfoelgning = false } },
}

-- En ansøgning uden bevilling: der er intet at følge op på endnu, og intet sagsbehandleren skal
-- afklare for opfølgningen (den stod under "kunne ikke kontrolleres" og bad om foerstegangs).
test {
  navn = "Ansøgning uden bevilling: ingen opfølgningsfrist og intet at afklare for den",
  dato = "2026-11-22",
  sag = ansoegt,
  forvent = { frister = { naeste_opfoelgning = false, sagsbehandling = { status = "kommende" } },
              ukontrollerede = { naeste_opfoelgning = false } },
}

-- En bevilling med timer, men uden start (og ingen opfølgninger): fristen kan ikke regnes, og det
-- er ikke "gælder ikke". Starten er det, sagsbehandleren skal finde; det samme for revurderingen.
test {
  navn = "Bevilget med timer, uden start: opfølgningsfristen står under ukontrollerede med bevilling.start",
  dato = "2026-12-20",
  sag = med(ansoegt, { bevilling = { afgoerelse_dato = "2025-11-01", foerstegangs = false, timer = 3, periode = "uge" } }),
  forvent = { frister = { naeste_opfoelgning = false },
              ukontrollerede = { naeste_opfoelgning = { mangler = { "bevilling.start" } } } },
}

-- Det samme for en bevilling med en form og en leverandør, men uden timer: en bevilling er en
-- bevilling, hvad den end nævner (værten afgør det, som for de andre frister).
test {
  navn = "Bevilget med en form, uden timer og start: opfølgningsfristen står under ukontrollerede med bevilling.start",
  dato = "2026-12-20",
  sag = med(ansoegt, { bevilling = { afgoerelse_dato = "2025-11-01", foerstegangs = false, form = "individuel",
                                     leverandoer = { naert_beslaegtet = false } } }),
  forvent = { frister = { naeste_opfoelgning = false },
              ukontrollerede = { naeste_opfoelgning = { mangler = { "bevilling.start" } } } },
}

-- Kun afgørelsens modtagelse kendes, og intet om støttens start: akutfristen afgøres ikke.
test {
  navn = "Akut behov: afgørelsen kendes kun ved sin modtagelse, og starten ikke: akutfristen afgøres ikke",
  dato = "2026-12-01",
  sag = med(akut_afgjort, { bevilling = { afgoerelse_dato = ukendt, afgoerelse_modtaget = "2026-11-21" } }),
  forvent = { frister = { akut_ivaerksaettelse = false },
              ukontrollerede = { akut_ivaerksaettelse = { mangler = { "bevilling.start", "bevilling.afgoerelse_dato",
                                                                      "bevilling.afgoerelse_sendt" } } } },
}

-- En bevilling er en bevilling, hvad den end nævner: kun et interval og at den er førstegangs.
test {
  navn = "Sagsbehandlingsfrist: en førstegangsbevilling med et interval, uden datoer og start, afgøres ikke",
  dato = "2026-12-20",
  sag = med(ansoegt, { bevilling = { foerstegangs = true, opfoelgning_interval_maaneder = 3 } }),
  forvent = { frister = { sagsbehandling = false },
              ukontrollerede = { sagsbehandling = { kilde = "Lejre KS 10 Sagsbehandlingsfrist" } } },
}
