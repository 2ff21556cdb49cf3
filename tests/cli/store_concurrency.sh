#!/bin/sh
# Two `db vurder` on one database at once store each assessment once; a run is refused
# while another holds the database's run lock; eight processes can create one new
# database at the same time.
set -eu
K="$1"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
N=3000
"$K" demo --ndjson --antal $N --dato 2026-11-22 > "$T/sager.ndjson"
count() { "$K" db --db "$1" status | head -1 | sed -n 's/.* \([0-9]*\) vurderinger.*/\1/p'; }

# 1. Eight processes create the same new file at once, three times over.
for trial in 1 2 3; do
  rm -f "$T/ny.db" "$T/ny.db-wal" "$T/ny.db-shm"
  pids=""
  for p in 1 2 3 4 5 6 7 8; do "$K" db --db "$T/ny.db" init > "$T/init-$p.out" 2>&1 & pids="$pids $!"; done
  for p in $pids; do
    wait $p || { echo "FEJL: en af otte samtidige 'db init' fejlede:"; cat "$T"/init-*.out; exit 1; }
  done
done
echo "otte samtidige 'db init' på en ny fil: alle lykkedes"

# 2. A second run while the lock is held (here by flock(1), which holds it while its
#    child runs) is refused in Danish with exit 1, and adds nothing.
"$K" db --db "$T/s.db" importer "$T/sager.ndjson" > /dev/null
rc=0
flock "$T/s.db.laas" "$K" db --db "$T/s.db" vurder --dato 2026-11-22 > "$T/laast.out" 2>&1 || rc=$?
test $rc -eq 1 || { echo "FEJL: exit $rc, ikke 1, mens låsen var holdt"; cat "$T/laast.out"; exit 1; }
grep -q "en anden kørsel af 'db vurder' er i gang" "$T/laast.out" || { echo "FEJL: uventet besked:"; cat "$T/laast.out"; exit 1; }
test "$(count "$T/s.db")" -eq 0

# 2b. The same for an import (its own lock: it commits batch by batch too, and two at once
#     mixed their batches), while a held vurder lock does not stop one.
cases_of() { "$K" db --db "$1" status | head -1 | sed -n 's/.*: \([0-9]*\) sager.*/\1/p'; }
rc=0
flock "$T/s.db.import.laas" "$K" db --db "$T/s.db" importer "$T/sager.ndjson" > "$T/laast-import.out" 2>&1 || rc=$?
test $rc -eq 1 || { echo "FEJL: import exit $rc, ikke 1, mens importlåsen var holdt"; cat "$T/laast-import.out"; exit 1; }
grep -q "en anden kørsel af 'db importer' er i gang" "$T/laast-import.out" || { echo "FEJL: uventet besked:"; cat "$T/laast-import.out"; exit 1; }
flock "$T/s.db.laas" "$K" db --db "$T/s.db" importer "$T/sager.ndjson" > "$T/import-ved-vurder.out" 2>&1 ||
  { echo "FEJL: en import blev afvist, mens kun 'db vurder'-låsen var holdt:"; cat "$T/import-ved-vurder.out"; exit 1; }
test "$(cases_of "$T/s.db")" -eq $N
echo "en import afvises, mens en anden import holder låsen; ikke af 'db vurder'-låsen"

# 3. Two runs started together: one does the work, the other is refused or finds it
#    done; never a duplicate (the unique index holds even if the lock did not).
"$K" db --db "$T/s.db" vurder --dato 2026-11-22 --traade 1 --batch 200 > "$T/a.out" 2>&1 & a=$!
"$K" db --db "$T/s.db" vurder --dato 2026-11-22 --traade 1 --batch 200 > "$T/b.out" 2>&1 & b=$!
wait $a || true; wait $b || true
n=$(count "$T/s.db")
test "$n" -eq $N || { echo "FEJL: $n vurderinger efter to samtidige kørsler, ikke $N"; cat "$T/a.out" "$T/b.out"; exit 1; }

# 4. --alle assesses again but the log does not take the same assessment twice.
"$K" db --db "$T/s.db" vurder --dato 2026-11-22 --alle > "$T/alle.out"
grep -q "$N stod allerede i loggen" "$T/alle.out" || { echo "FEJL:"; cat "$T/alle.out"; exit 1; }
test "$(count "$T/s.db")" -eq $N
echo "to samtidige kørsler: $N vurderinger, ingen dubletter"
