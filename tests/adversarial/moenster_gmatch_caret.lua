-- Fund (3/12): string.gmatch læser et '^' først i mønsteret som tegnet '^' og prøver hver
-- startposition; grænsen regnede det som et anker (én start), og kaldet kørte i timevis.
-- fase: vurdering
-- forventet: mønsteret
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  local s = string.rep("^" .. string.rep("a", 200), 50000)
  for x in string.gmatch(s, "^a*a*a*b") do return { x } end
  return {}
end }
