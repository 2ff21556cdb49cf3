#!/bin/sh
# kvalitet forskel (issue 14 §2) on the fixture municipality testby (tests/fixtures/versioner):
# its two versions differ in one of each kind (a rule added, one removed, a package's hours,
# a frist's kilde and length, a parameter's value, a parameter and an assumption added and
# removed, and a function only re-spaced, which is no change); then on edited copies, one
# kind of field at a time, each found under its own name.
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*"; exit 1; }
has() { grep -qF -- "$2" "$1" || { echo "FEJL: $1 mangler: $2"; cat "$1"; exit 1; }; }
hasnt() { ! grep -qF -- "$2" "$1" || { echo "FEJL: $1 skulle ikke have: $2"; cat "$1"; exit 1; }; }
mkdir "$T/hjem"
cp -r "$SRC/dsl" "$SRC/stdlib" "$SRC/tests/fixtures/versioner/municipalities" "$T/hjem/"
H="--hjem $T/hjem"
V=municipalities/testby

# The two versions: every kind of change, under its name, and nothing else.
"$K" $H forskel --kommune testby > "$T/to.txt"
has "$T/to.txt" "før:   $V/versioner/2025-01-01.lua (fra 1. januar 2025 til og med 31. december 2025)"
has "$T/to.txt" "efter: $V/standard.lua (fra 1. januar 2026)"
has "$T/to.txt" "gyldig_fra: 2025-01-01 → 2026-01-01"
has "$T/to.txt" "Regler tilføjet (1)"
has "$T/to.txt" "+ udelukkelse hjaelpemidler: Kan afhjælpes med hjælpemidler (Testby KS 1.2) [$V/standard.lua:22]"
has "$T/to.txt" "Regler fjernet (1)"
has "$T/to.txt" "- betingelse motiveret: Borgeren er motiveret for støtten (Testby KS 1)"
has "$T/to.txt" "Regler ændret (2)"
has "$T/to.txt" "~ pakke pakke_1: Let støtte"
has "$T/to.txt" "timer: 2 → 3"
has "$T/to.txt" "~ frist naeste_opfoelgning: Næste opfølgning"
has "$T/to.txt" "kilde: Testby KS 3 → Testby KS 3.1"
has "$T/to.txt" "længde: 12 måneder → 6 måneder"
hasnt "$T/to.txt" "(funktion)" # pakke_1's naar differs only in spaces
has "$T/to.txt" "Parametre ændret (1)"
has "$T/to.txt" "~ parameter opfoelgning_maaneder"
has "$T/to.txt" "værdi: 12 → 6"
has "$T/to.txt" "tekst: Opfølgning hver 12. måned → Opfølgning hver 6. måned"
has "$T/to.txt" "+ parameter dagtimer_slut"
has "$T/to.txt" "- parameter dagtimer"
has "$T/to.txt" "Antagelser tilføjet (1)"
has "$T/to.txt" "Antagelser fjernet (1)"
has "$T/to.txt" "I alt: regler 1 tilføjet, 1 fjernet, 2 ændret; parametre 1 tilføjet, 1 fjernet, 1 ændret; antagelser 1 tilføjet, 1 fjernet"

# The same versions named by their gyldig_fra, or by a date each was in force on.
"$K" $H forskel --kommune testby 2025-01-01 2026-01-01 | cmp -s - "$T/to.txt" || fejl "A B giver ikke det samme som de to nyeste"
"$K" $H forskel --kommune testby 2025-06-30 | cmp -s - "$T/to.txt" || fejl "A alene giver ikke A mod den næste"

# JSON for tools: the same findings by name.
"$K" $H forskel --kommune testby --format json > "$T/to.json"
jq -e '.regler.tilfoejet | map(.art + " " + .id) == ["udelukkelse hjaelpemidler"]' "$T/to.json" > /dev/null || fejl "json: regler.tilfoejet"
jq -e '.regler.fjernet | map(.id) == ["motiveret"]' "$T/to.json" > /dev/null || fejl "json: regler.fjernet"
jq -e '[.regler.aendret[] | .id + ":" + (.felter | map(.felt) | join(","))] == ["pakke_1:timer", "naeste_opfoelgning:kilde,længde"]' \
  "$T/to.json" > /dev/null || fejl "json: regler.aendret $(jq -c .regler.aendret "$T/to.json")"
jq -e '.parametre.aendret[0].felter[0] == {"felt":"værdi","foer":"12","efter":"6"}' "$T/to.json" > /dev/null || fejl "json: parameterværdi"
jq -e '(.antagelser.tilfoejet | map(.id)) == ["dagtimer_slut"] and (.antagelser.fjernet | map(.id)) == ["dagtimer"]' \
  "$T/to.json" > /dev/null || fejl "json: antagelser"
jq -e '.ingen_forskel == false' "$T/to.json" > /dev/null || fejl "json: ingen_forskel"

# Edited copies of the current version against it (--fil), one kind of field at a time.
ny() { sed "$1" "$T/hjem/$V/standard.lua" > "$T/ny.lua"; "$K" $H forskel --kommune testby --dato 2026-06-01 --fil "$T/ny.lua" > "$T/ny.txt"; }
ny 's/mindst(sag.vum:max(),   2)/mindst(sag.vum:max(), 3)/'
has "$T/ny.txt" "~ pakke pakke_1"
has "$T/ny.txt" "betingelse (funktion): function(sag) return mindst(sag.vum:max(), 2) end → function(sag) return mindst(sag.vum:max(), 3) end"
has "$T/ny.txt" "efter: $T/ny.lua"
ny 's/fra = "bevilling.start"/fra = "bevilling.afgoerelse_dato"/'
has "$T/ny.txt" "start: bevillingens start → afgørelsens dato"
ny 's/tekst = "Næste opfølgning"/tekst = "Næste opfølgningsmøde"/'
has "$T/ny.txt" "tekst: Næste opfølgning → Næste opfølgningsmøde"
ny 's/fra = "bevilling.start",/fra = "bevilling.start", opfyldt_ved = "opfoelgninger.seneste", opfyldt_senest = true,/'
has "$T/ny.txt" "opfyldt ved: ingen hændelse (fristen viser, hvornår noget senest skal ske) → seneste opfølgning; datoen viser kun, at det var sket senest da"
has "$T/ny.txt" "opfyldt senest: nej → ja"
ny 's/forhold = "kan_afhjaelpes_med_hjaelpemidler"/forhold = "kan_afhjaelpes_med_traening"/'
has "$T/ny.txt" "forhold: kan_afhjaelpes_med_hjaelpemidler → kan_afhjaelpes_med_traening"
ny 's/kilde = "Testby KS 1.2",/kilde = "Testby KS 1.2", henvis_til = "SEL § 83",/'
has "$T/ny.txt" "henvisning: (ingen) → SEL § 83"
ny 's/vaerdi = "17:00", tekst/vaerdi = "17:00", antagelse = false, kilde = "Testby KS 4", tekst/; s/, antagelse = true,$/,/'
has "$T/ny.txt" "kilde: (ingen) → Testby KS 4"
has "$T/ny.txt" "antagelse: ja → nej"
has "$T/ny.txt" "Antagelser fjernet (1)"
ny 's/varighed = function() return maaneder(P.opfoelgning_maaneder) end/varighed = function() return uger(26) end/'
has "$T/ny.txt" "længde: 6 måneder → 26 uger"
has "$T/ny.txt" "længde (funktion): function() return maaneder(P.opfoelgning_maaneder) end → function() return uger(26) end"
# Layout and comments only: no difference.
ny 's/^  navn = "Pakke 1", timer = 3, periode = "uge",$/  navn = "Pakke 1",   -- en kommentar\n  timer = 3,\n  periode = "uge",/'
has "$T/ny.txt" "Ingen forskel"

# Wrong use and missing versions: exit 2 and 1, in Danish.
rc=0; "$K" $H forskel --kommune testby 2024-06-01 > /dev/null 2> "$T/e1" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc for en dato uden version"
has "$T/e1" "ingen version af standarden for testby er i kraft den 1. juni 2024"
rc=0; "$K" $H forskel --kommune testby 2026-01-01 > /dev/null 2> "$T/e2" || rc=$?
test "$rc" -eq 2 || fejl "exit $rc for den nyeste version alene"
has "$T/e2" "er den nyeste version af standarden for testby"
rc=0; "$K" --hjem "$SRC" forskel --kommune kerteminde > /dev/null 2> "$T/e3" || rc=$?
test "$rc" -eq 2 || fejl "exit $rc for en standard med én version"
has "$T/e3" "har kun én version"
rc=0; "$K" --hjem "$SRC" forskel --kommune kerteminde 2020-01-01 2027-01-01 > /dev/null 2> "$T/e3b" || rc=$?
test "$rc" -eq 2 || fejl "exit $rc for to datoer i den samme version"
has "$T/e3b" "2020-01-01 og 2027-01-01 ligger i den samme version af standarden for kerteminde"
rc=0; "$K" $H forskel --kommune testby 2025-02-01 2025-06-01 > /dev/null 2> "$T/e3c" || rc=$?
test "$rc" -eq 2 || fejl "exit $rc for to datoer i testbys 2025-version"
rc=0; "$K" $H forskel --kommune testby 2025-13-01 > /dev/null 2> "$T/e4" || rc=$?
test "$rc" -eq 2 || fejl "exit $rc for en ugyldig dato"
printf 'kvalitetsstandard { kommune = "testby", titel = "x", kilde = "y" }\nbetingelse { id = }\n' > "$T/brudt.lua"
rc=0; "$K" $H forskel --kommune testby --fil "$T/brudt.lua" > /dev/null 2> "$T/e5" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc for en fil, der ikke kan indlæses"
has "$T/e5" "$T/brudt.lua:2"
# An edit in the version's own file, named as --fil (here by another spelling of its path),
# would compare the file with itself: wrong use, with the way to compare an edit.
rc=0; "$K" $H forskel --kommune testby --dato 2026-06-01 --fil "$T/hjem/$V/../testby/standard.lua" > "$T/o6" 2> "$T/e6" || rc=$?
test "$rc" -eq 2 || fejl "exit $rc for --fil = versionens egen fil"
has "$T/e6" "er selve den fil"
has "$T/e6" "udkast.lua"
# A hard link to it is the same file too.
ln "$T/hjem/$V/standard.lua" "$T/haard.lua"
rc=0; "$K" $H forskel --kommune testby --dato 2026-06-01 --fil "$T/haard.lua" > /dev/null 2> "$T/e7" || rc=$?
test "$rc" -eq 2 || fejl "exit $rc for --fil = en hård lænke til versionens egen fil"
has "$T/e7" "er selve den fil"
echo "forskel: i orden"
