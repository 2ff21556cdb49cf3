-- Rødt hold F6: en parameter, hvis tabel deles ti gange i otte lag, blev vist som 10^8 elementer.
-- fase: indlaesning
-- forventet: fylder mere end 16 KiB, når den vises
local t = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }
for _ = 1, 8 do local n = {} for i = 1, 10 do n[i] = t end t = n end
parametre { a = { vaerdi = t, tekst = "t", kilde = "k" } }
