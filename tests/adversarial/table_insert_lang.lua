-- Rødt hold F3: en tabel med 41 nøgler og længden 2^40; table.insert flyttede dem i C.
-- fase: vurdering
-- forventet: table.insert og table.remove flytter højst
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  local t = { 1, 2, 3, 4 }
  t[5] = 1 t[9] = 1
  for i = 3, 40 do t[1 << i] = true end
  table.insert(t, 1, 0)
  return {}
end }
