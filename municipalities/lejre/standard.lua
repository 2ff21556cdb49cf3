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
    ["3 Kerneydelser"] = "1 Samfundsliv og kommunikation, 2 Socialt liv, 3 Sundhed, 4 Praktiske opgaver i hjemmet (støtte og motivere), 5 Egenomsorg (motivere og støtte).",
    ["5 Leverandør"] = "Som udgangspunkt Lejre Kommunes egne tilbud; eksterne tilbud når de ikke kan levere. Man kan ikke ansættes som leverandør, når man er nært beslægtet med borgeren.",
    ["8 Indhold og omfang"] = "Mindsteindgrebsprincippet og Recovery. Støtten gives individuelt, i gruppeforløb eller som en kombination; gruppeforløb kan være udslusning fra individuel indsats. Handleplan efter SEL § 141 på baggrund af VUM.",
    ["9 Kompetencekrav"] = "Personalet har relevant faglig baggrund og erfaring, f.eks. pædagoguddannelsen.",
    ["13 Klage over sagsbehandlingen"] = "Klage over sagsbehandling, personalets opførsel eller udførelse af praktiske opgaver rettes til ledelsen eller borgerrådgiveren.",
  },
}

local P = parametre {
  aeldre_vurderes_efter_83 = {
    vaerdi = 65,
    tekst = "Alder fra hvilken borgeren særligt vurderes i forhold til SEL § 83 ('borgere over 65 år')",
    kilde = "Lejre KS 6 Målgruppen",
    -- antagelse: "over 65 år" læses som 65 år eller ældre, som kontrakten læser "over 18 år".
    antagelse = true,
  },
  vaesentlig_funktionsnedsaettelse = {
    vaerdi = 3,
    tekst = "Laveste VUM-score i mindst ét tema, der regnes som 'væsentlig funktionsnedsættelse'",
    -- antagelse: standarden angiver ingen skala; 3 = svære begrænsninger.
    antagelse = true,
  },
  sagsbehandlingstid = {
    vaerdi = 5,
    tekst = "Uger fra ansøgning til afgørelse",
    kilde = "Lejre KS 10 Sagsbehandlingsfrist",
  },
  akut_iverksaettelse = {
    vaerdi = 1,
    tekst = "Hverdage fra ansøgning til støtten er iværksat ved akut behov ('umiddelbart efter modtagelse')",
    -- antagelse: "umiddelbart" læses som senest den følgende hverdag.
    antagelse = true,
  },
  foerste_revurdering = {
    vaerdi = 12,
    tekst = "Uger fra en førstegangsbevillings start til revurdering",
    kilde = "Lejre KS 11 Opfølgning",
  },
  opfoelgning_interval = {
    vaerdi = 6,
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

-- Læst som én gruppe: over 65 år med væsentlig funktionsnedsættelse og dårligt helbred.
henvisning {
  id = "vurder_sel_83",
  tekst = "Borger over 65 år med væsentlig funktionsnedsættelse og dårlig helbredstilstand vurderes særligt i forhold til SEL § 83",
  kilde = "Lejre KS 6 Målgruppen",
  til = "SEL § 83",
  naar = function(sag)
    return og(mindst(sag.borger.alder, P.aeldre_vurderes_efter_83),
              mindst(sag.vum:max(), P.vaesentlig_funktionsnedsaettelse),
              sag.forhold.daarligt_helbred)
  end,
}

-- 8: mindsteindgrebsprincippet: et mindre indgribende tilbud går forud.
udelukkelse {
  id = "mindre_indgribende_tilbud",
  tekst = "Borgeren kan modtage et mindre indgribende tilbud (beskæftigelseslovgivningen, SEL § 83, frivilligområdet)",
  kilde = "Lejre KS 8 Ydelsens indhold og omfang (mindsteindgrebsprincippet)",
  forhold = "kan_afhjaelpes_efter_anden_lovgivning",
}

-- 3–4: Kerneydelser, og hvad der ikke indgår ------------------------------------------------

local function kerneydelse(id, omraade, tekst)
  aktivitet { id = id, tekst = tekst, kilde = "Lejre KS 3, kerneydelse " .. omraade, omfattet = true }
end
kerneydelse("oekonomi", "1 Samfundsliv og kommunikation", "Støtte til at håndtere egen økonomi")
kerneydelse("post", "1 Samfundsliv og kommunikation", "Brevlæsning og skriftlig, også elektronisk, kommunikation")
kerneydelse("velfaerdsteknologi", "1 Samfundsliv og kommunikation", "Elektronisk kommunikation")
kerneydelse("laege_tandlaege", "1 Samfundsliv og kommunikation", "Kontakt til offentlige myndigheder, læger mv.")
kerneydelse("sociale_relationer", "2 Socialt liv", "Støtte og motivere til at etablere og bevare sociale relationer")
kerneydelse("netvaerk", "2 Socialt liv", "Anvende dag- eller fritidstilbud; introduktion til frivillige tilbud")
kerneydelse("ledsagelse_behandling", "3 Sundhed", "Støtte og motivere til nødvendig behandling, herunder pædagogisk ledsagelse")
kerneydelse("medicin_haandtering", "3 Sundhed", "Støttende samtaler om indsigt i egen livssituation og sygdom")

-- 4: støtte og motivere til praktiske opgaver og hygiejne er § 85; at gøre det for borgeren
-- (personlig hjælp, pleje, praktisk hjælp) indgår ikke og hører under § 83.
local function motivere(id, omraade, tekst)
  aktivitet {
    id = id, tekst = tekst, kilde = "Lejre KS 3, kerneydelse " .. omraade .. ", og KS 4",
    betingelse = "Kun støtte og motivation; borgeren tager selv del i opgaven",
    omfattet = function(sag) return sag.forhold.kan_deltage_aktivt end,
    henvis_til = function() return "SEL § 83" end,
  }
end
motivere("rengoering_toejvask", "4 Praktiske opgaver i hjemmet", "Støtte og motivere til rengøring, oprydning og tøjvask")
motivere("indkoeb_madlavning", "4 Praktiske opgaver i hjemmet", "Støtte og motivere til indkøb og madlavning, herunder sund kost")
motivere("personlig_hygiejne", "5 Egenomsorg", "Motivere og støtte til varetagelse af den personlige hygiejne")

-- 10 – 13: Frister --------------------------------------------------------------------------

frist {
  id = "sagsbehandling",
  tekst = "Afgørelse inden 5 uger; ved akut behov iværksættes støtten umiddelbart",
  kilde = "Lejre KS 10 Sagsbehandlingsfrist",
  fra = "ansoegning.modtaget",
  varighed = function(sag)
    if sag.ansoegning.akut then return hverdage(P.akut_iverksaettelse) end
    return uger(P.sagsbehandlingstid)
  end,
  opfyldt_ved = function(sag)
    if sag.ansoegning.akut then return sag.bevilling.start end
    return sag.bevilling.afgoerelse_dato
  end,
}

frist {
  id = "foerste_opfoelgning",
  tekst = "Revurdering af en førstegangsbevilling efter 12 uger",
  kilde = "Lejre KS 11 Opfølgning",
  naar = function(sag) return sag.bevilling.foerstegangs end,
  fra = "bevilling.start",
  varighed = function() return uger(P.foerste_revurdering) end,
  opfyldt_ved = function(sag)
    local start = sag.bevilling.start
    local foerste
    for _, o in ipairs(sag.opfoelgninger) do
      if o.dato >= start and (foerste == nil or o.dato < foerste) then foerste = o.dato end
    end
    return foerste
  end,
}

-- Efter den første revurdering (eller når bevillingen ikke er førstegangs): hver halve år
-- fra seneste opfølgning, eller fra bevillingens start når der ingen er.
frist {
  id = "naeste_opfoelgning",
  tekst = "Opfølgning som minimum hver halve år",
  kilde = "Lejre KS 11 Opfølgning",
  naar = function(sag)
    if #sag.opfoelgninger > 0 then return true end
    return ikke(sag.bevilling.foerstegangs)
  end,
  fra = seneste_opfoelgning_eller_start,
  varighed = function() return maaneder(P.opfoelgning_interval) end,
}

frist {
  id = "genvurdering",
  tekst = "Kommunen genvurderer klagen; fastholdes afgørelsen, videresendes klagen til Ankestyrelsen inden 4 uger",
  kilde = "Lejre KS 13 Klagemuligheder",
  fra = "klage.modtaget",
  varighed = uger(4),
}

-- 5: Leverandør ----------------------------------------------------------------------------

krav {
  id = "naert_beslaegtet_leverandoer",
  tekst = "Man kan ikke blive ansat som leverandør som nært beslægtet med borgeren",
  kilde = "Lejre KS 5 Leverandør",
  afvigelser = function(sag)
    local n = sag.bevilling.leverandoer.naert_beslaegtet
    if n == nil then return nil end
    return n
  end,
}
