#!/bin/bash
# A refused request's unread body is never read as a request of its own (request
# smuggling): after a refusal that left body bytes unread, the server closes the connection
# once its answer is out. bash for /dev/tcp: the bytes must reach the server as written.
set -eu
K="$1"; HJEM="$2"
. "$(dirname "$0")/server_faelles.sh"
start s
PID=$PID_s

SMUGLET=$'GET /v1/kommuner HTTP/1.1\r\nHost: x\r\n\r\n'
# cpp-httplib reads a request's head in blocks of 2 KB and drops what is left of the block:
# the smuggled request comes after 5,000 bytes of filler, past that first block.
KROP="$(head -c 5000 /dev/zero | tr '\0' ' ')"$'\r\n'"$SMUGLET"
# send NAME < bytes: writes them on one connection and keeps every answer until it closes
# (a connection left open would end by the keep-alive timeout, 5 s, with a second answer).
send() {
  exec 3<> "/dev/tcp/127.0.0.1/$PORT"
  cat >&3 || true # the server may close before it has read all of it
  timeout 20 cat <&3 > "$T/$1" || true
  exec 3<&-
}
one_answer() {
  n=$(grep -c $'^HTTP/1.1 ' "$T/$1" || true)
  [ "$n" -eq 1 ] || { cat "$T/$1"; fejl "$1: $n svar, ventede ét ($2)"; }
  grep -q "^HTTP/1.1 $2 " "$T/$1" || { cat "$T/$1"; fejl "$1: ikke status $2"; }
}

# 1. Refused on its head (Content-Length over the limit): the body is never read.
printf 'POST /v1/kommuner/varde/vurdering HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n%s' "$KROP" | send stor
one_answer stor 413
# 2. An unknown path with a body.
printf 'POST /v1/findes/ikke HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s' ${#KROP} "$KROP" | send ukendt
one_answer ukendt 404
# 3. A GET and a HEAD with a body: no route but a POST takes one, and cpp-httplib reads none.
printf 'GET /sundhed HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s' ${#KROP} "$KROP" | send get
one_answer get 400
grep -q '"besked":"GET /sundhed tager ingen krop' "$T/get" || fejl "get: beskeden"
printf 'HEAD /v1/kommuner HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s' ${#KROP} "$KROP" | send head
one_answer head 400
# 4. A chunked body past twice the limit (1 MiB for one case): cut off, then closed.
{ printf 'POST /v1/kommuner/varde/vurdering HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n' 2200000
  head -c 2200000 /dev/zero | tr '\0' ' '
  printf '\r\n0\r\n\r\n%s' "$SMUGLET"; } | send bidder
one_answer bidder 413
grep -q '"kode":"for_stor"' "$T/bidder" || fejl "bidder: ikke for_stor"
# 5. Broken chunk framing: cpp-httplib's own 400, and closed.
printf 'POST /v1/kommuner/varde/vurdering HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n%s' "$KROP" | send ramme
one_answer ramme 400
# 6. cpp-httplib's own refusals before the headers are read (a path or a header line over
#    its limits): the body is behind them, unknown to it.
LANG_STI="$(head -c 9000 /dev/zero | tr '\0' a)"
printf 'POST /v1/kommuner/varde/vurdering?%s HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s' "$LANG_STI" ${#KROP} "$KROP" | send sti
one_answer sti 414
printf 'POST /v1/kommuner/varde/vurdering HTTP/1.1\r\nX: %s\r\nContent-Length: %d\r\n\r\n%s' "$LANG_STI" ${#KROP} "$KROP" | send hoved
one_answer hoved 400
# 7. A chunked body that cpp-httplib ends early at a malformed line after a chunk: answered,
#    and the connection closed, as after every chunked request.
printf 'POST /v1/kommuner/varde/vurdering HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}ZZ\r\n%s' "$KROP" | send tidligt
one_answer tidligt 200
# 8. The body's length said twice, or two ways, or not as chunked: refused.
printf 'POST /v1/kommuner/varde/vurdering HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: %d\r\n\r\n{}%s' $((${#KROP} + 2)) "$KROP" | send to_laengder
one_answer to_laengder 400
grep -q '"besked":"kroppens længde skal angives én gang' "$T/to_laengder" || fejl "to_laengder: beskeden"
printf 'POST /v1/kommuner/varde/vurdering HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n%s' $((${#KROP} + 12)) "$KROP" | send cl_te
one_answer cl_te 400
printf 'POST /v1/kommuner/varde/vurdering HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\n\r\n{}%s' "$KROP" | send identity
one_answer identity 400
grep -q '"besked":"Transfer-Encoding kan kun være chunked' "$T/identity" || fejl "identity: beskeden"
# 9. A form (curl -F): no case, refused in Danish with 400, not a 500 with an English
#    header, and its unread body is not read as a request.
FORM=$'--b\r\nContent-Disposition: form-data; name="sag"\r\n\r\n{"id":"x"}\r\n--b--\r\n'"$KROP"
printf 'POST /v1/kommuner/varde/vurdering HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: %d\r\n\r\n%s' ${#FORM} "$FORM" | send formular
one_answer formular 400
grep -q '"kode":"ugyldig_anmodning","besked":"kroppen er en formular' "$T/formular" || fejl "formular: beskeden"
if grep -qi "EXCEPTION_WHAT" "$T/formular"; then fejl "formular: et engelsk hoved"; fi
# 10. A Range header is ignored: one whole answer, not a copy of the body per range (2,000
#     ranges made one answer 2,000 times the body, built in memory), nor a cut JSON body.
RANGES="bytes=$(printf '0-,%.0s' $(seq 1 2000))0-"
printf 'GET /v1/kommuner HTTP/1.1\r\nHost: x\r\nRange: %s\r\nConnection: close\r\n\r\n' "$RANGES" | send mange_range
one_answer mange_range 200
printf 'GET /v1/kommuner HTTP/1.1\r\nHost: x\r\nRange: bytes=0-9\r\nConnection: close\r\n\r\n' | send en_range
one_answer en_range 200
hel=$(curl -sS "$URL/v1/kommuner" | wc -c)
for f in mange_range en_range; do
  if grep -qi "^Content-Range\|multipart" "$T/$f"; then fejl "$f: svaret er delt i stykker"; fi
  grep -qi "^Content-Length: $hel"$'\r'"\$" "$T/$f" || { cat "$T/$f"; fejl "$f: ikke hele kroppen ($hel bytes)"; }
done
# A Range cpp-httplib cannot read is refused before any handler sees it: 416 in the contract's
# form, saying what to do; and no answer offers ranges (a HEAD was told "bytes").
printf 'GET /sundhed HTTP/1.1\r\nHost: x\r\nRange: bytes=abc\r\n\r\n' | send ulaeselig_range
one_answer ulaeselig_range 416
grep -q '"besked":"hovedet Range kan ikke læses' "$T/ulaeselig_range" || fejl "ulaeselig_range: beskeden"
curl -sSI "$URL/sundhed" > "$T/head_range"
grep -qi '^Accept-Ranges: none' "$T/head_range" || { cat "$T/head_range"; fejl "HEAD tilbyder ranges"; }
# The server is still there for a new connection.
printf '%s' "$SMUGLET" | { exec 3<> "/dev/tcp/127.0.0.1/$PORT"; cat >&3; timeout 10 head -c 12 <&3 > "$T/igen"; exec 3<&-; }
grep -q '^HTTP/1.1 200' "$T/igen" || fejl "serveren svarer ikke bagefter"
# A client that stops halfway through its head is closed after --tidsgraense seconds, not
# held for the default 10 s (cat ends at the server's close; killed at 8 s, it says 124).
start t --tidsgraense 1
exec 3<> "/dev/tcp/127.0.0.1/$PORT"
printf 'POST /v1/kommuner/varde/vurdering HTTP/1.1\r\nHost: x\r\n' >&3
timeout 8 cat <&3 > /dev/null || fejl "--tidsgraense 1: forbindelsen var stadig åben efter 8 s (rc $?)"
exec 3<&-
echo "server_smugling: alle tjek bestået"
