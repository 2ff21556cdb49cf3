-- next og collectgarbage("count") afhænger af hukommelsen og hash-ordenen: ikke tilbudt.
-- fase: vurdering
-- forventet: ukendt navn 'collectgarbage'
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  return collectgarbage("count") > 100 and "meget" or nil
end }
