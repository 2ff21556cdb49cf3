#!/bin/sh
# The same cases give byte-identical output on 1 and on N threads: vurder --ndjson and
# db vurder → db eksporter.
set -eu
K="$1"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
"$K" demo --ndjson --antal 3000 --dato 2026-11-22 > "$T/sager.ndjson"
# Each case under its own municipality's standard (the demo spreads them over all five).
"$K" vurder --ndjson --dato 2026-11-22 --traade 1 < "$T/sager.ndjson" > "$T/en.ndjson" || true
"$K" vurder --ndjson --dato 2026-11-22 --traade 4 < "$T/sager.ndjson" > "$T/fire.ndjson" || true
test "$(grep -c '^{"kommune":' "$T/en.ndjson")" -eq 3000
test "$(wc -l < "$T/en.ndjson")" -eq 3000
cmp "$T/en.ndjson" "$T/fire.ndjson"
for n in 1 3; do
  "$K" db --db "$T/$n.db" importer "$T/sager.ndjson" > /dev/null
  "$K" db --db "$T/$n.db" vurder --dato 2026-11-22 --traade $n --batch 700 > /dev/null
  "$K" db --db "$T/$n.db" eksporter > "$T/eksport-$n.ndjson"
done
test "$(wc -l < "$T/eksport-1.ndjson")" -eq 3000
cmp "$T/eksport-1.ndjson" "$T/eksport-3.ndjson"
echo "identisk på 1 og flere tråde"
