-- Fund 5: hver tekst under grænsen, men tilsammen for meget.
-- fase: vurdering
-- forventet: mere end 256 KiB tekst
for i = 1, 100 do
  krav { id = "k" .. i, tekst = "t", kilde = "k", afvigelser = function()
    local t = {}
    for j = 1, 100 do t[j] = string.rep("y", 4000) end
    return t
  end }
end
