#!/bin/sh
# db importer: a case given as a JSON-array element and as an NDJSON line is stored and
# assessed the same (duplicate keys included), and a bad case or a broken array costs
# only itself: the good cases are imported, each bad one named by line, in Danish.
set -eu
K="$1"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT

# The same three cases, one with a duplicate key, as NDJSON and as a pretty array.
cat > "$T/sager.ndjson" <<'X'
{"id":"a","kommune":"varde","borger":{"alder":70}}
{"id":"b","id":"c","kommune":"lejre","borger":{"alder":30}}
{"id":"d","kommune":"varde","borger":{"alder":70,"alder":12}}
X
cat > "$T/sager.json" <<'X'
[
  {"id": "a", "kommune": "varde", "borger": {"alder": 70}},
  {
    "id": "b", "id": "c",
    "kommune": "lejre",
    "borger": {"alder": 30}
  },
  {"id": "d", "kommune": "varde", "borger": {"alder": 70, "alder": 12}}
]
X
for f in ndjson json; do
  "$K" db --db "$T/$f.db" importer "$T/sager.$f" > "$T/imp-$f.out" 2>&1 || true
  "$K" db --db "$T/$f.db" vurder --dato 2026-11-22 > /dev/null 2>&1 || true
  "$K" db --db "$T/$f.db" eksporter > "$T/eks-$f.ndjson"
done
# Not a vacuous comparison: case a, which has no duplicate key, is assessed both ways.
grep -q '"sag_id":"a"' "$T/eks-ndjson.ndjson" || { echo "FEJL: sag a blev ikke vurderet"; cat "$T"/imp-*.out; exit 1; }
cmp "$T/eks-ndjson.ndjson" "$T/eks-json.ndjson" || {
  echo "FEJL: samme sager som NDJSON og som array giver forskellige vurderinger"
  diff "$T/eks-ndjson.ndjson" "$T/eks-json.ndjson" | cut -c1-200; exit 1; }
if command -v sqlite3 > /dev/null; then
  sqlite3 "$T/ndjson.db" "SELECT id, sag FROM sager ORDER BY id" > "$T/sager-ndjson.txt"
  sqlite3 "$T/json.db" "SELECT id, sag FROM sager ORDER BY id" > "$T/sager-json.txt"
  cmp "$T/sager-ndjson.txt" "$T/sager-json.txt" || { echo "FEJL: forskellig gemt tekst"; diff "$T/sager-ndjson.txt" "$T/sager-json.txt"; exit 1; }
fi
echo "array og NDJSON: samme gemte sager, samme vurderinger"

# A number the parser cannot hold, between two good lines: the good ones are imported.
printf '%s\n' '{"id":"a","kommune":"varde"}' '{"id":"x","kommune":"varde","borger":{"alder":1e400}}' \
  '{"id":"c","kommune":"lejre"}' > "$T/tal.ndjson"
rc=0; "$K" db --db "$T/tal.db" importer "$T/tal.ndjson" > "$T/tal.out" 2>&1 || rc=$?
test $rc -eq 1 || { echo "FEJL: exit $rc"; cat "$T/tal.out"; exit 1; }
grep -q "tal.ndjson linje 2: .*sagen er sprunget over" "$T/tal.out" || { echo "FEJL:"; cat "$T/tal.out"; exit 1; }
# the position in the message is the file's line, not the case's own first line
grep -q "tal.ndjson linje 2: ugyldig JSON i linje 2, kolonne 47 " "$T/tal.out" || { echo "FEJL: positionen:"; cat "$T/tal.out"; exit 1; }
printf '[\n{"id":"a","kommune":"varde"},\n{"id":"x",\n "borger":{"alder":1e400}}\n]\n' > "$T/tal.json"
"$K" db --db "$T/tal2.db" importer "$T/tal.json" > "$T/tal2.out" 2>&1 || true
grep -q "tal.json element 2 (linje 3): ugyldig JSON i linje 4, kolonne 20 " "$T/tal2.out" || { echo "FEJL: positionen i et array:"; cat "$T/tal2.out"; exit 1; }
# an element that starts inside its line: the column counts from the line's start (æ is one character)
printf '[{"id":"æ"}, {"id":"y","a":1e400}]\n' > "$T/tal3.json"
"$K" db --db "$T/tal3.db" importer "$T/tal3.json" > "$T/tal3.out" 2>&1 || true
grep -q "tal3.json element 2 (linje 1): ugyldig JSON i linje 1, kolonne 28 " "$T/tal3.out" || { echo "FEJL: kolonnen i et array:"; cat "$T/tal3.out"; exit 1; }
grep -q "^2 sager importeret (2 nye, 0 ændrede, 0 uændrede), 1 afvist" "$T/tal.out" || { echo "FEJL:"; cat "$T/tal.out"; exit 1; }
if grep -q "exception\|parse error\|out_of_range" "$T/tal.out"; then echo "FEJL: engelsk tekst:"; cat "$T/tal.out"; exit 1; fi
"$K" db --db "$T/tal.db" status | grep -q ": 2 sager"

# A truncated array: the complete elements are imported; the cut one and the missing ']'
# are named by line.
printf '[\n{"id":"a","kommune":"varde"},\n{"id":"b","kommune":"lejre"},\n{"id":"c","kommu' > "$T/kort.json"
rc=0; "$K" db --db "$T/kort.db" importer "$T/kort.json" > "$T/kort.out" 2>&1 || rc=$?
test $rc -eq 1 || { echo "FEJL: exit $rc"; cat "$T/kort.out"; exit 1; }
grep -q "kort.json element 3 (linje 4): elementet slutter ikke" "$T/kort.out" || { echo "FEJL:"; cat "$T/kort.out"; exit 1; }
grep -q "^2 sager importeret (" "$T/kort.out" || { echo "FEJL:"; cat "$T/kort.out"; exit 1; }
# A UTF-8 BOM before the array (as some editors save) is no content: still an array.
printf '\357\273\277[\n  {"id":"a","kommune":"varde"},\n  {"id":"b","x":1e400}\n]\n' > "$T/bom.json"
rc=0; "$K" db --db "$T/bom.db" importer "$T/bom.json" > "$T/bom.out" 2>&1 || rc=$?
grep -q "bom.json element 2 (linje 3): ugyldig JSON i linje 3, kolonne 17 " "$T/bom.out" && grep -q "^1 sag importeret (" "$T/bom.out" ||
  { echo "FEJL: et array efter en BOM:"; cat "$T/bom.out"; exit 1; }
echo "dårlige linjer og afkortede arrays koster kun sig selv"

# The same id twice in one file: the later one is stored, and said; a second import of a
# file tells new, changed and unchanged cases apart (before: "N sager importeret" for all).
printf '%s\n' '{"id":"a1","kommune":"varde"}' '{"id":"b1","kommune":"varde"}' '{"id":"a1","kommune":"ishoej"}' > "$T/dobbelt.ndjson"
"$K" db --db "$T/dobbelt.db" importer "$T/dobbelt.ndjson" > "$T/dobbelt.out" 2>&1 || { cat "$T/dobbelt.out"; exit 1; }
grep -q "dobbelt.ndjson linje 3: sagen 'a1' stod også tidligere i inddata; denne senere udgave er den, der gemmes" "$T/dobbelt.out" ||
  { echo "FEJL: dubletten i filen blev ikke nævnt"; cat "$T/dobbelt.out"; exit 1; }
grep -q "^3 sager importeret (2 nye, 0 ændrede, 0 uændrede, 1 gentaget i inddata), 0 afvist" "$T/dobbelt.out" ||
  { echo "FEJL:"; cat "$T/dobbelt.out"; exit 1; }
printf ':sag a1\n' | KVALITET_DB="$T/dobbelt.db" "$K" repl 2>&1 | grep -q "standarden er ishoej" ||
  { echo "FEJL: den senere a1 blev ikke gemt"; exit 1; }
printf '%s\n' '{"id":"a1","kommune":"ishoej"}' '{"id":"b1","kommune":"lejre"}' '{"id":"c1","kommune":"varde"}' > "$T/igen.ndjson"
"$K" db --db "$T/dobbelt.db" importer "$T/igen.ndjson" > "$T/igen.out" 2>&1 || { cat "$T/igen.out"; exit 1; }
grep -q "^3 sager importeret (1 nye, 1 ændrede, 1 uændrede), 0 afvist" "$T/igen.out" || { echo "FEJL:"; cat "$T/igen.out"; exit 1; }
echo "dubletter og gentagne importer tælles, som de er"
