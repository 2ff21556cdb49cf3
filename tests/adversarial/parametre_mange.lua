-- Rødt hold F8: 40.000 parametre, der alle deler én tekst på 16.000 tegn: 1,9 GB i værten.
-- fase: indlaesning
-- forventet: mere end 1000 parametre

local p = {}
for i = 1, 40000 do p["p" .. i] = { vaerdi = 1, tekst = "t", kilde = "k" } end
parametre(p)
