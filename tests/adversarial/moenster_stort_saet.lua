-- Rødt hold F1: en tegnmængde på 100.000 tegn gjorde hvert skridt dyrt (1e10 skridt).
-- fase: vurdering
-- forventet: mønsteret
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  local s = string.rep("a", 100000)
  return { tostring(s:find("[" .. string.rep("b", 100000) .. "]")) }
end }
