-- pairs går i sorteret orden: rækkefølgen i en tabels hash-del afhænger af et tilfældigt
-- frø pr. Lua-tilstand, så --traade 1 og 2 kunne give forskellige svar.
-- fase: ok
local T = { charlie = 3, alfa = 1, bravo = 2, [10] = "ti", [2] = "to", [true] = "sand" }
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  local noegler = {}
  for k in pairs(T) do noegler[#noegler + 1] = tostring(k) end
  local s = table.concat(noegler, ",")
  if s ~= "true,2,10,alfa,bravo,charlie" then return "orden: " .. s end
  return {}
end }
