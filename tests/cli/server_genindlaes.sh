#!/bin/sh
# kvalitet server reloads its standards (issue 16) over a real socket: SIGHUP and POST
# /v1/admin/genindlaes (token required). A broken standard is not taken: the old one goes on
# assessing, byte for byte, and /sundhed says which municipality failed; a sound edit is
# taken. A standard broken from the start answers 500 script_fejl, and /sundhed is "delvis".
set -eu
K="$1"; SRC="$2"
. "$(dirname "$0")/server_faelles.sh"
D=2026-11-22
EX="$SRC/docs/eksempler/sag.json"
H="$T/hjem"
mkdir -p "$H/municipalities/brudt"
cp -r "$SRC/dsl" "$SRC/stdlib" "$H/"
cp -r "$SRC/municipalities/varde" "$H/municipalities/"
printf 'kvalitetsstandard {\n' > "$H/municipalities/brudt/standard.lua"
printf '%s\n' "tok-0123456789abcdef-0123456789" > "$T/token"; chmod 600 "$T/token"
AUTH="Authorization: Bearer tok-0123456789abcdef-0123456789"
export KVALITET_HJEM="$H" # the server and the CLI below read the standards from here
start g --traade 1 --token-fil "$T/token"

status "$(req "$T/out" /sundhed)" 200 sundhed
has "$T/out" '"status":"delvis".*"standarder_med_fejl":\["brudt"\]'
status "$(req "$T/out" /v1/kommuner/brudt -H "$AUTH")" 500 "brudt standard"
has "$T/out" '"kode":"script_fejl"'
status "$(req "$T/foer.json" "/v1/kommuner/varde/vurdering?dato=$D" -H "$AUTH" --data-binary @"$EX")" 200 "før"
"$K" vurder --kommune varde --dato $D "$EX" > "$T/cli.json" 2>/dev/null
cmp "$T/cli.json" "$T/foer.json" || fejl "før: andre bytes end vurder"

# Break Varde's standard; SIGHUP: not taken, said on stderr and in /sundhed.
cp "$H/municipalities/varde/standard.lua" "$T/varde.lua"
printf '\nkrav { id = \n' >> "$H/municipalities/varde/standard.lua"
kill -HUP "$PID_g"
i=0; until grep -q "ikke taget i brug" "$T/g.err"; do i=$((i + 1)); test $i -lt 300 || fejl "intet svar på SIGHUP"; sleep 0.1; done
grep -A1 "ikke taget i brug" "$T/g.err" | grep -q "varde: .*standard.lua" || fejl "stderr nævner ikke varde: $(cat "$T/g.err")"
status "$(req "$T/out" /sundhed)" 200 "sundhed efter SIGHUP"
has "$T/out" '"udgave":1,"genindlaesning":{"taget":false,"fejl":\[{"kommune":"varde","besked":"'
status "$(req "$T/efter.json" "/v1/kommuner/varde/vurdering?dato=$D" -H "$AUTH" --data-binary @"$EX")" 200 "efter"
cmp "$T/foer.json" "$T/efter.json" || fejl "den gamle standard vurderer ikke længere"

# The same through the admin route: the token is required, the refusal is 422.
status "$(req "$T/out" /v1/admin/genindlaes -X POST)" 401 "genindlæs uden token"
status "$(req "$T/out" /v1/admin/genindlaes -X GET -H "$AUTH")" 405 "genindlæs med GET"
status "$(req "$T/out" /v1/admin/genindlaes -X POST -H "$AUTH")" 422 "genindlæs med brudt standard"
has "$T/out" '"kode":"genindlaesning_afvist"'

# A sound edit is taken: a new udgave, and the assessment names the new script's sha256.
cp "$T/varde.lua" "$H/municipalities/varde/standard.lua"
printf '\n-- en kommentar: et nyt script, samme regler\n' >> "$H/municipalities/varde/standard.lua"
status "$(req "$T/out" /v1/admin/genindlaes -X POST -H "$AUTH")" 200 "genindlæs"
has "$T/out" '"genindlaest":true,"udgave":2'
"$K" vurder --kommune varde --dato $D "$EX" > "$T/cli2.json" 2>/dev/null
status "$(req "$T/ny.json" "/v1/kommuner/varde/vurdering?dato=$D" -H "$AUTH" --data-binary @"$EX")" 200 "ny"
cmp "$T/cli2.json" "$T/ny.json" || fejl "efter genindlæsning: andre bytes end vurder"
cmp -s "$T/foer.json" "$T/ny.json" && fejl "den nye standard er ikke taget i brug"
status "$(req "$T/out" /sundhed)" 200 "sundhed til sidst"
has "$T/out" '"udgave":2,"genindlaesning":{"taget":true'
echo "server genindlæsning: alle tjek bestået"
