-- Rødt hold F8: 50.000 overskrifter (her 300) i beskrivelsen, alle med samme lange tekst.
-- fase: indlaesning
-- forventet: mere end 200 afsnit
-- ingen_standard_linje
brug "stdlib.sel85"
local v = string.rep("x", 16000)
local b = {}
for i = 1, 300 do b["afsnit " .. i] = v end
kvalitetsstandard { kommune = "KOMMUNE", titel = "T", kilde = "K", beskrivelse = b }
