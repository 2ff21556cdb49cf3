-- Fund 6: en tæller i naar delte 100 ens sager 50/50.
-- fase: indlaesning
-- forventet: ændrer variablen 'n'
local n = 0
betingelse { id = "b", tekst = "t", kilde = "k", naar = function()
  n = n + 1
  return n % 2 == 0
end }
