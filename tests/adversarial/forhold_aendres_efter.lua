-- Fund 3: et forhold-id ændret efter erklæringen (gav en tom optional i værten).
-- fase: indlaesning
-- forventet: kan ikke slå op i en værdi, der ikke findes
local r = betingelse { id = "b", tekst = "t", kilde = "k", forhold = "motiveret" }
r.forhold = "findes_ikke"
