#!/bin/sh
# kvalitet dokument --fil: the document of a draft not yet put in place, its municipality
# from the file (or --kommune, which must agree); neither given is wrong use.
set -u
K=$1; SRC=$2; T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*"; exit 1; }
sed -e '/opfoelgning_interval = {/,/}/s/vaerdi = 12,/vaerdi = 7,/' -e 's/^kvalitetsstandard {/kvalitetsstandard { gyldig_fra = "2027-01-01",/' \
  "$SRC/municipalities/varde/standard.lua" > "$T/udkast.lua"
grep -q 'vaerdi = 7,' "$T/udkast.lua" || fejl "rettelsen ramte ikke"
grep -q 'gyldig_fra = "2027-01-01"' "$T/udkast.lua" || fejl "gyldig_fra kom ikke ind"
"$K" --hjem "$SRC" dokument --fil "$T/udkast.lua" --format md > "$T/d.md" 2> "$T/e" || fejl "udkastet: $(cat "$T/e")"
grep -q 'Længde: 7 måneder' "$T/d.md" || fejl "dokumentet viser ikke udkastets værdi"
grep -q '^# .*Varde' "$T/d.md" || fejl "dokumentet er ikke Vardes: $(head -n 3 "$T/d.md")"
# the file it was made from is the draft, and the date it takes effect is said
grep -qF -- "- **Dannet af:** \`$T/udkast.lua\`" "$T/d.md" || fejl "dokumentet nævner ikke udkastets fil: $(grep Dannet "$T/d.md")"
grep -qF -- "- **Gælder:** fra 1. januar 2027" "$T/d.md" || fejl "dokumentet siger ikke, hvornår udkastet gælder"
"$K" --hjem "$SRC" dokument --kommune varde --format md | grep -q 'Længde: 12 måneder' || fejl "den gældende version er ændret"
rc=0; "$K" --hjem "$SRC" dokument --fil "$T/udkast.lua" --kommune lejre > /dev/null 2> "$T/e" || rc=$?
[ "$rc" -eq 1 ] || fejl "en anden kommune end udkastets gav $rc, ikke 1"
grep -q "er en standard for varde, ikke lejre" "$T/e" || fejl "beskeden: $(cat "$T/e")"
rc=0; "$K" --hjem "$SRC" dokument > /dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fejl "hverken --kommune eller --fil gav $rc, ikke 2"
mkdir "$T/mappe"
rc=0; "$K" --hjem "$SRC" dokument --fil "$T/mappe" > /dev/null 2> "$T/e" || rc=$?
[ "$rc" -eq 1 ] || fejl "en mappe som --fil gav $rc, ikke 1"
grep -q "er en mappe, ikke en fil" "$T/e" || fejl "mappen: $(cat "$T/e")"
echo "dokument --fil: i orden"
