-- Rødt hold F8: 40.000 parametre (her 1.500) med hver sin kopi i værten: 1,9 GB ved lange tekster.
-- fase: indlaesning
-- forventet: mere end 1000 parametre

local p = {}
for i = 1, 1500 do p["p" .. i] = { vaerdi = 1, tekst = "t", kilde = "k" } end
parametre(p)
