-- Fund 3: beskrivelsen ændret efter erklæringen (gav std::logic_error → terminate). Værten
-- har sin egen kopi, så standarden indlæses med den oprindelige tekst.
-- fase: ok
-- ingen_standard_linje
brug "stdlib.sel85"
local b = { ["Formål"] = "oprindelig" }
kvalitetsstandard { kommune = "KOMMUNE", titel = "T", kilde = "K", beskrivelse = b }
b["Formål"] = {}
b["Ny"] = 7
