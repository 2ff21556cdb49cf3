#!/bin/bash
# A file the store cannot grow (here a file-size limit, as a full disk would): the message is
# SQLite's error in Danish, not its English text, and the store is usable afterwards.
set -eu
K="$1"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*"; exit 1; }
"$K" demo --ndjson --antal 2000 --dato 2026-11-22 > "$T/sager.ndjson" 2>/dev/null
rc=0
(trap '' XFSZ; ulimit -f 2000; "$K" db --db "$T/s.db" importer "$T/sager.ndjson") > "$T/ud" 2> "$T/fejl" || rc=$?
test "$rc" -eq 1 || { cat "$T/fejl"; fejl "exit $rc, ikke 1"; }
grep -q "^kvalitet: sagsdatabasen $T/s.db: læse- eller skrivefejl på disken; kør kommandoen igen" "$T/fejl" || { cat "$T/fejl"; fejl "beskeden"; }
if grep -qi "disk I/O error\|database or disk is full\|readonly database" "$T/fejl"; then cat "$T/fejl"; fejl "engelsk tekst"; fi
"$K" db --db "$T/s.db" importer "$T/sager.ndjson" > "$T/ud2" 2>&1 || { cat "$T/ud2"; fejl "importen igen"; }
grep -q "^2000 sager importeret (2000 nye" "$T/ud2" || { cat "$T/ud2"; fejl "importen igen talte forkert"; }
echo "en fuld disk: dansk besked, og intet halvt gemt"
