#!/bin/sh
# The read verbs (status, eksporter) never create a file, report a damaged file with
# exit 1, and work on a database they cannot write.
set -eu
K="$1"; T="$(mktemp -d)"; trap 'chmod -R u+w "$T"; rm -rf "$T"' EXIT
for verb in status eksporter; do
  rc=0; "$K" db --db "$T/typo.db" $verb > "$T/out" 2>&1 || rc=$?
  test $rc -eq 1 || { echo "FEJL: db $verb på en manglende fil: exit $rc"; exit 1; }
  grep -q "databasen $T/typo.db findes ikke" "$T/out" || { echo "FEJL: db $verb:"; cat "$T/out"; exit 1; }
  test ! -e "$T/typo.db" || { echo "FEJL: db $verb oprettede $T/typo.db"; exit 1; }
done
echo "en manglende fil: exit 1, ingen fil oprettet"

"$K" demo --ndjson --antal 2000 --dato 2026-11-22 > "$T/sager.ndjson"
"$K" db --db "$T/s.db" importer "$T/sager.ndjson" > /dev/null
"$K" db --db "$T/s.db" vurder --dato 2026-11-22 > /dev/null
"$K" db --db "$T/s.db" eksporter > "$T/eksport.ndjson"
test "$(wc -l < "$T/eksport.ndjson")" -eq 2000

# Garbage over pages in the middle of a copy: exit 1 and "beskadiget", not a quiet export.
cp "$T/s.db" "$T/skadet.db"
dd if=/dev/urandom of="$T/skadet.db" bs=16384 seek=40 count=20 conv=notrunc 2> /dev/null
# init too, which is how one checks a file before use: it said "klar" for it.
for verb in status eksporter init; do
  rc=0; "$K" db --db "$T/skadet.db" $verb > "$T/out" 2> "$T/err" || rc=$?
  test $rc -eq 1 || { echo "FEJL: db $verb på en beskadiget fil: exit $rc"; exit 1; }
  grep -q "beskadiget" "$T/err" || { echo "FEJL: db $verb:"; cat "$T/err"; exit 1; }
  if grep -q "klar" "$T/out"; then echo "FEJL: db $verb kaldte en beskadiget fil klar"; exit 1; fi
  if grep -q "beskadiget (databasen er beskadiget)" "$T/err"; then echo "FEJL: db $verb siger det to gange"; exit 1; fi
done
echo "en beskadiget fil: exit 1 med 'beskadiget'"

# A database in a directory nobody may write to (as a read-only mount looks to a reader):
# status and eksporter still read it. Root may write anywhere, so as root the check runs
# as 'nobody' (setpriv), when that user can reach the program.
mkdir "$T/ro"; cp "$T/s.db" "$T/ro/s.db"
chmod 0444 "$T/ro/s.db"; chmod 0555 "$T/ro"; chmod 0755 "$T"
run() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  command -v setpriv > /dev/null || { echo "setpriv mangler: springer over"; exit 77; }
  run() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
  run "$K" --help > /dev/null 2>&1 || { echo "'nobody' kan ikke køre $K: springer over"; exit 77; }
fi
run "$K" db --db "$T/ro/s.db" status > "$T/ro.out" 2>&1 || { echo "FEJL: status skrivebeskyttet:"; cat "$T/ro.out"; exit 1; }
run "$K" db --db "$T/ro/s.db" eksporter > "$T/ro.ndjson" 2> "$T/ro.err" || { echo "FEJL: eksporter skrivebeskyttet:"; cat "$T/ro.err"; exit 1; }
cmp "$T/ro.ndjson" "$T/eksport.ndjson"
test ! -e "$T/ro/s.db-wal" && test ! -e "$T/ro/s.db-shm"
# A verb that writes says it may not, not that the file is foreign.
rc=0; run "$K" db --db "$T/ro/s.db" vurder > /dev/null 2> "$T/ro.err" || rc=$?
test "$rc" -eq 1 && grep -q "ro/s.db: kan ikke skrive i sagsdatabasen: der er ikke skriveadgang" "$T/ro.err" ||
  { echo "FEJL: vurder skrivebeskyttet (exit $rc):"; cat "$T/ro.err"; exit 1; }
echo "skrivebeskyttet: status og eksporter virker, vurder siger hvorfor ikke"
