#!/bin/sh
# A standard that does not load (issue 20): `kvalitet test` says so once, with its file and
# line, and runs the other municipalities; a home folder without dsl/ is a usage error
# that names what is missing. No message is ever empty.
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
fail() { echo "FEJL: $1"; echo "--- uddata:"; cat "$T/ud"; exit 1; }
no_empty_message() { if grep -E ': *$' "$T/ud" > "$T/tomme"; then fail "en tom besked: $(cat "$T/tomme")"; fi; }
cp -r "$SRC/dsl" "$SRC/stdlib" "$SRC/municipalities" "$T/"
printf '\nbetingelse { id = "brudt"\n' >> "$T/municipalities/lejre/standard.lua"   # never closed
tests=$(cat "$T"/municipalities/lejre/tests/*.lua | grep -c '^test {')

# 1. One municipality: the load error once, its place, and the count of tests not run.
rc=0; "$K" --hjem "$T" test lejre > "$T/ud" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || fail "afslutningskode $rc"
[ "$(grep -c 'standarden kunne ikke indlæses' "$T/ud")" -eq 1 ] || fail "fejlen skal stå én gang"
grep -q "^lejre  *0 bestået, $tests fejlet (ikke kørt, fordi standarden ikke kunne indlæses" "$T/ud" || fail "opsummeringen siger ikke, at testene ikke er kørt"
grep -q "^FEJL  \[lejre\] standarden kunne ikke indlæses; kommunens $tests tests er ikke kørt$" "$T/ud" || fail "overskriften"
grep -q "^      municipalities/lejre/standard.lua:[0-9][0-9]*: ." "$T/ud" || fail "fejlen nævner ikke fil og linje"
[ "$(grep -c '^FEJL' "$T/ud")" -eq 1 ] || fail "fejlen gentages under testene"
[ "$(tail -n 1 "$T/ud")" = "0 bestået, $tests fejlet" ] || fail "sidste linje"
no_empty_message

# 2. All municipalities: the others still run and pass.
rc=0; "$K" --hjem "$T" test > "$T/ud" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || fail "afslutningskode $rc (alle)"
[ "$(grep -c '^FEJL.*\[lejre\]' "$T/ud")" -eq 1 ] || fail "lejres fejl gentages"
grep -q "^varde  *[1-9][0-9]* bestået, [0-9]* fejlet$" "$T/ud" || fail "varde blev ikke kørt"
tail -n 1 "$T/ud" | grep -q "^[1-9][0-9]* bestået, [1-9][0-9]* fejlet$" || fail "sidste linje (alle)"

# 3. A home folder without dsl/: said once, with what is missing, as a usage error.
rm -rf "$T/dsl"
for cmd in "vurder --kommune varde $SRC/docs/eksempler/sag.json" "test" "kommuner" "repl --kommune varde"; do
  rc=0
  # shellcheck disable=SC2086
  "$K" --hjem "$T" $cmd > "$T/ud" 2>&1 < /dev/null || rc=$?
  [ "$rc" -eq 2 ] || fail "$cmd: afslutningskode $rc"
  grep -q "mangler dsl/" "$T/ud" || fail "$cmd: siger ikke, at dsl/ mangler"
  [ "$(wc -l < "$T/ud")" -le 2 ] || fail "$cmd: mere end beskeden og henvisningen til --help"
  no_empty_message
done
# 4. dsl/ as a symbolic link out of the home: never read, and the message says why and what
#    to do (it was an empty script_fejl: the DSL's loader raised a C++ error Lua could not show).
L="$(mktemp -d)"; trap 'rm -rf "$T" "$L"' EXIT
mkdir "$L/hjem" && cp -r "$T/stdlib" "$T/municipalities" "$L/hjem/" && cp -r "$SRC/dsl" "$L/ude"
ln -s "$L/ude" "$L/hjem/dsl"
rc=0; "$K" --hjem "$L/hjem" vurder --kommune varde --dato 2026-11-22 "$SRC/docs/eksempler/sag.json" > "$T/ud" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || fail "symbolsk link: afslutningskode $rc"
grep -q '"kode":"script_fejl","besked":"brug \\"dsl.init\\": dsl/init.lua findes i .*symbolsk link' "$T/ud" ||
  fail "symbolsk link: beskeden siger ikke, at dsl/init.lua fører uden for mappen"
grep -q '"besked":""' "$T/ud" && fail "symbolsk link: en tom besked"
# 5. A standard that loads but whose rule fails on every case (a misspelt parameter): the
#    message once, then one line per test pointing back to the first.
R="$L/regelfejl"; mkdir "$R" && cp -r "$SRC/dsl" "$SRC/stdlib" "$SRC/municipalities" "$R/"
sed 's/interval_hoejst(sag, P.opfoelgning_interval)/interval_hoejst(sag, P.opfoelgning_intervall)/' \
  "$SRC/municipalities/varde/standard.lua" > "$R/municipalities/varde/standard.lua"
grep -q 'P.opfoelgning_intervall)' "$R/municipalities/varde/standard.lua" || fail "regelfejl: rettelsen ramte ikke"
rc=0; "$K" --hjem "$R" test varde > "$T/ud" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || fail "regelfejl: afslutningskode $rc"
n=$(grep -c '^FEJL' "$T/ud")
[ "$n" -gt 2 ] || fail "regelfejl: kun $n tests fejlede"
[ "$(grep -c "ukendt parameter 'opfoelgning_intervall'" "$T/ud")" -eq 1 ] || fail "regelfejl: beskeden skal stå én gang"
[ "$(grep -c '^      samme fejl som municipalities/varde/tests/.*:[0-9]* ovenfor$' "$T/ud")" -eq $((n - 1)) ] ||
  fail "regelfejl: de andre tests peger ikke tilbage på den første"
# 6. A path that names nothing fails as one test; the others still run, and the contract's
#    last line counts them all.
rc=0; "$K" --hjem "$SRC" test /findes/ikke lejre > "$T/ud" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || fail "ukendt sti: afslutningskode $rc"
grep -q "^FEJL  /findes/ikke$" "$T/ud" || { cat "$T/ud"; fail "ukendt sti: ingen FEJL-linje"; }
grep -q "'/findes/ikke' er hverken en testfil, en mappe eller en kommune" "$T/ud" || fail "ukendt sti: beskeden"
tail -1 "$T/ud" | grep -Eq '^[1-9][0-9]* bestået, 1 fejlet$' || { tail -3 "$T/ud"; fail "ukendt sti: sidste linje"; }
echo "indlæsningsfejl: én gang, med sted, aldrig tom"
