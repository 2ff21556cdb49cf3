#!/bin/bash
# All connections' request bodies together are bounded (--kroppe MiB), for as long as they
# are held: a body holds what it has sent (and a step more), not what it announced; an
# NDJSON body and its lines hold theirs until the answer is written, not only while read.
# A body with no room is read to its end and answered 503 optaget with Retry-After, and the
# server takes bodies again once the others are gone. bash for /dev/tcp: a client must be
# able to stop halfway, or never read its answer.
set -eu
K="$1"; HJEM="$2"
. "$(dirname "$0")/server_faelles.sh"
# A long --tidsgraense: a connection that goes silent holds its room until the test closes
# it, not until the server's 10 s (part 3 on a slow machine: the unread answer's write gave up
# before the probes had seen 503).
start s --kroppe 64 --tidsgraense 600
PID=$PID_s
STI="/v1/kommuner/varde/vurderinger?dato=2026-11-22"
CASE='{"id":"a","kommune":"varde","borger":{"alder":40}}'

# body NAME MiB: one case, then empty lines up to MiB.
body() { { printf '%s\n' "$CASE"; head -c $(($2 << 20)) /dev/zero | tr '\0' '\n'; } > "$T/$1"; }
# send BODY OUT: POST it with curl, the answer in OUT, the status on stdout.
send() { curl -sS -o "$T/$2" -D "$T/$2.hoved" -w '%{http_code}' -H 'Content-Type: application/x-ndjson' --data-binary @"$T/$1" "http://127.0.0.1:$PORT$STI"; }
# until STATUS BODY OUT: sends until the answer has STATUS (at most 50 tries, 0.2 s apart).
until_status() {
  svar=""
  for i in $(seq 1 50); do
    svar=$(send "$2" "$3")
    [ "$svar" = "$1" ] && return 0
    sleep 0.2
  done
  cat "$T/$3"; fejl "$3: ventede status $1, fik $svar"
}
# kroppe: the bytes of bodies the server holds now (its gauge in /metrics).
kroppe() { curl -sS "http://127.0.0.1:$PORT/metrics" | sed -n 's/^kvalitet_kroppe_bytes \([0-9]*\)$/\1/p'; }
# vent_kroppe MIN MAX WHAT: waits (bounded) until the server holds MIN to MAX bytes of bodies.
vent_kroppe() {
  i=0
  while :; do
    b=$(kroppe)
    [ -n "$b" ] && [ "$b" -ge "$1" ] && [ "$b" -le "$2" ] && return 0
    i=$((i + 1)); test $i -lt 600 || fejl "$3: serveren holder ${b:-?} bytes kroppe, ventede $1 til $2"
    sleep 0.1
  done
}
curl -sS "http://127.0.0.1:$PORT/metrics" | grep -qx "kvalitet_kroppe_maks_bytes $((64 << 20))" || fejl "grænsen står ikke i /metrics"
body fire 4
body tredive 30
test "$(send fire foer)" = 200 || { cat "$T/foer"; fejl "en krop alene blev ikke taget imod"; }

# 0. 30 MiB of "1\n": 15.7 million lines, an index of 377 MB. Its room is asked for before
#    the index is made, and more than the server ever holds is no matter of waiting: 413,
#    not 503 with Retry-After; the server's peak memory grows by far less than the index
#    (the body itself, and under AddressSanitizer its quarantine: +72 MB there, less here).
peak() { sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$PID/status"; }
yes 1 | head -c $((30 << 20)) > "$T/linjer"
foer_top=$(peak)
test "$(send linjer linjer_svar)" = 413 || { head -c 300 "$T/linjer_svar"; fejl "et indeks over grænsen blev lavet"; }
grep -q '"kode":"for_stor","besked":"anmodningen har 15728640 linjer' "$T/linjer_svar" || { head -c 300 "$T/linjer_svar"; fejl "linjer: beskeden"; }
if grep -qi '^Retry-After' "$T/linjer_svar.hoved"; then fejl "linjer: Retry-After på en anmodning, der aldrig kan tages imod"; fi
vokset=$(( $(peak) - foer_top ))
[ "$vokset" -lt $((250 << 10)) ] || fejl "serveren voksede $vokset kB på et indeks, den afviste"

# 1. A connection announces 63 MiB and sends 62 of them, then waits: 4 MiB more is over 64.
exec 4<> "/dev/tcp/127.0.0.1/$PORT"
printf 'POST %s HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n' "$STI" $((63 << 20)) >&4
head -c $((62 << 20)) /dev/zero | tr '\0' '\n' >&4
vent_kroppe $((62 << 20)) $((64 << 20)) "62 MiB sendt"
until_status 503 fire under
grep -q '"kode":"optaget"' "$T/under" || { cat "$T/under"; fejl "503 uden koden optaget"; }
grep -q 'kroppe fylder allerede de 64 MiB' "$T/under" || { cat "$T/under"; fejl "beskeden nævner ikke grænsen"; }
grep -qi '^Retry-After: 1' "$T/under.hoved" || { cat "$T/under.hoved"; fejl "intet Retry-After"; }
exec 4>&- # it goes away: its room is given back
until_status 200 fire efter
grep -q '"sag_id":"a"' "$T/efter" || fejl "efter: ingen vurdering"

# 2. A connection that announces 63 MiB and sends 1 MiB, then waits, holds what it sent
#    and a step more, not what it announced: four such connections held all 256 MiB, and
#    every other POST got 503 while they sent a byte now and then.
exec 4<> "/dev/tcp/127.0.0.1/$PORT"
{ printf 'POST %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: %d\r\n\r\n' "$STI" $((63 << 20))
  printf '%s\n' "$CASE"; head -c $((1 << 20)) /dev/zero | tr '\0' '\n'; } >&4
# read by the server: it holds what was sent and a step more (1 MiB), not the 63 announced
vent_kroppe $((1 << 20)) $((3 << 20)) "1 MiB sendt"
test "$(send tredive anden)" = 200 || { head -c 300 "$T/anden"; fejl "en annonceret, men ikke sendt krop holdt pladsen"; }
exec 4>&-

# 2b. Two bodies that fit alone but not together, sent at once: one of them is read whole
#     (both were refused in 2 of 20 tries when each gave up at the limit; from an attack).
#     Over the socket the race is rare; tests/server_test.cpp checks the waiting itself.
body fyrre 40
for i in 1 2; do
  send fyrre par1 > "$T/par1.status" & p1=$!
  send fyrre par2 > "$T/par2.status" & p2=$!
  wait $p1 $p2 || true
  a=$(cat "$T/par1.status"); b=$(cat "$T/par2.status")
  [ "$a" = 200 ] || [ "$b" = 200 ] || fejl "to kroppe, der hver passer alene, blev begge afvist ($a, $b)"
done

# 3. An NDJSON answer nobody reads: the body and its lines stay held while it is written.
yes "$CASE" | head -n 600000 > "$T/mange" # 31 MB, and 14 MB of lines: 30 MiB more is over 64
exec 5<> "/dev/tcp/127.0.0.1/$PORT"
printf 'POST %s HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n' "$STI" "$(stat -c %s "$T/mange")" >&5
cat "$T/mange" >&5
# Its status line, and no more, before anyone else asks: once the answer has begun, its room
# is held. Asked for at once, the batch's index could find the next body reading and be
# refused itself after its 2 s wait (AddressSanitizer, on a slow machine: 503 mange, then
# 200 for every try).
IFS= read -r -t 120 status <&5 || fejl "mange: intet svar"
case "$status" in "HTTP/1.1 200"*) ;; *) fejl "mange: $status";; esac
until_status 503 tredive ulaest
exec 5>&- # gone: the answer cannot be written, the batch ends, its room is given back
until_status 200 tredive sidst
kill -0 "$PID" || fejl "serveren stoppede"
vent_kroppe 0 0 "alle svaret" # every body's room given back
# 4. The bodies are given back to the system once answered, not kept in the threads' arenas
#    (it stayed at 350-650 MB idle). AddressSanitizer's allocator keeps its own quarantine
#    and ignores the setting: there the check says nothing.
if ! grep -q libasan "/proc/$PID/maps"; then
  rss=$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$PID/status")
  [ "$rss" -lt $((120 << 10)) ] || fejl "serveren holder $rss kB efter kroppene er besvaret"
fi
echo "server_kroppe: alle tjek bestået"
