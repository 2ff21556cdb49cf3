-- Fund 4: string.rep("", math.maxinteger) løb uendeligt i C. Nu et tomt resultat med det samme.
-- fase: ok
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  local s = string.rep("", math.maxinteger) .. ("x"):rep(0) .. string.rep("", math.maxinteger, "")
  if s ~= "" then return "ikke tom" end
  return {}
end }
