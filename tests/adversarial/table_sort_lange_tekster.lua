-- Rødt hold F4: table.sort af 200 referencer til én lang tekst sammenligner hele teksten hver gang.
-- fase: vurdering
-- forventet: teksterne er for lange
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  local s = string.rep("a", 5000000)
  local t = {}
  for i = 1, 200 do t[i] = s end
  table.sort(t)
  return {}
end }
