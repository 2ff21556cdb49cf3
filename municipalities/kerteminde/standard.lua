-- Kerteminde Kommune: kvalitetsstandard for socialpædagogisk støtte i eget hjem, SEL § 85.
-- Kilde: "Socialpædagogisk støtte i eget hjem, Servicelovens § 85, Kvalitetsstandard",
-- godkendt i Ældre-, Handicap- og Psykiatriudvalget 13.04.2021.
-- Standarden har ingen afsnitsnumre; `kilde` nævner afsnittets overskrift.

brug "stdlib.sel85"

kvalitetsstandard {
  kommune = "kerteminde",
  titel = "Socialpædagogisk støtte i eget hjem, Servicelovens § 85, Kerteminde Kommune",
  godkendt = "2021-04-13",
  kilde = "Kerteminde Kommune, Kvalitetsstandard for socialpædagogisk støtte i eget hjem (godkendt 13.04.2021)",
  beskrivelse = {
    ["Formål"] = "Kommunens indsats skal understøtte borgerens handlemuligheder, så borgeren opnår et så selvstændigt og meningsfyldt liv som muligt; afsæt i den rehabiliterende tankegang.",
    ["Hvad omfatter støtten"] = "Støtten er som udgangspunkt midlertidig. Den kan gives som gruppetilbud eller som en kombination af individuel støtte og gruppetilbud. Antagelse: \"kan\" læses som en mulighed, ikke som et krav; støtte i eget hjem kan også være individuel alene, så scriptet advarer ikke om støttens form.",
    ["Indsatsområder"] = "Mestring af sygdom/handicap (forældrerollen), egenomsorg, struktur og praktiske færdigheder, netværk og sociale relationer, beskæftigelse/uddannelse, fritid og frivillige aktiviteter, råd og vejledning, hverdagens opgaver, økonomi efter retningslinjer, sundhed.",
    ["Ydelsespakker"] = "Støtten er gradueret i 6 ydelsespakker, der bevilges ud fra funktionsnedsættelsen efter en individuel, konkret vurdering. Standarden beskriver ikke pakkernes indhold; timetal og kriterier i dette script er antagelser.",
    ["Handleplan"] = "Borgeren tilbydes en handleplan (frivillig). Der udarbejdes altid en bestilling og en pædagogisk handleplan sammen med medarbejderen.",
    ["Hvad koster støtten"] = "Socialpædagogisk støtte i eget hjem er gratis.",
    ["Hvem leverer støtten"] = "Som udgangspunkt Kerteminde Kommunes ansatte.",
    ["Hvad forventes af dig"] = "Der må ikke ryges i hjemmet, når medarbejderen er til stede. Borgeren har pligt til at give de oplysninger, der er nødvendige for vurderingen, også ved ændringer.",
    ["Opfølgning"] = "Der følges op på regelmæssige statusmøder: mål, behov for ændringer, ændringer i funktionsniveau.",
    ["Kvalitetsmål"] = "Støtten gør borgeren så selvhjulpen som muligt; der opsættes mål; sammenhæng mellem bevilling og leverede ydelser; individuel handleplan hvis borgeren ønsker det; løbende opfølgning. Borgeren oplever at blive set og hørt, respekt, inddragelse og et trygt samarbejde.",
    ["Klageadgang"] = "Klagevejledning fremgår af afgørelsen.",
  },
}

local P = parametre {
  -- antagelse: standarden siger kun, at der er 6 pakker "ud fra funktionsnedsættelsen".
  -- Mål for funktionsnedsættelsen her: summen af VUM-scorerne i de syv temaer (0–28);
  -- en borger med mindst lige så høje scorer i alle temaer får aldrig en lavere pakke.
  -- Et tema, VUM'en ikke har scoret, kan være 0 til 4: så længe de kunne bringe summen over en
  -- højere pakkes grænse, er pakken uafklaret (sum_mindst), og temaerne står i mangler.
  pakke_fra_vum_sum = {
    vaerdi = { 0, 6, 9, 12, 16, 20 },
    type = "talliste", enhed = "VUM-sum", pr_pakke = true,
    tekst = "Laveste VUM-sum (0–28) for pakke 1 til 6",
    antagelse = true,
  },
  -- antagelse: standarden siger kun "Støtten er gradueret i 6 ydelsespakker" og nævner intet
  -- timetal; timerne her stiger med pakken, så en højere pakke aldrig giver færre timer.
  pakke_timer_pr_uge = {
    vaerdi = { 1, 2, 3, 5, 7, 10 },
    type = "talliste", enhed = "timer pr. uge", pr_pakke = true,
    tekst = "Timer pr. uge i pakke 1 til 6 (stigende)",
    antagelse = true,
  },
  leverede_ydelser = {
    vaerdi = { ansigt_til_ansigt = true, telefon = true, video = true, sms = true },
    tekst = "Leverancearter der regnes som leverede ydelser (ikke transport og administration)",
    -- antagelse: standarden siger kun "de leverede ydelser"; transport og administration er
    -- leverandørens tid, ikke støtte til borgeren.
    antagelse = true,
  },
  leverede_ydelser_tolerance = {
    vaerdi = 0,
    type = "tal", enhed = "minutter",
    tekst = "Minutter leveret tid pr. periode må afvige fra bevillingen, før der advares",
    -- antagelse: "sammenhæng" angiver ingen tolerance; enhver afvigelse vises.
    antagelse = true,
  },
  leverede_ydelser_perioder = {
    vaerdi = 12,
    type = "heltal", enhed = "perioder",
    tekst = "Hvor mange afsluttede perioder (uger eller måneder) før vurderingsdatoen der kontrolleres",
    -- antagelse: standarden siger ikke, hvor langt tilbage sammenhængen følges.
    antagelse = true,
  },
  arbejdsplads_interval = {
    vaerdi = 12,
    type = "heltal", enhed = "måneder",
    tekst = "Måneder mellem vurderinger af hjemmet som arbejdsplads (som minimum hvert år)",
    kilde = "Kerteminde KS, Hjemmet som arbejdsplads",
  },
}

-- Hvem kan få støtte -----------------------------------------------------------------------

-- Antagelse: standarden siger "væsentligt nedsat fysisk, psykisk og/eller socialt
-- funktionsniveau" uden at sige, hvordan det måles. Her: en VUM-score på mindst den nationale
-- grænse i et af temaerne, eller (for det sociale) forholdet saerlige_sociale_problemer.
betingelse {
  id = "funktionsevne",
  tekst = "Borgeren har et væsentligt nedsat fysisk, psykisk og/eller socialt funktionsniveau",
  kilde = "Kerteminde KS, Hvem kan få støtte",
  antagelse = true,
  -- et tema uden score kunne nå grænsen: så er svaret ukendt, ikke nej
  naar = function(sag) return funktionsevne_eller_sociale_problemer(sag, P.betydelig_nedsat_funktionsevne) end,
}

-- Hvem kan ikke få støtte ------------------------------------------------------------------

udelukkelse {
  id = "hjaelpemidler",
  tekst = "Funktionsnedsættelsen kan afhjælpes ved hjælpemidler",
  kilde = "Kerteminde KS, Hvem kan ikke få støtte",
  forhold = "kan_afhjaelpes_med_hjaelpemidler",
}

udelukkelse {
  id = "traening",
  tekst = "Funktionsnedsættelsen kan afhjælpes ved træningsindsatser",
  kilde = "Kerteminde KS, Hvem kan ikke få støtte",
  forhold = "kan_afhjaelpes_med_traening",
}

udelukkelse {
  id = "anden_lovgivning",
  tekst = "Funktionsnedsættelsen kan afhjælpes af anden lovgivning",
  kilde = "Kerteminde KS, Hvem kan ikke få støtte",
  forhold = "kan_afhjaelpes_efter_anden_lovgivning",
}

-- "Du ikke selv er i stand til at deltage aktivt i den støtte, der kan tilbydes": et krav
-- om, at borgeren kan; ikke vurderet endnu er uafklaret, aldrig et stille ja.
betingelse {
  id = "selv_aktivt_deltagende",
  tekst = "Borgeren er selv i stand til at deltage aktivt i den støtte, der kan tilbydes",
  kilde = "Kerteminde KS, Hvem kan ikke få støtte",
  forhold = "kan_deltage_aktivt",
}

-- Hvad omfatter støtten --------------------------------------------------------------------

local function omfattet(id, tekst, betingelse, kilde)
  aktivitet { id = id, tekst = tekst, kilde = kilde or "Kerteminde KS, Hvad omfatter støtten?", omfattet = true,
              betingelse = betingelse }
end
omfattet("struktur_i_hverdagen", "Støtte til struktur i dagligdagen")
omfattet("sociale_relationer", "Netværk og evnen at indgå i sociale relationer")
omfattet("netvaerk", "Opbygning og opretholdelse af sociale netværk")
-- Indsatsområdet "Beskæftigelse/uddannelse"; ordene om at fastholde tilbud står i indledningens
-- liste ("Denne støtte betyder ... ved bl.a."). Velfærdsteknologi står kun dér.
omfattet("uddannelse_beskaeftigelse", "Beskæftigelse/uddannelse: støtte til at fastholde tilbud uden for bopælen, f.eks. beskæftigelse, uddannelse, praktik eller § 103-tilbud",
         nil, "Kerteminde KS, Hvad omfatter støtten? (indsatsområderne) og indledningen")
omfattet("velfaerdsteknologi", "At indtænke velfærdsteknologi, hvor den er understøttende og dermed relevant", nil,
         "Kerteminde KS, indledningen (hvad støtten betyder)")
omfattet("oekonomi", "Økonomi i henhold til retningslinjer")
-- Antagelse: standarden nævner indsatsområderne sundhed og egenomsorg, ikke medicin; at støtte
-- til at håndtere egen medicin hører under dem, er scriptets læsning.
aktivitet { id = "medicin_haandtering", tekst = "Sundhed og egenomsorg", kilde = "Kerteminde KS, Hvad omfatter støtten?",
            omfattet = true, antagelse = true }
-- Ledsagelsen gives "hvis du: - Af psykiske årsager umuligt kan tage af sted på egen hånd.
-- - ikke magter at forklare dig eller omsætte beskeder": forholdet behov_for_ledsagelse.
local function ledsagelse(id, tekst)
  aktivitet {
    id = id, tekst = tekst, kilde = "Kerteminde KS, Hvad omfatter støtten? (ledsagelse)",
    betingelse = "Kun når borgeren af psykiske årsager umuligt kan tage af sted på egen hånd, eller ikke magter at forklare sig eller omsætte beskeder",
    omfattet = function(sag) return sag.forhold.behov_for_ledsagelse end,
  }
end
ledsagelse("ledsagelse_behandling", "Ledsagelse med socialpædagogisk indhold til dag- og fritidstilbud eller behandling, herunder læge")
ledsagelse("laege_tandlaege", "At følge til læge mv. med socialpædagogisk indhold")
-- "Oplæring/genoptræning i daglige færdigheder" er en del af støtten. Antagelse: de daglige
-- færdigheder er katalogets indkøb og madlavning, personlig hygiejne, rengøring og tøjvask
-- (standarden nævner ingen). Katalogets `genoptraening` er genoptræning af en fysisk
-- funktionsnedsættelse (SEL § 86), som standarden heller ikke giver ("Du kan ikke få støtte,
-- hvis ... Din funktionsnedsættelse kan afhjælpes ved træningsindsatser"): den nationale regel.
local function daglig_faerdighed(id, tekst)
  -- antagelse: standarden siger kun "Oplæring/genoptræning i daglige færdigheder"; vores
  -- læsning er, at indkøb og madlavning, hygiejne, rengøring og tøjvask er de færdigheder
  aktivitet { id = id, tekst = tekst, omfattet = true, antagelse = true,
              kilde = "Kerteminde KS, Hvad omfatter støtten? (oplæring/genoptræning i daglige færdigheder)" }
end
daglig_faerdighed("indkoeb_madlavning", "Oplæring i indkøb og madlavning")
daglig_faerdighed("personlig_hygiejne", "Oplæring i personlig hygiejne")
daglig_faerdighed("rengoering_toejvask", "Oplæring i rengøring og tøjvask")

-- Standarden nævner kun ledsagelse med socialpædagogisk indhold; at ledsagelse uden hører
-- under § 97, er det nationale grundlags henvisning, ikke standardens ord.
aktivitet {
  id = "ledsagelse_uden_paedagogisk_formaal",
  tekst = "Ledsagelse uden socialpædagogisk indhold",
  kilde = "Kerteminde KS, Hvad omfatter støtten? (ledsagelse med socialpædagogisk indhold); henvisningen: SEL § 97",
  antagelse = true,
  omfattet = false, henvis_til = "SEL § 97",
}

aktivitet {
  id = "husdyr",
  tekst = "Støtte til at passe eget/egne husdyr",
  kilde = "Kerteminde KS, Hvad omfatter støtten? (hverdagens opgaver)",
  betingelse = "Kun hvis borgeren selv er aktivt deltagende i opgaven",
  -- antagelse: sagen har intet forhold for deltagelse i netop denne opgave; at borgeren kan
  -- deltage aktivt i støtten, læses som at borgeren deltager i pasningen
  antagelse = true,
  omfattet = function(sag) return sag.forhold.kan_deltage_aktivt end,
}

-- Ydelsespakker ----------------------------------------------------------------------------

for n = 1, 6 do
  pakke {
    id = "pakke_" .. n,
    navn = "Ydelsespakke " .. n,
    tekst = "Ydelsespakke " .. n .. " af 6, gradueret efter funktionsnedsættelsen",
    kilde = "Kerteminde KS, Hvad omfatter støtten? (6 ydelsespakker)",
    timer = P.pakke_timer_pr_uge[n],
    periode = "uge",
    kriterier = "VUM-sum mindst " .. P.pakke_fra_vum_sum[n] .. " (antagelse)",
    antagelse = true,
    -- temaer uden score kunne bringe summen op: så er pakken uafklaret, ikke for lav
    naar = function(sag) return sag.vum:sum_mindst(P.pakke_fra_vum_sum[n]) end,
  }
end

-- Frister ----------------------------------------------------------------------------------

-- Antagelse: standarden siger "Når du modtager støtte ... bliver gennemgået" og "som minimum
-- hvert år", men ikke hvor tidligt den første gennemgang skal ske; her regnes også den første
-- fra støttens start med samme interval.
frist {
  id = "arbejdspladsvurdering",
  tekst = "Hjemmet vurderes som arbejdsplads (som minimum hvert år; antagelse: den første inden for et år fra støttens start)",
  kilde = "Kerteminde KS, Hjemmet som arbejdsplads",
  antagelse = true,
  fra = function(sag) return sag.arbejdspladsvurdering.dato or sag.bevilling.start end,
  varighed = function() return maaneder(P.arbejdsplads_interval) end,
}

-- Antagelse: standarden siger kun "regelmæssige statusmøder"; hvor ofte, tages her fra
-- afgørelsen (bevilling.opfoelgning_interval_maaneder), regnet fra seneste statusmøde. Et møde
-- er en opfølgning med borgeren: en administrativ opfølgning (uden borgeren) er intet statusmøde,
-- og er den seneste opfølgnings form ikke oplyst, er fristens start ukendt.
frist {
  id = "naeste_opfoelgning",
  tekst = "Statusmøde, når afgørelsen fastsætter hvor ofte (en administrativ opfølgning er intet statusmøde)",
  kilde = "Kerteminde KS, Opfølgning på støtten",
  antagelse = true,
  fra = seneste_moede_eller_start,
  varighed = interval_fra_afgoerelsen,
}

-- Krav -------------------------------------------------------------------------------------

-- Antagelse (ingen regel): "Støtten kan gives som et gruppetilbud eller som en kombination" læses
-- som "kan", ikke "kun", og standarden gælder støtte i eget hjem; alene individuel støtte er
-- derfor ingen afvigelse, og scriptet advarer ikke om formen.

-- Antagelse: "sammenhæng mellem din bevilling og de leverede ydelser" læses som, at hver hel
-- periodes leverede tid svarer til den bevilgede (tolerance og antal perioder er parametre).
krav {
  id = "leverede_ydelser_afviger",
  tekst = "Der er sammenhæng mellem bevillingen og de leverede ydelser (antagelse: transport og administration tæller ikke)",
  kilde = "Kerteminde KS, Kvalitetsmål i forhold til leverandøren",
  antagelse = true,
  afvigelser = function(sag, dato)
    local b = sag.bevilling
    if b.timer == nil or b.periode == nil or b.start == nil then return nil end
    -- uden leverancer i sagen vides intet om, hvad der er leveret (en tom liste: intet leveret)
    if not oplyst(sag.leverancer) then return nil end
    -- leverede minutter i hver hel periode af bevillingen, der sluttede før vurderingsdatoen
    local bevilget, periode = b.timer, b.periode
    local leveret = perioder(sag.leverancer, { periode = periode, arter = P.leverede_ydelser, fra = b.start, foer = dato })
    local ud = {}
    local foerste = math.max(1, #leveret - P.leverede_ydelser_perioder + 1) -- de seneste
    if foerste > #leveret then return ud end
    -- læst én gang, når der er en periode at se på: sporet nævner en læsning én gang
    local tolerance, minutter = P.leverede_ydelser_tolerance, minutter_af_timer(bevilget)
    -- de perioder fra den første af de seneste, hvor math.abs(leveret - minutter) > tolerance
    for _, i in ipairs(leveret:afvigende(foerste, minutter, tolerance)) do
      local p = leveret[i]
      -- en periode pr. afvigelse; værten samler perioder i træk til én advarsel med sum
      ud[#ud + 1] = { periode = periode, fra = p.fra, leveret = p.minutter / 60, bevilget = bevilget }
    end
    return ud
  end,
}
