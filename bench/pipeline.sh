#!/usr/bin/env bash
# Group 4 of bench/README.md: whole pipelines on synthetic cases from the main job's
# generator: NDJSON in -> NDJSON out through `kvalitet vurder --ndjson`, and
# `kvalitet db vurder --alle` over a store, each on 1 thread and on all cores.
# Prints cases per second and peak memory (when GNU time is installed).
# Usage: bench/pipeline.sh KVALITET [ANTAL]   (ANTAL default 20000; the run: 1000000)
set -euo pipefail
K=$(realpath "$1")
N=${2:-20000}
D=2026-11-22
cores=$(nproc)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

measure() { # label, cases, command...
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
  awk -v l="$label" -v n="$n" -v a="$t0" -v b="$t1" -v m="$mem" \
    'BEGIN { s = b - a; printf "%-44s %8.2f s %10.0f sager/s%s\n", l, s, n / s, m }'
}

"$K" demo --ndjson --antal "$N" --dato "$D" > sager.ndjson
echo "$N syntetiske sager, $(( $(stat -c %s sager.ndjson) / 1048576 )) MB NDJSON, $cores kerner"
for t in 1 "$cores"; do
  measure "vurder --ndjson --kommune kerteminde, $t tråd(e)" "$N" \
    "$K" vurder --kommune kerteminde --ndjson --dato "$D" --traade "$t" sager.ndjson
done
"$K" db --db sager.db importer sager.ndjson > /dev/null
for t in 1 "$cores"; do
  measure "db vurder --alle (egen kommune), $t tråd(e)" "$N" \
    "$K" db --db sager.db vurder --alle --dato "$D" --traade "$t"
done
