#!/usr/bin/env bash
# Group 5 of bench/README.md: whole-process start-up. One case through `kvalitet vurder`,
# and the REPL from start to its first prompt (fed ":afslut", so it leaves at once).
# Prints the median of 21 runs in milliseconds. (Loading all five standards inside one
# process is printed by bench_assess_per_kommune.)
# Usage: bench/opstart.sh KVALITET ROOT
set -euo pipefail
K=$(realpath "$1")
cd "$2"

median_ms() { # command...
  local times=()
  "$@" > /dev/null || { echo "opstart.sh: fejlede: $*" >&2; exit 1; } # never time an error message
  for _ in $(seq 21); do
    local t0=${EPOCHREALTIME/./} # microseconds, read without starting a process
    "$@" > /dev/null
    local t1=${EPOCHREALTIME/./}
    times+=($(( t1 - t0 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1000 }'
}

repl_once() { echo ":afslut" | "$K" --hjem . repl --kommune kerteminde --dato 2026-11-22; }

# The example case names its own municipality (Varde); --kommune would have to match it.
# (An assignment, so a failed run stops the script: set -e ignores a substitution inside echo.)
vurder=$(median_ms "$K" --hjem . vurder --dato 2026-11-22 docs/eksempler/sag.json)
repl=$(median_ms repl_once)
echo "kvalitet vurder, én sag, hele processen: $vurder ms (median af 21; mål ≤ 20)"
echo "kvalitet repl til første prompt og ud:    $repl ms (median af 21)"
