#!/bin/sh
# The server gives, byte for byte, what `kvalitet vurder --kommune ID --dato D` prints
# (issue 16): for every municipality test case (one request each: JSON, text, JSON with the
# short trace, and under the version in force on an early date, an error where none was), and for
# 300 demo cases (one request each, and each municipality's as one NDJSON batch beside
# `vurder --ndjson`). Errors too: a case the CLI refuses, the server refuses with the same
# error object.
#
# One server for all, and the program started as few times as the comparison allows (under
# ASan each start is the cost): the text and the older standard date per case; JSON and the
# short trace per (kommune, dato) as one `vurder --ndjson` batch, whose lines are the single
# case's bytes (an error line carries its "linje" besides); the 300 demo cases as one batch.
set -eu
K="$1"; CASES="$2"; T="$(mktemp -d)"
PID=""
trap 'test -z "$PID" || kill "$PID" 2>/dev/null || true; rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*"; exit 1; }

"$K" server --port 0 --traade 2 2> "$T/server.err" &
PID=$!
i=0
until grep -q "lytter på" "$T/server.err"; do
  i=$((i + 1)); test $i -lt 600 || { cat "$T/server.err"; fejl "serveren startede ikke"; }
  sleep 0.1
done
PORT=$(sed -n 's/.*lytter på http:\/\/127\.0\.0\.1:\([0-9]*\) .*/\1/p' "$T/server.err")
URL="http://127.0.0.1:$PORT/v1/kommuner"

# http FIL KOMMUNE DATO FORMAT SPOR [STANDARD-DATO]: the server's answer on stdout.
http() {
  curl -sS --data-binary @"$1" "$URL/$2/vurdering?dato=$3&format=$4&spor=$5${6:+&standard_dato=$6}"
}
# same FIL KOMMUNE DATO FORMAT SPOR [STANDARD-DATO]: one request against one run of the program.
same() {
  f="$1"; k="$2"; d="$3"; fmt="$4"; spor="$5"; sd="${6:-}"
  "$K" vurder --kommune "$k" --dato "$d" --format "$fmt" --spor "$spor" ${sd:+--standard-dato "$sd"} "$f" > "$T/cli" 2>/dev/null || true
  http "$f" "$k" "$d" "$fmt" "$spor" "$sd" > "$T/http"
  if [ "$fmt" = tekst ] && grep -q '^{"fejl"' "$T/http"; then
    # A refused case has no text form: the CLI prints the error object only with JSON.
    "$K" vurder --kommune "$k" --dato "$d" --spor "$spor" ${sd:+--standard-dato "$sd"} "$f" > "$T/cli" 2>/dev/null || true
  fi
  cmp -s "$T/cli" "$T/http" || { diff "$T/cli" "$T/http" | head -5; fejl "$f ($k, $d, $fmt, $spor${sd:+, $sd}): andre bytes"; }
}
# batch LISTE KOMMUNE DATO SPOR: each case in LISTE (one file per line) as its own request,
# against the lines of one `vurder --ndjson` over them all.
batch() {
  liste="$1"; k="$2"; d="$3"; spor="$4"
  while IFS= read -r f; do tr -d '\n' < "$f"; echo; done < "$liste" > "$T/batch.ndjson"
  "$K" vurder --kommune "$k" --ndjson --dato "$d" --spor "$spor" --traade 1 < "$T/batch.ndjson" 2>/dev/null |
    sed 's/^\({"fejl":{.*}\),"linje":[0-9]*/\1/' > "$T/cli.ndjson" || true
  : > "$T/http.ndjson"
  while IFS= read -r f; do http "$f" "$k" "$d" json "$spor" >> "$T/http.ndjson"; done < "$liste"
  cmp -s "$T/cli.ndjson" "$T/http.ndjson" || { diff "$T/cli.ndjson" "$T/http.ndjson" | head -5; fejl "$k, $d, spor $spor: andre bytes end vurder"; }
}

mkdir "$T/tests"
"$CASES" "$T/tests" > /dev/null
n=0
for f in "$T"/tests/*.json; do
  b=$(basename "$f" .json); k=$(echo "$b" | cut -d_ -f2); d=$(echo "$b" | cut -d_ -f3)
  echo "$f" >> "$T/gruppe_${k}_$d"
  same "$f" "$k" "$d" tekst fuld
  same "$f" "$k" "$d" json fuld 2014-06-04
  n=$((n + 1))
done
for g in "$T"/gruppe_*; do
  k=$(basename "$g" | cut -d_ -f2); d=$(basename "$g" | cut -d_ -f3)
  batch "$g" "$k" "$d" fuld
  batch "$g" "$k" "$d" kort
done
echo "$n testsager: samme bytes som vurder (JSON, tekst, kort spor, og en ældre standarddato)"

D=2026-11-22
"$K" demo --ndjson --antal 300 --frø 16 --dato $D > "$T/demo.ndjson"
"$K" vurder --ndjson --dato $D --traade 2 < "$T/demo.ndjson" > "$T/demo_cli.ndjson" # each by its own kommune
mkdir "$T/demo"
m=0
while IFS= read -r line; do
  k=$(printf '%s' "$line" | sed -n 's/.*"kommune":"\([a-z_]*\)".*/\1/p')
  printf '%s\n' "$line" > "$T/demo/$m.json"
  http "$T/demo/$m.json" "$k" "$D" json fuld >> "$T/demo_http.ndjson"
  printf '%s\n' "$line" >> "$T/demo_$k.ndjson"
  m=$((m + 1))
done < "$T/demo.ndjson"
cmp -s "$T/demo_cli.ndjson" "$T/demo_http.ndjson" || { diff "$T/demo_cli.ndjson" "$T/demo_http.ndjson" | head -5; fejl "demosager: andre bytes end vurder"; }
for f in "$T"/demo_*.ndjson; do
  case "$f" in *demo_cli.ndjson|*demo_http.ndjson) continue ;; esac
  k=$(basename "$f" .ndjson | sed 's/^demo_//')
  "$K" vurder --kommune "$k" --ndjson --dato $D --traade 2 < "$f" > "$T/cli.ndjson"
  curl -sS -o "$T/http.ndjson" --data-binary @"$f" "$URL/$k/vurderinger?dato=$D"
  cmp -s "$T/cli.ndjson" "$T/http.ndjson" || fejl "NDJSON $k: andre bytes end vurder --ndjson"
done
echo "$m demosager: samme bytes som vurder, én ad gangen og som NDJSON"
test "$n" -gt 0 && test "$m" -eq 300
