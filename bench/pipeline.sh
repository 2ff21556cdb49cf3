#!/usr/bin/env bash
# Group 4 of bench/README.md: whole pipelines on synthetic cases from the main job's
# generator: NDJSON in -> NDJSON out through `kvalitet vurder --ndjson`, and
# `kvalitet db vurder --alle` over a store, each on 1 thread and on all cores.
# Prints cases per second and peak memory (when GNU time is installed), and for the store
# the database's size after the run.
# Usage: bench/pipeline.sh KVALITET [ANTAL]   (ANTAL default 20000; the run: 1000000)
# Environment: SPOR="fuld kort" the trace levels (--spor) to measure, for vurder --ndjson and
# for db vurder, each store run into its own copy of the imported store (default: all three,
# fuld, kort and ingen, the two compact forms issue 17 stores); TRAADE="2" the thread counts (default: 1 and all
# cores); NDJSON=0 leaves out vurder --ndjson. With two thread counts, the NDJSON lines end
# with how many times faster the second is.
set -euo pipefail
K=$(realpath "$1")
N=${2:-20000}
D=2026-11-22
cores=$(nproc)
SPOR=${SPOR:-"fuld kort ingen"}
TRAADE=${TRAADE:-"1 $cores"}
NDJSON=${NDJSON:-1}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

measure() { # label, cases, command... (sets $secs)
  local label=$1 n=$2; shift 2
  local t0 t1 mem=""
  t0=$(date +%s.%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f "%M" -o mem.txt "$@" > /dev/null
    mem=" top $(( $(cat mem.txt) / 1024 )) MB"
  else
    "$@" > /dev/null
  fi
  t1=$(date +%s.%N)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
  awk -v l="$label" -v n="$n" -v s="$secs" -v m="$mem" \
    'BEGIN { printf "%-44s %8.2f s %10.0f sager/s%s\n", l, s, n / s, m }'
}

"$K" demo --ndjson --antal "$N" --dato "$D" > sager.ndjson
echo "$N syntetiske sager, $(( $(stat -c %s sager.ndjson) / 1048576 )) MB NDJSON, $cores kerner"
if [[ $NDJSON == 1 ]]; then
  # Kerteminde's cases only: --kommune makes a case of another municipality an error.
  grep '"kommune":"kerteminde"' sager.ndjson > kerteminde.ndjson
  nk=$(wc -l < kerteminde.ndjson)
  for spor in $SPOR; do
    first=""
    for t in $TRAADE; do
      measure "vurder --ndjson --spor $spor --kommune kerteminde ($nk), $t tråd(e)" "$nk" \
        "$K" vurder --kommune kerteminde --ndjson --spor "$spor" --dato "$D" --traade "$t" kerteminde.ndjson
      if [[ -z $first ]]; then first=$secs; else
        awk -v a="$first" -v b="$secs" -v t="$t" 'BEGIN { printf "  %s tråde: %.2f× den første\n", t, a / b }'
      fi
    done
  done
  rm -f kerteminde.ndjson
fi
"$K" db --db sager.db importer sager.ndjson > /dev/null
rm -f sager.ndjson # the disk is needed for the stores
for spor in $SPOR; do
  for t in $TRAADE; do
    cp sager.db vurder.db
    measure "db vurder --alle --spor $spor, $t tråd(e)" "$N" \
      "$K" db --db vurder.db vurder --alle --dato "$D" --traade "$t" --spor "$spor"
    size=$(stat -c %s vurder.db) # the last connection's close checkpointed the WAL into it
    [[ -f vurder.db-wal ]] && size=$(( size + $(stat -c %s vurder.db-wal) ))
    echo "  database: $(( size / 1048576 )) MB ($(( $(stat -c %s sager.db) / 1048576 )) MB før vurderingerne)"
    rm -f vurder.db vurder.db-wal vurder.db-shm vurder.db.laas
  done
done
