-- Fund 10: tostring({}) viste en adresse i hukommelsen (forskellig fra kørsel til kørsel).
-- fase: ok
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  local s = tostring({}) .. tostring(print) .. string.format("%s", {})
  if s:find("0x") then return "adresse: " .. s end
  return {}
end }
