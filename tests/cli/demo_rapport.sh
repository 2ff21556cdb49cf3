#!/bin/sh
# The main job's report (kvalitet demo): written next to the database and named on stdout;
# opened in headless Chromium it loads without console messages, every chart's SVG has a
# non-zero size on the page, and every municipality has its section; a screenshot is left
# in UDMAPPE for a person to look at. The summary counts cases with warnings, not warnings.
# Usage: demo_rapport.sh KVALITET KILDEMAPPE UDMAPPE
set -u
K=$1
SRC=$2
OUT=$3
fejl=0
say() { echo "FEJL: $*"; fejl=1; }
command -v chromium > /dev/null || { echo "FEJL: chromium mangler (make deps installerer det: .ci/deps)"; exit 1; }
mkdir -p "$OUT"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

"$K" --hjem "$SRC" demo --db "$T/k.db" --antal 400 --dato 2026-11-22 > "$T/ud" 2> "$T/fejl" || say "demo fejlede: $(cat "$T/fejl")"
rapport="$T/k-rapport.html"
grep -qx "Rapport: $rapport" "$T/ud" || say "demo nævner ikke rapporten $rapport: $(tail -n 2 "$T/ud")"
[ -s "$rapport" ] || { say "ingen rapport ved siden af databasen"; exit 1; }
cp "$rapport" "$OUT/demo-rapport.html"

# The summary: per municipality "sager med advarsler: N af M", N never above M.
n=$(grep -c "sager med advarsler: [0-9]* af [0-9]*" "$T/ud")
[ "$n" -eq 5 ] || say "opsummeringen har $n linjer 'sager med advarsler', ikke 5"
grep "sager med advarsler:" "$T/ud" | while read -r _ _ _ n _ m _; do
  [ "$n" -le "$m" ] || echo "FEJL: $n sager med advarsler af $m"
done | grep FEJL && fejl=1

for k in gentofte ishoej lejre varde kerteminde; do
  grep -q "<h2 id=\"$k\">" "$rapport" || say "rapporten mangler afsnittet for $k"
done
grep -qi '<script' "$rapport" && say "rapporten har et script; den skal være ren HTML og SVG"

chrome() { # chromium's own profile, so runs never share one
    chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$T/profil" \
        --enable-logging=stderr --v=0 "$@"
}
chrome --dump-dom "file://$rapport" > "$OUT/demo-rapport.dom" 2> "$OUT/demo-rapport.log" || say "chromium fejlede"
grep -q "CONSOLE" "$OUT/demo-rapport.log" && say "konsolbeskeder: $(grep CONSOLE "$OUT/demo-rapport.log" | head -n 3)"
grep -q '</html>' "$OUT/demo-rapport.dom" || say "DOM'en er tom"
svgs=$(grep -o '<svg ' "$rapport" | wc -l)
[ "$svgs" -ge 15 ] || say "kun $svgs diagrammer i rapporten"

# The sizes as laid out: a copy of the page with a script that measures every SVG and
# writes the result into the DOM Chromium dumps.
sed 's|</body>|<script>const m=[...document.querySelectorAll("svg")].map(s=>s.getBoundingClientRect());document.body.insertAdjacentHTML("beforeend","<pre id=maal>svg "+m.length+" nul "+m.filter(r=>!(r.width>0\&\&r.height>0)).length+"</pre>")</script></body>|' \
    "$rapport" > "$T/maalt.html"
chrome --dump-dom "file://$T/maalt.html" > "$T/maalt.dom" 2> /dev/null
grep -q "<pre id=\"maal\">svg $svgs nul 0</pre>" "$T/maalt.dom" ||
  say "ikke alle diagrammer har en størrelse: $(grep -o '<pre id="maal">[^<]*' "$T/maalt.dom")"

chrome --screenshot="$OUT/demo-rapport.png" --window-size=1200,2400 "file://$rapport" > /dev/null 2>&1
[ -s "$OUT/demo-rapport.png" ] || say "intet skærmbillede"
exit $fejl
