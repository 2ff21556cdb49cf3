#!/usr/bin/env bash
# kvalitet konsekvens over a whole municipality's stored cases (issue 14: 100,000 in a few
# seconds on 2 cores). The main job's generator makes ANTAL cases, all given to one
# municipality, stored in a case store; then each change is assessed against the version
# in force, on 1 thread and on all cores: Varde with its follow-up interval cut from 12 to 6
# months, Kerteminde with pakke 4's VUM threshold raised by 2 (the test's edit,
# tests/fixtures/konsekvens/kerteminde_pakke4.sh).
# Prints seconds, cases per second and peak memory (when GNU time is installed). A
# measurement, not a test.
# Usage: bench/konsekvens.sh KVALITET KILDEMAPPE [ANTAL]   (ANTAL default 100000)
set -euo pipefail
K=$(realpath "$1")
SRC=$(realpath "$2")
N=${3:-100000}
D=2026-11-22
cores=$(nproc)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

# Wall time, and (with GNU time) the CPU time and peak memory: on a machine shared with other
# work the wall time says little, the CPU time what the run itself cost.
measure() { # label, cases, command...
  local label=$1 n=$2; shift 2
  local t0 t1 cpu=""
  t0=$(date +%s.%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f "%U %S %M" -o tid.txt "$@" > /dev/null
    cpu=$(awk '{ printf " (CPU %.1f s, top %d MB)", $1 + $2, $3 / 1024 }' tid.txt)
  else
    "$@" > /dev/null
  fi
  t1=$(date +%s.%N)
  awk -v l="$label" -v n="$n" -v a="$t0" -v b="$t1" -v c="$cpu" \
    'BEGIN { s = b - a; printf "%-52s %7.2f s %9.0f sager/s%s\n", l, s, n / s, c }'
}

sed 's/^    vaerdi = 12,$/    vaerdi = 6,/' "$SRC/municipalities/varde/standard.lua" > varde_udkast.lua
cmp -s varde_udkast.lua "$SRC/municipalities/varde/standard.lua" && { echo "Vardes opfoelgning_interval er ikke 12: ret bench/konsekvens.sh" >&2; exit 1; }
"$SRC/tests/fixtures/konsekvens/kerteminde_pakke4.sh" "$SRC" > kerteminde_pakke4.lua
"$K" demo --ndjson --antal "$N" --dato "$D" > alle.ndjson
for kommune in varde kerteminde; do
  sed -E "s/\"kommune\": *\"[a-z_]+\"/\"kommune\":\"$kommune\"/" alle.ndjson > "$kommune.ndjson"
  "$K" db --db "$kommune.db" importer "$kommune.ndjson" > /dev/null
done
echo "kvalitet konsekvens, $N lagrede sager pr. kommune, $cores kerner"
for t in 1 "$cores"; do
  measure "varde (opfølgning 12 → 6 måneder), $t tråd(e)" "$N" \
    "$K" --hjem "$SRC" konsekvens --kommune varde --fil varde_udkast.lua --db varde.db --dato "$D" --traade "$t" --format json
  measure "kerteminde (pakke 4 ved VUM-sum 14), $t tråd(e)" "$N" \
    "$K" --hjem "$SRC" konsekvens --kommune kerteminde --fil kerteminde_pakke4.lua \
    --db kerteminde.db --dato "$D" --traade "$t" --format json
done
