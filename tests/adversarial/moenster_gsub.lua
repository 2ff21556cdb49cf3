-- Fund 4: gsub og gmatch har samme grænse som find.
-- fase: vurdering
-- forventet: mønsteret
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  local s = string.rep("a", 50000)
  for _ in s:gmatch("a*a*b") do end
  return { (s:gsub("a-a-b", "")) }
end }
