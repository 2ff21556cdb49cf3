-- Fund 10: ugyldig UTF-8 i uddata-JSON.
-- fase: vurdering
-- forventet: ikke gyldig UTF-8
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  return "\xff\xfe"
end }
