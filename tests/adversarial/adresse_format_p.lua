-- Fund 10: string.format("%p") viser en adresse.
-- fase: vurdering
-- forventet: "%p" (en adresse i hukommelsen) er ikke tilladt
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  return string.format("%p", {})
end }
