---@meta
-- Testfilernes ord (municipalities/<kommune>/tests/*.lua, docs/test.md): test, med, ukendt.
-- Se kvalitet.lua for standardens egne.

---En sag i en testfil: felterne som i sagens JSON (docs/schema/sag.schema.json), datoer som tekst.
---@alias Testsag table<string, any>

---@class Test
---@field navn string en kort sætning om, hvad testen viser
---@field dato string vurderingsdatoen "ÅÅÅÅ-MM-DD"
---@field sag Testsag|string sagen, eller et filnavn "sag.json" i testens mappe
---@field forvent table de dele af vurderingen, der skal passe: maalgruppe, aktiviteter, pakke, frister, advarsler
---@field kommune? string når filen ikke ligger under municipalities/<id>/tests/
---@field note? string

---@param t Test
function test(t) end

---En kopi af sagen med ændringerne lagt ind (dybt); `ukendt` fjerner et felt.
---@param sag Testsag
---@param aendringer Testsag
---@return Testsag
function med(sag, aendringer) end

---JSON null: oplysningen er ikke kendt (en Lua-tabel kan ikke holde nil).
---@type any
ukendt = nil
