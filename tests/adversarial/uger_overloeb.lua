-- Fund 10: dato + uger(1e9) gav "5. februar 30531".
-- fase: vurdering
-- forventet: uden for
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function(sag, dato)
  return { tostring(dato + uger(1e9)) }
end }
