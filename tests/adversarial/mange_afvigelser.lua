-- Fund 5: mange små tekster i stedet for én stor.
-- fase: vurdering
-- forventet: højst 200 vises
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  local t = {}
  for i = 1, 100000 do t[i] = "a" .. i end
  return t
end }
