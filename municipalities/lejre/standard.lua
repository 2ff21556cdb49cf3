-- Lejre Kommune: kvalitetsstandard for støttekontaktperson jf. Servicelovens § 85.
-- Kilde: "Kvalitetsstandard for støttekontaktperson jf. Servicelovens § 85", godkendt
-- 07.09.2015. Afsnitsnumrene i `kilde` følger standardens egne (1–13).

brug "stdlib.sel85"

kvalitetsstandard {
  kommune = "lejre",
  titel = "Kvalitetsstandard for støttekontaktperson jf. Servicelovens § 85, Lejre Kommune",
  godkendt = "2015-09-07",
  kilde = "Lejre Kommune, Kvalitetsstandard for støttekontaktperson jf. Servicelovens § 85 (godkendt 07.09.2015)",
  beskrivelse = {
    ["1 Lovgrundlag"] = "SEL § 85; Vejl. nr. 13 af 15-02-2011 om hjælp og støtte efter serviceloven.",
    ["2 Formål"] = "At den enkelte kan skabe en tilværelse på egne præmisser og bevare eller forbedre sine psykiske, fysiske eller sociale funktioner og kompetencer.",
    ["3 Kerneydelser"] = "1 Samfundsliv og kommunikation, 2 Socialt liv, 3 Sundhed (herunder støttende samtaler med henblik på at øge borgerens indsigt i egen livssituation og sygdom), 4 Praktiske opgaver i hjemmet (støtte og motivere), 5 Egenomsorg (motivere og støtte).",
    ["5 Leverandør"] = "Som udgangspunkt Lejre Kommunes egne tilbud; eksterne tilbud når de ikke kan levere. Man kan ikke ansættes som leverandør, når man er nært beslægtet med borgeren.",
    ["8 Indhold og omfang"] = "Mindsteindgrebsprincippet og Recovery. Støtten gives individuelt, i gruppeforløb eller som en kombination; gruppeforløb kan være udslusning fra individuel indsats. Handleplan efter SEL § 141 på baggrund af VUM.",
    ["9 Kompetencekrav"] = "Personalet har relevant faglig baggrund og erfaring, f.eks. pædagoguddannelsen.",
    ["13 Klage over sagsbehandlingen"] = "Klage over sagsbehandling, personalets opførsel eller udførelse af praktiske opgaver rettes til ledelsen eller borgerrådgiveren.",
  },
}

local P = parametre {
  -- Standardens egen aldersgrænse: erstatter det nationale grundlags, der er en antagelse.
  myndighedsalder = {
    vaerdi = 18,
    type = "heltal", enhed = "år",
    tekst = "Alder fra hvilken støtten kan gives (\"borgere fra 18 år\")",
    kilde = "Lejre KS 6 Målgruppen",
  },
  aeldre_vurderes_efter_83 = {
    vaerdi = 65,
    type = "heltal", enhed = "år",
    tekst = "Alder fra hvilken borgeren særligt vurderes i forhold til SEL § 83 ('borgere over 65 år')",
    kilde = "Lejre KS 6 Målgruppen",
    -- antagelse: "over 65 år" læses som 65 år eller ældre, som kontrakten læser "over 18 år".
    antagelse = true,
  },
  vaesentlig_funktionsnedsaettelse = {
    vaerdi = 3,
    type = "heltal", enhed = "VUM-score (0–4)",
    tekst = "Laveste VUM-score i mindst ét tema, der regnes som 'væsentlig funktionsnedsættelse'",
    -- antagelse: standarden angiver ingen skala; 3 = svære begrænsninger.
    antagelse = true,
  },
  sagsbehandlingstid = {
    vaerdi = 5,
    type = "heltal", enhed = "uger",
    tekst = "Uger fra ansøgning til afgørelse",
    kilde = "Lejre KS 10 Sagsbehandlingsfrist",
  },
  akut_ivaerksaettelse = {
    vaerdi = 1,
    type = "heltal", enhed = "hverdage",
    tekst = "Hverdage fra ansøgning til støtten er iværksat ved akut behov ('umiddelbart efter modtagelse')",
    -- antagelse: "umiddelbart" læses som senest den følgende hverdag.
    antagelse = true,
  },
  foerste_revurdering = {
    vaerdi = 12,
    type = "heltal", enhed = "uger",
    tekst = "Uger fra en førstegangsbevillings start til revurdering",
    kilde = "Lejre KS 11 Opfølgning",
  },
  -- antagelse: standarden siger "en revurdering af støtten efter 12 uger" og ikke, hvor tidligt en
  -- opfølgning kan være den revurdering; en opfølgning få dage efter start er det ikke. Vi regner
  -- den første opfølgning fra dette antal uger efter start og frem som revurderingen.
  foerste_revurdering_tidligst = {
    vaerdi = 8,
    type = "heltal", enhed = "uger",
    tekst = "Uger efter en førstegangsbevillings start, før en opfølgning kan være revurderingen efter 12 uger",
    kilde = "Lejre KS 11 Opfølgning",
    antagelse = true,
  },
  opfoelgning_interval = {
    vaerdi = 6,
    type = "heltal", enhed = "måneder",
    tekst = "Måneder mellem opfølgninger herefter (som minimum hver halve år)",
    kilde = "Lejre KS 11 Opfølgning",
  },
}

-- 6: Hvem kan modtage ydelsen --------------------------------------------------------------

betingelse {
  id = "alder",
  tekst = "Målgruppen omfatter borgere fra 18 år",
  kilde = "Lejre KS 6 Målgruppen",
  naar = function(sag) return mindst(sag.borger.alder, P.myndighedsalder) end,
}

-- 6 gengiver Servicelovens § 85: "betydelig nedsat fysisk eller psykisk funktionsevne eller særlige
-- sociale problemer".
betingelse {
  id = "funktionsevne",
  tekst = "Borgeren har betydelig nedsat fysisk eller psykisk funktionsevne eller særlige sociale problemer",
  kilde = "Lejre KS 6 Målgruppen (SEL § 85, stk. 1)",
  -- antagelse: den nationale VUM-grænse (P.betydelig_nedsat_funktionsevne), som i stdlib/sel85.lua
  antagelse = true,
  naar = function(sag) return funktionsevne_eller_sociale_problemer(sag, P.betydelig_nedsat_funktionsevne) end,
}

-- "borgere over 65 år og borgere med en væsentlig funktionsnedsættelse og dårlig
-- helbredstilstand": to grupper, hver vurderet særligt i forhold til SEL § 83 (kontrakten).
henvisning {
  id = "vurder_sel_83_over_65",
  tekst = "Borger over 65 år vurderes særligt i forhold til SEL § 83",
  kilde = "Lejre KS 6 Målgruppen",
  antagelse = true, -- "over 65 år" læses som fyldt 65 (P.aeldre_vurderes_efter_83)
  til = "SEL § 83",
  naar = function(sag) return mindst(sag.borger.alder, P.aeldre_vurderes_efter_83) end,
}

henvisning {
  id = "vurder_sel_83_helbred",
  tekst = "Borger med væsentlig funktionsnedsættelse og dårlig helbredstilstand vurderes særligt i forhold til SEL § 83",
  kilde = "Lejre KS 6 Målgruppen",
  antagelse = true, -- hvad der er en "væsentlig" funktionsnedsættelse (P.vaesentlig_funktionsnedsaettelse)
  til = "SEL § 83",
  naar = function(sag)
    return og(sag.vum:et_tema_mindst(P.vaesentlig_funktionsnedsaettelse), sag.forhold.daarligt_helbred)
  end,
}

-- 8: "Der foretages altid en vurdering af om borgeren vil kunne modtage et mindre
-- indgribende tilbud": ikke vurderet endnu er uafklaret. Henvisningen kan kun nævne en
-- paragraf; beskæftigelseslovgivningen og frivilligområdet står i teksten.
-- Antagelse: sagen har intet forhold for "et mindre indgribende tilbud"; det nærmeste er
-- kan_afhjaelpes_efter_anden_lovgivning, som her også dækker frivilligområdet.
udelukkelse {
  id = "mindre_indgribende_tilbud",
  antagelse = true,
  tekst = "Borgeren kan modtage et mindre indgribende tilbud uden for det specialiserede område: "
    .. "efter beskæftigelseslovgivningen, personlig hjælp og pleje efter SEL § 83 eller på frivilligområdet",
  kilde = "Lejre KS 8 Ydelsens indhold og omfang (mindsteindgrebsprincippet)",
  forhold = "kan_afhjaelpes_efter_anden_lovgivning",
  henvis_til = "SEL § 83",
}

-- 3–4: Kerneydelser, og hvad der ikke indgår ------------------------------------------------

local function kerneydelse(id, omraade, tekst)
  aktivitet { id = id, tekst = tekst, kilde = "Lejre KS 3, kerneydelse " .. omraade, omfattet = true }
end
kerneydelse("oekonomi", "1 Samfundsliv og kommunikation", "Støtte til at håndtere egen økonomi")
kerneydelse("post", "1 Samfundsliv og kommunikation", "Brevlæsning og skriftlig, også elektronisk, kommunikation")
-- Antagelse: kerneydelsen nævner "skriftlig kommunikation, herunder elektronisk kommunikation",
-- ikke velfærdsteknologi; at katalogets kommunikations- og velfærdsteknologi er den, er vores læsning.
aktivitet {
  id = "velfaerdsteknologi", tekst = "Elektronisk kommunikation", kilde = "Lejre KS 3, kerneydelse 1 Samfundsliv og kommunikation",
  omfattet = true, antagelse = true,
}
kerneydelse("laege_tandlaege", "1 Samfundsliv og kommunikation", "Kontakt til offentlige myndigheder, læger mv.")
kerneydelse("sociale_relationer", "2 Socialt liv", "Støtte og motivere til at etablere og bevare sociale relationer")
kerneydelse("netvaerk", "2 Socialt liv", "Anvende dag- eller fritidstilbud; introduktion til frivillige tilbud")
kerneydelse("ledsagelse_behandling", "3 Sundhed", "Støtte og motivere til nødvendig behandling, herunder pædagogisk ledsagelse")
-- Formålet (KS 2) nævner at "skabe struktur i dagligdagen" som et eksempel på støtten.
aktivitet {
  id = "struktur_i_hverdagen", tekst = "At skabe struktur i dagligdagen", kilde = "Lejre KS 2 Hvad er formålet med ydelsen",
  omfattet = true,
}
-- "Støttende samtaler med henblik på at øge borgerens indsigt i egen livssituation og sygdom"
-- har intet id i kataloget (det står i beskrivelsen); medicin_haandtering er ikke det, så den
-- følger det nationale grundlag.

local function motivere(id, omraade, tekst)
  -- antagelse: KS 3 nævner "støtte og motivere til" praktiske opgaver og hygiejne som
  -- kerneydelser, mens KS 4 siger, at "hjælp/støtte til praktiske opgaver i hjemmet" ikke indgår.
  -- Vores læsning: at støtte og motivere borgeren, der selv tager del, er § 85; at gøre det for
  -- borgeren (personlig hjælp, pleje, praktisk hjælp) indgår ikke og hører under § 83.
  aktivitet {
    id = id, tekst = tekst, kilde = "Lejre KS 3, kerneydelse " .. omraade .. ", og KS 4",
    antagelse = true,
    betingelse = "Kun støtte og motivation; borgeren tager selv del i opgaven",
    omfattet = function(sag) return sag.forhold.kan_deltage_aktivt end, -- ikke vurderet: uafklaret
    henvis_til = "SEL § 83", -- kun når omfattet er false
  }
end
motivere("rengoering_toejvask", "4 Praktiske opgaver i hjemmet", "Støtte og motivere til rengøring, oprydning og tøjvask")
motivere("indkoeb_madlavning", "4 Praktiske opgaver i hjemmet", "Støtte og motivere til indkøb og madlavning, herunder sund kost")
motivere("personlig_hygiejne", "5 Egenomsorg", "Motivere og støtte til varetagelse af den personlige hygiejne")

-- 10 – 13: Frister --------------------------------------------------------------------------

-- Er der bevilget noget (timer, en periode, en pakke, en form, et interval, eller er det sagt,
-- om bevillingen er førstegangs)? Som værten regner en bevilling; kun afgørelsens datoer er det
-- ikke (et afslag har dem også).
local function bevilget(b)
  return b.timer ~= nil or b.periode ~= nil or b.pakke ~= nil or b.form ~= nil or b.foerstegangs ~= nil
    or b.opfoelgning_interval_maaneder ~= nil
end

-- 10: "Sagsbehandlingsfrist. Der må forventes en sagsbehandlingstid på op til 5 uger": afsnittet
-- er kommunens frist for afgørelsen (Rsl. § 3, stk. 2), som overskriften siger, og de 5 uger
-- læses som fristen, ikke kun som en forventning. En afgørelse dateret før ansøgningen er ikke
-- afgørelsen på den (værten tæller ingen hændelse før fristens start). Antagelse: uden
-- afgørelsens dato er en afgørelse, der er sendt (eller modtaget), truffet senest den dag.
frist {
  id = "sagsbehandling",
  tekst = "Afgørelse inden 5 uger fra ansøgningen",
  kilde = "Lejre KS 10 Sagsbehandlingsfrist",
  antagelse = true, -- afgørelsens dag, når kun afsendelse eller modtagelse kendes (se ovenfor)
  -- Uden afgørelsens dato siger sagen ikke altid, om fristen blev holdt: er afgørelsen først
  -- sendt (eller modtaget) efter fristen, kan den være truffet inden; er støtten bevilget med en
  -- start fra ansøgningen og frem, men uden nogen af datoerne, er der truffet en afgørelse, men
  -- hvornår vides ikke (en start før ansøgningen er en ældre bevillings). Det samme, når støtten
  -- er bevilget (se bevilget) uden start og uden datoerne: der er truffet en
  -- afgørelse, men ikke hvornår. Så afgøres fristen ikke, og afgørelsens dato står under
  -- ukontrollerede.
  naar = function(sag)
    local modtaget, b = sag.ansoegning.modtaget, sag.bevilling
    if modtaget == nil or b.afgoerelse_dato ~= nil then return true end
    local senest = b.afgoerelse_sendt or b.afgoerelse_modtaget
    if senest == nil then
      if b.start ~= nil then return b.start < modtaget or nil end
      if bevilget(b) then return nil end
      return true
    end
    if senest > modtaget + uger(P.sagsbehandlingstid) then return nil end
    return true
  end,
  fra = "ansoegning.modtaget",
  varighed = function() return uger(P.sagsbehandlingstid) end,
  opfyldt_ved = function(sag)
    local b = sag.bevilling
    return b.afgoerelse_dato or b.afgoerelse_sendt or b.afgoerelse_modtaget
  end,
}

-- 10: "Ved akutte behov iværksættes støtten umiddelbart"; en frist for sig, så den kun gælder,
-- når det er fastslået, at behovet er akut. Som ved afgørelsen: en start før ansøgningen (en
-- ældre bevillings) er ikke iværksættelsen efter den.
frist {
  id = "akut_ivaerksaettelse",
  tekst = "Ved akut behov iværksættes støtten umiddelbart efter modtagelse af ansøgningen",
  kilde = "Lejre KS 10 Sagsbehandlingsfrist",
  antagelse = true, -- "umiddelbart" som et antal hverdage (P.akut_ivaerksaettelse)
  -- Er der truffet en afgørelse, men kendes støttens start ikke, vides det ikke, om den er
  -- iværksat (eller om ansøgningen blev afslået): så afgøres fristen ikke, og starten står
  -- under ukontrollerede. Uden afgørelse og uden start er støtten ikke iværksat.
  naar = function(sag)
    local akut, b = sag.ansoegning.akut, sag.bevilling
    if akut ~= true then return akut end
    if b.start == nil and (b.afgoerelse_dato ~= nil or b.afgoerelse_sendt ~= nil or b.afgoerelse_modtaget ~= nil
                           or bevilget(b)) then
      return nil
    end
    return true
  end,
  fra = "ansoegning.modtaget",
  varighed = function() return hverdage(P.akut_ivaerksaettelse) end,
  opfyldt_ved = "bevilling.start",
}

-- Revurderingen efter 12 uger: den første opfølgning `tidligst` uger efter start og frem
-- (antagelse, se parameteren foerste_revurdering_tidligst); nil, når der ingen er.
local function revurderingen(sag, tidligst)
  local fra = sag.bevilling.start + uger(tidligst)
  local foerste
  for _, o in ipairs(sag.opfoelgninger) do
    if o.dato >= fra and (foerste == nil or o.dato < foerste) then foerste = o.dato end
  end
  return foerste
end

-- antagelse: standarden siger "en revurdering af støtten efter 12 uger"; hvilken opfølgning der
-- er revurderingen, afgør parameteren foerste_revurdering_tidligst.
frist {
  id = "foerste_opfoelgning",
  tekst = "Revurdering af en førstegangsbevilling efter 12 uger (en opfølgning tidligere end "
    .. P.foerste_revurdering_tidligst .. " uger efter start er ikke revurderingen)",
  kilde = "Lejre KS 11 Opfølgning",
  antagelse = true,
  naar = function(sag) return sag.bevilling.foerstegangs end,
  fra = "bevilling.start",
  varighed = function() return uger(P.foerste_revurdering) end,
  opfyldt_ved = function(sag) return revurderingen(sag, P.foerste_revurdering_tidligst) end,
}

-- Efter den første revurdering (eller når bevillingen ikke er førstegangs): hver halve år
-- fra seneste opfølgning, eller fra bevillingens start når der ingen er. En opfølgning før
-- revurderingen starter ikke det halve år ("og herefter"). Vides det ikke, om bevillingen er
-- førstegangs, gælder fristen kun, når svaret er det samme begge veje: revurderingen er holdt.
-- antagelse: for en førstegangsbevilling afgør parameteren foerste_revurdering_tidligst, hvilken
-- opfølgning der er revurderingen, og dermed om det halve år er begyndt.
frist {
  id = "naeste_opfoelgning",
  tekst = "Opfølgning som minimum hver halve år (ved en førstegangsbevilling efter revurderingen)",
  kilde = "Lejre KS 11 Opfølgning",
  antagelse = true,
  naar = function(sag)
    local b = sag.bevilling
    local senest, holdt = seneste(sag.opfoelgninger), nil
    -- uden bevillingens start og uden opfølgninger: ved en førstegangsbevilling er det halve år
    -- ikke begyndt (revurderingen er ikke holdt). Ellers har fristen ingen start, og værten
    -- afgør, om den er noget, sagsbehandleren skal finde (en bevilling med timer, en pakke eller
    -- en form mangler sin start), eller om der intet er at følge op på endnu (ingen bevilling).
    if b.start == nil and senest == nil then return b.foerstegangs ~= true end
    if b.foerstegangs == false then return true end
    -- revurderingen er holdt, når den seneste opfølgning er fra foerste_revurdering_tidligst
    -- uger efter start eller senere; nil, når starten mangler og der er opfølgninger
    if senest == nil then holdt = false
    elseif b.start ~= nil then holdt = senest >= b.start + uger(P.foerste_revurdering_tidligst) end
    if b.foerstegangs == true then return holdt end
    if holdt then return true end
    return nil -- førstegangs eller ej afgør det: b.foerstegangs står i mangler
  end,
  fra = seneste_opfoelgning_eller_start,
  -- "som minimum": afgørelsens eget, kortere interval gælder, et længere ikke
  varighed = function(sag) return interval_hoejst(sag, P.opfoelgning_interval) end,
}

frist {
  id = "genvurdering",
  tekst = "Kommunen genvurderer klagen; fastholdes afgørelsen, videresendes klagen til Ankestyrelsen inden 4 uger",
  kilde = "Lejre KS 13 Klagemuligheder",
  fra = "klage.modtaget",
  varighed = uger(4),
  paahviler = "kommune",
  opfyldt_ved = "klage.genvurderet", -- ny afgørelse, eller klagen sendt til Ankestyrelsen
}

-- 5: Leverandør ----------------------------------------------------------------------------

krav {
  id = "naert_beslaegtet_leverandoer",
  tekst = "Man kan ikke blive ansat som leverandør som nært beslægtet med borgeren",
  kilde = "Lejre KS 5 Leverandør",
  afvigelser = function(sag)
    local n = sag.bevilling.leverandoer.naert_beslaegtet
    if n == nil then return nil end
    return n and { "leverandøren er oplyst som nært beslægtet med borgeren" } or {}
  end,
}
