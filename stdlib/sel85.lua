-- Det nationale grundlag for socialpædagogisk støtte efter Serviceloven § 85.
-- Enhver kommunes standard begynder med  brug "stdlib.sel85"  og arver herfra.
-- En kommune erstatter en national regel ved at erklære en regel med samme id.

local P = parametre {
  betydelig_nedsat_funktionsevne = {
    vaerdi = 3,
    tekst = "Laveste VUM-score (0-4) i mindst ét tema, der regnes som betydeligt nedsat funktionsevne",
    -- antagelse: loven siger "betydelig nedsat fysisk eller psykisk funktionsevne"; VUM's
    -- skala har 3 = "svære begrænsninger". Kommunen bør tage stilling til grænsen.
    antagelse = true,
  },
  myndighedsalder = {
    vaerdi = 18,
    tekst = "Alder fra hvilken § 85-støtte gives efter kvalitetsstandarderne (\"over 18 år\" læses som 18 år eller ældre)",
    kilde = "Kvalitetsstandarderne for voksne (Ishøj: \"du er fyldt 18 år\"; Lejre KS 6: \"borgere fra 18 år\"; "
      .. "Varde: \"borgere over 18 år\")",
    -- antagelse: SEL § 85, stk. 1 nævner ingen alder. Grænsen står i standarderne, der
    -- gælder voksne; at den også er den nationale grundregel, er vores læsning.
    antagelse = true,
  },
}

betingelse {
  id = "alder",
  tekst = "Borgeren er fyldt 18 år",
  kilde = "Kvalitetsstandarderne for voksne (SEL § 85, stk. 1 nævner ingen alder)",
  antagelse = true,
  naar = function(sag)
    return mindst(sag.borger.alder, P.myndighedsalder)
  end,
}

betingelse {
  id = "funktionsevne",
  tekst = "Borgeren har betydelig nedsat fysisk eller psykisk funktionsevne eller særlige sociale problemer",
  kilde = "SEL § 85, stk. 1",
  -- antagelse: loven nævner ingen VUM-grænse; et "nej" her hviler på parameteren
  -- betydelig_nedsat_funktionsevne, ikke på lovens ord, og skal stå som antagelse.
  antagelse = true,
  -- et tema uden score kunne nå grænsen: så er svaret ukendt, ikke nej
  naar = function(sag) return funktionsevne_eller_sociale_problemer(sag, P.betydelig_nedsat_funktionsevne) end,
}

brug "stdlib.aktiviteter"
brug "stdlib.frister"
