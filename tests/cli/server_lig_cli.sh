#!/bin/sh
# The server gives, byte for byte, what `kvalitet vurder --kommune ID --dato D` prints
# (issue 16): for every municipality test case (one request each: JSON, text, JSON with the
# short trace, and under the version in force on an early date, an error where none was), and for
# 300 demo cases (one request each, and each municipality's as one NDJSON batch beside
# `vurder --ndjson`). Errors too: a case the CLI refuses, the server refuses with the same
# error object.
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

# same FIL KOMMUNE DATO [format] [spor] [standard-dato]: the server's answer against the program's.
same() {
  f="$1"; k="$2"; d="$3"; fmt="${4:-json}"; spor="${5:-fuld}"; sd="${6:-}"
  "$K" vurder --kommune "$k" --dato "$d" --format "$fmt" --spor "$spor" ${sd:+--standard-dato "$sd"} "$f" > "$T/cli" 2>/dev/null || true
  curl -sS -o "$T/http" --data-binary @"$f" "$URL/$k/vurdering?dato=$d&format=$fmt&spor=$spor${sd:+&standard_dato=$sd}"
  if [ "$fmt" = tekst ] && grep -q '^{"fejl"' "$T/http"; then
    # A refused case has no text form: the CLI prints the error object only with JSON.
    "$K" vurder --kommune "$k" --dato "$d" --spor "$spor" ${sd:+--standard-dato "$sd"} "$f" > "$T/cli" 2>/dev/null || true
  fi
  cmp -s "$T/cli" "$T/http" || { diff "$T/cli" "$T/http" | head -5; fejl "$f ($k, $d, $fmt): andre bytes"; }
}

mkdir "$T/tests"
"$CASES" "$T/tests"
n=0
for f in "$T"/tests/*.json; do
  b=$(basename "$f" .json); k=$(echo "$b" | cut -d_ -f2); d=$(echo "$b" | cut -d_ -f3)
  same "$f" "$k" "$d" json
  same "$f" "$k" "$d" tekst
  same "$f" "$k" "$d" json kort
  same "$f" "$k" "$d" json fuld 2014-06-04
  n=$((n + 1))
done
echo "$n testsager: samme bytes som vurder (JSON, tekst, kort spor, og en ældre standarddato)"

D=2026-11-22
"$K" demo --ndjson --antal 300 --frø 16 --dato $D > "$T/demo.ndjson"
mkdir "$T/demo"
m=0
while IFS= read -r line; do
  k=$(printf '%s' "$line" | sed -n 's/.*"kommune":"\([a-z_]*\)".*/\1/p')
  printf '%s\n' "$line" > "$T/demo/$m.json"
  same "$T/demo/$m.json" "$k" "$D"
  printf '%s\n' "$line" >> "$T/demo_$k.ndjson"
  m=$((m + 1))
done < "$T/demo.ndjson"
for f in "$T"/demo_*.ndjson; do
  k=$(basename "$f" .ndjson | sed 's/^demo_//')
  "$K" vurder --kommune "$k" --ndjson --dato $D --traade 2 < "$f" > "$T/cli.ndjson"
  curl -sS -o "$T/http.ndjson" --data-binary @"$f" "$URL/$k/vurderinger?dato=$D"
  cmp -s "$T/cli.ndjson" "$T/http.ndjson" || fejl "NDJSON $k: andre bytes end vurder --ndjson"
done
echo "$m demosager: samme bytes som vurder, én ad gangen og som NDJSON"
test "$n" -gt 0 && test "$m" -eq 300
