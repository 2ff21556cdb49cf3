---@meta
-- Sagen, som et script ser den (sag i function(sag, dato)). DANNET af `kvalitet annoteringer`
-- fra værtens egne felttabeller (host/bind/sag_lua.cpp); ret ikke her, dan filen igen.
-- Et felt er nil, når sagen ikke har oplysningen (ukendt); under-objekter og lister findes altid.

---@class Sag
---@field id string?
---@field kommune string?
---@field borger Sag.Borger
---@field ansoegning Sag.Ansoegning
---@field vum Sag.Vum
---@field forhold Sag.Forhold
---@field ydelser Sag.Ydelse[]
---@field ansoegte_aktiviteter string[]
---@field bevilling Sag.Bevilling
---@field opfoelgninger Sag.Opfoelgning[]
---@field leverancer Sag.Leverance[]
---@field afbud Sag.Afbud[]
---@field klage Sag.Klage
---@field arbejdspladsvurdering Sag.Arbejdspladsvurdering
---@field indsatsplan Sag.Indsatsplan

---@class Sag.Borger
---@field alder integer?
---@field foedselsdato Dato?

---@class Sag.Ansoegning
---@field modtaget Dato?
---@field akut boolean?

---@class Sag.Vum
---@field dato Dato?
---@field temaer Sag.Vum.Temaer
---@field max fun(self): integer? den højeste score i et tema; nil uden scorer
---@field sum fun(self): integer? summen af temaernes scorer; nil uden scorer
---@field antal_mindst fun(self, n: integer): integer? antal temaer med score n eller mere
---@field tema fun(self, id: string): integer? et temas score (0-4); nil når det ikke er scoret
---@field et_tema_mindst fun(self, n: integer): boolean? har et tema score n eller mere? nil, mens et tema uden score kunne have det
---@field sum_mindst fun(self, n: integer): boolean? er summen af scorerne n eller mere? nil, mens temaerne uden score kunne bringe den dertil

---@class Sag.Vum.Temaer
---@field praktiske_opgaver integer?
---@field egenomsorg integer?
---@field kommunikation integer?
---@field mobilitet integer?
---@field samfundsliv integer?
---@field socialt_liv integer?
---@field sundhed integer?

---@class Sag.Forhold
---@field saerlige_sociale_problemer boolean?
---@field kan_deltage_aktivt boolean?
---@field profiterer_af_stoette boolean?
---@field daarligt_helbred boolean?
---@field kan_afhjaelpes_med_hjaelpemidler boolean?
---@field kan_afhjaelpes_med_traening boolean?
---@field kan_afhjaelpes_efter_anden_lovgivning boolean?
---@field motiveret boolean?
---@field behov_for_ledsagelse boolean?

---@class Sag.Ydelse
---@field paragraf string?

---@class Sag.Bevilling
---@field afgoerelse_dato Dato?
---@field afgoerelse_modtaget Dato?
---@field afgoerelse_sendt Dato?
---@field afgoerelse_kanal string?
---@field foerstegangs boolean?
---@field start Dato?
---@field timer number?
---@field periode string?
---@field pakke string?
---@field form string?
---@field leverandoer Sag.Bevilling.Leverandoer
---@field opfoelgning_interval_maaneder integer?

---@class Sag.Bevilling.Leverandoer
---@field naert_beslaegtet boolean?

---@class Sag.Opfoelgning
---@field dato Dato?
---@field form string?

---@class Sag.Leverance
---@field dato Dato?
---@field start string?
---@field start_minut integer?
---@field slut_minut integer?
---@field minutter integer?
---@field art string?

---@class Sag.Afbud
---@field dato Dato?
---@field af string?

---@class Sag.Klage
---@field modtaget Dato?
---@field genvurderet Dato?

---@class Sag.Arbejdspladsvurdering
---@field dato Dato?

---@class Sag.Indsatsplan
---@field dato Dato?
