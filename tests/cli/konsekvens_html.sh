#!/bin/sh
# konsekvens --format html opened in headless Chromium with the same check as the workbench's
# documents (chromium_html.sh): no console messages, every element survives parsing, each
# chart (target-group transitions, package shift, hours) is an <svg> drawn with a size; the
# page fetches nothing and runs no script; a screenshot is left in UDMAPPE.
# Usage: konsekvens_html.sh KVALITET KILDEMAPPE UDMAPPE
set -u
K=$1
SRC=$2
OUT=$3
fejl=0
say() { echo "FEJL: $*"; fejl=1; }
command -v chromium > /dev/null || { echo "FEJL: chromium mangler (make deps installerer det: .ci/deps)"; exit 1; }
mkdir -p "$OUT"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
. "$SRC/tests/cli/chromium_html.sh" # chrome, check

"$K" demo --ndjson --antal 600 --frø 14 --dato 2026-11-22 > "$home/sager.ndjson"
"$SRC/tests/fixtures/konsekvens/kerteminde_pakke4.sh" "$SRC" > "$home/kerteminde_pakke4.lua" || say "kerteminde_pakke4.sh"
"$K" --hjem "$SRC" konsekvens --kommune kerteminde --fil "$home/kerteminde_pakke4.lua" \
    --dato 2026-11-22 --format html --ud "$OUT/konsekvens.html" "$home/sager.ndjson" 2> /dev/null || say "konsekvens --format html"
check "$OUT/konsekvens.html"
[ "$(grep -o '<svg[ >]' "$OUT/konsekvens.html" | wc -l)" -eq 3 ] || say "konsekvens: ikke tre diagrammer (målgruppe, pakker, timer)"
grep -qi '<script\|<link\|src=\|@import\|url(' "$OUT/konsekvens.html" && say "konsekvens: siden henter eller kører noget"
exit $fejl
