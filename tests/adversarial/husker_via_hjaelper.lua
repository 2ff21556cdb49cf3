-- Fund 6: tælleren gemt i en hjælpefunktion, reglen kalder.
-- fase: indlaesning
-- forventet: ændrer variablen 'antal'
local antal = 0
local function tael() antal = antal + 1 return antal end
local hjaelpere = { tael = tael }
betingelse { id = "b", tekst = "t", kilde = "k", naar = function() return hjaelpere.tael() > 1 end }
