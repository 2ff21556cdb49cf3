-- Rødt hold F11: fejlteksten for en ukendt nøgle viste tabellens adresse (forskellig hver kørsel).
-- fase: vurdering
-- forventet: har ikke feltet '<tabel>'
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function(sag)
  return { tostring(sag[{}]) }
end }
