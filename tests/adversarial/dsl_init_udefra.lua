-- Fund 3: samme vej ind gennem dsl.init.
-- fase: indlaesning
-- forventet: dsl-modulerne er værtens egne
local dsl = brug "dsl.init"
dsl.register.standard = nil
