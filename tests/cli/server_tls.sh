#!/bin/sh
# kvalitet server --tls-cert --tls-noegle (issue 16): HTTPS with a self-signed certificate
# made here by openssl; the assessment over TLS is the CLI's; plain HTTP to the port gets no
# answer; half the options, or a certificate that cannot be read, is refused at start.
set -eu
K="$1"; SRC="$2"
. "$(dirname "$0")/server_faelles.sh"
D=2026-11-22
EX="$SRC/docs/eksempler/sag.json"
command -v openssl > /dev/null || fejl "openssl mangler (.ci/deps installerer det)"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$T/key.pem" -out "$T/cert.pem" 2> /dev/null

rc=0; "$K" server --port 0 --tls-cert "$T/cert.pem" 2> "$T/halv.err" || rc=$?
test $rc -eq 2 || fejl "kun --tls-cert: exit $rc"
grep -q "tls-noegle" "$T/halv.err" || fejl "kun --tls-cert: $(cat "$T/halv.err")"
rc=0; "$K" server --port 0 --tls-cert "$T/findes-ikke.pem" --tls-noegle "$T/key.pem" 2> "$T/mangler.err" || rc=$?
test $rc -eq 1 || fejl "certifikat mangler: exit $rc"
grep -q "tls-cert.*findes-ikke.pem" "$T/mangler.err" || fejl "certifikat mangler: $(cat "$T/mangler.err")"
rc=0; "$K" server --port 0 --tls-cert "$T/key.pem" --tls-noegle "$T/cert.pem" 2> "$T/byttet.err" || rc=$?
test $rc -eq 1 || fejl "byttet om: exit $rc"
grep -q "kan ikke bruges til TLS" "$T/byttet.err" || fejl "byttet om: $(cat "$T/byttet.err")"

start t --traade 1 --tls-cert "$T/cert.pem" --tls-noegle "$T/key.pem"
case "$URL" in https://*) ;; *) fejl "lytter ikke på https: $URL" ;; esac
status "$(req "$T/out" /sundhed --cacert "$T/cert.pem")" 200 "sundhed over TLS"
has "$T/out" '"status":"ok"'
"$K" vurder --kommune varde --dato $D "$EX" > "$T/cli.json" 2>/dev/null
status "$(req "$T/http.json" "/v1/kommuner/varde/vurdering?dato=$D" --cacert "$T/cert.pem" --data-binary @"$EX")" 200 "vurdering over TLS"
cmp "$T/cli.json" "$T/http.json" || fejl "over TLS: andre bytes end vurder"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$PORT/sundhed" || true)
test "$code" = 000 || fejl "klar tekst til TLS-porten gav status $code"
kill -TERM "$PID_t"; rc=0; wait "$PID_t" || rc=$?
test $rc -eq 0 || fejl "exit $rc efter SIGTERM"
echo "server TLS: alle tjek bestået"
