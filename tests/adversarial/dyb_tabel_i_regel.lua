-- En regel, der kan nå en tabel indlejret 200.000 niveauer dybt (bygget i en løkke):
-- forseglingen gik i rekursion pr. niveau og fik processen til at gå ned (segfault).
-- fase: indlaesning
-- forventet: har tabeller i tabeller mere end 100 niveauer dybt
local dyb = {}
for i = 1, 200000 do dyb = { dyb } end
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function(sag)
  local _ = dyb
  return {}
end }
