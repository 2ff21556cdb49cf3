#!/bin/sh
# vurder without --kommune assesses each case under its own "kommune" (issue 20), single
# and --ndjson; with --kommune a case of another municipality is an error naming both;
# errors are the contract's objects; --streng refuses unknown fields, and without it the
# assessment lists them; --ndjson gives the same bytes for any --traade.
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
EX="$SRC/docs/eksempler/sag.json" # a Varde case
D="--dato 2026-11-22"
fejl() { echo "FEJL: $*"; exit 1; }
has() { grep -q -- "$2" "$1" || { echo "FEJL: $1 mangler: $2"; cat "$1"; exit 1; }; }

# Single: the case's own municipality decides, with the same bytes as naming it.
"$K" vurder $D "$EX" > "$T/egen.json"
has "$T/egen.json" '^{"kommune":"varde","sag_id":"eksempel-1"'
"$K" vurder --kommune varde $D "$EX" | cmp -s - "$T/egen.json" || fejl "--kommune varde giver andre bytes"

# Single: another municipality chosen is an error naming both; the error object on stdout.
rc=0; "$K" vurder --kommune lejre $D "$EX" > "$T/anden.json" 2> "$T/anden.err" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc for kommune_forskellig"
has "$T/anden.json" '^{"fejl":{"kode":"kommune_forskellig",'
has "$T/anden.json" '"felt":"kommune"},"sag_id":"eksempel-1"}$'
has "$T/anden.err" "'varde'.*'lejre'"
test "$(wc -l < "$T/anden.json")" -eq 1 || fejl "mere end ét JSON-objekt"

# Single: an unknown --kommune fails before the case is read, and still names the case
# (the contract: sag_id whenever the input had an id), from a file and from a pipe.
rc=0; "$K" vurder --kommune aarhus $D "$EX" > "$T/ukendt.json" 2>/dev/null || rc=$?
test "$rc" -eq 1 || fejl "exit $rc for ukendt_kommune"
has "$T/ukendt.json" '^{"fejl":{"kode":"ukendt_kommune",.*},"sag_id":"eksempel-1"}$'
"$K" vurder --kommune aarhus $D - < "$EX" 2>/dev/null | cmp -s - "$T/ukendt.json" || fejl "ukendt_kommune fra standard input"

# Single: no municipality at all.
rc=0; echo '{"id": "uden"}' | "$K" vurder $D - > "$T/uden.json" 2> "$T/uden.err" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc for mangler_kommune"
has "$T/uden.json" '^{"fejl":{"kode":"mangler_kommune",.*"felt":"kommune"},"sag_id":"uden"}$'
has "$T/uden.err" "^kvalitet: standard input: sagen siger ikke, hvilken kommune"

# A field found wrong only as the case is assessed (a birth date after the date) is named
# with its file, as the reader's errors are.
echo '{"id": "foedt", "kommune": "varde", "borger": {"foedselsdato": "2030-01-01"}}' > "$T/foedt.json"
rc=0; "$K" vurder $D "$T/foedt.json" > "$T/foedt.out" 2> "$T/foedt.err" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc for en fødselsdato efter datoen"
has "$T/foedt.out" '^{"fejl":{"kode":"ugyldigt_felt",.*"felt":"borger.foedselsdato"},"sag_id":"foedt"}$'
has "$T/foedt.err" "^kvalitet: $T/foedt.json: feltet 'borger.foedselsdato': 2030-01-01 ligger efter vurderingsdatoen"

# An unknown field: listed without --streng (JSON and text), refused with it.
sed 's/"kan_deltage_aktivt": true,/"kan_deltage_aktivt": true, "motivret": true,/' "$EX" > "$T/typo.json"
grep -q motivret "$T/typo.json" || fejl "eksemplet har ændret sig; ret testen"
"$K" vurder $D "$T/typo.json" > "$T/typo.out"
has "$T/typo.out" ',"ignorerede_felter":\["forhold.motivret"\]}$'
has "$T/egen.json" ',"ignorerede_felter":\[\]}$'
"$K" vurder $D --format tekst "$T/typo.json" > "$T/typo.txt"
has "$T/typo.txt" "Ignorerede felter"
has "$T/typo.txt" "forhold.motivret"
rc=0; "$K" vurder $D --streng "$T/typo.json" > "$T/streng.json" 2> "$T/streng.err" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc for --streng"
has "$T/streng.json" '^{"fejl":{"kode":"ukendt_felt",.*"felt":"forhold.motivret"},"sag_id":"eksempel-1"}$'
has "$T/streng.err" "mente du 'forhold.motiveret'?"
"$K" vurder $D --streng "$EX" | cmp -s - "$T/egen.json" || fejl "--streng ændrede en gyldig sags vurdering"

# NDJSON without --kommune: each line its own; errors per line; the run goes on. Over 64
# lines, so more than one thread takes part.
i=0
while [ $i -lt 90 ]; do
  case $((i % 5)) in
    0) echo "{\"id\": \"n$i\", \"kommune\": \"lejre\", \"borger\": {\"alder\": 40}}" ;;
    1) echo "{\"id\": \"n$i\", \"kommune\": \"kerteminde\"}" ;;
    2) echo "{\"id\": \"n$i\"}" ;;
    3) echo "{\"id\": \"n$i\", \"kommune\": \"vadre\"}" ;;
    4) echo "{\"id\": \"n$i\", \"kommune\": \"varde\", \"forhold\": {\"motivret\": true}}" ;;
  esac
  i=$((i + 1))
done > "$T/ind.ndjson"
for n in 1 3; do
  rc=0; "$K" vurder --ndjson $D --traade $n < "$T/ind.ndjson" > "$T/ud$n.ndjson" 2> "$T/ud$n.err" || rc=$?
  test "$rc" -eq 1 || fejl "exit $rc med fejllinjer"
done
cmp -s "$T/ud1.ndjson" "$T/ud3.ndjson" || fejl "--traade 1 og 3 giver forskellige bytes"
test "$(wc -l < "$T/ud1.ndjson")" -eq 90 || fejl "ikke én linje ud pr. linje ind"
line() { sed -n "${1}p" "$T/ud1.ndjson"; }
case "$(line 1)" in '{"kommune":"lejre","sag_id":"n0"'*) ;; *) fejl "linje 1: $(line 1 | cut -c1-200)" ;; esac
case "$(line 2)" in '{"kommune":"kerteminde","sag_id":"n1"'*) ;; *) fejl "linje 2: $(line 2 | cut -c1-200)" ;; esac
case "$(line 3)" in '{"fejl":{"kode":"mangler_kommune",'*'"felt":"kommune"},"linje":3,"sag_id":"n2"}') ;; *) fejl "linje 3: $(line 3)" ;; esac
case "$(line 4)" in '{"fejl":{"kode":"ukendt_kommune",'*"mente du 'varde'?"*'"linje":4,"sag_id":"n3"}') ;; *) fejl "linje 4: $(line 4)" ;; esac
case "$(line 5)" in '{"kommune":"varde","sag_id":"n4"'*'"ignorerede_felter":["forhold.motivret"]}') ;; *) fejl "linje 5: $(line 5 | cut -c1-200)" ;; esac
has "$T/ud1.err" "36 linjer kunne ikke vurderes"

# NDJSON with --kommune: a line of another municipality is that line's error.
printf '%s\n' '{"id": "a", "kommune": "varde"}' '{"id": "b", "kommune": "lejre"}' '{"id": "c"}' \
  | "$K" vurder --ndjson --kommune varde $D > "$T/valgt.ndjson" 2> /dev/null || true
case "$(sed -n 2p "$T/valgt.ndjson")" in '{"fejl":{"kode":"kommune_forskellig",'*"'lejre'"*"'varde'"*'"linje":2,"sag_id":"b"}') ;; *) fejl "valgt linje 2: $(sed -n 2p "$T/valgt.ndjson")" ;; esac
case "$(sed -n 3p "$T/valgt.ndjson")" in '{"kommune":"varde","sag_id":"c"'*) ;; *) fejl "valgt linje 3" ;; esac
echo "ruter efter sagens kommune; fejl som kontraktens objekter; --streng; ens for alle --traade"
