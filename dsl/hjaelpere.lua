-- Hjælpere: small pure functions rules are written with.
--
-- Three-valued logic: a fact the case does not have yet is nil, so a rule's answer is
-- true, false or nil ("cannot say yet"). `og`, `eller` and `ikke` keep nil where the
-- answer depends on it (Kleene logic), so a rule does not decide on missing facts.

local H = {}

-- Tells the full trace what mindst/hoejst compared (nil outside the engine).
local sammenlignet = _vaert.sammenlignet

function H.ikke(a)
  if a == nil then return nil end
  return not a
end

function H.og(...)
  if select("#", ...) == 2 then -- the common case, without a call per argument
    local a, b = ...
    if a == false or b == false then return false end
    if a == nil or b == nil then return nil end
    return true
  end
  local ukendt = false
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if v == false then return false end
    if v == nil then ukendt = true end
  end
  if ukendt then return nil end
  return true
end

function H.eller(...)
  if select("#", ...) == 2 then -- the common case, without a call per argument
    local a, b = ...
    if a == true or b == true then return true end
    if a == nil or b == nil then return nil end
    return false
  end
  local ukendt = false
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if v == true then return true end
    if v == nil then ukendt = true end
  end
  if ukendt then return nil end
  return false
end

-- x >= n, nil when x is unknown.
function H.mindst(x, n)
  if x == nil then return nil end
  if sammenlignet then sammenlignet(x, n, true) end
  return x >= n
end

-- x <= n, nil when x is unknown.
function H.hoejst(x, n)
  if x == nil then return nil end
  if sammenlignet then sammenlignet(x, n, false) end
  return x <= n
end

-- SEL § 85, stk. 1's "betydelig nedsat fysisk eller psykisk funktionsevne eller særlige sociale
-- problemer": a VUM theme scored `graense` or more, or the finding saerlige_sociale_problemer.
-- nil while an unscored theme could still reach it. The national rule and the standards that
-- restate the law in their own section share this one reading.
function H.funktionsevne_eller_sociale_problemer(sag, graense)
  return H.eller(sag.vum:et_tema_mindst(graense), sag.forhold.saerlige_sociale_problemer)
end

-- In the engine, two numbers are compared and recorded by the host in one call (a rule
-- compares on nearly every assessment); anything else goes to the definitions above.
if _vaert.sammenligning then
  H.mindst = _vaert.sammenligning(H.mindst, true)
  H.hoejst = _vaert.sammenligning(H.hoejst, false)
end

-- Does the citizen already get support under `paragraf` ("83", "83a", …)?
function H.har_ydelse(sag, paragraf)
  for _, y in ipairs(sag.ydelser) do
    if y.paragraf == paragraf then return true end
  end
  return false
end

-- The host's answer for a whole case list (nil outside the engine): see H.seneste.
local seneste_dato = _vaert.seneste_dato

-- The latest date in a list of records with a `dato` (opfoelgninger, leverancer, …), or nil.
function H.seneste(liste, hvor)
  if hvor == nil and seneste_dato then
    local sagens, dato = seneste_dato(liste) -- one call for sag.opfoelgninger and the like
    if sagens then return dato end
  end
  local bedst
  for _, x in ipairs(liste) do
    if (hvor == nil or hvor(x)) and (bedst == nil or x.dato > bedst) then bedst = x.dato end
  end
  return bedst
end

-- For a frist's `fra`: the latest follow-up, or the grant's start when there is none.
function H.seneste_opfoelgning_eller_start(sag)
  return H.seneste(sag.opfoelgninger) or sag.bevilling.start
end

-- For a frist's `fra` where a follow-up must be with the citizen (a meeting): the latest one
-- that is not administrative, or the grant's start when there is none. nil while the latest
-- one's form is not given: whether it was a meeting is then unknown, and the form is named
-- among what is missing.
local seneste_moede = _vaert.seneste_moede -- the same walk in one call (nil outside the engine)

function H.seneste_moede_eller_start(sag)
  if seneste_moede then
    local sagens, kendt, dato = seneste_moede(sag.opfoelgninger)
    if sagens then
      if not kendt then return nil end
      return dato or sag.bevilling.start
    end
  end
  local liste = efter_dato(sag.opfoelgninger) -- oldest first
  for i = #liste, 1, -1 do
    local form = liste[i].form
    if form == nil then return nil end
    if form ~= "administrativ" then return liste[i].dato end
  end
  return sag.bevilling.start
end

-- For a frist's `varighed`: the follow-up interval the decision itself sets
-- (bevilling.opfoelgning_interval_maaneder), or nil when it sets none.
function H.interval_fra_afgoerelsen(sag)
  local m = sag.bevilling.opfoelgning_interval_maaneder
  return m and maaneder(m)
end

-- For a frist's `varighed` where the standard sets the longest interval ("mindst 1 gang
-- årligt"): the decision's own interval (bevilling.opfoelgning_interval_maaneder) when it is
-- shorter, else the standard's `hoejst` months. A decision may ask for more, never for less.
function H.interval_hoejst(sag, hoejst)
  local m = sag.bevilling.opfoelgning_interval_maaneder
  if m ~= nil and m < hoejst then return maaneder(m) end
  return maaneder(hoejst)
end

-- Hours as minutes, to a thousandth of a minute: 4.15 * 60 is 249.00000000000003 in floating
-- point, and a week of exactly 249 minutes would differ from a grant of 4.15 hours. Whole
-- minutes are an integer, as timer * 60 was for whole hours.
local floor = math.floor -- looked up once: a rule calls this for every case
function H.minutter_af_timer(timer)
  local m = floor(timer * 60000 + 0.5)
  if m % 1000 == 0 then return m // 1000 end
  return m / 1000
end

-- How many records satisfy `hvor` (all when nil).
-- Element by element as ipairs would (to the first nil), without its call per element.
function H.antal(liste, hvor)
  local n, i = 0, 1
  local x = liste[1]
  while x ~= nil do
    if hvor == nil or hvor(x) then n = n + 1 end
    i = i + 1
    x = liste[i]
  end
  return n
end

-- Is `dato` inside [fra, til] (both inclusive; a missing end is open)?
function H.mellem(dato, fra, til)
  return (fra == nil or dato >= fra) and (til == nil or dato <= til)
end

-- tal(x), a number as a Danish reader writes it (2.5 -> "2,5", 3.0 -> "3"), is the
-- host's (host/bind/tal_lua.cpp): rules that write a text per period call it often.

-- "HH:MM" -> minutes after midnight.
function H.minut(klokken)
  local t, m = klokken:match("^(%d%d):(%d%d)$")
  if not t then error("klokkeslæt skal skrives TT:MM, ikke '" .. tostring(klokken) .. "'", 2) end
  t, m = tonumber(t), tonumber(m)
  -- 24:00 is the day's end, as in a parameter's tidsrum; 99:99 is no time of day
  if m > 59 or t > 24 or (t == 24 and m > 0) then
    error("klokkeslættet '" .. klokken .. "' findes ikke (00:00 til 23:59, eller 24:00 for døgnets slutning)", 2)
  end
  return t * 60 + m
end

return H
