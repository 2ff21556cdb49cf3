-- Fund 4: et mønster, der backtracker eksponentielt (kørte stadig efter 200 s).
-- fase: vurdering
-- forventet: mønsteret
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  string.find(string.rep("a", 22), string.rep("a*", 22) .. "b")
  return {}
end }
