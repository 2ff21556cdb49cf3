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

# The counts a report must give for cases $1 (NDJSON) assessed one at a time under the two
# homes $2 and $3 (kommune $4), written to $5: every kind of change konsekvens counts
# (host/workbench/konsekvens.cpp), derived here from the two runs alone.
forventet() {
  "$K" --hjem "$2" vurder --kommune "$4" --ndjson --traade 1 --dato "$D" --spor ingen < "$1" > "$5.foer"
  "$K" --hjem "$3" vurder --kommune "$4" --ndjson --traade 1 --dato "$D" --spor ingen < "$1" > "$5.efter"
  jq -n --slurpfile a "$5.foer" --slurpfile b "$5.efter" --slurpfile s "$1" '
  def svar: if .maalgruppe.i_maalgruppe == true then "ja" elif .maalgruppe.i_maalgruppe == false then "nej" else "uafklaret" end;
  def pr_uge($t; $p): if $p == "maaned" then $t * 12 / 52 else $t end;
  def timer($sag): if .maalgruppe.i_maalgruppe != true then 0
    elif .pakke != null then pr_uge(.pakke.timer; .pakke.periode)
    elif $sag.bevilling.timer != null then pr_uge($sag.bevilling.timer; $sag.bevilling.periode)
    else 0 end;
  def rund: . * 1000 | round / 1000;
  def pakkenavn: if . == null then "ingen pakke" else . end;
  def navn: if .kilde == "Kvalitet (aktivitetskataloget)" then "(ukendt aktivitet)" else .id end;
  def tilstand: (if .omfattet == null then "uafklaret" elif .omfattet then "omfattet" else "ikke omfattet" end)
    + (if .henvis_til != null then " (\(.henvis_til))" else "" end);
  def efter_id(f): map({key: .id, value: f}) | from_entries;
  def antal_pr_id: group_by(.id) | map({key: .[0].id, value: length}) | from_entries;
  def dansk_dato: split("-") as [$aa, $m, $d] |
    "\($d | tonumber). \(["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
                         "oktober", "november", "december"][($m | tonumber) - 1]) \($aa)";
  # a breach the version dates before its own gyldig_fra: a change-over, not a breach counted again
  def overgang($g): .status == "overskredet" and $g != null and .dato < $g;
  def overgange: .standard.gyldig_fra as $g | [.frister[] | select(overgang($g))] | length;
  def advarsler_uden_overgange: (.advarsler | antal_pr_id) as $n | overgange as $o |
    if $n | has("frist_overskredet") then $n | .frist_overskredet -= $o else $n end;
  def skift($x; $y; $sag):
    ($x | svar) as $a | ($y | svar) as $b | ($x | timer($sag)) as $ha | ($y | timer($sag)) as $hb |
    [ (if $a != $b then {art: "maalgruppe", hvad: "målgruppe \($a) → \($b)"} else empty end),
      (if $x.pakke.id != $y.pakke.id then {art: "pakke", hvad: "pakke \($x.pakke.id | pakkenavn) → \($y.pakke.id | pakkenavn)"} else empty end),
      (if $ha != $hb then {art: "timer", hvad: (if $hb > $ha then "flere timer pr. uge" else "færre timer pr. uge" end)} else empty end),
      ($y.maalgruppe.henvis_til - $x.maalgruppe.henvis_til | unique[] | {art: "henvisning", hvad: "henvisning til \(.) tilføjet"}),
      ($x.maalgruppe.henvis_til - $y.maalgruppe.henvis_til | unique[] | {art: "henvisning", hvad: "henvisning til \(.) fjernet"}),
      (($x.aktiviteter | map({id: navn, t: tilstand}) | efter_id(.t)) as $f | ($y.aktiviteter | map({id: navn, t: tilstand}) | efter_id(.t)) as $e |
       ($f + $e | keys[]) as $id | ($f[$id] // "ikke ansøgt") as $t1 | ($e[$id] // "ikke ansøgt") as $t2 |
       if $t1 != $t2 then {art: "aktivitet", hvad: "aktivitet \($id): \($t1) → \($t2)"} else empty end),
      (($x.frister | efter_id(.)) as $f | ($y.frister | efter_id(.)) as $e | ($f + $e | keys[]) as $id |
       if $f[$id] == null then {art: "frist", hvad: "frist \($id) tilføjet"}
       elif $e[$id] == null then {art: "frist", hvad: "frist \($id) fjernet"}
       else (if $f[$id].dato != $e[$id].dato then {art: "frist", hvad: "frist \($id) flyttet \(if $e[$id].dato < $f[$id].dato then "frem" else "tilbage" end)"} else empty end),
            (if $f[$id].status == $e[$id].status then empty
             elif $e[$id] | overgang($y.standard.gyldig_fra) then
               {art: "frist_overgang", hvad: "frist \($id): \($f[$id].status) → \($e[$id].status) før den nye version gælder (fristen falder før \($y.standard.gyldig_fra | dansk_dato))"}
             else {art: "frist", hvad: "frist \($id): \($f[$id].status) → \($e[$id].status)"} end)
       end),
      (($x | advarsler_uden_overgange) as $f | ($y | advarsler_uden_overgange) as $e | ($f + $e | keys[]) as $id |
       ($f[$id] // 0) as $m | ($e[$id] // 0) as $n |
       if $n > $m then {art: "advarsel", hvad: "advarsel \($id) tilføjet"} elif $n < $m then {art: "advarsel", hvad: "advarsel \($id) fjernet"} else empty end) ];
  [range(0; $a | length)] as $ix |
  [$ix[] as $i | skift($a[$i]; $b[$i]; $s[$i])] as $pr_sag |
  { sager: ($a | length),
    sager_aendret: ([$pr_sag[] | select(length > 0)] | length),
    maalgruppe: (reduce $ix[] as $i ({ja: {ja: 0, nej: 0, uafklaret: 0}, nej: {ja: 0, nej: 0, uafklaret: 0}, uafklaret: {ja: 0, nej: 0, uafklaret: 0}};
                   .[$a[$i] | svar][$b[$i] | svar] += 1)),
    pakker: ([$ix[] | {foer: $a[.].pakke.id, efter: $b[.].pakke.id}] | group_by([.foer, .efter]) | map(.[0] + {antal: length})),
    timer: {foer: ([$ix[] as $i | $a[$i] | timer($s[$i])] | add | rund), efter: ([$ix[] as $i | $b[$i] | timer($s[$i])] | add | rund)},
    aendringer: ([$pr_sag[][]] | group_by([.art, .hvad]) | map(.[0] + {antal: length}) | sort_by(.art, .hvad)) }' > "$5"
}
# The same from a konsekvens report $1, written to $2.
fik() {
  jq '{sager, sager_aendret, maalgruppe, pakker, timer: {foer: .timer_pr_uge.foer, efter: .timer_pr_uge.efter},
       aendringer: ([.aendringer[] | {art, hvad, antal}] | sort_by(.art, .hvad))}' "$1" > "$2"
}

forventet "$T/sager.ndjson" "$T/hjem" "$T/ny" kerteminde "$T/forventet.json"
mv "$T/forventet.json.foer" "$T/foer.ndjson"; mv "$T/forventet.json.efter" "$T/efter.ndjson"

# konsekvens over all the demo cases: the other municipalities' are skipped and counted.
"$K" $H konsekvens --kommune kerteminde --fil "$FIX" --dato "$D" --format json --traade 2 "$T/alle.ndjson" > "$T/k.json"
"$K" $H konsekvens --kommune kerteminde --fil "$FIX" --dato "$D" --format json --traade 1 "$T/alle.ndjson" |
  cmp -s - "$T/k.json" || fejl "1 og 2 tråde giver ikke samme rapport"
fik "$T/k.json" "$T/fik.json"
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

# An example's nr is where the case is: its line in the NDJSON (other municipalities' lines
# and all), or its nr in the store (here a fresh import of the same lines: the same numbers).
"$K" $H konsekvens --kommune kerteminde --fil "$FIX" --dato "$D" --format json "$T/alle.ndjson" > "$T/ka.json"
"$K" db --db "$T/alle.db" importer "$T/alle.ndjson" > /dev/null
"$K" $H konsekvens --kommune kerteminde --fil "$FIX" --dato "$D" --format json --db "$T/alle.db" > "$T/kadb.json"
jq -c '[.aendringer[].eksempler[] | [.nr, .sag_id]] | unique' "$T/ka.json" > "$T/nr_ndjson"
jq -c '[.aendringer[].eksempler[] | [.nr, .sag_id]] | unique' "$T/kadb.json" > "$T/nr_db"
cmp -s "$T/nr_ndjson" "$T/nr_db" || fejl "eksemplernes nr: NDJSON $(cat "$T/nr_ndjson") mod --db $(cat "$T/nr_db")"
test "$(jq length "$T/nr_ndjson")" -gt 0 || fejl "ingen eksempler at tjekke nr på"
for par in $(jq -r '.[] | "\(.[0]):\(.[1])"' "$T/nr_ndjson"); do
  nr=${par%%:*}; id=${par#*:}
  sed -n "${nr}p" "$T/alle.ndjson" | grep -q "\"id\": *\"$id\"" || fejl "eksemplet $id står ikke på linje $nr"
done

# A second real edit, which moves deadlines and warnings: Varde's follow-up interval cut from
# 12 to 6 months. Every kind of change is counted as the cases one at a time give it.
mkdir "$T/varde"; cp -r "$T/hjem/"* "$T/varde/"
sed 's/^    vaerdi = 12,$/    vaerdi = 6,/' "$SRC/municipalities/varde/standard.lua" > "$T/varde_udkast.lua"
cmp -s "$T/varde_udkast.lua" "$SRC/municipalities/varde/standard.lua" && fejl "Vardes opfoelgning_interval er ikke 12: ret testen"
cp "$T/varde_udkast.lua" "$T/varde/municipalities/varde/standard.lua"
grep '"kommune": *"varde"' "$T/alle.ndjson" > "$T/varde.ndjson"
forventet "$T/varde.ndjson" "$T/hjem" "$T/varde" varde "$T/vf.json"
"$K" $H konsekvens --kommune varde --fil "$T/varde_udkast.lua" --dato "$D" --format json "$T/varde.ndjson" > "$T/vk.json"
fik "$T/vk.json" "$T/vfik.json"
jq -S . "$T/vf.json" > "$T/a"; jq -S . "$T/vfik.json" > "$T/b"
diff "$T/a" "$T/b" || fejl "Varde: konsekvens tæller ikke som vurder én sag ad gangen (forventet < > fik)"
jq -e '[.aendringer[] | select(.art == "frist")] | length > 0' "$T/vf.json" > /dev/null ||
  fejl "Vardes ændring flyttede ingen frister: testen prøver ikke fristerne"

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
has "$T/d.txt" "1 sag kunne ikke vurderes (ugyldigt_felt: 1)"
has "$T/d.txt" "sag d1 (linje 4): feltet 'vum'"
has "$T/d.txt" "Konsekvens for kerteminde: 3 sager vurderet"
# ... and said before any number, which counts only the others.
sed -n 4p "$T/d.txt" | grep -qF "1 af 4 sager kunne ikke vurderes (se nederst); tallene nedenfor gælder kun de 3 andre." ||
  { cat "$T/d.txt"; fejl "fejlede sager står ikke øverst"; }
# A draft with an endless loop stops at the first case (each would wait the whole time
# budget), naming the case and the loop's line; no report.
{ cat "$FIX"; echo 'krav { id = "evig", tekst = "K", kilde = "K KS", afvigelser = function()'; echo '  while true do end'; echo 'end }'; } > "$T/evig.lua"
loekke=$(($(wc -l < "$FIX") + 2))
start=$(date +%s)
rc=0; "$K" $H konsekvens --kommune kerteminde --fil "$T/evig.lua" --dato "$D" "$T/sager.ndjson" > "$T/evig.txt" 2> "$T/evig.err" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc for et udkast med en uendelig løkke"
test $(( $(date +%s) - start )) -lt 30 || fejl "en uendelig løkke stoppede ikke ved første sag"
has "$T/evig.err" "stoppet ved første sag, der ramte tidsloftet: $T/evig.lua:$loekke: krav 'evig' (sag 'demo-kerteminde-"
test ! -s "$T/evig.txt" || fejl "en rapport blev skrevet, selv om konsekvenserne ikke er beregnet"
# --fil naming the file the version in force is read from compares it with itself: wrong use.
rc=0; "$K" $H konsekvens --kommune kerteminde --fil "$T/hjem/municipalities/kerteminde/standard.lua" --dato "$D" "$T/sager.ndjson" > /dev/null 2> "$T/selv.err" || rc=$?
test "$rc" -eq 2 || fejl "exit $rc for --fil = versionens egen fil"
has "$T/selv.err" "er selve den fil"
# One case is "1 sag", not "1 sager".
head -n 1 "$T/sager.ndjson" > "$T/en.ndjson"
"$K" $H konsekvens --kommune kerteminde --fil "$FIX" --dato "$D" "$T/en.ndjson" > "$T/en.txt"
has "$T/en.txt" "Konsekvens for kerteminde: 1 sag vurderet"
printf 'kvalitetsstandard { kommune = "kerteminde", titel = "x", kilde = "y" }\npakke { id = }\n' > "$T/brudt.lua"
rc=0; "$K" $H konsekvens --kommune kerteminde --fil "$T/brudt.lua" "$T/sager.ndjson" > /dev/null 2> "$T/b.err" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc for et udkast, der ikke kan indlæses"
has "$T/b.err" "$T/brudt.lua:2"
rc=0; "$K" $H konsekvens --kommune kerteminde --fil "$FIX" --mod 2027-01-01 "$T/sager.ndjson" > /dev/null 2>&1 || rc=$?
test "$rc" -eq 2 || fejl "exit $rc for --fil sammen med --mod"
rc=0; "$K" $H konsekvens --kommune kerteminde --fil "$FIX" --format pdf "$T/sager.ndjson" > /dev/null 2>&1 || rc=$?
test "$rc" -eq 2 || fejl "exit $rc for --format pdf"
# More cases that cannot be assessed than the examples shown: the rest are counted, and each
# example with an id names its line too.
i=1; while [ $i -le 8 ]; do echo "{\"id\":\"q$i\",\"kommune\":\"kerteminde\",\"borger\":{\"alder\":-$i}}"; i=$((i + 1)); done > "$T/fejl8.ndjson"
"$K" $H konsekvens --kommune kerteminde --fil "$FIX" --dato "$D" "$T/fejl8.ndjson" > "$T/f8.txt" 2> /dev/null || true
has "$T/f8.txt" "sag q2 (linje 2): feltet 'borger.alder'"
has "$T/f8.txt" "… og 3 sager mere; kvalitet vurder --ndjson"
echo "konsekvens: i orden ($n sager, $skift fra pakke 4 til pakke 3)"
