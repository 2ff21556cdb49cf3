-- Rødt hold F8: hver tekst under grænsen, men 300 af dem på 16.000 tegn (samme Lua-tekst).
-- fase: indlaesning
-- forventet: standardens tekster fylder mere end 4 MiB i alt
local v = string.rep("x", 16000)
local p = {}
for i = 1, 300 do p["p" .. i] = { vaerdi = 1, tekst = v, kilde = "k" } end
parametre(p)
