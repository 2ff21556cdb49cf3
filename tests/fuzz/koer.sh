#!/usr/bin/env bash
# Runs every fuzz target of a KVALITET_FUZZ build (listed in tests/fuzz/maal.txt of the
# build) for SEKUNDER seconds each, one after the other, each in one process.
# New inputs that reach new code go to <build>/fuzz-korpus/<target>/ (the checked-in
# corpus is only read); a crash is written to <build>/fuzz-fund/<target>/. Exit 1 when
# any target found something.
#   tests/fuzz/koer.sh build/fuzz 600
set -uo pipefail
BUILD="${1:?brug: koer.sh BYGGEMAPPE [SEKUNDER]}"
SEKUNDER="${2:-600}"
LISTE="$BUILD/tests/fuzz/maal.txt"
[[ -f "$LISTE" ]] || { echo "kvalitet: $LISTE findes ikke; byg med -DKVALITET_FUZZ=ON" >&2; exit 2; }

fund=0
while IFS=$'\t' read -r navn program mapper; do
  [[ -n "$navn" ]] || continue
  IFS=$'\t' read -r -a korpus <<< "$mapper"
  ny="$BUILD/fuzz-korpus/$navn" ud="$BUILD/fuzz-fund/$navn" log="$BUILD/fuzz-$navn.log"
  mkdir -p "$ny" "$ud"
  eksisterende=()
  for d in "${korpus[@]}"; do [[ -d "$d" ]] && eksisterende+=("$d"); done
  echo "== $navn: $SEKUNDER s"
  "$program" -max_total_time="$SEKUNDER" -timeout=10 -print_final_stats=1 -artifact_prefix="$ud/" \
    "$ny" "${eksisterende[@]}" > "$log" 2>&1
  rc=$?
  koersler=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [[ $rc -eq 0 ]]; then
    echo "   ${koersler:-?} kørsler, intet fundet"
  else
    fund=1
    echo "   FUNDET efter ${koersler:-?} kørsler (exit $rc); log: $log"
    grep -E "ERROR|brudt løfte|SUMMARY|Test unit written" "$log" | head -5 | sed 's/^/   /'
    echo "   læg inddata fra $ud/ i tests/fuzz/regression/$navn/ og ret fejlen"
  fi
done < "$LISTE"
exit $fund
