#!/bin/sh
# A standard written to tell threads apart (hash order through pairs, addresses through
# tostring and string.format, the case before through a module table) gives the same
# bytes on 1 and on 2 threads: the sandbox leaves it nothing that differs between states.
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
mkdir -p "$T/municipalities/traade"
cp -r "$SRC/dsl" "$SRC/stdlib" "$T/"
cat > "$T/municipalities/traade/standard.lua" <<'LUA'
brug "stdlib.sel85"
kvalitetsstandard { kommune = "traade", titel = "T", kilde = "K" }
local T = {}
for i = 1, 50 do T["noegle" .. i] = i end
krav { id = "orden", tekst = "Orden", kilde = "K", afvigelser = function(sag)
  local noegler = {}
  for k in pairs(T) do noegler[#noegler + 1] = k end
  return { table.concat(noegler, ",", 1, 5) .. " " .. tostring({}) .. string.format(" %s", print) .. " " .. sag.id }
end }
LUA
i=0
while [ $i -lt 3000 ]; do echo "{\"id\":\"s$i\",\"borger\":{\"alder\":$((18 + i % 60))}}"; i=$((i + 1)); done > "$T/sager.ndjson"
"$K" --hjem "$T" vurder --kommune traade --ndjson --dato 2026-11-22 --traade 1 < "$T/sager.ndjson" > "$T/en.ndjson"
"$K" --hjem "$T" vurder --kommune traade --ndjson --dato 2026-11-22 --traade 2 < "$T/sager.ndjson" > "$T/to.ndjson"
test "$(wc -l < "$T/en.ndjson")" -eq 3000
grep -q '"Afvigelse fra '"'"'Orden'"'"': noegle1,noegle10,noegle11,noegle12,noegle13 <tabel> <funktion> s0"' "$T/en.ndjson"
cmp "$T/en.ndjson" "$T/to.ndjson"
echo "fjendtligt script: identisk på 1 og 2 tråde"
