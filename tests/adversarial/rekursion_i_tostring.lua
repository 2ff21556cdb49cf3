-- En uendelig løkke i en regel stoppes af tidsbudgettet, og tilstanden kan bruges bagefter.
-- fase: vurdering
-- forventet: kørte længere end
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  local s = "x"
  while true do s = s:upper():lower() end
end }
