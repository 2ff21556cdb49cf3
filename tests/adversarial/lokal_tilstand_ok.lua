-- Lokale variabler i en regel, også i en indre funktion, er tilladt: de lever kun under kaldet.
-- fase: ok
local GRAENSER = { 1, 2, 3 }
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function(sag)
  local n = 0
  local function tael() n = n + 1 end
  for _ in ipairs(GRAENSER) do tael() end
  local t = {}
  t[#t + 1] = "x"
  if n ~= 3 or #GRAENSER ~= 3 then return "forkert" end
  return {}
end }
