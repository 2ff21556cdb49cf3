-- Fund 5: 100 referencer til én tekst på 10 MB, kopieret af værten: 3,9 GB og 1 GB uddata.
-- fase: vurdering
-- forventet: teksten er på 10000000 bytes
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  local s = string.rep("x", 1e7)
  local t = {}
  for i = 1, 100 do t[i] = s end
  return t
end }
