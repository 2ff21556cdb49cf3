-- Fund 4: table.move over 10^15 pladser i C.
-- fase: vurdering
-- forventet: kørte længere end
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  table.move({}, 1, 1e15, 1)
  return {}
end }
