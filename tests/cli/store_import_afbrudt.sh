#!/bin/bash
# Ctrl-C during db importer keeps what was read, even while the import waits on its input,
# says where it stopped, and a second import of the same input stores the rest.
set -eu
K="$1"; T="$(mktemp -d)"; trap 'kill %1 2>/dev/null || true; rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*"; exit 1; }
"$K" demo --ndjson --antal 7 --dato 2026-11-22 > "$T/sager.ndjson" 2>/dev/null
head -5 "$T/sager.ndjson" > "$T/foerste"
mkfifo "$T/ind"
{ cat "$T/foerste"; : > "$T/skrevet"; exec sleep 60; } > "$T/ind" 2>/dev/null &  # exec: kill %1 ends the sleep too
"$K" db --db "$T/s.db" importer - < "$T/ind" > "$T/ud" 2> "$T/fejl" &
P=$!
# Wait (bounded) until the five lines are written and the importer waits on the pipe for more:
# then it has read them all. A fixed pause could interrupt it before it had read them, or
# before it took Ctrl-C, on a slow machine.
i=0
until test -e "$T/skrevet" && grep -q pipe_read "/proc/$P/wchan" 2>/dev/null; do
    i=$((i + 1)); test $i -lt 600 || fejl "importen læste ikke de fem linjer inden for 60 s"
    kill -0 "$P" 2>/dev/null || { cat "$T/ud" "$T/fejl"; fejl "importen stoppede af sig selv"; }
    sleep 0.1
done
kill -INT "$P"
rc=0; wait "$P" || rc=$?
test "$rc" -eq 1 || { cat "$T/ud" "$T/fejl"; fejl "exit $rc, ikke 1"; }
grep -q "^5 sager importeret (5 nye" "$T/ud" || { cat "$T/ud"; fejl "de læste sager er ikke gemt"; }
grep -q "^afbrudt efter linje 5 i standard input: de sager, der blev læst, er gemt" "$T/fejl" || { cat "$T/fejl"; fejl "beskeden"; }
"$K" db --db "$T/s.db" importer "$T/sager.ndjson" > "$T/ud2" 2>&1 || { cat "$T/ud2"; fejl "importen igen"; }
grep -q "^7 sager importeret (2 nye, 0 ændrede, 5 uændrede), 0 afvist" "$T/ud2" || { cat "$T/ud2"; fejl "importen igen talte forkert"; }
echo "afbrudt import: de læste sager gemt, resten med igen"
