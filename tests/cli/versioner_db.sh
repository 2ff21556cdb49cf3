#!/bin/sh
# The case store follows the versions of a standard (issue 14 §1): a stored batch assessed
# on each side of the fixture's boundary (tests/fixtures/versioner: testby 2025-01-01 and
# 2026-01-01) is assessed by the version in force on each date, and each row records that
# version: its sha256 in the column, its gyldig_fra and sha256 in the assessment. The
# expected hashes are the fixture files' own (sha256sum), not what the program says.
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*"; exit 1; }
mkdir "$T/hjem"
cp -r "$SRC/dsl" "$SRC/stdlib" "$SRC/tests/fixtures/versioner/municipalities" "$T/hjem/"
H="--hjem $T/hjem"
V2025="$(sha256sum < "$T/hjem/municipalities/testby/versioner/2025-01-01.lua" | cut -d' ' -f1)"
V2026="$(sha256sum < "$T/hjem/municipalities/testby/standard.lua" | cut -d' ' -f1)"
for i in 1 2 3; do
  printf '{"id":"t%s","kommune":"testby","borger":{"alder":4%s},"forhold":{"motiveret":true},"bevilling":{"start":"2024-11-01"}}\n' "$i" "$i"
done > "$T/sager.ndjson"
DB="--db $T/s.db"
"$K" $H db $DB importer "$T/sager.ndjson" > /dev/null

# One row per case and date: the column's hash, the assessment's gyldig_fra and sha256.
rows() {
  sqlite3 "$T/s.db" "SELECT sag_id, vurderingsdato, standard_sha256, json_extract(vurdering, '$.standard.gyldig_fra'),
    json_extract(vurdering, '$.standard.sha256') FROM vurderinger WHERE vurderingsdato = '$1' ORDER BY sag_id"
}
expect() { # date, gyldig_fra, sha256
  rows "$1" > "$T/rows"
  test "$(wc -l < "$T/rows")" -eq 3 || { cat "$T/rows"; fejl "$1: ikke 3 vurderinger"; }
  while IFS='|' read -r id dato kolonne gyldig sha; do
    test "$kolonne" = "$3" || fejl "$id $dato: standard_sha256 $kolonne, ventede versionens $3"
    test "$gyldig" = "$2" || fejl "$id $dato: gyldig_fra $gyldig, ventede $2"
    test "$sha" = "$3" || fejl "$id $dato: vurderingens sha256 $sha, ventede $3"
  done < "$T/rows"
}

"$K" $H db $DB vurder --dato 2025-12-31 > /dev/null
"$K" $H db $DB vurder --dato 2026-01-01 > /dev/null
expect 2025-12-31 2025-01-01 "$V2025"
expect 2026-01-01 2026-01-01 "$V2026"

# Assessed again on the same date under the same version: recognised, not assessed again.
"$K" $H db $DB vurder --dato 2025-12-31 > "$T/igen.txt"
grep -q '3 allerede vurderet' "$T/igen.txt" || { cat "$T/igen.txt"; fejl "den gamle version genkendes ikke i loggen"; }

# --standard-dato: today's date, the 2025 version.
"$K" $H db $DB vurder --dato 2026-06-01 --standard-dato 2025-06-01 > /dev/null
expect 2026-06-01 2025-01-01 "$V2025"

# No version in force: each case fails with the message, exit 1, nothing stored.
rc=0; "$K" $H db $DB vurder --dato 2024-12-31 > /dev/null 2> "$T/ingen.err" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc uden version i kraft"
grep -q "sag 't1': ingen version af standarden for testby er i kraft den 31. december 2024" "$T/ingen.err" ||
  { cat "$T/ingen.err"; fejl "ingen besked om manglende version"; }
test "$(rows 2024-12-31 | wc -l)" -eq 0 || fejl "vurderinger gemt uden version"
rc=0; "$K" $H db $DB vurder --kommune testby --dato 2024-12-31 > /dev/null 2> "$T/kommune.err" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc for --kommune uden version i kraft"
grep -q 'versioner/2025-01-01.lua' "$T/kommune.err" || { cat "$T/kommune.err"; fejl "--kommune: versionerne nævnes ikke"; }
echo "versioner i sagsdatabasen: i orden"
