-- Ishøj Kommune: kvalitetsstandard for § 85 socialpædagogisk individuel støtte.
-- Kilde: "Kvalitetsstandard for § 85 socialpædagogisk individuel støtte", godkendt af
-- Social- og Sundhedsudvalget januar 2024. Standarden har ingen afsnitsnumre; `kilde`
-- nævner afsnittets overskrift (Målgruppe, Tildeling, Afgrænsning, Omfang og varighed …).

brug "stdlib.sel85"

kvalitetsstandard {
  kommune = "ishoej",
  titel = "Kvalitetsstandard for § 85 socialpædagogisk individuel støtte, Ishøj Kommune",
  -- Standarden siger kun "januar 2024", ingen dag; derfor ingen godkendt-dato.
  revideres = "Godkendt af Social- og Sundhedsudvalget januar 2024; revideres ved større ændringer",
  kilde = "Ishøj Kommune, Kvalitetsstandard for § 85 socialpædagogisk individuel støtte (januar 2024)",
  beskrivelse = {
    ["Formål"] = "Gennem hjælp, omsorg og støtte at fremme borgerens muligheder for at udvikle sig og selvstændigt klare sig bedst muligt i den daglige tilværelse: mestre eget liv i egen bolig, udvikle og vedligeholde færdigheder, forebygge forværring, afklare fremtidigt støttebehov.",
    ["Tildeling"] = "Kommunen bruger VUM og lægger vægt på, at borgeren har svært ved at klare hverdagen på grund af betydelig nedsat funktionsevne eller særligt udfordrende sociale problemer, er i risiko for at miste færdigheder, eller har behov for at udvikle nye færdigheder. Vægtningen er sagsbehandlerens faglige vurdering; sagen har ingen felter for de to sidste, så scriptet afgør ikke målgruppen på dem.",
    ["Form og indhold"] = "Rehabiliterende tilgang; borgeren er aktivt deltagende. Støttepersonen behøver ikke være til stede: støtte kan gives over telefon, virtuelle møder, sms eller aftaler fra gang til gang.",
    ["Svarfrist"] = "Svarfristen regnes fra modtagelsen af ansøgningen til afgørelsen; den aktuelle frist står i kommunens oversigt over svarfrister (ikke i standarden), så scriptet sætter ingen sagsbehandlingsfrist.",
    ["Omfang og varighed"] = "Timetallet i afgørelsen er ansigt-til-ansigt-tid med en vejleder; administration og transport opgøres andetsteds. Fra få timer om måneden til mange timer om ugen.",
    ["Opfølgning"] = "Det fremgår af den enkelte afgørelse, hvor ofte der følges op og ud fra hvilke kriterier.",
    ["Brugerbetaling"] = "Ingen egenbetaling; borgeren kan have udgifter til transport.",
    ["Vejleders fravær"] = "Kommunen tilstræber, at borgeren ved vejleders fravær får tilbud om støtte fra en anden vejleder.",
  },
}

local P = parametre {
  -- Standardens egen aldersgrænse: erstatter det nationale grundlags, der er en antagelse.
  myndighedsalder = {
    vaerdi = 18,
    type = "heltal", enhed = "år",
    tekst = "Alder fra hvilken støtten kan gives (\"du er fyldt 18 år\")",
    kilde = "Ishøj KS, Målgruppe",
  },
  direkte_tid = {
    vaerdi = { ansigt_til_ansigt = true, telefon = true, video = true, sms = true },
    tekst = "Leverancearter der tæller som den bevilgede tid med en vejleder (transport og administration tæller ikke)",
    kilde = "Ishøj KS, Omfang og varighed; Form og indhold",
    -- antagelse: standarden kalder timetallet "den konkrete ansigt-til-ansigt tid ... med en
    -- vejleder", men siger også "Du kan få støtten over telefon, via virtuelle møder, pr. sms".
    -- Kontakt med vejlederen på telefon, video og sms regnes derfor med; kontrakten siger kun, at
    -- transport og administration ikke tæller. Vil kommunen kun tælle fremmøde, sættes de til false.
    antagelse = true,
  },
  direkte_tid_tolerance = {
    vaerdi = 0,
    type = "tal", enhed = "minutter",
    tekst = "Minutter leveret tid pr. periode må afvige fra bevillingen, før der advares",
    -- antagelse: standarden nævner ingen tolerance; enhver afvigelse vises.
    antagelse = true,
  },
  anden_lovgivning_udelukker = {
    vaerdi = false,
    type = "ja_nej",
    tekst = "At funktionsnedsættelsen kan afhjælpes efter anden lovgivning, udelukker fra målgruppen",
    -- antagelse: nej. Standarden nævner anden lovgivning kun under Afgrænsning ("Ydelser eller
    -- støtte som kan dækkes gennem anden lovgivning" er ikke omfattet), ikke under Målgruppe:
    -- den afgrænser indholdet (§§ 84, 86, 96 nedenfor), ikke hvem der kan få støtte.
    antagelse = true,
  },
  direkte_tid_perioder = {
    vaerdi = 12,
    type = "heltal", enhed = "perioder",
    tekst = "Hvor mange afsluttede perioder (uger eller måneder) før vurderingsdatoen der kontrolleres",
    -- antagelse: standarden siger ikke, hvor langt tilbage der følges op; et år med
    -- månedsperioder, knap et kvartal med ugeperioder.
    antagelse = true,
  },
}

-- Målgruppe ---------------------------------------------------------------------------------

betingelse {
  id = "alder",
  tekst = "Borgeren er fyldt 18 år",
  kilde = "Ishøj KS, Målgruppe",
  naar = function(sag) return mindst(sag.borger.alder, P.myndighedsalder) end,
}

-- Målgruppen: "du er fyldt 18 år og har betydelig nedsat fysisk eller psykisk funktionsevne eller
-- særlige sociale problemer". Lovens ord i standardens eget afsnit.
betingelse {
  id = "funktionsevne",
  tekst = "Borgeren har betydelig nedsat fysisk eller psykisk funktionsevne eller særlige sociale problemer",
  kilde = "Ishøj KS, Målgruppe (SEL § 85, stk. 1)",
  -- antagelse: den nationale VUM-grænse (P.betydelig_nedsat_funktionsevne), som i stdlib/sel85.lua
  antagelse = true,
  naar = function(sag) return funktionsevne_eller_sociale_problemer(sag, P.betydelig_nedsat_funktionsevne) end,
}

betingelse {
  id = "ressourcer_og_motivation",
  tekst = "Borgeren har ressourcer og motivation til at klare sig selv på nogle områder og behov for hjælp på andre",
  kilde = "Ishøj KS, Målgruppe",
  -- antagelse: afgjort af forholdet "motiveret" alene; at borgeren har ressourcer på nogle
  -- områder og behov for hjælp på andre, ses i VUM og sagsbehandlerens vurdering.
  antagelse = true,
  forhold = "motiveret",
}

-- "det forventes, at du er aktivt deltagende" står under Form og indhold, ikke under
-- Målgruppe: en forventning til samarbejdet, ikke en betingelse for at få støtte, og
-- standarden knytter ingen henvisning til den. § 83 nævnes under Afgrænsning om de praktiske
-- opgaver og den personlige hjælp (aktiviteterne nedenfor), ikke om borgerens deltagelse;
-- derfor er der ingen regel om kan_deltage_aktivt her, og forholdet mangler aldrig.

-- Reads the fact only when the parameter makes it a target-group rule (see parametre).
udelukkelse {
  id = "anden_lovgivning",
  tekst = "Udelukkelse, fordi funktionsnedsættelsen kan afhjælpes efter anden lovgivning: bruges ikke i Ishøj (antagelse: anden lovgivning afgrænser ydelserne, ikke målgruppen)",
  kilde = "Ishøj KS, Afgrænsning",
  antagelse = true,
  naar = function(sag)
    if not P.anden_lovgivning_udelukker then return false end
    return sag.forhold.kan_afhjaelpes_efter_anden_lovgivning
  end,
}

-- Indhold ------------------------------------------------------------------------------------

local function indhold(id, tekst, betingelse)
  aktivitet { id = id, tekst = tekst, kilde = "Ishøj KS, Form og indhold", omfattet = true, betingelse = betingelse }
end
indhold("struktur_i_hverdagen", "At skabe struktur i hverdagen")
indhold("uddannelse_beskaeftigelse", "At opbygge eller fastholde tilknytning til uddannelse, beskæftigelse eller anden aktivitet")
indhold("medicin_haandtering", "At mestre funktionsnedsættelse eller sygdom, f.eks. selv huske og håndtere medicin")
indhold("sociale_relationer", "At indgå i sociale sammenhænge")
indhold("netvaerk", "At indgå i netværk")
indhold("laege_tandlaege", "At planlægge læge- og tandlægebesøg", "Støtte til selve besøget kun i særlige tilfælde")
-- antagelse: standarden siger kun "(i særlige tilfælde støtte til besøget)" og nævner ikke,
-- hvad et særligt tilfælde er; vi læser det som forholdet behov_for_ledsagelse (borgeren kan af
-- psykiske årsager ikke tage af sted alene eller ikke forklare sig), som Kerteminde siger det.
-- Uden det forhold er svaret uafklaret, aldrig et stille ja.
aktivitet {
  id = "ledsagelse_behandling", tekst = "Ledsagelse og støtte under selve besøget, f.eks. hos læge og tandlæge",
  kilde = "Ishøj KS, Form og indhold", antagelse = true,
  betingelse = "Kun i særlige tilfælde (læst som: borgeren har behov for ledsagelse); ellers støtte til at planlægge besøget",
  omfattet = function(sag) return sag.forhold.behov_for_ledsagelse end,
}

indhold("oekonomi", "At planlægge og styre økonomien")
indhold("post", "At forstå og handle på fysisk og digital post")

-- Afgrænsning --------------------------------------------------------------------------------

local function afgraenset(id, tekst, henvis_til)
  aktivitet { id = id, tekst = tekst, kilde = "Ishøj KS, Afgrænsning", omfattet = false, henvis_til = henvis_til }
end
-- Afgrænsning nævner "At købe ind og lave mad" i samme liste over praktiske opgaver som hygiejne
-- og rengøring. Opfølgningsafsnittets "støtte før, under og/eller efter en aktivitet som indkøb"
-- er et eksempel på, hvordan støtten målrettes, ikke en aktivitet i sig selv; den ydes under de
-- andre aktiviteter (f.eks. struktur i hverdagen).
-- Antagelse: standarden siger, at det "som udgangspunkt" er praktiske opgaver, der ikke indgår;
-- scriptet svarer nej og henviser til § 83, og teksten siger "som udgangspunkt", så en konkret
-- vurdering (optræning med et socialpædagogisk formål) står åben for sagsbehandleren.
local function praktisk(id, tekst)
  aktivitet { id = id, tekst = tekst .. ' ("som udgangspunkt" ikke socialpædagogisk støtte)', kilde = "Ishøj KS, Afgrænsning",
              omfattet = false, henvis_til = "SEL § 83", antagelse = true }
end
praktisk("indkoeb_madlavning", "Praktisk opgave: at købe ind og lave mad")
praktisk("personlig_hygiejne", "Praktisk opgave: at håndtere den personlige hygiejne")
praktisk("rengoering_toejvask", "Praktisk opgave: at rydde op, gøre rent og vaske tøj")
afgraenset("ledsagelse_uden_paedagogisk_formaal", "Ledsagelse uden et socialpædagogisk formål", "SEL § 97")
afgraenset("genoptraening", "Genoptræning (dækkes af anden lovgivning)", "SEL § 86")
afgraenset("afloesning_aflastning", "Afløsning og aflastning (dækkes af anden lovgivning)", "SEL § 84")
afgraenset("bpa", "Borgerstyret Personlig Assistance (dækkes af anden lovgivning)", "SEL § 96")
afgraenset("psykologbehandling", "Psykologfaglig behandling ydes ikke")
-- Antagelse: standarden siger kun, at "Der ydes ikke sygeplejefaglig, lægefaglig, psykologfaglig
-- eller fysioterapeutisk behandling"; at dosering af medicin er sygeplejefaglig behandling, er
-- scriptets læsning, og hvor den hører hjemme, er det nationale grundlags henvisning.
aktivitet {
  id = "medicindosering", tekst = 'Dosering af medicin, læst som sygeplejefaglig behandling, der "ydes ikke"',
  kilde = "Ishøj KS, Afgrænsning; Sundhedsloven § 138", omfattet = false, henvis_til = "SUL § 138",
  antagelse = true,
}

-- Opfølgning og klage -------------------------------------------------------------------------

-- "Opfølgningen vil ske ... altid i samarbejde med dig": en administrativ opfølgning (uden
-- borgeren) er ikke en opfølgning her, så fristen regnes fra den seneste med borgeren.
-- Er den seneste opfølgnings form ikke oplyst, vides det ikke, om den var med borgeren: så er
-- fristens start ukendt (nil), og formen står i det, der mangler.

frist {
  id = "naeste_opfoelgning",
  tekst = "Opfølgning så ofte som afgørelsen fastsætter, altid i samarbejde med borgeren (antagelse: en administrativ opfølgning tæller ikke)",
  kilde = "Ishøj KS, Opfølgning",
  antagelse = true,
  fra = seneste_moede_eller_start, -- seneste opfølgning med borgeren, ellers bevillingens start
  varighed = interval_fra_afgoerelsen,
}

frist {
  id = "klage",
  tekst = "Klagen skal være modtaget af Ishøj Kommune senest 4 uger efter, at borgeren har modtaget afgørelsen",
  kilde = "Ishøj KS, Klagemuligheder",
  fra = "bevilling.afgoerelse_modtaget",
  varighed = uger(4),
  flyt = "naeste_arbejdsdag",
  paahviler = "borger", -- borgerens frist: udløbet uden klage er ingen fejl
  opfyldt_ved = "klage.modtaget",
}

frist {
  id = "genvurdering",
  tekst = "Ny afgørelse, eller klagen videresendt til Ankestyrelsen, senest 4 uger efter at kommunen modtog klagen",
  kilde = "Ishøj KS, Klagemuligheder",
  fra = "klage.modtaget",
  varighed = uger(4),
  paahviler = "kommune",
  opfyldt_ved = "klage.genvurderet",
}

-- Omfang: den bevilgede tid er ansigt-til-ansigt-tid ------------------------------------------

krav {
  id = "ansigt_til_ansigt_afviger",
  tekst = "Den leverede ansigt-til-ansigt-tid (antagelse: også telefon, video og sms; ikke transport og administration) svarer til bevillingen",
  kilde = "Ishøj KS, Omfang og varighed",
  antagelse = true, -- hvilke arter der tæller (P.direkte_tid), er scriptets læsning
  afvigelser = function(sag, dato)
    local b = sag.bevilling
    if b.timer == nil or b.periode == nil or b.start == nil then return nil end
    -- uden leverancer i sagen vides intet om, hvad der er leveret (en tom liste: intet leveret)
    if not oplyst(sag.leverancer) then return nil end
    -- direkte minutter i hver hel periode af bevillingen, der sluttede før vurderingsdatoen
    local timer, periode = b.timer, b.periode
    local leveret = perioder(sag.leverancer, { periode = periode, arter = P.direkte_tid, fra = b.start, foer = dato })
    local ud = {}
    local foerste = math.max(1, #leveret - P.direkte_tid_perioder + 1) -- de seneste
    if foerste > #leveret then return ud end
    -- læst én gang, når der er en periode at se på: sporet nævner en læsning én gang
    local tolerance, bevilget = P.direkte_tid_tolerance, minutter_af_timer(timer)
    -- de perioder fra den første af de seneste, hvor math.abs(leveret - bevilget) > tolerance
    for _, i in ipairs(leveret:afvigende(foerste, bevilget, tolerance)) do
      local p = leveret[i]
      -- en periode pr. afvigelse; værten samler uger i træk til én advarsel med sum
      ud[#ud + 1] = { periode = periode, fra = p.fra, leveret = p.minutter / 60, bevilget = timer }
    end
    return ud
  end,
}
