-- Kerteminde: de 6 ydelsespakker. Standarden nævner pakkerne, ikke deres indhold; grænserne
-- (VUM-sum 0, 6, 9, 12, 16, 20) og timerne (1, 2, 3, 5, 7, 10 pr. uge) er scriptets antagelser.

-- A package is chosen only once the target group is settled: every exclusion assessed.
local borger = {
  borger = { alder = 45 },
  forhold = { kan_deltage_aktivt = true, saerlige_sociale_problemer = true, kan_afhjaelpes_med_hjaelpemidler = false,
              kan_afhjaelpes_med_traening = false, kan_afhjaelpes_efter_anden_lovgivning = false },
}

-- En fuldt scoret VUM: et tema, testen ikke nævner, har score 0 (ikke "uden score").
local function vum(temaer)
  local alle = { praktiske_opgaver = 0, egenomsorg = 0, kommunikation = 0, mobilitet = 0, samfundsliv = 0,
                 socialt_liv = 0, sundhed = 0 }
  for tema, score in pairs(temaer) do alle[tema] = score end
  return med(borger, { vum = { dato = "2026-10-01", temaer = alle } })
end

test {
  navn = "En udelukkelse ikke vurderet: målgruppen er uafklaret, og ingen pakke vælges endnu",
  dato = "2026-11-22",
  sag = med(vum({ socialt_liv = 3, samfundsliv = 2 }), { forhold = { kan_afhjaelpes_med_traening = ukendt } }),
  forvent = { maalgruppe = { i_maalgruppe = ukendt, mangler = { "kan_afhjaelpes_med_traening" } }, pakke = ukendt },
}

test {
  navn = "VUM-sum 5 giver pakke 1",
  dato = "2026-11-22",
  sag = vum({ socialt_liv = 3, samfundsliv = 2 }),
  forvent = { pakke = { id = "pakke_1", timer = 1, periode = "uge", antagelse = true } },
}

test {
  navn = "VUM-sum 6 (grænsen) giver pakke 2",
  dato = "2026-11-22",
  sag = vum({ socialt_liv = 3, samfundsliv = 3 }),
  forvent = { pakke = { id = "pakke_2", timer = 2 } },
}

test {
  navn = "VUM-sum 9 giver pakke 3",
  dato = "2026-11-22",
  sag = vum({ socialt_liv = 3, samfundsliv = 3, sundhed = 3 }),
  forvent = { pakke = { id = "pakke_3", timer = 3 } },
}

test {
  navn = "VUM-sum 11 (lige under 12) giver stadig pakke 3",
  dato = "2026-11-22",
  sag = vum({ socialt_liv = 3, samfundsliv = 3, sundhed = 3, mobilitet = 2 }),
  forvent = { pakke = { id = "pakke_3" } },
}

test {
  navn = "VUM-sum 12 giver pakke 4",
  dato = "2026-11-22",
  sag = vum({ socialt_liv = 3, samfundsliv = 3, sundhed = 3, mobilitet = 3 }),
  forvent = { pakke = { id = "pakke_4", timer = 5 } },
}

test {
  navn = "VUM-sum 16 giver pakke 5",
  dato = "2026-11-22",
  sag = vum({ socialt_liv = 4, samfundsliv = 4, sundhed = 4, mobilitet = 4 }),
  forvent = { pakke = { id = "pakke_5", timer = 7 } },
}

test {
  navn = "Fuldstændige begrænsninger i alle temaer (sum 28) giver pakke 6",
  dato = "2026-11-22",
  sag = vum({ praktiske_opgaver = 4, egenomsorg = 4, kommunikation = 4, mobilitet = 4, samfundsliv = 4,
              socialt_liv = 4, sundhed = 4 }),
  forvent = { pakke = { id = "pakke_6", timer = 10, navn = "Ydelsespakke 6" } },
}

test {
  navn = "Ingen pakke til en borger uden for målgruppen",
  dato = "2026-11-22",
  sag = med(vum({ socialt_liv = 4, samfundsliv = 4 }), { forhold = { kan_afhjaelpes_med_traening = true } }),
  forvent = { maalgruppe = { i_maalgruppe = false }, pakke = ukendt },
}

test {
  navn = "Uden VUM kan pakken ikke vælges",
  dato = "2026-11-22",
  sag = borger,
  forvent = { pakke = ukendt },
}

-- Temaer uden score kunne løfte summen: VUM-sum 8 i to temaer er intet loft over pakken.
test {
  navn = "Delvis VUM (sum 8 i to temaer, fem uden score): pakken er uafklaret, ikke pakke 2",
  dato = "2026-11-22",
  sag = med(borger, { vum = { dato = "2026-10-01", temaer = { socialt_liv = 4, samfundsliv = 4 } } }),
  forvent = { maalgruppe = { i_maalgruppe = true }, pakke = ukendt,
              advarsler = { { id = "pakke_uafklaret",
                              tekst = "Pakken kan ikke fastlægges endnu: vum.temaer.praktiske_opgaver; vum.temaer.egenomsorg; "
                                .. "vum.temaer.kommunikation; vum.temaer.mobilitet; vum.temaer.sundhed mangler" } } },
}
