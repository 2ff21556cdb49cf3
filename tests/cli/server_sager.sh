#!/bin/sh
# kvalitet server --db (issue 16) over a real socket: a case stored with POST /v1/sager is the
# case `kvalitet db` sees in the same file; an assessment `kvalitet db vurder` writes (another
# process, while the server runs: WAL) is what GET /v1/sager/{id}/vurderinger gives; every
# refusal with its status and kode; the token guards these routes too.
set -eu
K="$1"; SRC="$2"
. "$(dirname "$0")/server_faelles.sh"
D=2026-11-22
DB="$T/sager.db"
printf '%s\n' "tok-0123456789abcdef-0123456789" > "$T/token"; chmod 600 "$T/token"
AUTH="Authorization: Bearer tok-0123456789abcdef-0123456789"
start s --traade 1 --db "$DB" --token-fil "$T/token"
has "$T/s.err" "sagsdatabase $DB"

status "$(req "$T/out" /v1/sager -H "$AUTH" --data-binary @"$SRC/docs/eksempler/sag.json")" 201 "ny sag"
has "$T/out" '"id":"eksempel-1","kommune":"varde"'
status "$(req "$T/out" /v1/sager -H "$AUTH" --data-binary @"$SRC/docs/eksempler/sag.json")" 200 "samme sag igen"
has "$T/out" '"ny":false'
status "$(req "$T/sag" /v1/sager/eksempel-1 -H "$AUTH")" 200 "hent sagen"
"$K" vurder --kommune varde --dato $D "$T/sag" > "$T/cli_sag.json" 2>/dev/null
"$K" vurder --kommune varde --dato $D "$SRC/docs/eksempler/sag.json" > "$T/cli_eks.json" 2>/dev/null
cmp "$T/cli_sag.json" "$T/cli_eks.json" || fejl "den gemte sag er ikke den sendte"

# The CLI assesses the store the server writes, while it runs; the server reads the log.
"$K" db --db "$DB" vurder --dato $D > /dev/null
"$K" db --db "$DB" eksporter > "$T/eksport.ndjson"
test "$(wc -l < "$T/eksport.ndjson")" -eq 1 || fejl "eksporter: $(cat "$T/eksport.ndjson")"
status "$(req "$T/out" /v1/sager/eksempel-1/vurderinger -H "$AUTH")" 200 "sagens vurderinger"
grep -qF "\"vurderingsdato\":\"$D\"" "$T/out" || fejl "ingen vurdering pr. $D: $(head -c 300 "$T/out")"
grep -qF "\"vurdering\":$(cat "$T/eksport.ndjson")}]}" "$T/out" || fejl "vurderingen er ikke loggens"
status "$(req "$T/out" '/v1/sager?kommune=varde' -H "$AUTH")" 200 "listen"
has "$T/out" '"sager":\[{"id":"eksempel-1","kommune":"varde","nr":1,'

# Refusals: each with its status and kode.
status "$(req "$T/out" /v1/sager/findes-ikke -H "$AUTH")" 404 "ukendt sag"
has "$T/out" '"kode":"ukendt_sag"'
status "$(req "$T/out" /v1/sager -H "$AUTH" --data-binary '{"kommune": "varde"}')" 400 "sag uden id"
has "$T/out" '"kode":"ugyldigt_felt".*"felt":"id"'
status "$(req "$T/out" /v1/sager -H "$AUTH" --data-binary '{"id": "x", "kommune": "aarhus"}')" 404 "ukendt kommune"
has "$T/out" '"kode":"ukendt_kommune"'
# the query's parameter is named, as any other bad parameter
status "$(req "$T/out" '/v1/sager?kommune=%C3%98' -H "$AUTH")" 404 "ukendt kommune i parameteren"
has "$T/out" '"kode":"ukendt_kommune".*"felt":"kommune"'
status "$(req "$T/out" /v1/sager -H "$AUTH" --data-binary '{"id": "x", ')" 400 "dårlig JSON"
has "$T/out" '"kode":"ugyldig_json"'
status "$(req "$T/out" '/v1/sager?antal=5000' -H "$AUTH")" 400 "antal for stort"
has "$T/out" '"felt":"antal"'
status "$(req "$T/out" /v1/sager -X DELETE -H "$AUTH")" 405 "DELETE"
status "$(req "$T/out" /v1/sager/eksempel-1)" 401 "uden token"
has "$T/out" '"kode":"mangler_token"'
status "$(req "$T/out" /v1/sager -H 'Authorization: Bearer forkert-0123456789abcdef' --data-binary '{}')" 401 "forkert token"
has "$T/out" '"kode":"forkert_token"'

# The file damaged under the running server: the routes answer 503, and /sundhed says so
# (it said "ok" before) until the server is started again.
has "$T/s.err" "sagsdatabase"
# A row another program appended to the log (INSERT is not refused) that is no JSON: the
# answer was that text spliced into the response; now 503 naming the row, not the file.
sqlite3 "$DB" "INSERT INTO vurderinger(sag_id, kommune, standard_sha256, motor_version, vurderingsdato, vurdering,
  oprettet, sag_sha256, spor) SELECT sag_id, kommune, standard_sha256, motor_version, '2026-12-01', 'ikke json',
  oprettet, sag_sha256, spor FROM vurderinger WHERE sag_id = 'eksempel-1' ORDER BY nr DESC LIMIT 1"
status "$(req "$T/out" /v1/sager/eksempel-1/vurderinger -H "$AUTH")" 503 "en fremmed række i loggen"
has "$T/out" '"kode":"sagsdatabase_fejl","besked":"sagsdatabasen: vurdering nr. [0-9]* (sag .eksempel-1.) er ikke en vurdering'
! grep -qF "$DB" "$T/out" || fejl "svaret nævner serverens sti: $(cat "$T/out")"
status "$(req "$T/out" /sundhed)" 200 "sundhed før skaden"
has "$T/out" '"status":"ok"'
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
sider=$(( $(wc -c < "$DB") / 16384 ))
dd if=/dev/zero of="$DB" bs=16384 seek=1 count=$((sider - 1)) conv=notrunc 2> /dev/null
status "$(req "$T/out" /v1/sager/eksempel-1 -H "$AUTH")" 503 "beskadiget fil"
has "$T/out" '"kode":"sagsdatabase_fejl","besked":"sagsdatabasen: databasen er beskadiget'
status "$(req "$T/out" /sundhed)" 200 "sundhed efter skaden"
has "$T/out" '"status":"delvis".*"sagsdatabase_fejl":"sagsdatabasen: databasen er beskadiget'

# Without --db the routes say so.
start u --traade 1
status "$(req "$T/out" /v1/sager/eksempel-1)" 404 "uden --db"
has "$T/out" '"kode":"ingen_sagsdatabase"'
echo "server --db: alle tjek bestået"
