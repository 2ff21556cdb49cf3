-- Rødt hold F2: 100.000 kvantorer fik selve overslaget til at hænge.
-- fase: vurdering
-- forventet: mønsteret
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  local s = string.rep("a", 100000)
  return { tostring(s:find(string.rep("b*", 100000))) }
end }
