#!/bin/sh
# Versions of a standard (issue 14 §1) through the program: the fixture municipality testby
# (tests/fixtures/versioner) beside the real dsl/ and stdlib/. The version in force on the
# assessment date, or on --standard-dato; none in force is ukendt_version (exit 1); the
# assessment names the version; kommuner --detaljer lists the versions.
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*"; exit 1; }
has() { grep -q -- "$2" "$1" || { echo "FEJL: $1 mangler: $2"; cat "$1"; exit 1; }; }
mkdir "$T/hjem"
cp -r "$SRC/dsl" "$SRC/stdlib" "$SRC/tests/fixtures/versioner/municipalities" "$T/hjem/"
H="--hjem $T/hjem"
printf '%s\n' '{"id":"v1","kommune":"testby","borger":{"alder":40},"forhold":{"motiveret":true},"bevilling":{"start":"2024-11-01"}}' > "$T/sag.json"

# Each side of the boundary: the version in force on the assessment date.
"$K" $H vurder --dato 2025-12-31 "$T/sag.json" > "$T/foer.json"
"$K" $H vurder --dato 2026-01-01 "$T/sag.json" > "$T/efter.json"
has "$T/foer.json" '"godkendt":"2024-11-20","gyldig_fra":"2025-01-01","sha256"'
has "$T/efter.json" '"godkendt":"2025-11-18","gyldig_fra":"2026-01-01","sha256"'

# --standard-dato: today's assessment under the 2025 version, single and --ndjson alike.
"$K" $H vurder --dato 2026-06-01 --standard-dato 2025-06-01 "$T/sag.json" > "$T/valgt.json"
has "$T/valgt.json" '"vurderingsdato":"2026-06-01"'
has "$T/valgt.json" '"gyldig_fra":"2025-01-01"'
"$K" $H vurder --ndjson --traade 2 --dato 2026-06-01 --standard-dato 2025-06-01 < "$T/sag.json" | cmp -s - "$T/valgt.json" ||
  fejl "--ndjson giver andre bytes end én sag med --standard-dato"

# No version in force: exit 1, Danish, naming the municipality, the date and the versions.
rc=0; "$K" $H vurder --dato 2024-12-31 "$T/sag.json" > "$T/ingen.json" 2> "$T/ingen.err" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc uden version i kraft"
has "$T/ingen.json" '^{"fejl":{"kode":"ukendt_version",'
has "$T/ingen.err" 'ingen version af standarden for testby er i kraft den 31. december 2024'
has "$T/ingen.err" 'versioner/2025-01-01.lua (fra 1. januar 2025 til og med 31. december 2025)'
rc=0; "$K" $H vurder --ndjson --dato 2024-12-31 < "$T/sag.json" > "$T/ingen.ndjson" 2>/dev/null || rc=$?
test "$rc" -eq 1 || fejl "exit $rc uden version i kraft (--ndjson)"
has "$T/ingen.ndjson" '^{"fejl":{"kode":"ukendt_version",.*"linje":1,"sag_id":"v1"}$'
rc=0; "$K" $H vurder --kommune testby --ndjson --standard-dato 2020-01-01 < "$T/sag.json" > /dev/null 2> "$T/tidlig.err" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc for --standard-dato uden version"
has "$T/tidlig.err" '1. januar 2020'

# kommuner --detaljer lists both versions with their periods.
"$K" $H kommuner --detaljer > "$T/kommuner.txt"
has "$T/kommuner.txt" 'version municipalities/testby/versioner/2025-01-01.lua: fra 1. januar 2025 til og med 31. december 2025'
has "$T/kommuner.txt" 'version municipalities/testby/standard.lua: fra 1. januar 2026$'

# A version file named otherwise than its gyldig_fra: a load error naming the file.
cp "$T/hjem/municipalities/testby/versioner/2025-01-01.lua" "$T/hjem/municipalities/testby/versioner/2024-06-01.lua"
rc=0; "$K" $H vurder --dato 2026-06-01 "$T/sag.json" > /dev/null 2> "$T/navn.err" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc for en versionsfil med forkert navn"
has "$T/navn.err" 'versioner/2024-06-01.lua'
echo "versioner: i orden"
