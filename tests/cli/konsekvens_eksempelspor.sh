#!/bin/sh
# kvalitet konsekvens counts from the results alone and assesses only its example cases again
# with the full trace (issue 14). An example's trace diff must carry the rules' full results:
# here the deadline's dates, as the bare outcome ("kommende") is the same on both sides.
# Varde's follow-up interval cut from 12 to 6 months, as bench/konsekvens.sh does.
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*"; exit 1; }
D=2026-11-22
sed 's/^    vaerdi = 12,$/    vaerdi = 6,/' "$SRC/municipalities/varde/standard.lua" > "$T/varde.lua"
cmp -s "$T/varde.lua" "$SRC/municipalities/varde/standard.lua" && fejl "Vardes opfoelgning_interval er ikke 12: ret testen"
"$K" --hjem "$SRC" demo --ndjson --antal 1000 --frø 14 --dato "$D" | grep '"kommune": *"varde"' > "$T/sager.ndjson"
for t in 1 2; do
  "$K" --hjem "$SRC" konsekvens --kommune varde --fil "$T/varde.lua" --dato "$D" --format json --eksempler 3 \
    --traade "$t" "$T/sager.ndjson" > "$T/k$t.json"
done
cmp -s "$T/k1.json" "$T/k2.json" || fejl "1 og 2 tråde giver ikke samme rapport"
# Every example of the deadline moved forward names the rule with its old and its new date.
jq -e '[.aendringer[] | select(.hvad == "frist naeste_opfoelgning flyttet frem") | .eksempler[]] as $e |
  ($e | length) == 3 and all($e[]; any(.regler[]; .regel == "naeste_opfoelgning" and .foer != .efter and
    (.foer | test("^[0-9]{4}-[0-9]{2}-[0-9]{2} ")) and (.efter | test("^[0-9]{4}-[0-9]{2}-[0-9]{2} "))))' \
  "$T/k1.json" > /dev/null ||
  fejl "eksemplerne har ikke fristens datoer i sporforskellen: $(jq -c '[.aendringer[] | {hvad, eksempler}][0]' "$T/k1.json")"
echo "konsekvens: eksemplernes spor er fulde"
