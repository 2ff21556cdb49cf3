#!/bin/sh
# vurder when reading or writing fails: never a silent success, never an abort. A full disk
# (/dev/full) and a directory given as the file are errors in Danish with exit 1; a memory
# limit too small for the threads gives a Danish message and exit 1, not "terminate called".
set -eu
K="$1"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
fail() { echo "FEJL: $1"; echo "--- stderr:"; cat "$T/err"; exit 1; }
"$K" demo --ndjson --antal 3000 --dato 2026-11-22 > "$T/sager.ndjson"
head -1 "$T/sager.ndjson" > "$T/en.json"

# Run: expected exit code, a phrase stderr must hold, the command.
run() {
  want_rc="$1"; want="$2"; shift 2
  rc=0; "$@" > "$T/ud" 2> "$T/err" || rc=$?
  [ "$rc" -eq "$want_rc" ] || fail "$*: afslutningskode $rc, ikke $want_rc"
  grep -qF -- "$want" "$T/err" || fail "$*: stderr siger ikke '$want'"
  if grep -qE 'terminate called|what\(\)|Aborted|cannot write' "$T/err"; then fail "$*: engelsk eller afbrudt"; fi
}

for t in 1 2; do
  run 1 "kan ikke skrive uddata: disken er fuld" sh -c "'$K' vurder --ndjson --traade $t --dato 2026-11-22 '$T/sager.ndjson' > /dev/full"
done
run 1 "kan ikke skrive uddata: disken er fuld" sh -c "'$K' vurder --dato 2026-11-22 '$T/en.json' > /dev/full"
run 1 "kan ikke skrive uddata: disken er fuld" sh -c "'$K' vurder --format tekst --dato 2026-11-22 '$T/en.json' > /dev/full"
# Every verb's output, not only vurder's: what was still in the buffer at exit was lost with
# exit 0 (dokument, tjek, sammenlign, kommuner > /dev/full).
for verb in "kommuner" "dokument --kommune varde" "dokument --kommune varde --format md" "tjek --kommune varde" \
            "sammenlign"; do
  run 1 "kan ikke skrive uddata: disken er fuld" sh -c "'$K' $verb > /dev/full"
done
run 1 "det er en mappe, ikke en fil" "$K" vurder --ndjson --dato 2026-11-22 "$T"
run 1 "det er en mappe, ikke en fil" "$K" vurder --dato 2026-11-22 "$T"

# Under a memory limit that leaves no room for the threads' stacks: a message, not an abort.
# (ulimit -v counts address space; a sanitizer build reserves terabytes, so not there.)
if ! ldd "$K" 2>/dev/null | grep -qE 'libasan|libubsan|libtsan'; then
  for lim in 60000 90000; do
    rc=0; (ulimit -v $lim; exec "$K" vurder --ndjson --traade 2 --dato 2026-11-22 "$T/sager.ndjson") > "$T/ud" 2> "$T/err" || rc=$?
    case "$rc" in
      0) [ "$(wc -l < "$T/ud")" -eq 3000 ] || fail "ulimit $lim: exit 0 uden alle 3000 linjer" ;;
      1) grep -q "hukommelse" "$T/err" || fail "ulimit $lim: exit 1 uden besked om hukommelse" ;;
      *) fail "ulimit $lim: afslutningskode $rc" ;;
    esac
    if grep -qE 'terminate called|what\(\)' "$T/err"; then fail "ulimit $lim: afbrudt"; fi
  done
fi
echo ok
