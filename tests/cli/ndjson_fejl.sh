#!/bin/sh
# vurder --ndjson: a bad line gives the contract's error object for that line
# ({"fejl": {"kode", "besked", "felt"?}, "linje", "sag_id"?}) and the run goes on; a line
# far over the size limit is refused without being held, and the next line is read.
set -eu
K="$1"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
{
  echo '{"id": "god-1", "borger": {"alder": 30}}'
  echo '{"id": "felt", "vum": 1}'
  echo '{"id": "tal", "a": 1e400}'
  printf '{"id": "stor", "x": "'; head -c 3000000 /dev/zero | tr '\0' a; echo '"}'
  echo '{"id": "dublet", "borger": {"alder": 30, "alder": 31}}'
  echo '{"borger": {"alder": -1e300}}'
  echo '{"id": "god-2"}'
} > "$T/ind.ndjson"
rc=0
"$K" vurder --kommune varde --ndjson --dato 2026-11-22 --traade 2 < "$T/ind.ndjson" > "$T/ud.ndjson" 2> "$T/fejl.txt" || rc=$?
test "$rc" -eq 1
test "$(wc -l < "$T/ud.ndjson")" -eq 7
line() { sed -n "${1}p" "$T/ud.ndjson"; }
expect() { # line number, fixed string the line must start with
  case "$(line "$1")" in
    "$2"*) ;;
    *) echo "linje $1: forventede $2"; echo "fik: $(line "$1" | cut -c1-300)"; exit 1 ;;
  esac
}
expect 1 '{"kommune":"varde","sag_id":"god-1"'
expect 2 '{"fejl":{"kode":"ugyldigt_felt","besked":"feltet '"'"'vum'"'"': forventede et objekt, fik et heltal","felt":"vum"},"linje":2,"sag_id":"felt"}'
# the position names the input's line, as "linje" does, not the line within the case
expect 3 '{"fejl":{"kode":"ugyldig_json","besked":"ugyldig JSON i linje 3, kolonne 20 (feltet '"'"'a'"'"'): tallet 1e400 er for stort'
line 3 | grep -q '"felt":"a"},"linje":3,"sag_id":"tal"}$'
expect 4 '{"fejl":{"kode":"for_stor","besked":"sagen fylder mere end grænsen på 1048576 bytes (1 MiB)"},"linje":4,"sag_id":"stor"}'
expect 5 '{"fejl":{"kode":"dubleret_felt","besked":"feltet '"'"'borger.alder'"'"' står to gange'
line 5 | grep -q '"felt":"borger.alder"},"linje":5,"sag_id":"dublet"}$'
expect 6 '{"fejl":{"kode":"ugyldigt_felt","besked":"feltet '"'"'borger.alder'"'"': skal være mellem 0 og 130, fik -1e+300","felt":"borger.alder"},"linje":6}'
expect 7 '{"kommune":"varde","sag_id":"god-2"'
grep -q '5 linjer kunne ikke vurderes' "$T/fejl.txt"
echo "fejlobjekter som kontrakten; kørslen fortsatte"
