-- Fund 3: en erklæring, scriptet ændrer, efter den er erklæret. Erklæringer giver intet
-- tilbage, så der er intet at ændre.
-- fase: indlaesning
-- forventet: kan ikke slå op i en værdi, der ikke findes
local r = betingelse { id = "b", tekst = "t", kilde = "k", forhold = "motiveret" }
r.art = "krav"
