-- Varde Kommune: kvalitetsstandard for socialpædagogisk støtte, SEL § 85.
-- Kilde: "Kvalitetsstandard Socialpædagogisk støtte, Lov om Social Service § 85",
-- udarbejdet januar 2016, revideret 2018 (Acadre dok. nr. 88918-15).
-- Afsnitsnumrene i `kilde` følger standardens egne (1.4, 2.4, 3.7 …).

brug "stdlib.sel85"

kvalitetsstandard {
  kommune = "varde",
  titel = "Kvalitetsstandard for socialpædagogisk støtte efter SEL § 85, Varde Kommune",
  -- Standarden angiver kun "Udarbejdelse januar 2016" og "Revidering 2018", ingen dato
  -- for godkendelsen i Udvalget for Social og Sundhed; derfor ingen godkendt-dato.
  revideres = "Revidering 2018 (standardens forside)",
  kilde = "Varde Kommune, Kvalitetsstandard Socialpædagogisk støtte § 85, Acadre dok. nr. 88918-15",
  beskrivelse = {
    ["1.1 Formål"] = "At borgeren fastholder eller opnår en aktiv, selvstændig og meningsfuld tilværelse og i så høj grad som muligt inkluderes i det almindelige samfundsliv.",
    ["1.6 Pris"] = "Støtten er gratis; borgeren kan have udgifter til råvarer, materialer, aktiviteter og transport til støttecentre.",
    ["2.1 Indhold"] = "Støtten gives inden for VUM's syv temaer: praktiske opgaver, egenomsorg, kommunikation, mobilitet, samfundsliv, socialt liv og sundhed.",
    ["2.2 Form"] = "Støtten kan ydes i grupper eller individuelt, også via støttecentre og væresteder.",
    ["2.6 Frit valg"] = "Indsatsen er ikke omfattet af frit leverandørvalg.",
    ["3.3 Partshøring"] = "Partshøring efter forvaltningslovens § 19, når borgeren ikke kender oplysningerne, de kan have betydning for udfaldet, og de ikke er til borgerens fordel.",
    ["3.7 Handleplan"] = "Handleplanen efter SEL § 141 justeres efter behov, dog mindst en gang årligt.",
  },
}

local P = parametre {
  -- Standardens egen aldersgrænse: erstatter det nationale grundlags, der er en antagelse.
  myndighedsalder = {
    vaerdi = 18,
    type = "heltal", enhed = "år",
    tekst = "Alder fra hvilken støtten kan gives (\"borgere over 18 år\", læst som 18 år eller ældre, som kontrakten læser det)",
    kilde = "Varde KS 1.4 Hvem kan modtage støtten",
  },
  dagtimer = {
    vaerdi = { fra = "08:00", til = "16:00" },
    type = "tidsrum",
    tekst = "Tidsrum for 'dagtimerne på hverdage'",
    -- antagelse: standarden (4.1) siger kun "i dagtimerne på hverdage".
    antagelse = true,
  },
  mange_afbud = {
    vaerdi = { antal = 3, dage = 28 },
    tekst = "Afbud eller udeblivelser fra borgeren inden for et antal dage op til vurderingsdatoen, der regnes som 'uforholdsmæssigt mange'",
    -- antagelse: standarden (4.3) siger kun "uforholdsmæssigt mange afbud eller udeblevet".
    antagelse = true,
  },
  opfoelgning_interval = {
    vaerdi = 12,
    type = "heltal", enhed = "måneder",
    tekst = "Måneder mellem opfølgninger (mindst 1 gang årligt)",
    kilde = "Varde KS 3.7 Opfølgning",
  },
  henvendelse_vist_ved = {
    vaerdi = { vum = true, afgoerelse = true },
    tekst = "Hvad i sagen viser, at Social og Handicap har rettet henvendelse til borgeren: "
      .. "en VUM-udredning eller en afgørelse dateret fra ansøgningen og frem",
    -- antagelse: sagen har intet felt for første kontakt. 3.2: borgeren "medvirker ved
    -- udarbejdelse af en helhedsvurdering, herunder en udredning efter ... (VUM)"; 3.4: borgeren
    -- "vil herefter få tilsendt en skriftlig afgørelse". Begge forudsætter kontakt.
    antagelse = true,
  },
  udsigt_ved_traening = {
    vaerdi = "SEL § 83a",
    type = "tekst",
    tekst = "Paragraf for praktiske opgaver og personlig pleje, som borgeren ikke kan tage del i nu, "
      .. "men kan trænes til (der er 'udsigt til dette')",
    -- antagelse: 2.4 udelukker kun opgaver, hvor "der heller ikke er udsigt til dette"; at
    -- kan_afhjaelpes_med_traening er udsigten, og at den hører under § 83a (2.5: "rehabiliterings-
    -- indsats med henblik på at blive selvhjulpen med specifikke praktiske eller personlige
    -- opgaver"), er scriptets læsning.
    antagelse = true,
  },
  stoettetid = {
    vaerdi = { ansigt_til_ansigt = true, telefon = true, video = true, sms = true },
    tekst = "Leverancearter der er støtte til borgeren (ikke transport og administration)",
    -- antagelse: standarden (2.3) nævner støttecentre, virtuel kommunikation, telefon og hjemmet;
    -- transport og administration er leverandørens tid, ikke støtte.
    antagelse = true,
  },
}

-- 1.4 – 2.2: Hvem kan modtage støtten ------------------------------------------------------

-- 1.4 siger "borgere over 18 år"; kontrakten fastlægger, at det læses som 18 år eller ældre
-- (fyldt 18). Grænsen er Vardes egen, ikke kun den nationale grundregels (stdlib/sel85.lua).
betingelse {
  id = "alder",
  tekst = "Støtten kan bevilges til borgere over 18 år",
  kilde = "Varde KS 1.4 Hvem kan modtage støtten",
  naar = function(sag) return mindst(sag.borger.alder, P.myndighedsalder) end,
}

-- 1.4: "med betydelig nedsat fysisk eller psykisk funktionsevne, eller særlige sociale problemer".
betingelse {
  id = "funktionsevne",
  tekst = "Borgeren har betydelig nedsat fysisk eller psykisk funktionsevne eller særlige sociale problemer",
  kilde = "Varde KS 1.4 Hvem kan modtage støtten (SEL § 85, stk. 1)",
  -- antagelse: den nationale VUM-grænse (P.betydelig_nedsat_funktionsevne), som i stdlib/sel85.lua
  antagelse = true,
  naar = function(sag) return funktionsevne_eller_sociale_problemer(sag, P.betydelig_nedsat_funktionsevne) end,
}

betingelse {
  id = "profiterer",
  tekst = "Hjælpen understøtter borgeren i at bevare eller øge mestringsevnen (borgeren profiterer af støtten)",
  kilde = "Varde KS 1.4 og 1.5",
  forhold = "profiterer_af_stoette",
}

-- 1.7 "Forudsætninger og forventninger": "Borgeren skal være motiveret for at modtage støtten".
-- Antagelse: 1.4 (hvem kan modtage støtten) nævner ikke motivationen; vi læser forudsætningen
-- som en betingelse for målgruppen, som vi læser VUM-kravet i 3.2.
betingelse {
  id = "motiveret",
  tekst = "Borgeren er motiveret for at modtage støtten (en forudsætning i 1.7, læst som en betingelse for målgruppen)",
  kilde = "Varde KS 1.7 Forudsætninger og forventninger",
  antagelse = true,
  forhold = "motiveret",
}

-- 2.2: "Det er dog en betingelse, at borgeren deltager aktivt"; 2.5: kan borgeren ikke det,
-- "vil behovet for hjælp jf. SEL § 83 blive vurderet".
udelukkelse {
  id = "kan_ikke_deltage_aktivt",
  tekst = "Borgeren kan ikke deltage aktivt i opgaverne; behovet for hjælp efter SEL § 83 vurderes",
  kilde = "Varde KS 2.2 og 2.5",
  naar = function(sag) return ikke(sag.forhold.kan_deltage_aktivt) end,
  henvis_til = "SEL § 83",
}

-- 3.2: "Der er krav om, at borgeren medvirker ved udarbejdelse af en helhedsvurdering,
-- herunder en udredning efter voksenudredningsmetoden (VUM)". Uden VUM er det uafklaret.
-- Antagelse: kravet står under visitationen, ikke under målgruppen; vi læser det som en
-- betingelse for at afgøre målgruppen, så en sag uden VUM venter på udredningen.
betingelse {
  id = "vum_udredning",
  tekst = "Der foreligger en udredning efter voksenudredningsmetoden (VUM)",
  kilde = "Varde KS 3.2 Hvordan foregår visitationen",
  antagelse = true,
  naar = function(sag)
    if sag.vum:max() == nil then return nil end -- ingen VUM endnu: "vum" står i mangler
    return true
  end,
}

-- 2.1: Temaerne -----------------------------------------------------------------------------
-- Støtten "ydes indenfor et eller flere af nedenstående temaer"; hver aktivitet, et tema nævner
-- med ord, er omfattet med temaet som kilde (de praktiske opgaver og hygiejnen står nedenfor).

local function tema(id, tema_navn, tekst)
  aktivitet { id = id, tekst = tekst, kilde = "Varde KS 2.1, temaet " .. tema_navn, omfattet = true }
end
tema("struktur_i_hverdagen", "Praktiske opgaver i hjemmet", "Vejledning og støtte til strukturering")
tema("post", "Kommunikation", "Organisering af, læsning af, forståelse af og handling på fysisk og elektronisk post")
tema("oekonomi", "Samfundsliv", "Vejledning og støtte til håndtering af privatøkonomi, f.eks. budget og regninger")
tema("uddannelse_beskaeftigelse", "Samfundsliv", "At fjerne forhindringer for tilknytning til arbejdsmarked og uddannelse")
tema("sociale_relationer", "Socialt liv", "Etablering og opretholdelse af sociale relationer")
tema("netvaerk", "Socialt liv", "Netværksdannelse og deltagelse i aktiviteter i lokalsamfundet")
tema("medicin_haandtering", "Sundhed", "Struktur omkring indtagelse af medicin")

-- Ledsagelse til behandling nævnes ikke med ord. Antagelse: temaet Sundhed ("motivation til
-- gennemførsel af nødvendig udredning og behandling") omfatter den, når den har et pædagogisk
-- formål, for 2.4 udelukker kun "Ledsagelse uden konkret pædagogisk formål".
aktivitet {
  id = "ledsagelse_behandling",
  tekst = "Ledsagelse med pædagogisk formål til udredning og behandling",
  kilde = "Varde KS 2.1, temaet Sundhed, og 2.4",
  antagelse = true,
  omfattet = true,
}

-- 2.4 – 2.5: Hvad er ikke omfattet, og snitflader -----------------------------------------

-- 2.4: "Der ydes i udgangspunktet ikke støtte til": nej er udgangspunktet, og teksten siger det,
-- så sagsbehandlerens konkrete vurdering står åben.
local function ikke_omfattet(id, tekst, henvis_til, kilde)
  aktivitet { id = id, tekst = tekst .. " (i udgangspunktet ikke omfattet)", kilde = kilde or "Varde KS 2.4",
              omfattet = false, henvis_til = henvis_til }
end
ikke_omfattet("administration_af_penge", "Administration af borgerens penge")
ikke_omfattet("psykologbehandling", "Behandling, f.eks. psykologisk behandling")
-- 2.4 udelukker ledsagelsen; 2.5 nævner ledsagelse efter SEL § 97.
ikke_omfattet("ledsagelse_uden_paedagogisk_formaal", "Ledsagelse uden konkret pædagogisk formål", "SEL § 97",
              "Varde KS 2.4 og 2.5")
-- 2.4 siger, at medicindosering ikke er omfattet, men ikke hvor den hører hjemme: henvisningen
-- er det nationale grundlags (hjemmesygepleje), og kilden siger det.
ikke_omfattet("medicindosering", "Medicindosering og udlevering af medicin", "SUL § 138",
              "Varde KS 2.4; Sundhedsloven § 138")
ikke_omfattet("transport_uden_paedagogisk_sigte", "Transport uden pædagogisk sigte (kun fra A til B)")

aktivitet {
  id = "genoptraening", tekst = "Træning og genoptræning", kilde = "Varde KS 2.5 (SEL § 86)",
  omfattet = false, henvis_til = "SEL § 86",
}

-- Praktiske opgaver og personlig pleje (2.1: "borgerens egen varetagelse af ..."): § 85, når
-- borgeren kan tage del i opgaven. Kan borgeren ikke (2.4), er støtten ikke § 85; med udsigt
-- ved træning henvises efter P.udsigt_ved_traening, ellers til § 83 (2.5).
-- 2.5's "fortsat usikkerhed ... den paragraf, borgeren i forvejen modtager" gælder kun ved tvivl,
-- som sagen ikke kan vise: den står i betingelsen, ikke i logikken.
local function praktisk(id, tekst)
  aktivitet {
    id = id, tekst = tekst, kilde = "Varde KS 2.4 og 2.5 (snitflade til SEL § 83 og § 83a)",
    -- henvisningen ved udsigt til træning hviler på P.udsigt_ved_traening (en antagelse)
    antagelse = true,
    betingelse = "Borgeren tager selv del i opgaven (KS 2.2 og 2.4). Til sagsbehandleren, ikke afgjort her: "
      .. "modtager borgeren i forvejen støtte efter SEL § 83, § 83a, § 86 eller § 97, og er der fortsat "
      .. "usikkerhed om, hvilken paragraf støtten bedst hjemles i, bevilges den i udgangspunktet efter den "
      .. "paragraf (KS 2.5)",
    omfattet = function(sag) return sag.forhold.kan_deltage_aktivt end,
    henvis_til = function(sag)
      local traening = sag.forhold.kan_afhjaelpes_med_traening
      if traening == nil then return nil end -- udsigten er ikke vurderet
      return traening and P.udsigt_ved_traening or "SEL § 83"
    end,
  }
end
praktisk("indkoeb_madlavning", "Støtte til borgerens egen varetagelse af indkøb og madlavning")
praktisk("rengoering_toejvask", "Støtte til borgerens egen varetagelse af rengøring og tøjvask")
praktisk("personlig_hygiejne", "Støtte til borgerens egen varetagelse af personlig hygiejne")

-- 3.5 – 4.5: Frister -----------------------------------------------------------------------

-- Den første af de datoer, der viser henvendelsen (P.henvendelse_vist_ved), fra ansøgningen og
-- frem; nil, når sagen ingen har.
local function henvendelse_vist(sag)
  local modtaget, vist = sag.ansoegning.modtaget, P.henvendelse_vist_ved
  local foerste
  if vist.vum then
    local d = sag.vum.dato
    if d ~= nil and d >= modtaget then foerste = d end
  end
  if vist.afgoerelse then
    -- antagelse: uden afgørelsens dato er en afgørelse, der er sendt (eller modtaget),
    -- truffet senest den dag
    local b = sag.bevilling
    local d = b.afgoerelse_dato or b.afgoerelse_sendt or b.afgoerelse_modtaget
    if d ~= nil and d >= modtaget and (foerste == nil or d < foerste) then foerste = d end
  end
  return foerste
end

-- 3.5: "senest indenfor 4 uger fra modtagelse af ansøgningen, rette henvendelse til borgeren".
-- Hvad der viser henvendelsen, er en antagelse (P.henvendelse_vist_ved); kun det, der skete
-- fra ansøgningen og frem, hører til den.
frist {
  id = "henvendelse",
  tekst = "Social og Handicap retter henvendelse til borgeren (antagelse: vist ved en VUM-udredning eller en afgørelse efter ansøgningen)",
  kilde = "Varde KS 3.5 Tidsfrister",
  antagelse = true, -- hvad der viser henvendelsen (P.henvendelse_vist_ved)
  fra = "ansoegning.modtaget",
  varighed = uger(4),
  -- Et tegn uden dato viser kontakten, men ikke hvornår: en VUM med scorer, men uden dato, eller
  -- en bevilling (timer eller start) uden afgørelsens datoer og uden en start før ansøgningen.
  -- Er der intet dateret tegn, men et udateret, er svaret false: værten afgør ikke en frist, der
  -- er gået, og datoen står under ukontrollerede (ellers ville sagen, der ved mindre, få et
  -- sikkert "overskredet").
  opfyldt_ved = function(sag)
    local d = henvendelse_vist(sag)
    if d ~= nil then return d end
    local vist, modtaget = P.henvendelse_vist_ved, sag.ansoegning.modtaget
    if vist.vum and sag.vum.dato == nil and sag.vum:max() ~= nil then return false end
    if vist.afgoerelse then
      local b = sag.bevilling
      if (b.timer or b.start) and (b.start == nil or b.start >= modtaget)
        and not (b.afgoerelse_dato or b.afgoerelse_sendt or b.afgoerelse_modtaget) then
        return false
      end
    end
    return nil
  end,
  -- En VUM eller en afgørelse kommer efter henvendelsen: den viser, at der var kontakt senest
  -- den dag, ikke hvornår. Kommer det første tegn efter fristen, siger sagen ikke, om fristen
  -- blev holdt: den afgøres ikke (sagsbehandleren ser den under ukontrollerede). Er der intet
  -- tegn, når fristen er gået, er den overskredet (antagelsen: intet i sagen viser henvendelse).
  opfyldt_senest = true,
}

frist {
  id = "klage",
  tekst = "Klagefrist over afgørelsen",
  kilde = "Varde KS 3.6 Klagemuligheder (Rsl. § 67)",
  fra = "bevilling.afgoerelse_modtaget",
  varighed = uger(4),
  flyt = "naeste_arbejdsdag",
  paahviler = "borger", -- borgerens frist: udløbet uden klage er ingen fejl
  opfyldt_ved = "klage.modtaget",
}

frist {
  id = "genvurdering",
  tekst = "Forvaltningen genvurderer klagen; fastholdes afgørelsen, videresendes klagen til Ankestyrelsen",
  kilde = "Varde KS 3.6 Klagemuligheder (Rsl. § 66)",
  fra = "klage.modtaget",
  varighed = uger(4),
  paahviler = "kommune",
  opfyldt_ved = "klage.genvurderet",
}

frist {
  id = "naeste_opfoelgning",
  tekst = "Næste opfølgning (mindst 1 gang årligt; oftere, når afgørelsen fastsætter det)",
  kilde = "Varde KS 3.7 Opfølgning og 4.4",
  fra = seneste_opfoelgning_eller_start,
  -- "mindst": afgørelsens eget, kortere interval gælder, et længere ikke
  varighed = function(sag) return interval_hoejst(sag, P.opfoelgning_interval) end,
}

frist {
  id = "indsatsplan",
  tekst = "Leverandørens indsatsplan (inden for den første måned)",
  kilde = "Varde KS 4.5 Krav til dokumentation",
  fra = "bevilling.start",
  varighed = maaneder(1),
  -- "inden for den første måned efter, at borgeren er startet": en plan dateret før starten er
  -- ikke planen for dette forløb (værten tæller ingen hændelse før fristens start)
  opfyldt_ved = "indsatsplan.dato",
}

-- 2.6 – 4.3: Krav til leverancen -----------------------------------------------------------

krav {
  id = "levering_uden_for_dagtimer",
  tekst = "Støtten ydes som udgangspunkt i dagtimerne på hverdage (antagelse: dagtimerne er kl. "
    .. P.dagtimer.fra .. "-" .. P.dagtimer.til .. ", hverdage er mandag-fredag uden helligdage)",
  kilde = "Varde KS 4.1 Hvornår leveres støtten",
  antagelse = true, -- tidsrummet (P.dagtimer) er scriptets læsning af "dagtimerne"
  afvigelser = function(sag)
    -- støttetid på en weekend- eller helligdag, eller der begynder før eller slutter efter dagtimerne.
    -- Antagelse: "hverdage" er mandag-fredag uden de officielle helligdage; grundlovsdag og
    -- 24. december er hverdage her (de er ikke helligdage, og standarden nævner dem ikke).
    local leverancer = sag.leverancer
    if not oplyst(leverancer) then return nil end -- ikke oplyst er ikke "ingen leverancer"
    return uden_for_tidsrum(leverancer, {
      arter = P.stoettetid,
      tidsrum = P.dagtimer,
      arbejdsdage = true,
      tekst = "{ugedag} den {dato} kl. {start}-{slut}",
    })
  end,
}

-- 3.7: "der kan dog aldrig følges administrativt op to år i træk". To år, ikke to opfølgninger:
-- to administrative opfølgninger efter hinanden, uden et møde imellem, i to kalenderår, der følger
-- efter hinanden. To i samme år (februar og august) er ét år; 2024 og 2026 er ikke i træk (et år
-- uden opfølgning er en anden afvigelse, som den årlige opfølgningsfrist fanger).
-- Begge yderpunkter i én gennemgang: en opfølgning uden form regnet som et møde (`sikre`, de
-- afvigelser der er sikre) og som administrativ (`mulige`, om der kan være en). Hver form
-- læses én gang, i samme rækkefølge som før.
local function administrative_aar_i_traek(liste)
  local sikre, mulige = {}, false
  local forrige_sikker, forrige_mulig = nil, nil
  for i = 1, #liste do -- efter_dato giver en almindelig liste
    local o = liste[i]
    local form = o.form
    if form == "administrativ" then
      if forrige_sikker and forrige_sikker.dato.aar + 1 == o.dato.aar then
        sikre[#sikre + 1] = string.format("%s og %s", forrige_sikker.dato:tekst(), o.dato:tekst())
      end
      forrige_sikker = o
    else
      forrige_sikker = nil -- et møde afbryder rækken
    end
    if form == "administrativ" or form == nil then
      if forrige_mulig and forrige_mulig.dato.aar + 1 == o.dato.aar then mulige = true end
      forrige_mulig = o
    else
      forrige_mulig = nil
    end
  end
  return sikre, mulige
end

krav {
  id = "administrativ_opfoelgning_to_aar_i_traek",
  tekst = "Der kan aldrig følges administrativt op to år i træk (antagelse: to administrative opfølgninger efter hinanden, uden et møde imellem, i to kalenderår efter hinanden)",
  kilde = "Varde KS 3.7 Opfølgning",
  antagelse = true,
  afvigelser = function(sag)
    -- En opfølgning uden form kan være begge dele. Flere administrative giver aldrig færre
    -- afvigelser, så de to yderpunkter afgør, om svaret er sikkert.
    local sikre, mulige = administrative_aar_i_traek(efter_dato(sag.opfoelgninger))
    if #sikre > 0 then return sikre end
    if mulige then return nil end
    return {}
  end,
}

-- 2.6: "Der kan ikke spares timer op over en periode til senere brug". Opsparing er timer, der
-- ikke blev brugt i en periode, og som leveres ud over bevillingen i en senere periode; en
-- periode over bevillingen uden et tidligere underskud er ingen opsparing.
local function periode_navn(fra, periode)
  if periode == "uge" then return string.format("uge %d/%d", fra.uge, fra.uge_aar) end
  return string.format("%02d/%d", fra.maaned, fra.aar)
end

-- "1 time", "2,5 timer"
local function timer_tekst(t) return tal(t) .. (t == 1 and " time" or " timer") end

krav {
  id = "timer_opsparet",
  tekst = "Der kan ikke spares timer op over en periode til senere brug (antagelse: underskud regnes fra første hele periode med leverancer; transport og administration er ikke støttetid)",
  kilde = "Varde KS 2.6 Fleksibilitet og bytteret",
  antagelse = true,
  afvigelser = function(sag)
    local b = sag.bevilling
    local timer, periode, start = b.timer, b.periode, b.start
    if timer == nil or periode == nil or start == nil then return nil end
    local leverancer = sag.leverancer
    if not oplyst(leverancer) then return nil end
    -- leveret støttetid i hver hel periode af bevillingen, fra den første til den sidste med leverancer
    local leveret = perioder(leverancer, { periode = periode, arter = P.stoettetid, fra = start })
    -- de perioder, hvor mere end bevilget blev leveret med timer, som tidligere perioder ikke brugte
    local indhentet = leveret:indhentet(minutter_af_timer(timer))
    local ud = {}
    for i = 1, #indhentet do
      local p = indhentet[i]
      ud[i] = string.format("%s: %s leveret, %s bevilget; %s fra tidligere perioder",
                            periode_navn(leveret[p.nr].fra, periode), timer_tekst(p.minutter / 60), tal(timer),
                            timer_tekst(p.indhentet / 60))
    end
    return ud
  end,
}

krav {
  id = "mange_afbud",
  tekst = "Leverandøren skal melde tilbage ved uforholdsmæssigt mange afbud eller udeblivelser (antagelse: mindst "
    .. P.mange_afbud.antal .. " fra borgeren inden for de seneste " .. P.mange_afbud.dage .. " dage)",
  kilde = "Varde KS 4.3 Tilbagemeldingspligt og 1.7",
  antagelse = true, -- hvad der er "uforholdsmæssigt mange" (P.mange_afbud), er scriptets læsning
  afvigelser = function(sag, dato)
    local afbud = sag.afbud
    if not oplyst(afbud) then return nil end
    local fra = dato - dage(P.mange_afbud.dage)
    local n = antal(afbud, function(a)
      return (a.af == "borger" or a.af == "udeblevet") and a.dato > fra and a.dato <= dato
    end)
    if n >= P.mange_afbud.antal then
      -- 1.7: "Ved gentagne afbud fra borgerens side, vil sagsbehandleren altid gå i dialog med
      -- borgeren og leverandøren for at afdække årsagen hertil"
      return { string.format("%d afbud/udeblivelser de seneste %d dage; sagsbehandleren skal gå i dialog med "
                             .. "borgeren og leverandøren om årsagen og vurdere, om tilbuddet skal fortsætte",
                             n, P.mange_afbud.dage) }
    end
    return {}
  end,
}
