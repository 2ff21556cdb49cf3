-- Fund 3: DSL'ens register hentet med brug og overskrevet.
-- fase: indlaesning
-- forventet: dsl-modulerne er værtens egne
(brug "dsl.erklaeringer").register.regler = 5
