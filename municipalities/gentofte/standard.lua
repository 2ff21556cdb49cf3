-- Gentofte Kommune: kvalitetsstandard for socialpædagogisk støtte, SEL § 85.
-- Kilde: "Kvalitetsstandard for socialpædagogisk støtte", vedtaget i Socialudvalget
-- 04-06-2014. Standarden har ingen afsnitsnumre; `kilde` nævner afsnittets overskrift.

brug "stdlib.sel85"

kvalitetsstandard {
  kommune = "gentofte",
  titel = "Kvalitetsstandard for socialpædagogisk støtte, Gentofte Kommune",
  godkendt = "2014-06-04",
  revideres = "Revurderes og behandles politisk mindst én gang i hver valgperiode; Handicaprådet høres",
  kilde = "Gentofte Kommune, Kvalitetsstandard for socialpædagogisk støtte (vedtaget i Socialudvalget 04-06-2014)",
  beskrivelse = {
    ["Formål med ydelsen"] = "At den enkelte borger gennem vejledning, støtte og træning bliver bedre i stand til at leve et almindeligt hverdagsliv på egne betingelser.",
    ["Hvilke aktiviteter indgår"] = "Støtten tilrettelægges som udgangspunkt som afgrænsede, gruppeorienterede træningsforløb med specifikke mål, der ophører når målene er nået. Individuel støtte i særlige tilfælde for at motivere til et gruppeforløb, eller når borgeren ikke kan deltage i gruppeforløb.",
    ["Botilbud efter almenboligloven"] = "For borgere visiteret til botilbud efter almenboligloven med støtte efter § 85 fremgår støtten af tilbuddets ydelsesbeskrivelse.",
    ["Sammenhæng mellem funktionsniveau og omfang"] = "VUM afdækker ressourcer, funktionsniveau og støttebehov; der fastsættes konkrete og målbare mål med udgangspunkt i borgerens ressourcer.",
    ["Hvem leverer ydelsen"] = "Som udgangspunkt Hjemmevejlederteamet eller Socialpsykiatrisk team; kommunen kan vælge private leverandører eller andre kommuner.",
    ["Valgmulighed med hensyn til leverandør"] = "Borgeren har ikke frit valg af leverandør.",
    ["Kompetencekrav til udfører"] = "Personalet skal som udgangspunkt have en social- eller sundhedsfaglig baggrund og være over 18 år.",
    ["Hvad koster ydelsen"] = "Ingen brugerbetaling; deltagelse i nogle aktiviteter kan have egenbetaling.",
    ["Hvordan følges op"] = "Det fremgår af afgørelsen, hvornår opfølgningen sker; støtten ophører, når målene er nået, eller indsatsen skal ændres.",
    ["Ændringer i borgerens forhold"] = "Ved ændret støttebehov kontaktes sagsbehandleren, som tager stilling til revisitation eller justering af mål.",
  },
}

local P = parametre {
  senest_revideret = {
    vaerdi = "2014-06-04",
    type = "dato",
    tekst = "Seneste politiske behandling af standarden",
    kilde = "Gentofte KS, Udarbejdelse og opfølgning (vedtaget i Socialudvalget 04-06-2014)",
  },
  valgperiode = {
    vaerdi = { foerste = 2014, aar = 4 },
    tekst = "Kommunale valgperioder: 4 år fra 1. januar efter kommunalvalget (2014, 2018, 2022, 2026, …)",
    kilde = "Den kommunale valgperiode (kommunalvalg i november 2013, 2017, 2021, 2025)",
  },
}

-- Hvem kan modtage ydelsen? ----------------------------------------------------------------

-- Afsnittet gengiver Servicelovens § 85: "personer, der har behov herfor på grund af betydelig
-- nedsat fysisk eller psykisk funktionsevne eller særlige sociale problemer". Standarden nævner
-- ingen alder for borgeren; den nationale regel (stdlib/sel85.lua) gælder.
betingelse {
  id = "funktionsevne",
  tekst = "Borgeren har betydelig nedsat fysisk eller psykisk funktionsevne eller særlige sociale problemer",
  kilde = "Gentofte KS, Hvem kan modtage ydelsen? (SEL § 85, stk. 1)",
  -- antagelse: den nationale VUM-grænse (P.betydelig_nedsat_funktionsevne), som i stdlib/sel85.lua
  antagelse = true,
  naar = function(sag) return funktionsevne_eller_sociale_problemer(sag, P.betydelig_nedsat_funktionsevne) end,
}

-- Hvilke aktiviteter indgår i ydelsen --------------------------------------------------------

local function indgaar(id, tekst, betingelse)
  aktivitet { id = id, tekst = tekst, kilde = "Gentofte KS, Hvilke aktiviteter indgår i ydelsen?", omfattet = true,
              betingelse = betingelse }
end
indgaar("struktur_i_hverdagen", "At skabe struktur i hverdagen")
indgaar("medicin_haandtering", "At håndtere medicin")
indgaar("sociale_relationer", "At kunne indgå i sociale sammenhænge")
indgaar("ledsagelse_behandling", "At kunne opretholde og modtage behandling",
        "Ledsagelse med socialpædagogisk støtte kan indgå som en del af ydelsen")
indgaar("oekonomi", "At kunne planlægge og styre sin økonomi")
indgaar("post", "At skabe forståelse for og handle på post")
indgaar("netvaerk", "At skabe netværk, herunder introduktion til dag- eller fritidstilbud")
indgaar("indkoeb_madlavning", "Indkøb og madlavning, herunder sund livsstil")
indgaar("personlig_hygiejne", "Personlig hygiejne")
indgaar("velfaerdsteknologi", "At anvende relevant kommunikations- og velfærdsteknologi")

-- Opfølgning: "Det fremgår af afgørelsen, hvornår opfølgningen sker" -----------------------------

-- Antagelse: standarden siger, at afgørelsen fastsætter tidspunktet, men ikke om opfølgningen
-- gentages; her gentages den med afgørelsens interval fra seneste opfølgning.
frist {
  id = "naeste_opfoelgning",
  tekst = "Opfølgning på det tidspunkt afgørelsen fastsætter",
  kilde = "Gentofte KS, Hvordan følges op på ydelsen?",
  antagelse = true,
  fra = seneste_opfoelgning_eller_start,
  varighed = interval_fra_afgoerelsen,
}

-- Krav --------------------------------------------------------------------------------------

-- Gruppeforløb er udgangspunktet ("som udgangspunkt" for borgere i selvstændig bolig);
-- individuel støtte "i særlige tilfælde" for at motivere til et gruppeforløb, eller når
-- borgeren ikke kan deltage i et. Antagelse: sagen har hverken felt for boligen eller for
-- grunden, så en alene individuel bevilling vises, så sagsbehandleren kan se efter, at et af
-- de to tilfælde foreligger. Standarden siger ikke, hvor grunden skal stå.
krav {
  id = "individuel_stoette_begrundes",
  tekst = "Støtten er som udgangspunkt gruppeorienteret; individuel støtte gives i særlige tilfælde: når borgeren ikke kan deltage i et gruppeforløb, eller for at motivere til et",
  kilde = "Gentofte KS, Hvilke aktiviteter indgår i ydelsen?",
  antagelse = true,
  afvigelser = function(sag)
    local form = sag.bevilling.form
    if form == nil then return nil end
    if form == "individuel" then return { "bevillingen er alene individuel; se efter, at et af de særlige tilfælde foreligger" } end
    return {}
  end,
}

-- "Revurderes og behandles politisk mindst én gang i hver valgperiode": er en hel valgperiode
-- gået, uden at standarden er behandlet i den, er standarden ikke revideret.
krav {
  id = "standard_ikke_revideret",
  tekst = "Kvalitetsstandarden revurderes og behandles politisk mindst én gang i hver valgperiode",
  kilde = "Gentofte KS, Udarbejdelse og opfølgning",
  afvigelser = function(_, dato)
    local v = P.valgperiode
    local revideret = Dato(P.senest_revideret)
    local nu = v.foerste + ((dato.aar - v.foerste) // v.aar) * v.aar -- start of the current period
    local forrige = nu - v.aar
    if forrige < v.foerste or revideret >= Dato(forrige, 1, 1) then return {} end
    return { string.format("seneste behandling %s; intet i valgperioden %d–%d", revideret:tekst(), forrige, nu - 1) }
  end,
}
