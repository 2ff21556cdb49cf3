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

. "$SRC/tests/cli/chromium_html.sh" # chrome, check

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
