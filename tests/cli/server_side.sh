#!/bin/sh
# The page on GET / (issue 16) in headless Chromium from Debian, against a running server:
# it loads without console messages; with ?eksempel&vurder it submits the example case and
# shows the assessment as the text output reads (the target-group line is the one `kvalitet
# vurder --format tekst` prints under "Målgruppe"), each step's trace folded under it, and
# the link to the standard's document, which the server serves as `kvalitet dokument` writes.
set -eu
K="$1"; SRC="$2"
. "$(dirname "$0")/server_faelles.sh"
D=2026-11-22
command -v chromium > /dev/null || fejl "chromium mangler (.ci/deps installerer det)"
start p --traade 1

status "$(req "$T/side.html" / -D "$T/hoved")" 200 "siden"
grep -qi '^Content-Type: text/html' "$T/hoved" || fejl "siden er ikke HTML"
grep -qi "^Content-Security-Policy: default-src 'none'" "$T/hoved" || fejl "siden har ingen CSP"
# Self-contained: nothing on the page names another host.
! grep -Eq '(src|href)="(https?:)?//' "$T/side.html" || fejl "siden henter noget udefra"

chrome() {
  chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$T/profil" \
    --enable-logging=stderr --v=0 --virtual-time-budget=10000 "$@"
}
chrome --dump-dom "$URL/?kommune=varde&dato=$D&eksempel&vurder" > "$T/dom.html" 2> "$T/chrome.log" || fejl "chromium fejlede: $(tail -3 "$T/chrome.log")"
! grep -q "CONSOLE" "$T/chrome.log" || fejl "konsolbeskeder: $(grep CONSOLE "$T/chrome.log" | head -3)"

"$K" vurder --kommune varde --dato $D --format tekst "$SRC/docs/eksempler/sag.json" > "$T/cli.txt" 2>/dev/null
linje=$(sed -n '/^Målgruppe$/{n;p;q}' "$T/cli.txt" | sed 's/^ *//')
test -n "$linje" || fejl "ingen målgruppelinje i: $(head -5 "$T/cli.txt")"
grep -qF "$linje" "$T/dom.html" || fejl "siden viser ikke målgruppelinjen '$linje': $(grep -o '<section id="resultat".\{0,300\}' "$T/dom.html")"
grep -q '<summary>Spor: [0-9]* regler</summary>' "$T/dom.html" || fejl "intet spor foldet under resultaterne"
grep -q 'href="/v1/kommuner/varde/dokument"' "$T/dom.html" || fejl "intet link til standardens dokument"

# The document the link leads to is `kvalitet dokument`'s, byte for byte.
"$K" dokument --kommune varde > "$T/cli_dokument.html" 2>/dev/null
status "$(req "$T/dokument.html" /v1/kommuner/varde/dokument)" 200 "dokumentet"
cmp "$T/cli_dokument.html" "$T/dokument.html" || fejl "dokumentet er ikke det, kvalitet dokument skriver"
echo "server siden: alle tjek bestået"
