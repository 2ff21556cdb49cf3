-- En parameter, hvis værdi er en tabel indlejret 200.000 niveauer dybt: som i en regel
-- gik frysningen ned (segfault); nu nævnes parameteren og dens linje.
-- fase: indlaesning
-- forventet: parameter 'dyb': værdien har tabeller i tabeller mere end 100 niveauer dybt
local dyb = {}
for i = 1, 200000 do dyb = { dyb } end
local P = parametre { dyb = { vaerdi = dyb, tekst = "t", kilde = "k" } }
