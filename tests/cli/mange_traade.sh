#!/bin/sh
# More worker threads than cores: workers come and go, and the watchdog that times each
# script call once asked the clock of a thread that had exited (a segmentation fault in
# 3 or 4 runs of 10 on two cores). Every run must end normally with every line assessed.
set -eu
K="$1"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
i=0
while [ $i -lt 200 ]; do echo "{\"id\":\"V$i\",\"borger\":{\"alder\":40}}"; i=$((i + 1)); done > "$T/ind.ndjson"
run=0
while [ $run -lt 8 ]; do
  rc=0
  "$K" vurder --ndjson --kommune varde --dato 2026-11-22 --traade 16 "$T/ind.ndjson" > "$T/ud.ndjson" 2> "$T/fejl.txt" || rc=$?
  test "$rc" -eq 0 || { echo "kørsel $run: afslutningskode $rc"; cat "$T/fejl.txt"; exit 1; }
  test "$(grep -c '"sag_id":"V' "$T/ud.ndjson")" -eq 200 || { echo "kørsel $run: ikke 200 vurderinger"; exit 1; }
  run=$((run + 1))
done
echo "16 tråde på $(nproc) kerner: 8 kørsler, hver med 200 vurderinger"
