---@meta
-- Kvalitets sprog, som en editor skal kende det (LuaLS: VS Code med udvidelsen "Lua" af
-- sumneko, eller Neovim med lua_ls). Filen køres aldrig; den beskriver, hvad en standard ser.
-- Sagen (sag.…) står i sag.lua, dannet af `kvalitet annoteringer`. Testen "annoteringer"
-- holder begge filer og værten sammen: et navn, værten kender uden annotering, er en fejl.

-- Datoer og varigheder ------------------------------------------------------------------

---En kalenderdato. Uforanderlig; `+`/`-` med en varighed giver en ny dato, `a - b` antal dage.
---@class Dato
---@field aar integer året
---@field maaned integer måneden, 1-12
---@field dag integer dagen i måneden
---@field ugedag integer ISO-ugedag: 1 mandag … 7 søndag
---@field uge integer ISO 8601-ugenummer
---@field uge_aar integer året, ugen hører til
---@field iso fun(self: Dato): string "2026-11-22"
---@field tekst fun(self: Dato): string "22. november 2026"
---@field lang fun(self: Dato): string "søndag den 22. november 2026"
---@operator add(Varighed): Dato
---@operator sub(Varighed): Dato
---@operator sub(Dato): integer

---En varighed: dage(n), uger(n), maaneder(n), aar(n) eller hverdage(n).
---@class Varighed
---@field antal integer n
---@field enhed "dage"|"uger"|"maaneder"|"aar"|"hverdage"

---En frist: startdato + varighed, flyttet efter reglen, og hvem den påhviler.
---@class Frist
---@field dato Dato fristens dag (efter en eventuel flytning)
---@field fra Dato startdatoen
---@field varighed Varighed
---@field flyttet boolean om fristen er flyttet til næste arbejdsdag
---@field paahviler "kommune"|"borger"
---@field status fun(self: Frist, paa: Dato, haendelse?: Dato): "kommende"|"opfyldt"|"overskredet"|"udloebet"|"for_sent"

---@class FristSpec
---@field fra Dato
---@field varighed Varighed
---@field flyt? "naeste_arbejdsdag"|"ingen"
---@field paahviler? "kommune"|"borger"

---En dato: Dato(2026, 11, 22) eller Dato("2026-11-22").
---@overload fun(iso: string): Dato
---@param aar integer
---@param maaned integer
---@param dag integer
---@return Dato
function Dato(aar, maaned, dag) end

---@param spec FristSpec
---@return Frist
function Frist(spec) end

---@param n integer
---@return Varighed
function dage(n) end
---@param n integer
---@return Varighed
function uger(n) end
---Måneder; den 31. + 1 måned bliver månedens sidste dag.
---@param n integer
---@return Varighed
function maaneder(n) end
---@param n integer
---@return Varighed
function aar(n) end
---Arbejdsdage: springer weekender og helligdage over.
---@param n integer
---@return Varighed
function hverdage(n) end

---Helligdagens navn, eller nil på en almindelig dag.
---@param d Dato
---@return string?
function helligdag(d) end
---@param d Dato
---@return boolean
function arbejdsdag(d) end
---@param d Dato
---@return Dato
function naeste_arbejdsdag(d) end
---Påskedag i året (helligdagene regnes ud fra den).
---@param aar integer
---@return Dato
function paaskedag(aar) end

-- Hjælpere (dsl/hjaelpere.lua og værten) --------------------------------------------------

---`nil` (ukendt) forbliver ukendt; ellers det modsatte.
---@param a boolean?
---@return boolean?
function ikke(a) end
---Sand, når alle er sande; falsk, når én er falsk; ellers ukendt (nil).
---@param ... boolean?
---@return boolean?
function og(...) end
---Sand, når én er sand; falsk, når alle er falske; ellers ukendt (nil).
---@param ... boolean?
---@return boolean?
function eller(...) end
---x >= n; nil, når x er ukendt.
---@param x number?
---@param n number
---@return boolean?
function mindst(x, n) end
---x <= n; nil, når x er ukendt.
---@param x number?
---@param n number
---@return boolean?
function hoejst(x, n) end
---Får borgeren allerede støtte efter paragraffen ("83", "83a", …)?
---@param sag Sag
---@param paragraf string
---@return boolean
function har_ydelse(sag, paragraf) end
---Den seneste dato i en liste med `dato` (opfølgninger, leverancer, …), evt. kun dem `hvor` godtager.
---@param liste { dato: Dato }[]
---@param hvor? fun(x: any): boolean
---@return Dato?
function seneste(liste, hvor) end
---Til en frists `fra`: seneste opfølgning, ellers bevillingens start.
---@param sag Sag
---@return Dato?
function seneste_opfoelgning_eller_start(sag) end
---Til en frists `fra`, når opfølgningen skal være med borgeren: seneste opfølgning, der ikke er
---administrativ, ellers bevillingens start; nil, mens den senestes form ikke er oplyst.
---@param sag Sag
---@return Dato?
function seneste_moede_eller_start(sag) end
---SEL § 85, stk. 1: et VUM-tema med score `graense` eller mere, eller forholdet saerlige_sociale_problemer; nil, mens et tema uden score kunne nå grænsen.
---@param sag Sag
---@param graense integer
---@return boolean?
function funktionsevne_eller_sociale_problemer(sag, graense) end
---Til en frists `varighed`: opfølgningsintervallet, afgørelsen selv sætter, ellers nil.
---@param sag Sag
---@return Varighed?
function interval_fra_afgoerelsen(sag) end
---Afgørelsens interval (bevilling.opfoelgning_interval_maaneder), når det er kortere end `hoejst` måneder, ellers `hoejst` måneder.
---@param sag Sag
---@param hoejst integer
---@return Varighed
function interval_hoejst(sag, hoejst) end
---Timer som minutter, afrundet til en tusindedel minut: 4,15 timer er 249 minutter (4.15 * 60 er 249.00000000000003 i et kommatal).
---@param timer number
---@return number
function minutter_af_timer(timer) end
---Antal elementer, `hvor` godtager (alle, når den mangler).
---@param liste any[]
---@param hvor? fun(x: any): boolean
---@return integer
function antal(liste, hvor) end
---Ligger datoen i [fra, til]? En manglende ende er åben.
---@param dato Dato
---@param fra Dato?
---@param til Dato?
---@return boolean
function mellem(dato, fra, til) end
---"HH:MM" → minutter efter midnat.
---@param klokken string
---@return integer
function minut(klokken) end
---Et tal, som en dansk læser skriver det: 2.5 → "2,5", 3.0 → "3".
---@param x number
---@return string
function tal(x) end

-- Leverancer samlet (host/bind/liste_lua.cpp, docs/primitiver.md) ------------------------------

---@class PerioderValg
---@field periode "uge"|"maaned"
---@field arter? table<string, boolean> kun disse arter ({ telefon = true, … }); uden: alle
---@field fra? Dato kun hele perioder, der begynder på eller efter datoen
---@field foer? Dato perioderne, der sluttede før perioden med datoen, også dem uden leverancer

---@class PeriodeMinutter
---@field fra Dato periodens første dag
---@field minutter integer

---Perioderne, i tidsorden: liste[i] er { fra, minutter }, og liste.minutter alle perioders
---minutter som en liste af tal (hurtigst, når reglen ser på hver periode).
---@class PeriodeListe
---@field [integer] PeriodeMinutter
---@field minutter integer[]
local PeriodeListe = {}

---Numrene på perioderne fra nr. `fra` (1, hvis mindre), hvis minutter afviger fra `bevilget`
---med mere end `tolerance` (math.abs(minutter - bevilget) > tolerance), i tidsorden.
---@param fra integer
---@param bevilget number minutter
---@param tolerance number minutter
---@return integer[]
function PeriodeListe:afvigende(fra, bevilget, tolerance) end

---Minutter pr. hel periode, i tidsorden. Et valg, funktionen ikke kender, er en fejl.
---@param leverancer Sag.Leverance[]
---@param valg PerioderValg
---@return PeriodeListe
function perioder(leverancer, valg) end

---@class TidsrumValg
---@field arter? table<string, boolean>
---@field tidsrum { fra: string, til: string } f.eks. { fra = "08:00", til = "16:00" }
---@field arbejdsdage? boolean også leverancer en lørdag, søndag eller helligdag
---@field tekst? string "{ugedag} den {dato} kl. {start}-{slut}"; uden: leverancerne selv

---Leverancerne uden for et tidsrum (eller på en fridag), i sagens orden: tekster, eller leverancerne.
---@param leverancer Sag.Leverance[]
---@param valg TidsrumValg
---@return (string|Sag.Leverance)[]
function uden_for_tidsrum(leverancer, valg) end

---Sagens opfølgninger, leverancer eller afbud som en ny liste, ældste først (samme orden som
---table.sort med a.dato < b.dato, også ved samme dato).
---@generic T
---@param liste T[] sag.opfoelgninger, sag.leverancer eller sag.afbud
---@return T[]
function efter_dato(liste) end

---Om sagen har listen med, også en tom (`[]`): udeladt eller null er "ikke oplyst", og listen
---står så blandt det, reglen mangler. Et krav om leverancer giver nil uden dem.
---@param liste any[] sag.leverancer, sag.afbud, sag.opfoelgninger, sag.ydelser eller sag.ansoegte_aktiviteter
---@return boolean
function oplyst(liste) end

-- Sandkassen --------------------------------------------------------------------------------

---Henter et modul fra dsl/, stdlib/ eller municipalities/: brug "stdlib.sel85".
---@param modul string
---@return any
function brug(modul) end
---table.unpack.
---@param t any[]
---@param i? integer
---@param j? integer
---@return any ...
function unpack(t, i, j) end

-- Erklæringer ---------------------------------------------------------------------------------

---Felter, alle regler har.
---@class Regel
---@field id string små bogstaver, tal og _ (æ→ae, ø→oe, å→aa)
---@field tekst string reglen på dansk
---@field kilde string afsnittet i standarden eller loven, f.eks. "Varde KS 3.7 Opfølgning"
---@field note? string
---@field antagelse? boolean reglen er en læsning, hvor standarden er uklar

---@alias Regelfunktion fun(sag: Sag, dato: Dato): boolean?

---@class Betingelse: Regel
---@field naar? Regelfunktion
---@field forhold? string et forhold-id fra kontrakten

---@class Udelukkelse: Regel
---@field naar? Regelfunktion
---@field forhold? string
---@field henvis_til? string "SEL § 83"

---@class Henvisning: Regel
---@field naar? Regelfunktion
---@field forhold? string
---@field til string "SEL § 83"

---@class Aktivitet: Regel
---@field omfattet boolean|Regelfunktion
---@field henvis_til? string|fun(sag: Sag, dato: Dato): string?
---@field betingelse? string betingelsen i ord, til sagsbehandleren

---@class Pakke: Regel
---@field navn string
---@field timer number
---@field periode "uge"|"maaned"
---@field naar Regelfunktion
---@field kriterier? string

---@alias Datosti "ansoegning.modtaget"|"vum.dato"|"bevilling.afgoerelse_dato"|"bevilling.afgoerelse_modtaget"|"bevilling.afgoerelse_sendt"|"bevilling.start"|"klage.modtaget"|"klage.genvurderet"|"arbejdspladsvurdering.dato"|"indsatsplan.dato"|string

---@class FristErklaering: Regel
---@field fra Datosti|fun(sag: Sag, dato: Dato): Dato?
---@field varighed Varighed|fun(sag: Sag, dato: Dato): Varighed?
---@field flyt? "naeste_arbejdsdag"|"ingen"
---@field opfyldt_ved? Datosti|fun(sag: Sag, dato: Dato): Dato|false|nil false: sket, men hvornår vides ikke
---@field opfyldt_senest? boolean opfyldt_ved viser kun, at hændelsen var sket senest den dag; efter fristen afgøres fristen ikke
---@field naar? Regelfunktion nil: fristen afgøres ikke og står under ukontrollerede
---@field paahviler? "kommune"|"borger"

---En periode af en afvigelse i timer; perioder i træk bliver én advarsel med sum.
---@class Periodeafvigelse
---@field periode "uge"|"maaned"
---@field fra Dato en dag i perioden (dens første)
---@field leveret number timer leveret
---@field bevilget number timer bevilget

---@class Krav: Regel
---@field afvigelser fun(sag: Sag, dato: Dato): nil|boolean|string|(string|Periodeafvigelse)[]

---@class Kvalitetsstandard
---@field kommune string kommunens id, f.eks. "varde"
---@field titel string
---@field kilde string
---@field godkendt? string "ÅÅÅÅ-MM-DD"
---@field revideres? string
---@field gyldig_fra? string "ÅÅÅÅ-MM-DD": versionen gælder fra
---@field gyldig_til? string
---@field beskrivelse? table<string, string> overskrift = tekst

---En parameter: data øverst i scriptet, med kilde, eller markeret som antagelse.
---@class Parameter
---@field vaerdi? any
---@field perioder? table<string, any> værdier efter dato i stedet for vaerdi: ["ÅÅÅÅ-MM-DD"] = værdi
---@field tekst string
---@field kilde? string
---@field antagelse? boolean
---@field note? string
---@field type? "heltal"|"tal"|"tekst"|"sandhed"|"dato"|"tidsrum"|"talliste"|string
---@field enhed? string "uger", "måneder", "timer pr. uge", …
---@field pr_pakke? boolean én værdi pr. pakke

---@param d Kvalitetsstandard
function kvalitetsstandard(d) end
---@param d table<string, Parameter>
---@return table<string, any> P værdierne, læst når reglerne kører
function parametre(d) end
---@param d Betingelse
function betingelse(d) end
---@param d Udelukkelse
function udelukkelse(d) end
---@param d Henvisning
function henvisning(d) end
---@param d Aktivitet
function aktivitet(d) end
---@param d Pakke
function pakke(d) end
---@param d FristErklaering
function frist(d) end
---@param d Krav
function krav(d) end
