-- Fund 6: en tabel på modulniveau, der husker sag A og viser den i sag B.
-- fase: vurdering
-- forventet: tabellen kan ikke ændres
local set = {}
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function(sag)
  local forrige = set.sidste
  set.sidste = sag.id
  return forrige and { "forrige sag: " .. forrige } or {}
end }
