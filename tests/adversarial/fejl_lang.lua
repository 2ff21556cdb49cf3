-- Rødt hold F9: en fejltekst på 16 MB gik uforkortet ud i hver NDJSON-linje.
-- fase: vurdering
-- forventet: xxxxxxxxxx …
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  error(string.rep("x", 2^24))
end }
