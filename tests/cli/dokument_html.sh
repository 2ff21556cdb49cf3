#!/bin/sh
# Every HTML the workbench writes (each municipality's document, the comparison, and the
# fixture whose text holds "<script>") opened in headless Chromium: it loads without console
# messages, the DOM it builds has every table, list and heading the file has (an unescaped
# "<" would swallow some), the fixture's <script> is text, not an element; a screenshot of
# each is left in UDMAPPE for a person to look at.
# Usage: dokument_html.sh KVALITET KILDEMAPPE UDMAPPE
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
cp -r "$SRC/dsl" "$SRC/stdlib" "$home/"
mkdir -p "$home/municipalities"
cp -r "$SRC/municipalities/"* "$SRC/tests/fixtures/tjek/fejlfyldt" "$home/municipalities/"

chrome() { # chromium's own profile, so runs never share one
    chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$home/profil" \
        --enable-logging=stderr --v=0 "$@"
}

check() { # FIL: loads, every block element survives parsing, screenshot
    html=$1
    name=$(basename "$html" .html)
    chrome --dump-dom "file://$html" > "$OUT/$name.dom" 2> "$OUT/$name.log" || say "$name: chromium fejlede"
    grep -q "CONSOLE" "$OUT/$name.log" && say "$name: konsolbeskeder: $(grep CONSOLE "$OUT/$name.log" | head -n 3)"
    grep -q '</html>' "$OUT/$name.dom" || say "$name: DOM'en er tom"
    for tag in h1 h2 h3 table tr td ul li code; do
        want=$(grep -o "<$tag[ >]" "$html" | wc -l)
        got=$(grep -o "<$tag[ >]" "$OUT/$name.dom" | wc -l)
        [ "$want" -eq "$got" ] || say "$name: <$tag> $want gange i filen, $got i DOM'en"
    done
    chrome --screenshot="$OUT/$name.png" --window-size=1200,1800 "file://$html" > /dev/null 2>&1
    [ -s "$OUT/$name.png" ] || say "$name: intet skærmbillede"
}

for d in "$home"/municipalities/*/; do
    kommune=$(basename "$d")
    "$K" --hjem "$home" dokument --kommune "$kommune" --ud "$OUT/$kommune.html" 2> /dev/null || say "dokument --kommune $kommune"
    check "$OUT/$kommune.html"
done
"$K" --hjem "$home" sammenlign --ud "$OUT/sammenlign.html" 2> /dev/null || say "sammenlign"
check "$OUT/sammenlign.html"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$OUT/fejlfyldt.dom" || say "fejlfyldt: <script> står ikke som tekst"
grep -qi '<script' "$OUT/fejlfyldt.dom" && say "fejlfyldt: <script> blev et element"
exit $fejl
