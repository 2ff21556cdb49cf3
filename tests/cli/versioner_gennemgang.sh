#!/bin/sh
# docs/versioner.md, done as it is written (issue 14, "Done when"): in a scratch copy of the
# checkout, every command of the guide's sh blocks is run as printed, the two edits it
# describes in words are made the way it shows them, and what the guide says comes out
# does: the rule diff, the consequences for the stored cases (text and HTML), old cases
# under the old version.
set -eu
K="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*"; exit 1; }
has() { grep -qF -- "$2" "$1" || { echo "FEJL: $1 mangler: $2"; cat "$1"; exit 1; }; }
DOC="$SRC/docs/versioner.md"
unset KVALITET_HJEM KVALITET_DB
mkdir "$T/kopi"
cp -r "$SRC/dsl" "$SRC/stdlib" "$SRC/municipalities" "$SRC/docs" "$T/kopi/"
rm -rf "$T/kopi/municipalities/varde/versioner"
cd "$T/kopi"

# The guide's sh blocks, in order, each as a script where `kvalitet` is the program tested.
awk -v dir="$T" '/^```sh$/ { n++; inside = 1; next } /^```$/ { inside = 0 } inside { print > (dir "/blok" n ".sh") }' "$DOC"
test -f "$T/blok6.sh" || fejl "vejledningen har ikke seks sh-blokke"
koer() { # BLOK OUT: the block's commands, with kvalitet as the program under test
    { echo 'kvalitet() { "$K" "$@"; }'; cat "$T/blok$1.sh"; } > "$T/koer$1.sh"
    K="$K" sh -eu "$T/koer$1.sh" > "$2" 2> "$T/stderr$1" || { cat "$T/stderr$1"; fejl "blok $1 fejlede: $(cat "$T/blok$1.sh")"; }
}
koer 1 "$T/demo.txt"   # the case store
koer 2 "$T/kopi.txt"   # the current standard kept as a version

# The two edits, as the guide shows them.
P_TEKST='    tekst = "Måneder mellem opfølgninger (mindst 2 gange årligt)",'
F_TEKST='  tekst = "Næste opfølgning (mindst 2 gange årligt; oftere, når afgørelsen fastsætter det)",'
for linje in '  gyldig_fra = "2018-01-01",' '  gyldig_fra = "2027-01-01",' '    vaerdi = 6,' "$P_TEKST" "$F_TEKST"; do
  has "$DOC" "$linje"
done
V=municipalities/varde
sed -i 's/^  kommune = "varde",$/&\n  gyldig_fra = "2018-01-01",/' "$V/versioner/2018-01-01.lua"
sed -i 's/^  kommune = "varde",$/&\n  gyldig_fra = "2027-01-01",/; /^  opfoelgning_interval = {$/,/}/ s/^    vaerdi = 12,$/    vaerdi = 6,/' "$V/standard.lua"
grep -q '^    vaerdi = 6,$' "$V/standard.lua" || fejl "opfoelgning_interval blev ikke rettet"
# before the texts are edited, tjek names both (the guide says so)
if "$K" tjek --kommune varde > "$T/tjek0.txt" 2>&1; then cat "$T/tjek0.txt"; fejl "tjek så ikke de gamle tekster"; fi
has "$T/tjek0.txt" "teksten siger \"1 gang årligt\", men reglen regner med opfoelgning_interval = 6 måneder"
has "$T/tjek0.txt" "varde: 2 fund"
sed -i "s/^    tekst = \"Måneder mellem opfølgninger (mindst 1 gang årligt)\",\$/$P_TEKST/; s/^  tekst = \"Næste opfølgning (mindst 1 gang årligt; .*\",\$/$F_TEKST/" "$V/standard.lua"
grep -qF -- "$P_TEKST" "$V/standard.lua" && grep -qF -- "$F_TEKST" "$V/standard.lua" || fejl "teksterne blev ikke rettet"
"$K" kommuner > "$T/kommuner.txt" 2> /dev/null
has "$T/kommuner.txt" "version $V/versioner/2018-01-01.lua: fra 1. januar 2018 til og med 31. december 2026"
has "$T/kommuner.txt" "version $V/standard.lua: fra 1. januar 2027"

koer 3 "$T/forskel.txt"
has "$T/forskel.txt" "gyldig_fra: 2018-01-01 → 2027-01-01"
has "$T/forskel.txt" "~ parameter opfoelgning_interval"
has "$T/forskel.txt" "værdi: 12 → 6"
has "$T/forskel.txt" "~ frist naeste_opfoelgning"
has "$T/forskel.txt" "længde: 12 måneder; kortere, når afgørelsen fastsætter det → 6 måneder"

koer 4 "$T/konsekvens.txt"
has "$T/konsekvens.txt" "Konsekvens for varde:"
has "$T/konsekvens.txt" "vurderet den 1. januar 2027 efter begge versioner"
has "$T/konsekvens.txt" "frist naeste_opfoelgning flyttet frem"
# a breach the new version dates before 1 January 2027 is a change-over, and said to be one;
# here every new breach is one, and none is counted again as a warning added
has "$T/konsekvens.txt" "frist naeste_opfoelgning: kommende → overskredet før den nye version gælder (fristen falder før 1. januar 2027)"
if grep -q "advarsel frist_overskredet tilføjet" "$T/konsekvens.txt"; then fejl "overgangene talt igen som advarsler"; fi
# for a program, the JSON tells a change-over by its art, not only by its Danish text
"$K" konsekvens --kommune varde --dato 2027-01-01 --format json > "$T/konsekvens.json"
has "$T/konsekvens.json" '"art":"frist_overgang","hvad":"frist naeste_opfoelgning: kommende → overskredet før den nye version gælder'
if grep -qF '"art":"frist","hvad":"frist naeste_opfoelgning: kommende → overskredet før' "$T/konsekvens.json"; then
  fejl "en overgang står som art frist i JSON"
fi
test -s konsekvens-varde-2027.html || fejl "HTML-siden blev ikke skrevet"
has konsekvens-varde-2027.html "<svg"

koer 5 "$T/vurder.txt"
printf '%s\n' '"gyldig_fra":"2018-01-01"' '"gyldig_fra":"2027-01-01"' '"gyldig_fra":"2018-01-01"' | cmp -s - "$T/vurder.txt" ||
  { cat "$T/vurder.txt"; fejl "gamle sager vurderes ikke efter den gamle version"; }

# The stored assessment from before step 1 is still explained, under the text the store kept.
koer 6 "$T/forklar.txt"
has "$T/forklar.txt" "af sag 'demo-varde-000003' pr. "
has "$T/forklar.txt" "(dens tekst, som sagsdatabasen gemte; $V/standard.lua er ændret siden); den genskabte vurdering er den samme som den gemte."
# The tests moved with the old version still pass against it (before the guide moved them,
# the 12-month tests failed against the new 6-month version).
"$K" test municipalities/varde > "$T/test.txt" 2>&1 || { cat "$T/test.txt"; fejl "kvalitet test fejlede efter vejledningen"; }
has "$T/test.txt" "versionen fra 2018-01-01"
test -d municipalities/varde/tests && fejl "tests/ blev ikke flyttet"

# tjek sees the versions too: clean after the guide, one finding when a version lacks its
# gyldig_fra (before, tjek said "ingen fund" while vurder and test stopped at it).
"$K" tjek --kommune varde > "$T/tjek.txt" 2>&1 || { cat "$T/tjek.txt"; fejl "tjek fandt noget efter vejledningen"; }
sed -i '/^  gyldig_fra = "2018-01-01",$/d' "$V/versioner/2018-01-01.lua"
if "$K" tjek --kommune varde > "$T/tjek2.txt" 2>&1; then cat "$T/tjek2.txt"; fejl "tjek så ikke versionen uden gyldig_fra"; fi
has "$T/tjek2.txt" "$V/versioner/2018-01-01.lua:"
has "$T/tjek2.txt" "erklærer ingen gyldig_fra"
has "$T/tjek2.txt" "[versioner]"
has "$T/tjek2.txt" "varde: 1 fund"
echo "versioner.md: i orden"
