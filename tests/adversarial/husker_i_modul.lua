-- Fund 6: en regel, der skriver i et modul, den har hentet.
-- fase: vurdering
-- forventet: tabellen kan ikke ændres
local m = brug "municipalities.KOMMUNE.hjaelp"
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function(sag)
  m.sidste = sag.id
  return {}
end }
