-- En regel, der erklærer nye regler, mens den vurderer en sag.
-- fase: vurdering
-- forventet: erklæringer hører til standardens fil
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function(sag)
  krav { id = "ny_" .. sag.id, tekst = "t", kilde = "k", afvigelser = function() return true end }
  return nil
end }
