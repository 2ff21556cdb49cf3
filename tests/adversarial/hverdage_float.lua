-- Fund 4: dato + hverdage(2^31-1): et kommatal slap forbi områdekontrollen (~25 s).
-- fase: vurdering
-- forventet: uden for
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function(sag, dato)
  local d = dato + hverdage(2^31 - 1)
  return { tostring(d) }
end }
