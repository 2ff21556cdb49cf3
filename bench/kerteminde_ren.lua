-- Group 2 of bench/README.md: Kerteminde's rules written as plain Lua over plain tables,
-- the way a programmer would write them without Kvalitet: no DSL, no host primitives, no
-- case views, no trace, no reasons. Dates are day numbers (days since 1970-01-01), and the
-- calendar (months, Easter, holidays) is written here in Lua as well.
--
-- It computes what the full assessment decides (target group with Kleene logic and the
-- missing facts, activities, package, the four deadlines with their status, warnings),
-- so bench/host_overhead.cpp can check that both agree on every case before timing them.
-- Mirrors municipalities/kerteminde/standard.lua, stdlib/sel85.lua, stdlib/frister.lua and
-- stdlib/aktiviteter.lua; not used by the program.

local P = {
  myndighedsalder = 18,
  betydelig_nedsat_funktionsevne = 3,
  pakke_fra_vum_sum = { 0, 6, 9, 12, 16, 20 },
  arbejdsplads_interval = 12,
}

-- Calendar ------------------------------------------------------------------------------

local function days_from_civil(y, m, d)
  y = m <= 2 and y - 1 or y
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local doy = (153 * (m > 2 and m - 3 or m + 9) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

local function civil_from_days(z)
  z = z + 719468
  local era = (z >= 0 and z or z - 146096) // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  return yoe + era * 400 + (m <= 2 and 1 or 0), m, d
end

local month_days = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
local function plus_months(z, n)
  local y, m, d = civil_from_days(z)
  local k = m - 1 + n
  y, m = y + k // 12, k % 12 + 1
  local last = month_days[m]
  if m == 2 and (y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0)) then last = 29 end
  return days_from_civil(y, m, d > last and last or d)
end

local function easter(y)
  local a, b, c = y % 19, y // 100, y % 100
  local d, e = b // 4, b % 4
  local f = (b + 8) // 25
  local g = (b - f + 1) // 3
  local h = (19 * a + b - d - g + 15) % 30
  local i, k = c // 4, c % 4
  local l = (32 + 2 * e + 2 * i - h - k) % 7
  local m = (a + 11 * h + 22 * l) // 451
  local x = h + l - 7 * m + 114
  return days_from_civil(y, x // 31, x % 31 + 1)
end

local movable = { [-3] = true, [-2] = true, [0] = true, [1] = true, [39] = true, [49] = true, [50] = true }
local function holiday(z)
  local y, m, d = civil_from_days(z)
  if (m == 1 and d == 1) or (m == 12 and (d == 25 or d == 26)) then return true end
  if m < 3 or m > 6 then return false end
  local offset = z - easter(y)
  return movable[offset] or (offset == 26 and y <= 2023)
end

local function working_day(z)
  local wd = (z + 3) % 7 + 1 -- ISO weekday; 1970-01-01 was a Thursday
  return wd < 6 and not holiday(z)
end

local function next_working_day(z)
  while not working_day(z) do z = z + 1 end
  return z
end

-- Three-valued logic ---------------------------------------------------------------------

local function at_least(x, n)
  if x == nil then return nil end
  return x >= n
end

local function either(a, b)
  if a == true or b == true then return true end
  if a == nil or b == nil then return nil end
  return false
end

local function negate(a)
  if a == nil then return nil end
  return not a
end

-- Catalogue: Kerteminde's activities over the national one -----------------------------

local function deltager(sag) return sag.forhold.kan_deltage_aktivt end
local catalogue = {
  struktur_i_hverdagen = { true }, medicin_haandtering = { true }, sociale_relationer = { true },
  netvaerk = { true }, ledsagelse_behandling = { true }, oekonomi = { true }, post = { true },
  indkoeb_madlavning = { true }, personlig_hygiejne = { true }, rengoering_toejvask = { true },
  velfaerdsteknologi = { true }, uddannelse_beskaeftigelse = { true }, laege_tandlaege = { true },
  genoptraening = { false, "SEL § 86" }, afloesning_aflastning = { false, "SEL § 84" },
  bpa = { false, "SEL § 96" }, ledsagelse_uden_paedagogisk_formaal = { false, "SEL § 97" },
  psykologbehandling = { false }, medicindosering = { false, "SUL § 138" },
  administration_af_penge = { false }, transport_uden_paedagogisk_sigte = { false },
  husdyr = { deltager },
}

-- Assessment -----------------------------------------------------------------------------

local function vum_max(vum)
  if vum == nil then return nil end
  local best
  for i = 1, 7 do
    local s = vum[i]
    if s ~= nil and (best == nil or s > best) then best = s end
  end
  return best
end

local function vum_sum(vum)
  if vum == nil then return nil end
  local sum, n = 0, 0
  for i = 1, 7 do
    local s = vum[i]
    if s ~= nil then sum, n = sum + s, n + 1 end
  end
  if n == 0 then return nil end
  return sum
end

local function age(sag, dato)
  local born = sag.borger.foedselsdato
  if born == nil then return sag.borger.alder end
  local by, bm, bd = civil_from_days(born)
  local y, m, d = civil_from_days(dato)
  local years = y - by
  if m < bm or (m == bm and d < bd) then years = years - 1 end
  return years
end

local function frist(out, id, start, due, event, dato)
  local status
  if event ~= nil and event <= dato then
    status = event <= due and "opfyldt" or "overskredet"
  else
    status = dato > due and "overskredet" or "kommende"
  end
  out.frister[#out.frister + 1] = { id = id, dato = due, status = status }
  if status == "overskredet" then out.advarsler[#out.advarsler + 1] = "frist_overskredet" end
end

return function(sag, dato)
  local out = { mangler = {}, aktiviteter = {}, frister = {}, advarsler = {} }
  local f = sag.forhold

  -- Target group: conditions (unknown keeps it open), exclusions (only a yes counts).
  local excluded, unknown = false, false
  local alder = at_least(age(sag, dato), P.myndighedsalder)
  if alder == nil then unknown = true; out.mangler[#out.mangler + 1] = "borger.alder" end
  if alder == false then excluded = true end
  local max = vum_max(sag.vum)
  local evne = either(at_least(max, P.betydelig_nedsat_funktionsevne), f.saerlige_sociale_problemer)
  if evne == nil then
    unknown = true
    if max == nil then out.mangler[#out.mangler + 1] = "vum" end
    if f.saerlige_sociale_problemer == nil then out.mangler[#out.mangler + 1] = "saerlige_sociale_problemer" end
  end
  if evne == false then excluded = true end
  if f.kan_afhjaelpes_med_hjaelpemidler == true or f.kan_afhjaelpes_med_traening == true
      or f.kan_afhjaelpes_efter_anden_lovgivning == true or negate(f.kan_deltage_aktivt) == true then
    excluded = true
  end
  if excluded then
    out.i_maalgruppe = false
    out.mangler = {}
  elseif not unknown then
    out.i_maalgruppe = true
  end

  -- Activities.
  for i, id in ipairs(sag.ansoegte_aktiviteter) do
    local a = catalogue[id]
    if a == nil then
      out.aktiviteter[i] = false
      out.advarsler[#out.advarsler + 1] = "ukendt_aktivitet"
    else
      local omfattet = a[1]
      if type(omfattet) == "function" then omfattet = omfattet(sag) end
      out.aktiviteter[i] = omfattet == true
    end
  end

  -- Package: the highest whose VUM sum threshold is met.
  if out.i_maalgruppe ~= false then
    local sum = vum_sum(sag.vum)
    for n = 1, 6 do
      if sum ~= nil and sum >= P.pakke_fra_vum_sum[n] then out.pakke = n end
    end
  end

  -- Deadlines.
  local b = sag.bevilling
  if b.afgoerelse_modtaget then
    frist(out, "klage", b.afgoerelse_modtaget, next_working_day(b.afgoerelse_modtaget + 28), sag.klage_modtaget, dato)
  end
  if sag.klage_modtaget then
    frist(out, "genvurdering", sag.klage_modtaget, sag.klage_modtaget + 28, nil, dato)
  end
  local apv = sag.arbejdspladsvurdering_dato or b.start
  if apv then frist(out, "arbejdspladsvurdering", apv, plus_months(apv, P.arbejdsplads_interval), nil, dato) end
  local seneste
  for _, o in ipairs(sag.opfoelgninger) do
    if seneste == nil or o.dato > seneste then seneste = o.dato end
  end
  seneste = seneste or b.start
  if seneste and b.opfoelgning_interval_maaneder then
    frist(out, "naeste_opfoelgning", seneste, plus_months(seneste, b.opfoelgning_interval_maaneder), nil, dato)
  end

  -- Requirement.
  if b.form == "individuel" then out.advarsler[#out.advarsler + 1] = "individuel_form_alene" end
  return out
end
