-- En regel, der henter (og kører) et nyt modul under vurderingen.
-- fase: vurdering
-- forventet: moduler hentes øverst i scriptet
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function(sag)
  brug "municipalities.KOMMUNE.hjaelp"
  return nil
end }
