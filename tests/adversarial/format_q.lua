-- Rødt hold F5: string.format("%q") over 50 MB kørte 14 s i C.
-- fase: vurdering
-- forventet: højst 4 MiB tekst
krav { id = "k", tekst = "t", kilde = "k", afvigelser = function()
  return { tostring(#string.format("%q", string.rep("\0", 5000000))) }
end }
