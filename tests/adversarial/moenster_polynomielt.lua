-- Fund 4: .-.-.-b over en lang tekst: polynomielt, men uden ende i praksis.
-- fase: vurdering
-- forventet: mønsteret
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  local s = string.rep("a", 100000)
  return { s:match(".-.-.-b") or "ingen" }
end }
