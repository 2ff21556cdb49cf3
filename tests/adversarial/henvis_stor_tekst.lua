-- Fund 5: en henvis_til-funktion, der giver 100 MB (her 10 MB).
-- fase: vurdering
-- forventet: 'henvis_til' gav en ugyldig tekst
aktivitet { id = "netvaerk", tekst = "t", kilde = "k", omfattet = false, henvis_til = function()
  return string.rep("x", 1e7)
end }
