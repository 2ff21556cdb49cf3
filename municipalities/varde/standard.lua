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
  dagtimer = {
    vaerdi = { fra = "08:00", til = "16:00" },
    tekst = "Tidsrum for 'dagtimerne på hverdage'",
    -- antagelse: standarden (4.1) siger kun "i dagtimerne på hverdage".
    antagelse = true,
  },
  mange_afbud = {
    vaerdi = { antal = 3, dage = 28 },
    tekst = "Afbud eller udeblivelser fra borgeren inden for et antal dage, der regnes som 'uforholdsmæssigt mange'",
    -- antagelse: standarden (4.3) siger kun "uforholdsmæssigt mange afbud eller udeblevet".
    antagelse = true,
  },
  opfoelgning_interval = {
    vaerdi = 12,
    tekst = "Måneder mellem opfølgninger (mindst 1 gang årligt)",
    kilde = "Varde KS 3.7 Opfølgning",
  },
}

-- 1.4 – 2.2: Hvem kan modtage støtten ------------------------------------------------------

betingelse {
  id = "profiterer",
  tekst = "Hjælpen understøtter borgeren i at bevare eller øge mestringsevnen (borgeren profiterer af støtten)",
  kilde = "Varde KS 1.4 og 1.5",
  forhold = "profiterer_af_stoette",
}

betingelse {
  id = "motiveret",
  tekst = "Borgeren er motiveret for at modtage støtten",
  kilde = "Varde KS 1.7",
  forhold = "motiveret",
}

betingelse {
  id = "deltager_aktivt",
  tekst = "Borgeren deltager aktivt; opgaverne udføres sammen med borgeren",
  kilde = "Varde KS 2.2 og 2.5",
  forhold = "kan_deltage_aktivt",
}

-- 2.4 – 2.5: Hvad er ikke omfattet, og snitflader -----------------------------------------

local function ikke_omfattet(id, tekst, henvis_til)
  aktivitet { id = id, tekst = tekst, kilde = "Varde KS 2.4", omfattet = false, henvis_til = henvis_til }
end
ikke_omfattet("administration_af_penge", "Administration af borgerens penge")
ikke_omfattet("psykologbehandling", "Behandling, f.eks. psykologisk behandling")
ikke_omfattet("ledsagelse_uden_paedagogisk_formaal", "Ledsagelse uden konkret pædagogisk formål", "SEL § 97")
ikke_omfattet("medicindosering", "Medicindosering og udlevering af medicin")
ikke_omfattet("transport_uden_paedagogisk_sigte", "Transport uden pædagogisk sigte (kun fra A til B)")

aktivitet {
  id = "genoptraening", tekst = "Træning og genoptræning", kilde = "Varde KS 2.5 (SEL § 86 og § 83a)",
  omfattet = false, henvis_til = "SEL § 86",
}

-- Praktiske opgaver og personlig pleje: § 85 kun når borgeren kan tage del i opgaven; ellers
-- § 83. Ved tvivl om paragraffen gælder den, borgeren i forvejen får støtte efter (2.5).
local function praktisk(id, tekst)
  aktivitet {
    id = id, tekst = tekst, kilde = "Varde KS 2.4 og 2.5 (snitflade til SEL § 83)",
    omfattet = function(sag)
      if sag.forhold.kan_deltage_aktivt == false then return false end
      if har_ydelse(sag, "83") then return false end -- 2.5: den paragraf, borgeren i forvejen får
      return true
    end,
    henvis_til = function() return "SEL § 83" end,
  }
end
praktisk("indkoeb_madlavning", "Støtte til borgerens egen varetagelse af indkøb og madlavning")
praktisk("rengoering_toejvask", "Støtte til borgerens egen varetagelse af rengøring og tøjvask")
praktisk("personlig_hygiejne", "Støtte til borgerens egen varetagelse af personlig hygiejne")

-- 3.5 – 4.5: Frister -----------------------------------------------------------------------

frist {
  id = "henvendelse",
  tekst = "Social og Handicap retter henvendelse til borgeren",
  kilde = "Varde KS 3.5 Tidsfrister",
  fra = "ansoegning.modtaget",
  varighed = uger(4),
  -- antagelse: sagen har intet felt for første kontakt; en afgørelse forudsætter kontakt,
  -- så afgørelsens dato regnes som senest mulige henvendelse.
  opfyldt_ved = "bevilling.afgoerelse_dato",
}

frist {
  id = "klage",
  tekst = "Klagefrist over afgørelsen",
  kilde = "Varde KS 3.6 Klagemuligheder (Rsl. § 67)",
  fra = "bevilling.afgoerelse_modtaget",
  varighed = uger(4),
  flyt = "naeste_arbejdsdag",
  opfyldt_ved = "klage.modtaget",
}

frist {
  id = "genvurdering",
  tekst = "Forvaltningen genvurderer klagen",
  kilde = "Varde KS 3.6 Klagemuligheder (Rsl. § 66)",
  fra = "klage.modtaget",
  varighed = uger(4),
}

frist {
  id = "naeste_opfoelgning",
  tekst = "Næste opfølgning (mindst 1 gang årligt)",
  kilde = "Varde KS 3.7 Opfølgning og 4.4",
  fra = seneste_opfoelgning_eller_start,
  varighed = function() return maaneder(P.opfoelgning_interval) end,
}

frist {
  id = "indsatsplan",
  tekst = "Leverandørens indsatsplan (inden for den første måned)",
  kilde = "Varde KS 4.5 Krav til dokumentation",
  fra = "bevilling.start",
  varighed = maaneder(1),
  opfyldt_ved = "indsatsplan.dato",
}

-- 2.6 – 4.3: Krav til leverancen -----------------------------------------------------------

local function stoette(l) return l.art ~= "administration" end

local function klokken(minut) return string.format("%02d:%02d", minut // 60, minut % 60) end

krav {
  id = "levering_uden_for_dagtimer",
  tekst = "Støtten ydes som udgangspunkt i dagtimerne på hverdage",
  kilde = "Varde KS 4.1 Hvornår leveres støtten",
  afvigelser = function(sag)
    local fra, til = minut(P.dagtimer.fra), minut(P.dagtimer.til)
    local ud = {}
    for _, l in ipairs(sag.leverancer) do
      if stoette(l) and (not arbejdsdag(l.dato) or l.start_minut < fra or l.slut_minut > til) then
        ud[#ud + 1] = string.format("%s kl. %s-%s", l.dato:lang(), l.start, klokken(l.slut_minut))
      end
    end
    return ud
  end,
}

krav {
  id = "administrativ_opfoelgning_to_aar_i_traek",
  tekst = "Der kan aldrig følges administrativt op to år i træk",
  kilde = "Varde KS 3.7 Opfølgning",
  afvigelser = function(sag)
    local liste = {}
    for _, o in ipairs(sag.opfoelgninger) do liste[#liste + 1] = o end
    table.sort(liste, function(a, b) return a.dato < b.dato end)
    local ud = {}
    for i = 2, #liste do
      if liste[i].form == "administrativ" and liste[i - 1].form == "administrativ" then
        ud[#ud + 1] = string.format("%s og %s", liste[i - 1].dato:tekst(), liste[i].dato:tekst())
      end
    end
    return ud
  end,
}

krav {
  id = "timer_opsparet",
  tekst = "Der kan ikke spares timer op over en periode til senere brug",
  kilde = "Varde KS 2.6 Fleksibilitet og bytteret",
  afvigelser = function(sag)
    local timer, periode = sag.bevilling.timer, sag.bevilling.periode
    if timer == nil or periode == nil then return nil end
    local leveret, orden = {}, {}
    for _, l in ipairs(sag.leverancer) do
      if stoette(l) and (sag.bevilling.start == nil or l.dato >= sag.bevilling.start) then
        local noegle = periode == "uge" and string.format("uge %d/%d", l.dato.uge, l.dato.uge_aar)
                                         or string.format("%02d/%d", l.dato.maaned, l.dato.aar)
        if not leveret[noegle] then leveret[noegle] = 0; orden[#orden + 1] = noegle end
        leveret[noegle] = leveret[noegle] + l.minutter
      end
    end
    local ud = {}
    for _, noegle in ipairs(orden) do
      if leveret[noegle] > timer * 60 then
        ud[#ud + 1] = string.format("%s: %s timer leveret, %s bevilget", noegle, tal(leveret[noegle] / 60), tal(timer))
      end
    end
    return ud
  end,
}

krav {
  id = "mange_afbud",
  tekst = "Leverandøren skal melde tilbage ved uforholdsmæssigt mange afbud eller udeblivelser",
  kilde = "Varde KS 4.3 Tilbagemeldingspligt",
  afvigelser = function(sag, dato)
    local fra = dato - dage(P.mange_afbud.dage)
    local n = antal(sag.afbud, function(a)
      return (a.af == "borger" or a.af == "udeblevet") and a.dato > fra and a.dato <= dato
    end)
    if n >= P.mange_afbud.antal then
      return { string.format("%d afbud/udeblivelser de seneste %d dage", n, P.mange_afbud.dage) }
    end
    return {}
  end,
}
