#!/bin/bash
# All connections' request bodies together are bounded (--kroppe MiB): a client holding most
# of a large body open leaves no room for another; that one is read to its end and answered
# 503 optaget with Retry-After, and the server takes bodies again once the first is gone.
# bash for /dev/tcp: the first body must stay open, half sent.
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"; PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*"; exit 1; }

"$K" --hjem "$SRC" server --port 0 --kroppe 64 2> "$T/err" & PID=$!
i=0
until grep -q "lytter på" "$T/err" 2>/dev/null; do
  i=$((i + 1)); [ $i -lt 600 ] || { cat "$T/err"; fejl "serveren startede ikke"; }
  sleep 0.1
done
PORT=$(sed -n 's/.*lytter på http:\/\/127\.0\.0\.1:\([0-9]*\) .*/\1/p' "$T/err")
URL="http://127.0.0.1:$PORT/v1/kommuner/varde/vurderinger?dato=2026-11-22"

# Four MiB of empty lines after one case: a body that fits alone.
{ printf '{"id":"a","kommune":"varde","borger":{"alder":40}}\n'; head -c $((4 << 20)) /dev/zero | tr '\0' '\n'; } > "$T/krop"
send() { curl -sS -o "$T/$1" -D "$T/$1.hoved" -w '%{http_code}' -H 'Content-Type: application/x-ndjson' --data-binary @"$T/krop" "$URL"; }

test "$(send foer)" = 200 || { cat "$T/foer"; fejl "en krop alene blev ikke taget imod"; }

# One connection announces 63 MiB and sends 62 of them, then waits.
exec 4<> "/dev/tcp/127.0.0.1/$PORT"
printf 'POST /v1/kommuner/varde/vurderinger HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n' $((63 << 20)) >&4
head -c $((62 << 20)) /dev/zero | tr '\0' '\n' >&4
# Once the server has read what the kernel still buffers, 62 + 4 MiB is over 64: refused.
svar=""
for i in $(seq 1 50); do
  svar=$(send under)
  [ "$svar" = 503 ] && break
  sleep 0.2
done
[ "$svar" = 503 ] || { cat "$T/under"; fejl "ingen 503, mens en anden krop holdt pladsen (sidste status $svar)"; }
grep -q '"kode":"optaget"' "$T/under" || { cat "$T/under"; fejl "503 uden koden optaget"; }
grep -q 'kroppe fylder allerede de 64 MiB' "$T/under" || { cat "$T/under"; fejl "beskeden nævner ikke grænsen"; }
grep -qi '^Retry-After: 1' "$T/under.hoved" || { cat "$T/under.hoved"; fejl "intet Retry-After"; }

# The first client goes away: its bytes are given back.
exec 4>&-
svar=""
for i in $(seq 1 50); do
  svar=$(send efter)
  [ "$svar" = 200 ] && break
  sleep 0.2
done
[ "$svar" = 200 ] || { cat "$T/efter"; fejl "kroppe blev ikke taget imod igen, efter den første forbindelse lukkede"; }
grep -q '"sag_id":"a"' "$T/efter" || fejl "efter: ingen vurdering"
kill -0 "$PID" || fejl "serveren stoppede"
echo "server_kroppe: alle tjek bestået"
