-- Group 2 of bench/README.md: Kerteminde's rules written as plain Lua over plain tables,
-- the way a programmer would write them without Kvalitet: no DSL, no host primitives, no
-- case views, no trace, no reasons. Dates are day numbers (days since 1970-01-01), and the
-- calendar (months, Easter, holidays, working days) is written here in Lua as well.
--
-- It computes what the full assessment decides (target group with Kleene logic and the
-- missing facts, activities, package, the four deadlines with their status, warnings, the
-- delivered minutes per period of the grant), seeing the case as it stood on the date
-- (nothing after it; no follow-up before the grant's start), so bench/host_overhead.cpp can
-- check that both agree on every case before timing them.
-- Mirrors municipalities/kerteminde/standard.lua, stdlib/sel85.lua, stdlib/frister.lua,
-- stdlib/aktiviteter.lua and the host's rules for dates (host/engine/as_of.cpp), the
-- receipt of a decision (host/domain/modtagelse.cpp) and deadlines (host/domain/frist.cpp,
-- kalender.cpp); not used by the program.

local P = {
  myndighedsalder = 18,
  betydelig_nedsat_funktionsevne = 3,
  pakke_fra_vum_sum = { 0, 6, 9, 12, 16, 20 },
  arbejdsplads_interval = 12,
  fysisk_post_hverdage = 6,
  leverede_ydelser = { ansigt_til_ansigt = true, telefon = true, video = true, sms = true },
  leverede_ydelser_tolerance = 0,
  leverede_ydelser_perioder = 12,
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

-- n working days after z (mandag-fredag uden helligdage), one day at a time.
local function plus_working_days(z, n)
  while n > 0 do
    z = z + 1
    if working_day(z) then n = n - 1 end
  end
  return z
end

-- A deadline the citizen must meet that ends on a weekend, a holiday, grundlovsdag, 24 or
-- 31 December runs to the next day that is none of them (forældelseslovens § 27, stk. 2).
local function next_deadline_day(z)
  while true do
    local y, m, d = civil_from_days(z)
    if working_day(z) and not (m == 6 and d == 5) and not (m == 12 and (d == 24 or d == 31)) then return z end
    z = z + 1
  end
end

-- The first day of the week (Monday-Sunday) or calendar month holding day z.
local function period_start(z, periode)
  if periode == "uge" then return z - (z + 3) % 7 end
  local y, m = civil_from_days(z)
  return days_from_civil(y, m, 1)
end

-- The first day of the period after the one that begins on z.
local function next_period(z, periode)
  if periode == "uge" then return z + 7 end
  local y, m = civil_from_days(z)
  if m == 12 then return days_from_civil(y + 1, 1, 1) end
  return days_from_civil(y, m + 1, 1)
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

-- Catalogue: Kerteminde's activities over the national one -----------------------------

-- true/false, or a function of the case giving true, false or nil (not yet known)
local function deltager(sag) return sag.forhold.kan_deltage_aktivt end
-- escort only when the citizen cannot go alone (Kerteminde's ledsagelse)
local function ledsages(sag) return sag.forhold.behov_for_ledsagelse end
local catalogue = {
  struktur_i_hverdagen = true, medicin_haandtering = true, sociale_relationer = true,
  netvaerk = true, ledsagelse_behandling = ledsages, oekonomi = true, post = true,
  indkoeb_madlavning = true, personlig_hygiejne = true, rengoering_toejvask = true,
  velfaerdsteknologi = true, uddannelse_beskaeftigelse = true, laege_tandlaege = ledsages,
  genoptraening = false, -- physical training (SEL § 86), not the daily skills above
  afloesning_aflastning = false, bpa = false, ledsagelse_uden_paedagogisk_formaal = false,
  psykologbehandling = false, medicindosering = false, administration_af_penge = false,
  transport_uden_paedagogisk_sigte = false,
  husdyr = deltager,
}

-- Assessment -----------------------------------------------------------------------------

-- The case as it stood on the date: a date after it has not happened yet.
local function on(d, dato)
  if d ~= nil and d <= dato then return d end
  return nil
end

-- The highest score, the sum and how many of the seven themes are scored (nil without any).
local function vum_scores(vum)
  if vum == nil then return nil end
  local best, sum, n = nil, 0, 0
  for i = 1, 7 do
    local s = vum[i]
    if s ~= nil then
      if best == nil or s > best then best = s end
      sum, n = sum + s, n + 1
    end
  end
  if n == 0 then return nil end
  return best, sum, n
end

-- Is the figure n or more: true, false, or nil while the best the unscored themes could
-- still make it (each scores at most 4) reaches n (sag.vum:et_tema_mindst and sum_mindst).
local function vum_at_least(figure, best_possible, n)
  if figure == nil then return nil end
  if figure >= n then return true end
  if best_possible < n then return false end
  return nil
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

-- A deadline's status on the date; a citizen's (borger) lapses or is missed without it being
-- the municipality's fault, so only a municipal one is overdue.
local function frist(out, id, due, event, dato, borger)
  local status
  if event ~= nil and event <= dato then
    if event <= due then status = "opfyldt" else status = borger and "for_sent" or "overskredet" end
  elseif dato <= due then
    status = "kommende"
  else
    status = borger and "udloebet" or "overskredet"
  end
  out.frister[#out.frister + 1] = { id = id, dato = due, status = status }
  if status == "overskredet" then out.advarsler[#out.advarsler + 1] = "frist_overskredet" end
  if status == "for_sent" then out.advarsler[#out.advarsler + 1] = "klage_efter_fristen" end
end

-- When the citizen received the decision: known, else digital post the day it was sent,
-- physical post a number of working days after the letter's date. A receipt, known or
-- presumed, after the date has not happened yet: nothing is derived in its place; unless a
-- complaint (`klaget`) shows the presumed letter had arrived.
local function receipt(b, dato, klaget)
  if b.afgoerelse_modtaget ~= nil then return on(b.afgoerelse_modtaget, dato) end
  local sent = on(b.afgoerelse_sendt, dato)
  if sent == nil or b.afgoerelse_kanal == nil then return nil end
  if b.afgoerelse_kanal == "digital" then return sent end
  local presumed = plus_working_days(sent, P.fysisk_post_hverdage)
  return klaget and presumed or on(presumed, dato)
end

-- Kvalitetsmål "sammenhæng mellem bevillingen og de leverede ydelser": of the whole periods
-- of the grant that ended before the date's period, the last n; one warning for each whose
-- delivered minutes differ from the grant's.
local function leverede_ydelser(out, sag, b, dato)
  local periode = b.periode
  if b.timer == nil or periode == nil or b.start == nil then return end
  local first = period_start(b.start, periode)
  if first < b.start then first = next_period(first, periode) end
  local before = period_start(dato, periode)
  local checked, p = {}, before -- the periods to check, the latest first
  for k = 1, P.leverede_ydelser_perioder do
    p = period_start(p - 1, periode)
    if p < first then break end
    checked[k] = p
  end
  local n = #checked
  if n == 0 then return end
  local lo, week = checked[n], periode == "uge"
  local minutes = {}
  for _, l in ipairs(sag.leverancer) do
    local d = l.dato
    if d >= lo and d < before and P.leverede_ydelser[l.art] then
      local q = week and d - (d + 3) % 7 or period_start(d, periode)
      minutes[q] = (minutes[q] or 0) + l.minutter
    end
  end
  -- Periods in a row that deviate the same way are one warning (the host merges them).
  local granted, way_before = b.timer * 60, 0
  for k = 1, n do
    local d = (minutes[checked[k]] or 0) - granted
    local way = math.abs(d) > P.leverede_ydelser_tolerance and (d < 0 and -1 or 1) or 0
    if way ~= 0 and way ~= way_before then out.advarsler[#out.advarsler + 1] = "leverede_ydelser_afviger" end
    way_before = way
  end
end

return function(sag, dato)
  local out = { mangler = {}, aktiviteter = {}, frister = {}, advarsler = {} }
  local f = sag.forhold
  local vum = sag.vum
  if vum ~= nil and vum.dato ~= nil and vum.dato > dato then vum = nil end -- not made yet

  -- Target group: a condition that is false or an exclusion that holds puts the citizen
  -- out; else any unknown leaves it open, naming what is missing.
  local excluded = false
  local function condition(c, missing)
    if c == false then excluded = true end
    if c == nil then out.mangler[#out.mangler + 1] = missing end
  end
  local function exclusion(c, missing)
    if c == true then excluded = true end
    if c == nil then out.mangler[#out.mangler + 1] = missing end
  end
  condition(at_least(age(sag, dato), P.myndighedsalder), "borger.alder")
  local max, sum, scored = vum_scores(vum)
  local unscored = scored and 7 - scored
  local some_theme = vum_at_least(max, unscored and (unscored > 0 and 4 or max), P.betydelig_nedsat_funktionsevne)
  condition(either(some_theme, f.saerlige_sociale_problemer), some_theme == nil and "vum" or "saerlige_sociale_problemer")
  exclusion(f.kan_afhjaelpes_med_hjaelpemidler, "kan_afhjaelpes_med_hjaelpemidler")
  exclusion(f.kan_afhjaelpes_med_traening, "kan_afhjaelpes_med_traening")
  exclusion(f.kan_afhjaelpes_efter_anden_lovgivning, "kan_afhjaelpes_efter_anden_lovgivning")
  condition(f.kan_deltage_aktivt, "kan_deltage_aktivt")
  if excluded then
    out.i_maalgruppe = false
    out.mangler = {}
  elseif #out.mangler == 0 then
    out.i_maalgruppe = true
  end

  -- Activities: true, false or nil (not yet known), one per applied activity.
  out.antal_aktiviteter = #sag.ansoegte_aktiviteter
  for i, id in ipairs(sag.ansoegte_aktiviteter) do
    local a = catalogue[id]
    if a == nil then
      out.aktiviteter[i] = false
      out.advarsler[#out.advarsler + 1] = "ukendt_aktivitet"
    elseif type(a) == "function" then
      out.aktiviteter[i] = a(sag)
    else
      out.aktiviteter[i] = a
    end
  end

  -- Package: only once the citizen is in the target group; the highest whose VUM sum
  -- threshold is met. A package above it that unscored themes could still reach (or no
  -- scored VUM at all) leaves the package open, and a warning says so.
  if out.i_maalgruppe == true then
    local chosen, open
    for n = 1, 6 do
      local c = vum_at_least(sum, unscored and sum + 4 * unscored, P.pakke_fra_vum_sum[n])
      if c == true then chosen, open = n, nil
      elseif c == nil then open = open or n end
    end
    if open then out.advarsler[#out.advarsler + 1] = "pakke_uafklaret" else out.pakke = chosen end
  end

  -- Deadlines. A grant decided after the date had not been granted yet.
  local b = sag.bevilling
  if b.afgoerelse_dato ~= nil and b.afgoerelse_dato > dato then b = {} end
  local klage = on(sag.klage_modtaget, dato)
  local modtaget = receipt(b, dato, klage ~= nil or on(sag.klage_genvurderet, dato) ~= nil)
  if modtaget then frist(out, "klage", next_deadline_day(modtaget + 28), klage, dato, true) end
  if klage then
    -- a new decision dated before the complaint came does not meet the deadline
    local genvurderet = on(sag.klage_genvurderet, dato)
    if genvurderet ~= nil and genvurderet < klage then genvurderet = nil end
    frist(out, "genvurdering", klage + 28, genvurderet, dato, false)
  end
  local apv = on(sag.arbejdspladsvurdering_dato, dato) or b.start
  if apv then frist(out, "arbejdspladsvurdering", plus_months(apv, P.arbejdsplads_interval), nil, dato, false) end
  -- From the latest status meeting: the newest follow-up that is not administrative (ties
  -- in date: the later in the list); a newest without a form leaves the start unknown.
  local held = {}
  for i, o in ipairs(sag.opfoelgninger) do
    local d = o.dato
    if d <= dato and (sag.bevilling.start == nil or d >= sag.bevilling.start) then held[#held + 1] = { d = d, i = i, form = o.form } end
  end
  table.sort(held, function(x, y) return x.d < y.d or (x.d == y.d and x.i < y.i) end)
  local seneste, kendt = nil, true
  for k = #held, 1, -1 do
    local form = held[k].form
    if form == nil then kendt = false break end
    if form ~= "administrativ" then seneste = held[k].d break end
  end
  seneste = kendt and (seneste or b.start) or nil
  if seneste and b.opfoelgning_interval_maaneder then
    frist(out, "naeste_opfoelgning", plus_months(seneste, b.opfoelgning_interval_maaneder), nil, dato, false)
  end

  -- Requirement.
  leverede_ydelser(out, sag, b, dato)
  return out
end
