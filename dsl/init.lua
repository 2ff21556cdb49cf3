-- The DSL as one module: what a standard script sees besides the safe base library.
local erklaeringer = brug "dsl.erklaeringer"
local hjaelpere = brug "dsl.hjaelpere"

local eksport = {}
for k, v in pairs(erklaeringer.eksport) do eksport[k] = v end
for k, v in pairs(hjaelpere) do eksport[k] = v end

return { register = erklaeringer.register, eksport = eksport }
