-- Fund 6: en regel, der skriver i en parameters tabel.
-- fase: vurdering
-- forventet: tabellen kan ikke ændres
local P = parametre { liste = { vaerdi = { 1, 2, 3 }, tekst = "t", kilde = "k" } }
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function(sag)
  P.liste[1] = sag.id
  return {}
end }
