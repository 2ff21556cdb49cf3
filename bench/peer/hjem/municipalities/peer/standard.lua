-- De reducerede regler, som bench/peer/ også skriver for json-rules-engine og GoRules ZEN:
-- målgruppen (alder, funktionsevne, fire udelukkelser), seks pakker efter VUM-summen og tre
-- henvisninger. Kerteminde-tærsklerne; ingen frister og krav (dem har de andre ikke).

kvalitetsstandard {
  kommune = "peer",
  titel = "Reducerede regler til sammenligning med json-rules-engine og ZEN",
  kilde = "bench/peer/README (ikke en kommunes standard)",
}

betingelse {
  id = "voksen",
  tekst = "Borgeren er fyldt 18 år",
  kilde = "SEL § 85",
  naar = function(sag) return mindst(sag.borger.alder, 18) end,
}

betingelse {
  id = "funktionsevne",
  tekst = "Betydelig nedsat funktionsevne (VUM 3 eller mere) eller særlige sociale problemer",
  kilde = "SEL § 85",
  naar = function(sag) return eller(mindst(sag.vum:max(), 3), sag.forhold.saerlige_sociale_problemer) end,
}

udelukkelse { id = "hjaelpemidler", tekst = "Kan afhjælpes ved hjælpemidler", kilde = "SEL § 112", forhold = "kan_afhjaelpes_med_hjaelpemidler" }
udelukkelse { id = "traening", tekst = "Kan afhjælpes ved træning", kilde = "SEL § 86", forhold = "kan_afhjaelpes_med_traening" }
udelukkelse { id = "anden_lovgivning", tekst = "Kan afhjælpes efter anden lovgivning", kilde = "SEL § 85", forhold = "kan_afhjaelpes_efter_anden_lovgivning" }
udelukkelse {
  id = "kan_ikke_deltage",
  tekst = "Kan ikke deltage aktivt",
  kilde = "SEL § 85",
  naar = function(sag) return ikke(sag.forhold.kan_deltage_aktivt) end,
}

henvisning { id = "hjaelpemidler_112", tekst = "Hjælpemidler", kilde = "SEL § 112", til = "SEL § 112",
             naar = function(sag) return sag.forhold.kan_afhjaelpes_med_hjaelpemidler end }
henvisning { id = "traening_86", tekst = "Træning", kilde = "SEL § 86", til = "SEL § 86",
             naar = function(sag) return sag.forhold.kan_afhjaelpes_med_traening end }
henvisning { id = "praktisk_hjaelp_83", tekst = "Personlig og praktisk hjælp", kilde = "SEL § 83", til = "SEL § 83",
             naar = function(sag) return ikke(sag.forhold.kan_deltage_aktivt) end }

local fra_sum = { 0, 6, 9, 12, 16, 20 }
for n = 1, 6 do
  pakke {
    id = "pakke_" .. n, navn = "Pakke " .. n, tekst = "Pakke " .. n .. " af 6", kilde = "Kerteminde KS (antagelse)",
    timer = n, periode = "uge", kriterier = "VUM-sum mindst " .. fra_sum[n],
    naar = function(sag) return mindst(sag.vum:sum(), fra_sum[n]) end,
  }
end
