#!/bin/sh
# kvalitet konsekvens (issue 14 §3) on a real edit: Kerteminde's VUM threshold for pakke 4
# raised by 2 (tests/fixtures/konsekvens/kerteminde_pakke4.sh), over demo cases. The
# expected counts are computed here from two separate `vurder` runs, one case at a time:
# the version in force, and the edited file in place of it.
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*"; exit 1; }
has() { grep -qF -- "$2" "$1" || { echo "FEJL: $1 mangler: $2"; cat "$1"; exit 1; }; }
FIX="$T/kerteminde_pakke4.lua"
"$SRC/tests/fixtures/konsekvens/kerteminde_pakke4.sh" "$SRC" > "$FIX"
D=2026-11-22
mkdir "$T/hjem" "$T/ny"
cp -r "$SRC/dsl" "$SRC/stdlib" "$SRC/municipalities" "$T/hjem/"
cp -r "$T/hjem/"* "$T/ny/"
cp "$FIX" "$T/ny/municipalities/kerteminde/standard.lua"
H="--hjem $T/hjem"

"$K" demo --ndjson --antal 1500 --frø 14 --dato "$D" > "$T/alle.ndjson"
grep '"kommune": *"kerteminde"' "$T/alle.ndjson" > "$T/sager.ndjson"
alle=$(wc -l < "$T/alle.ndjson"); n=$(wc -l < "$T/sager.ndjson")
test "$n" -ge 100 || fejl "kun $n Kerteminde-sager blandt demosagerne"

# Each case by itself under each version.
"$K" $H vurder --kommune kerteminde --ndjson --traade 1 --dato "$D" --spor ingen < "$T/sager.ndjson" > "$T/foer.ndjson"
"$K" --hjem "$T/ny" vurder --kommune kerteminde --ndjson --traade 1 --dato "$D" --spor ingen < "$T/sager.ndjson" > "$T/efter.ndjson"

# konsekvens over all the demo cases: the other municipalities' are skipped and counted.
"$K" $H konsekvens --kommune kerteminde --fil "$FIX" --dato "$D" --format json --traade 2 "$T/alle.ndjson" > "$T/k.json"
"$K" $H konsekvens --kommune kerteminde --fil "$FIX" --dato "$D" --format json --traade 1 "$T/alle.ndjson" |
  cmp -s - "$T/k.json" || fejl "1 og 2 tråde giver ikke samme rapport"

# The expected counts, from the two runs.
jq -n --slurpfile a "$T/foer.ndjson" --slurpfile b "$T/efter.ndjson" --slurpfile s "$T/sager.ndjson" '
  def svar: if .maalgruppe.i_maalgruppe == true then "ja" elif .maalgruppe.i_maalgruppe == false then "nej" else "uafklaret" end;
  def timer($sag): if .maalgruppe.i_maalgruppe != true then 0
    elif .pakke != null then (if .pakke.periode == "maaned" then .pakke.timer * 12 / 52 else .pakke.timer end)
    elif $sag.bevilling.timer != null then (if $sag.bevilling.periode == "maaned" then $sag.bevilling.timer * 12 / 52 else $sag.bevilling.timer end)
    else 0 end;
  def rund: . * 1000 | round / 1000;
  [range(0; $a | length)] as $ix |
  { sager: ($a | length),
    maalgruppe: (reduce $ix[] as $i ({ja: {ja: 0, nej: 0, uafklaret: 0}, nej: {ja: 0, nej: 0, uafklaret: 0}, uafklaret: {ja: 0, nej: 0, uafklaret: 0}};
                   .[$a[$i] | svar][$b[$i] | svar] += 1)),
    pakker: ([$ix[] | {foer: $a[.].pakke.id, efter: $b[.].pakke.id}] | group_by([.foer, .efter]) | map(.[0] + {antal: length})),
    timer: {foer: ([$ix[] as $i | $a[$i] | timer($s[$i])] | add | rund), efter: ([$ix[] as $i | $b[$i] | timer($s[$i])] | add | rund)} }
' > "$T/forventet.json"
jq '{sager, maalgruppe, pakker, timer: {foer: .timer_pr_uge.foer, efter: .timer_pr_uge.efter}}' "$T/k.json" > "$T/fik.json"
jq -S . "$T/forventet.json" > "$T/a"; jq -S . "$T/fik.json" > "$T/b"
diff "$T/a" "$T/b" || fejl "konsekvens tæller ikke som vurder én sag ad gangen (forventet < > fik)"
jq -e --argjson n "$((alle - n))" '.ikke_vurderet == {"fejl": 0, "andre_kommuner": $n, "koder": {}}' "$T/k.json" > /dev/null ||
  fejl "andre kommuners sager: $(jq -c .ikke_vurderet "$T/k.json")"

# The edit moves cases from pakke 4 down to pakke 3, and nowhere else.
skift=$(jq '[.pakker[] | select(.foer == "pakke_4" and .efter == "pakke_3") | .antal] | add // 0' "$T/k.json")
test "$skift" -gt 0 || fejl "ingen sager flyttet fra pakke 4 til pakke 3"
jq -e '[.pakker[] | select(.foer != .efter and [.foer, .efter] != ["pakke_4", "pakke_3"])] == []' "$T/k.json" > /dev/null ||
  fejl "andre pakkeskift end 4 → 3: $(jq -c .pakker "$T/k.json")"
# Each kind of change counts its cases; its examples are cases that changed so, with the rule.
jq -e --argjson n "$skift" '.aendringer[] | select(.hvad == "pakke pakke_4 → pakke_3") | .antal == $n' "$T/k.json" > /dev/null ||
  fejl "ændringen 'pakke pakke_4 → pakke_3' har ikke $skift sager"
for id in $(jq -r '.aendringer[] | select(.hvad == "pakke pakke_4 → pakke_3") | .eksempler[].sag_id' "$T/k.json"); do
  grep "\"sag_id\":\"$id\"" "$T/foer.ndjson" | grep -q '"pakke":{"id":"pakke_4"' || fejl "eksemplet $id havde ikke pakke 4 før"
  grep "\"sag_id\":\"$id\"" "$T/efter.ndjson" | grep -q '"pakke":{"id":"pakke_3"' || fejl "eksemplet $id har ikke pakke 3 efter"
done
jq -e '[.aendringer[] | select(.hvad == "pakke pakke_4 → pakke_3") | .eksempler[] | .regler[] | select(.regel == "pakke_4")] | length > 0' \
  "$T/k.json" > /dev/null || fejl "eksemplerne nævner ikke reglen pakke_4"
jq -e '.aendringer[] | select(.hvad == "færre timer pr. uge") | .antal > 0' "$T/k.json" > /dev/null || fejl "ingen sager med færre timer"

# The text report says the same.
"$K" $H konsekvens --kommune kerteminde --fil "$FIX" --dato "$D" "$T/sager.ndjson" > "$T/k.txt"
has "$T/k.txt" "Konsekvens for kerteminde: $n sager vurderet den 22. november 2026 efter begge versioner"
has "$T/k.txt" "efter: $FIX"
grep -Eq "^ +$skift  pakke pakke_4 → pakke_3$" "$T/k.txt" || fejl "teksten har ikke '$skift  pakke pakke_4 → pakke_3'"
has "$T/k.txt" "Målgruppe (rækker: før, kolonner: efter)"
has "$T/k.txt" "Pakker (rækker: før, kolonner: efter)"

# The same cases from the case store.
"$K" db --db "$T/s.db" importer "$T/sager.ndjson" > /dev/null
"$K" $H konsekvens --kommune kerteminde --fil "$FIX" --dato "$D" --format json --db "$T/s.db" > "$T/db.json"
jq -S 'del(.ikke_vurderet, .aendringer[].eksempler[].nr)' "$T/db.json" > "$T/a"; jq -S 'del(.ikke_vurderet, .aendringer[].eksempler[].nr)' "$T/k.json" > "$T/b"
diff "$T/a" "$T/b" > /dev/null || fejl "--db giver ikke det samme som NDJSON"

# Two versions by their dates (--version A --mod B): the fixture testby.
mkdir "$T/tb"; cp -r "$SRC/dsl" "$SRC/stdlib" "$SRC/tests/fixtures/versioner/municipalities" "$T/tb/"
printf '%s\n' '{"id":"t1","kommune":"testby","borger":{"alder":40},"forhold":{"motiveret":false,"saerlige_sociale_problemer":true,"kan_afhjaelpes_med_hjaelpemidler":false},"vum":{"temaer":{"sundhed":2}},"bevilling":{"start":"2026-01-05"}}' > "$T/tb.ndjson"
"$K" --hjem "$T/tb" konsekvens --kommune testby --version 2025-01-01 --mod 2026-01-01 --dato 2026-06-01 --format json "$T/tb.ndjson" > "$T/tb.json"
jq -e '.maalgruppe.nej.ja == 1 and .timer_pr_uge == {"foer": 0, "efter": 3, "forskel": 3}' "$T/tb.json" > /dev/null ||
  fejl "testby 2025 → 2026: $(jq -c '{maalgruppe, timer_pr_uge}' "$T/tb.json")"

# Faults: a bad case is counted and named (exit 1, the report still written); a draft that
# does not load is exit 1 naming the file; wrong use is exit 2.
{ head -n 3 "$T/sager.ndjson"; echo '{"id":"d1","kommune":"kerteminde","vum":7}'; } > "$T/daarlig.ndjson"
rc=0; "$K" $H konsekvens --kommune kerteminde --fil "$FIX" --dato "$D" "$T/daarlig.ndjson" > "$T/d.txt" 2> "$T/d.err" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc med en ugyldig sag"
has "$T/d.txt" "1 sager kunne ikke vurderes (ugyldigt_felt: 1)"
has "$T/d.txt" "sag d1: feltet 'vum'"
printf 'kvalitetsstandard { kommune = "kerteminde", titel = "x", kilde = "y" }\npakke { id = }\n' > "$T/brudt.lua"
rc=0; "$K" $H konsekvens --kommune kerteminde --fil "$T/brudt.lua" "$T/sager.ndjson" > /dev/null 2> "$T/b.err" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc for et udkast, der ikke kan indlæses"
has "$T/b.err" "$T/brudt.lua:2"
rc=0; "$K" $H konsekvens --kommune kerteminde --fil "$FIX" --mod 2027-01-01 "$T/sager.ndjson" > /dev/null 2>&1 || rc=$?
test "$rc" -eq 2 || fejl "exit $rc for --fil sammen med --mod"
rc=0; "$K" $H konsekvens --kommune kerteminde --fil "$FIX" --format pdf "$T/sager.ndjson" > /dev/null 2>&1 || rc=$?
test "$rc" -eq 2 || fejl "exit $rc for --format pdf"
echo "konsekvens: i orden ($n sager, $skift fra pakke 4 til pakke 3)"
