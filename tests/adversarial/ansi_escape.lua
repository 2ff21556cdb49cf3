-- Fund 10: ANSI-escapes i --format tekst.
-- fase: vurdering
-- forventet: styretegn
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  return "\27[2J\27[31mALT ER GODT"
end }
