-- Rødt hold F12: en fejltekst med ANSI-escape og ugyldig UTF-8 gik rå ud på terminalen.
-- fase: vurdering
-- forventet: \u{1B}[31mRØD\x{FF}\x{FE}
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  error("\27[31mRØD\xff\xfe")
end }
