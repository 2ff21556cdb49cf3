#!/bin/sh
# A case file written over several lines (or a list of cases) given where NDJSON is read:
# every line fails on its own, and stderr says once why, with the command that fixes it.
# An NDJSON file with a bad line gets no such guess.
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
export KVALITET_HJEM="$SRC"
fejl() { echo "FEJL: $*"; exit 1; }
printf '{\n  "id": "a",\n  "kommune": "varde",\n  "borger": {"alder": 40}\n}\n' > "$T/flere_linjer.json"
printf '[{"id": "a", "kommune": "varde", "borger": {"alder": 40}}]\n' > "$T/liste.json"
printf '{"id": "a", "kommune": "varde", "borger": {"alder": 40}}\n{"id": "b", "kommune": "varde", "borger": {"alder": -4}}\n' > "$T/ndjson.json"
cp "$SRC/municipalities/varde/standard.lua" "$T/v.lua"
hint="ikke NDJSON med én sag pr. linje; skriv det om med jq -c . FIL"
for f in flere_linjer liste; do
  if "$K" vurder --ndjson --dato 2026-11-22 < "$T/$f.json" > /dev/null 2> "$T/err"; then fejl "$f: vurder gav 0"; fi
  grep -qF "$hint" "$T/err" || { cat "$T/err"; fejl "$f: vurder nævner ikke NDJSON"; }
  test "$(grep -cF "$hint" "$T/err")" = 1 || fejl "$f: vurder sagde det mere end én gang"
  if "$K" konsekvens --kommune varde --fil "$T/v.lua" --dato 2026-11-22 "$T/$f.json" > /dev/null 2> "$T/err"; then fejl "$f: konsekvens gav 0"; fi
  grep -qF "$hint" "$T/err" || { cat "$T/err"; fejl "$f: konsekvens nævner ikke NDJSON"; }
done
# db importer reads a list as one input, but one case over several lines line by line.
if "$K" db --db "$T/s.db" importer "$T/flere_linjer.json" > /dev/null 2> "$T/err"; then fejl "importer gav 0"; fi
grep -qF "inddata ser ud til at være én sag skrevet over flere linjer" "$T/err" || { cat "$T/err"; fejl "importer nævner ikke NDJSON"; }
if "$K" vurder --ndjson --dato 2026-11-22 < "$T/ndjson.json" > /dev/null 2> "$T/err"; then fejl "ndjson: vurder gav 0"; fi
grep -qF "$hint" "$T/err" && { cat "$T/err"; fejl "ndjson: et gæt om en fil, der er NDJSON"; }
echo "ikke NDJSON: i orden"
