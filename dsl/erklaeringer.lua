-- Erklæringer: the words a kvalitetsstandard is written in.
--
-- A script declares; the host evaluates. Each declaration is checked here when the
-- script loads (missing id/tekst/kilde, unknown fields, wrong types, duplicate ids),
-- and the error names the script's file and line. The host reads `register` after the
-- script has run and owns the order of evaluation.
--
-- Origin: a declaration made in stdlib/ is national; one made anywhere else is
-- municipal. A municipal declaration with the id of a national one replaces it in
-- place (an exception to the default, as in Catala), and the trace says so.

local setmetatable = _vaert.setmetatable
local sted = _vaert.sted            -- (level) -> file, line of a caller
local er_varighed = _vaert.er_varighed
local er_dato = _vaert.er_dato
local FORHOLD = _vaert.forhold_ids  -- set of the contract's forhold ids
local DATOSTIER = _vaert.datostier  -- set of date paths the host reads itself
local feltlinje = _vaert.feltlinje  -- (fil, linje, felt, underfelt …) -> the line the field is written on
local mente_du = _vaert.mente_du    -- (navn, { kendte }) -> " — mente du 'x'?" or ""
local parametertype = _vaert.parametertype -- (vaerdi, type, enhed) -> typenavn, problem, felt

local register = {
  standard = nil,
  parametre = {},    -- id -> { vaerdi, tekst, kilde, antagelse, fil, linje, kommunal }
  regler = {},       -- declarations in order of evaluation within their step
  efter_id = {},
}

-- The keys of the given sets, sorted: the names a misspelt one is compared with.
local function navne(...)
  local ud = {}
  for _, saet in ipairs({ ... }) do
    for k in pairs(saet) do
      if type(k) == "string" then ud[#ud + 1] = k end
    end
  end
  table.sort(ud)
  return ud
end

-- Dated parameters (perioder = { ["ÅÅÅÅ-MM-DD"] = værdi, … }): navn -> their values by the
-- date each applies from. Out of the script's reach; the host picks the one in force.
-- _vaert.parameter_paa_dato(navn, perioder) -> true, værdi | false, problem: looked up when
-- read, since the host gives it after this module has loaded.
local daterede = {}

-- Values of all parameters, read by rules when they run (so an override counts).
-- Rules read them through a table __index chain, not a function: no call per read. A
-- dated parameter is not in the table: its read comes here, to take the date's value.
local vaerdier = setmetatable({}, {
  __index = function(_, k)
    local perioder = daterede[k]
    if perioder then
      local ok, v = _vaert.parameter_paa_dato(k, perioder)
      if not ok then error(v, 2) end
      return v
    end
    local kendte = navne(register.parametre)
    local hint = type(k) == "string" and mente_du(k, kendte) or ""
    if hint == "" and #kendte <= 12 then
      hint = " (parametrene er: " .. table.concat(kendte, ", ") .. ")"
    elseif hint == "" then
      hint = string.format(" (standarden har %d parametre; se parametre { … } i standarden og stdlib)", #kendte)
    end
    error("ukendt parameter '" .. tostring(k) .. "'" .. hint, 2)
  end,
})

local function fejl(fil, linje, hvad, id, besked)
  local navn = id and string.format("%s '%s'", hvad, id) or hvad
  error(string.format("%s:%d: %s: %s", fil, linje, navn, besked), 0)
end

-- The line a field (a path of names: parameter, then its field) is written on, read from
-- the script's text; the declaration's line when it is not written there. Only errors ask:
-- reading the text costs more than the check.
local function linje_for(fil, linje, ...)
  for i = 1, select("#", ...) do
    if type((select(i, ...))) ~= "string" then return linje end
  end
  return feltlinje(fil, linje, ...)
end

-- An unknown field, at the line it is written on, with the closest known name (or all of
-- them when none is close).
local function ukendt_felt(fil, linje, hvad, id, felt, kendte)
  -- { vaerdi = 7,5 } is { vaerdi = 7, 5 }: a Danish decimal comma, the likeliest cause
  if math.type(felt) == "integer" then
    fejl(fil, linje, hvad, id, "en værdi uden navn: er et decimaltal skrevet med komma? Skriv 7.5, ikke 7,5")
  end
  local hint = type(felt) == "string" and mente_du(felt, kendte) or ""
  if hint == "" then
    hint = " (felterne er: " .. table.concat(kendte, ", ") .. ")"
  end
  fejl(fil, linje, hvad, id, "ukendt felt '" .. tostring(felt) .. "'" .. hint)
end

-- A table with both named fields and values without a name: { antal = 3, dage = 28,5 } is
-- { antal = 3, dage = 28, 5 }.
local function blandet(t)
  local navngivet, uden_navn = false, false
  for k in pairs(t) do
    if type(k) == "string" then navngivet = true else uden_navn = true end
    if navngivet and uden_navn then return true end
  end
  return false
end

-- 'x' — mente du 'y'?, for a text that should have been one of the names in `saet`.
local function ikke_kendt(v, saet)
  if type(v) == "string" then return "'" .. v .. "'" .. mente_du(v, navne(saet)) end
end

-- Field types: each checker returns nil when the value is fine, else what was expected
-- and, when it can say better than the value's type, what was found.
local function er(t, beskrivelse)
  return function(v)
    if type(v) ~= t then return beskrivelse end
  end
end
-- What a value is, in the words the host's own messages use (lua/danish.cpp).
local TYPETEKST = {
  ["nil"] = "en værdi, der ikke findes (nil)", number = "et tal", string = "en tekst", table = "en tabel",
  ["function"] = "en funktion", boolean = "en sandhedsværdi (true/false)",
}
local function typetekst(v)
  if er_dato(v) then return "en dato" end
  if er_varighed(v) then return "en varighed" end
  return TYPETEKST[type(v)] or ("en værdi af typen " .. type(v))
end
local tekst = er("string", "en tekst i anførselstegn")
local funktion = er("function", "en funktion(sag, dato) ... end")
local sandhed = er("boolean", "true eller false")
local tal = er("number", "et tal")
local function en_af(...)
  local checkers = { ... }
  return function(v)
    local forventet, fundet = {}, nil
    for _, c in ipairs(checkers) do
      local f, ikke = c(v)
      if not f then return nil end
      forventet[#forventet + 1] = f
      fundet = fundet or ikke
    end
    return table.concat(forventet, " eller "), fundet
  end
end
local varighed = function(v)
  if not er_varighed(v) then return "en varighed, f.eks. uger(4)" end
  if v.antal < 0 then return "en længde på 0 eller mere, f.eks. uger(4)", tostring(v) .. " (en negativ længde)" end
end
local forhold_id = function(v)
  if type(v) ~= "string" or not FORHOLD[v] then
    return "et forhold-id fra kontrakten (f.eks. \"saerlige_sociale_problemer\")", ikke_kendt(v, FORHOLD)
  end
end
local datosti = function(v)
  if type(v) ~= "string" or not DATOSTIER[v] then
    return "en datosti (" .. table.concat(navne(DATOSTIER), ", ") .. ") eller en funktion", ikke_kendt(v, DATOSTIER)
  end
end
-- One of a few words: a wrong word is named, with the one it is closest to ("måned" →
-- "maaned"), not called "en tekst".
local function et_af(a, b)
  local saet = { [a] = true, [b] = true }
  return function(v)
    if not saet[v] then return string.format("\"%s\" eller \"%s\"", a, b), ikke_kendt(v, saet) end
  end
end
local periode = et_af("uge", "maaned")
local flyt = et_af("naeste_arbejdsdag", "ingen")
local paahviler = et_af("kommune", "borger")

local FAELLES = { id = tekst, tekst = tekst, kilde = tekst, note = tekst, antagelse = sandhed }

-- For each kind: its step, its own fields, which are required, and which logic field
-- must be present (one of).
local ARTER = {
  betingelse = { trin = "maalgruppe", felter = { naar = funktion, forhold = forhold_id },
                 en_af = { "naar", "forhold" } },
  udelukkelse = { trin = "maalgruppe", felter = { naar = funktion, forhold = forhold_id, henvis_til = tekst },
                  en_af = { "naar", "forhold" } },
  henvisning = { trin = "maalgruppe", felter = { naar = funktion, forhold = forhold_id, til = tekst },
                 kraevet = { "til" }, en_af = { "naar", "forhold" } },
  aktivitet = { trin = "aktiviteter", felter = { omfattet = en_af(sandhed, funktion),
                                                  henvis_til = en_af(tekst, funktion), betingelse = tekst },
                kraevet = { "omfattet" } },
  pakke = { trin = "pakke", felter = { navn = tekst, timer = tal, periode = periode, naar = funktion,
                                       kriterier = tekst },
            kraevet = { "navn", "timer", "periode", "naar" } },
  frist = { trin = "frister", felter = { fra = en_af(datosti, funktion), varighed = en_af(varighed, funktion),
                                         flyt = flyt, opfyldt_ved = en_af(datosti, funktion), naar = funktion,
                                         paahviler = paahviler, opfyldt_senest = sandhed },
            kraevet = { "fra", "varighed" } },
  krav = { trin = "krav", felter = { afvigelser = funktion }, kraevet = { "afvigelser" } },
}

local function national(fil) return fil:sub(1, 7) == "stdlib/" end

-- Declarations are made while a script loads, never while a rule runs: the host closes
-- the register once the standard has loaded (`_vaert.lukket()` is then true).
local function aaben(fil, linje, hvad)
  if _vaert.lukket() then
    fejl(fil, linje, hvad, nil, "erklæringer hører til standardens fil og gælder, når den indlæses — ikke inde i en "
      .. "regel eller ved prompten (ret filen og indlæs den igen)")
  end
end


-- What to write when one of the two fields every rule has is missing.
local SKRIV = {
  tekst = "; skriv tekst = \"…\": reglen med standardens ord",
  kilde = "; skriv kilde = \"…\": afsnittet i kvalitetsstandarden, reglen bygger på (f.eks. \"Varde KS 1.7\")",
}

local function erklaer(art, d)
  local fil, linje = sted(3)
  aaben(fil, linje, art)
  local spec = ARTER[art]
  if type(d) ~= "table" then
    fejl(fil, linje, art, nil, "skriv " .. art .. " { id = ..., tekst = ..., kilde = ... }")
  end
  local id = d.id
  if type(id) ~= "string" or id == "" then fejl(fil, linje, art, nil, "feltet 'id' mangler") end
  if not id:match("^[a-z0-9_]+$") then
    fejl(fil, linje, art, id, "et id skrives med små bogstaver a-z, tal og _ (æ→ae, ø→oe, å→aa)")
  end
  for _, felt in ipairs({ "tekst", "kilde" }) do
    if d[felt] == nil then fejl(fil, linje, art, id, "feltet '" .. felt .. "' mangler" .. SKRIV[felt]) end
  end
  for felt, v in pairs(d) do
    local check = FAELLES[felt] or spec.felter[felt]
    if not check then ukendt_felt(fil, linje_for(fil, linje, felt), art, id, felt, navne(FAELLES, spec.felter)) end
    local forventet, fundet = check(v)
    if forventet then
      fejl(fil, linje_for(fil, linje, felt), art, id,
        string.format("feltet '%s' skal være %s, ikke %s", felt, forventet, fundet or typetekst(v)))
    end
  end
  for _, felt in ipairs(spec.kraevet or {}) do
    if d[felt] == nil then fejl(fil, linje, art, id, "feltet '" .. felt .. "' mangler") end
  end
  if spec.en_af then
    local n = 0
    for _, felt in ipairs(spec.en_af) do if d[felt] ~= nil then n = n + 1 end end
    if n ~= 1 then
      fejl(fil, linje, art, id, "angiv præcis ét af felterne '" .. table.concat(spec.en_af, "' og '") .. "'")
    end
  end

  local r = {}
  for k, v in pairs(d) do r[k] = v end
  r.art, r.trin, r.fil, r.linje = art, spec.trin, fil, linje
  r.kommunal = not national(fil)

  local tidligere = register.efter_id[id]
  if tidligere then
    if tidligere.kommunal or not r.kommunal then
      fejl(fil, linje, art, id, string.format("id'et er allerede brugt i %s:%d", tidligere.fil, tidligere.linje))
    end
    if tidligere.art ~= art then
      fejl(fil, linje, art, id, string.format("erstatter en national %s (%s:%d); en regel kan kun erstattes af samme slags",
        tidligere.art, tidligere.fil, tidligere.linje))
    end
    r.erstatter = true
    for i, x in ipairs(register.regler) do
      if x == tidligere then register.regler[i] = r end
    end
  else
    register.regler[#register.regler + 1] = r
  end
  register.efter_id[id] = r
end

local M = { register = register, eksport = {} }
local E = M.eksport

for art in pairs(ARTER) do
  -- Returns nothing: what the host evaluates is the register's copy, out of the
  -- script's reach.
  E[art] = function(d)
    erklaer(art, d) -- not a tail call: sted(3) must find the script's line
  end
end

-- kvalitetsstandard { kommune, titel, godkendt, revideres, kilde, gyldig_fra, gyldig_til, beskrivelse }
local STANDARD_FELTER = { kommune = tekst, titel = tekst, godkendt = tekst, revideres = tekst, kilde = tekst,
                          gyldig_fra = tekst, gyldig_til = tekst,
                          beskrivelse = er("table", "en tabel af overskrift = tekst") }
function E.kvalitetsstandard(d)
  local fil, linje = sted(2)
  aaben(fil, linje, "kvalitetsstandard")
  if register.standard then
    fejl(fil, linje, "kvalitetsstandard", nil, "en fil kan kun erklære én kvalitetsstandard")
  end
  if type(d) ~= "table" then fejl(fil, linje, "kvalitetsstandard", nil, "skriv kvalitetsstandard { ... }") end
  for felt, v in pairs(d) do
    local check = STANDARD_FELTER[felt]
    if not check then
      ukendt_felt(fil, linje_for(fil, linje, felt), "kvalitetsstandard", nil, felt, navne(STANDARD_FELTER))
    end
    local forventet = check(v)
    if forventet then
      fejl(fil, linje_for(fil, linje, felt), "kvalitetsstandard", nil,
        string.format("feltet '%s' skal være %s", felt, forventet))
    end
  end
  for _, felt in ipairs({ "kommune", "titel", "kilde" }) do
    if d[felt] == nil then fejl(fil, linje, "kvalitetsstandard", nil, "feltet '" .. felt .. "' mangler") end
  end
  -- The approval and the version's period in force (docs/dsl.md "Versioner"): dates, the
  -- end not before the start. "2026-02-30" has the form but is no day.
  for _, felt in ipairs({ "godkendt", "gyldig_fra", "gyldig_til" }) do
    local v = d[felt]
    if v and not _vaert.er_dato(v) then
      local hvorfor = type(v) == "string" and v:match("^%d%d%d%d%-%d%d%-%d%d$")
        and string.format(", men dagen %s findes ikke", v)
        or type(v) == "string" and #v <= 40 and not v:find("%c") and string.format(", ikke '%s'%s", v, _vaert.dato_hint(v))
        or ""
      fejl(fil, linje_for(fil, linje, felt), "kvalitetsstandard", nil,
        string.format("'%s' skal være en dato \"ÅÅÅÅ-MM-DD\"%s", felt, hvorfor))
    end
  end
  if d.gyldig_fra and d.gyldig_til and d.gyldig_til < d.gyldig_fra then
    fejl(fil, linje_for(fil, linje, "gyldig_til"), "kvalitetsstandard", nil,
      string.format("'gyldig_til' (%s) ligger før 'gyldig_fra' (%s)", d.gyldig_til, d.gyldig_fra))
  end
  for overskrift, t in pairs(d.beskrivelse or {}) do
    if type(overskrift) ~= "string" or type(t) ~= "string" then
      fejl(fil, linje, "kvalitetsstandard", nil, "'beskrivelse' skal være overskrift = \"tekst\"")
    end
  end
  local s = {}
  for k, v in pairs(d) do s[k] = v end
  s.beskrivelse = {}
  for overskrift, t in pairs(d.beskrivelse or {}) do s.beskrivelse[overskrift] = t end
  s.fil, s.linje = fil, linje
  register.standard = s
end

-- parametre { navn = { vaerdi = ..., tekst = ..., kilde = ... } }
-- or, when the standard is vague, { vaerdi = ..., tekst = ..., antagelse = true }.
-- A parameter has a type (docs/dsl.md), written `type = "heltal"` or taken from its value,
-- and may name its unit (`enhed = "måneder"`); `pr_pakke = true` says a list holds one
-- value per declared pakke, which the host checks once the standard has loaded.
-- Returns a read-only table navn -> vaerdi, looked up when rules run.
local PARAMETER_FELTER = { vaerdi = true, perioder = true, tekst = true, kilde = true, antagelse = true, note = true,
                           type = true, enhed = true, pr_pakke = true }
-- A dated parameter's `perioder`: each key the date its value applies from, each value of
-- the same type (declared, or the oldest value's), checked with the error at its own line.
-- Returns the type and a copy of the periods, each table value frozen.
local function datoparameter(fil, linje, navn, p)
  local l = linje_for(fil, linje, navn, "perioder")
  if type(p.perioder) ~= "table" then
    fejl(fil, l, "parameter", navn, "'perioder' skal være en tabel: perioder = { [\"ÅÅÅÅ-MM-DD\"] = værdi, … }")
  end
  local datoer = {}
  for dato in pairs(p.perioder) do
    if not _vaert.er_dato(dato) then
      fejl(fil, l, "parameter", navn, string.format("i 'perioder' er hver nøgle den dato, værdien gælder fra "
        .. "([\"ÅÅÅÅ-MM-DD\"] = værdi), ikke %s", type(dato) == "string" and "'" .. dato .. "'" or tostring(dato)))
    end
    datoer[#datoer + 1] = dato
  end
  if #datoer == 0 then fejl(fil, l, "parameter", navn, "'perioder' er tom: skriv mindst én [\"ÅÅÅÅ-MM-DD\"] = værdi") end
  table.sort(datoer) -- ISO dates sort by time
  local typenavn, kopi = p.type, {}
  for _, dato in ipairs(datoer) do
    local v = p.perioder[dato]
    local ved = linje_for(fil, linje, navn, "perioder", dato)
    if type(v) == "function" then
      fejl(fil, ved, "parameter", navn, "værdien fra " .. dato .. " skal være data (tal, tekst, tabel), ikke en funktion")
    end
    local t, problem, felt = parametertype(v, typenavn, p.enhed)
    if problem then
      if felt == "type" then fejl(fil, linje_for(fil, linje, navn, "type"), "parameter", navn, problem) end
      error(string.format("%s:%d: parameteren '%s' (fra %s) %s", fil, ved, navn, dato, problem), 0)
    end
    typenavn = typenavn or t
    if type(v) == "table" then
      local frys = _vaert.frys(v)
      if frys then fejl(fil, ved, "parameter", navn, frys) end
    end
    kopi[dato] = v
  end
  return typenavn, kopi
end

local parametre_proxy = setmetatable({}, {
  __index = vaerdier,
  __newindex = function(_, k) error("parameteren '" .. tostring(k) .. "' kan ikke ændres her; ret den i parametre { }", 2) end,
  __metatable = false,
})
-- The host makes reads of it visible in the trace once the standard has loaded.
register.parametre_tabel = parametre_proxy

function E.parametre(d)
  local fil, linje = sted(2)
  aaben(fil, linje, "parametre")
  if type(d) ~= "table" then fejl(fil, linje, "parametre", nil, "skriv parametre { navn = { vaerdi = ..., ... } }") end
  for navn, p in pairs(d) do
    if type(navn) ~= "string" or not navn:match("^[a-z0-9_]+$") then
      fejl(fil, linje_for(fil, linje, navn), "parametre", nil, "et parameternavn skrives med a-z, 0-9 og _")
    end
    if type(p) ~= "table" then fejl(fil, linje_for(fil, linje, navn), "parameter", navn, "skriv " .. navn .. " = { vaerdi = ..., tekst = ..., kilde = ... }") end
    for felt in pairs(p) do
      if not PARAMETER_FELTER[felt] then
        -- a value without a name follows a field, most likely vaerdi = 7,5: its line
        local ved = type(felt) == "string" and linje_for(fil, linje, navn, felt)
          or p.vaerdi ~= nil and linje_for(fil, linje, navn, "vaerdi") or linje_for(fil, linje, navn)
        ukendt_felt(fil, ved, "parameter", navn, felt, navne(PARAMETER_FELTER))
      end
    end
    if p.vaerdi ~= nil and p.perioder ~= nil then
      fejl(fil, linje_for(fil, linje, navn, "perioder"), "parameter", navn,
        "angiv enten 'vaerdi' (én værdi) eller 'perioder' (værdier efter dato), ikke begge")
    end
    if p.vaerdi == nil and p.perioder == nil then
      fejl(fil, linje_for(fil, linje, navn), "parameter", navn,
        "feltet 'vaerdi' mangler (eller 'perioder = { [\"ÅÅÅÅ-MM-DD\"] = værdi, … }', når værdien skifter med datoen)")
    end
    if type(p.vaerdi) == "table" and blandet(p.vaerdi) then
      fejl(fil, linje_for(fil, linje, navn, "vaerdi"), "parameter", navn,
        "'vaerdi' blander navngivne felter og værdier uden navn (som { antal = 3, dage = 28,5 }): et decimaltal "
        .. "skrives med punktum (28.5)")
    end
    if type(p.vaerdi) == "function" then
      fejl(fil, linje_for(fil, linje, navn, "vaerdi"), "parameter", navn, "'vaerdi' skal være data (tal, tekst, tabel), ikke en funktion")
    end
    if type(p.tekst) ~= "string" then fejl(fil, linje_for(fil, linje, navn), "parameter", navn, "feltet 'tekst' mangler") end
    if p.kilde == nil and p.antagelse ~= true then
      fejl(fil, linje_for(fil, linje, navn), "parameter", navn, "angiv 'kilde', eller 'antagelse = true' når standarden er uklar")
    end
    for felt, slags in pairs({ type = "string", enhed = "string", pr_pakke = "boolean" }) do
      if p[felt] ~= nil and type(p[felt]) ~= slags then
        fejl(fil, linje_for(fil, linje, navn, felt), "parameter", navn,
          string.format("feltet '%s' skal være %s", felt, slags == "string" and "en tekst" or "true eller false"))
      end
    end
    local typenavn, problem, felt, perioder
    if p.perioder ~= nil then
      typenavn, perioder = datoparameter(fil, linje, navn, p)
    else
      typenavn, problem, felt = parametertype(p.vaerdi, p.type, p.enhed)
    end
    if problem then
      local l = linje_for(fil, linje, navn, felt)
      if felt == "vaerdi" then error(string.format("%s:%d: parameteren '%s' %s", fil, l, navn, problem), 0) end
      fejl(fil, l, "parameter", navn, problem)
    end
    if p.pr_pakke and typenavn ~= "talliste" then
      fejl(fil, linje_for(fil, linje, navn, "pr_pakke"), "parameter", navn,
        "pr_pakke = true kræver en liste af tal (type = \"talliste\"), én værdi pr. pakke")
    end
    local tidligere = register.parametre[navn]
    local kommunal = not national(fil)
    if tidligere and (tidligere.kommunal or not kommunal) then
      fejl(fil, linje_for(fil, linje, navn), "parameter", navn, string.format("er allerede erklæret i %s:%d", tidligere.fil, tidligere.linje))
    end
    -- A table value is frozen in place: no rule can change it for the next case.
    if type(p.vaerdi) == "table" then
      local problem = _vaert.frys(p.vaerdi)
      if problem then fejl(fil, linje_for(fil, linje, navn, "vaerdi"), "parameter", navn, problem) end
    end
    register.parametre[navn] = { vaerdi = p.vaerdi, perioder = perioder, tekst = p.tekst, kilde = p.kilde,
                                 antagelse = p.antagelse == true,
                                 type = typenavn, enhed = p.enhed, pr_pakke = p.pr_pakke == true,
                                 fil = fil, linje = linje, kommunal = kommunal, erstatter = tidligere ~= nil }
    vaerdier[navn] = p.vaerdi -- nil for a dated one: its reads go through __index
    daterede[navn] = perioder
  end
  return parametre_proxy
end

-- Each declaration's field names, for the editor annotations' test (annotations/): a field
-- added here without an annotation fails it.
M.felter = { kvalitetsstandard = navne(STANDARD_FELTER), parametre = navne(PARAMETER_FELTER) }
for art, spec in pairs(ARTER) do M.felter[art] = navne(FAELLES, spec.felter) end

return M
