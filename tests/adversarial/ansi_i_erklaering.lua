-- Fund 10: styretegn i en erklærings tekst.
-- fase: indlaesning
-- forventet: styretegn
krav { id = "k", tekst = "\27[31mrød", kilde = "k", afvigelser = function() return nil end }
