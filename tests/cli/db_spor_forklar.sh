#!/bin/sh
# The store keeps the trace level it is asked for and regenerates the full explanation on
# demand (issue 17, targets 3 and 4): db vurder --spor kort|ingen stores the compact form
# and records the level; db status and db eksporter read mixed levels; db forklar
# re-assesses a stored case under the recorded version and dates, prints the full
# explanation (the same bytes as kvalitet vurder), and refuses, exit 1 naming the case and
# the date, when the script, the case or the stored result no longer match.
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*"; exit 1; }
mkdir "$T/hjem"
cp -r "$SRC/dsl" "$SRC/stdlib" "$SRC/municipalities" "$T/hjem/"
cp -r "$SRC/tests/fixtures/versioner/municipalities/testby" "$T/hjem/municipalities/"
H="--hjem $T/hjem"
DB="--db $T/s.db"
D=2026-11-22
"$K" demo --ndjson --antal 60 --dato "$D" > "$T/sager.ndjson"
printf '{"id":"t1","kommune":"testby","borger":{"alder":41},"forhold":{"motiveret":true},"bevilling":{"start":"2024-11-01"}}\n' >> "$T/sager.ndjson"
"$K" $H db $DB importer "$T/sager.ndjson" > /dev/null

# ingen on one date, kort on the next, fuld (the default) on a third.
"$K" $H db $DB vurder --dato "$D" --spor ingen > /dev/null
"$K" $H db $DB vurder --dato 2026-11-23 --spor kort > /dev/null
"$K" $H db $DB vurder --dato 2026-11-24 > /dev/null
"$K" $H db $DB vurder --dato 2026-06-01 --standard-dato 2025-06-01 --spor ingen > /dev/null
q() { sqlite3 "$T/s.db" "$1"; }
test "$(q "SELECT group_concat(DISTINCT spor) FROM vurderinger WHERE vurderingsdato = '$D'")" = ingen || fejl "spor ingen ikke registreret"
test "$(q "SELECT count(*) FROM vurderinger WHERE vurderingsdato = '$D' AND json_array_length(vurdering, '\$.spor') > 0")" -eq 0 ||
  fejl "spor ingen gemte spor"
test "$(q "SELECT count(*) FROM vurderinger WHERE vurderingsdato = '$D' AND json_array_length(vurdering, '\$.maalgruppe.begrundelser') > 0")" -eq 61 ||
  fejl "spor ingen mistede begrundelserne"
test "$(q "SELECT group_concat(DISTINCT spor) FROM vurderinger WHERE vurderingsdato = '2026-11-23'")" = kort || fejl "spor kort ikke registreret"
test "$(q "SELECT count(*) FROM vurderinger WHERE vurderingsdato = '2026-11-23' AND instr(vurdering, '\"resultat\"') > 0")" -eq 0 ||
  fejl "spor kort gemte teksterne"
test "$(q "SELECT group_concat(DISTINCT spor) FROM vurderinger WHERE vurderingsdato = '2026-11-24'")" = fuld || fejl "standarden er ikke fuld"
test "$(q "SELECT count(*) FROM vurderinger WHERE standard_dato = '2025-06-01'")" -eq 61 || fejl "--standard-dato ikke registreret"
# The default writes what vurder --ndjson writes (the full trace), byte for byte.
"$K" $H vurder --ndjson --dato 2026-11-24 --traade 1 "$T/sager.ndjson" | sort > "$T/ndjson.txt"
q "SELECT vurdering FROM vurderinger WHERE vurderingsdato = '2026-11-24'" | sort > "$T/fuld.txt"
cmp -s "$T/ndjson.txt" "$T/fuld.txt" || fejl "db vurder (fuld) skriver ikke det samme som vurder --ndjson"

# Skipping still works at every level (asked once per batch): nothing new on the same date.
"$K" $H db $DB vurder --dato "$D" --spor fuld --batch 7 > "$T/igen.txt"
grep -q '^0 sager vurderet pr\. 2026-11-22, 61 allerede vurderet' "$T/igen.txt" || { cat "$T/igen.txt"; fejl "sprang ikke over"; }

# Mixed levels: status and eksporter read them.
"$K" $H db $DB status > "$T/status.txt" || fejl "db status fejlede på blandede spor"
grep -q '61 sager' "$T/status.txt" || { cat "$T/status.txt"; fejl "db status"; }
test "$("$K" $H db $DB eksporter | wc -l)" -eq 61 || fejl "db eksporter"

# forklar: the full explanation, the same bytes as vurder, from each stored level.
ID=$(head -1 "$T/sager.ndjson" | sed 's/^{"id":"\([^"]*\)".*/\1/')
head -1 "$T/sager.ndjson" > "$T/sag.json"
for d in "$D" 2026-11-23 2026-11-24; do
  "$K" $H db $DB forklar "$ID" --dato "$d" --format json > "$T/forklar.json" || fejl "forklar $d"
  "$K" $H vurder --dato "$d" "$T/sag.json" > "$T/vurder.json"
  cmp -s "$T/forklar.json" "$T/vurder.json" || fejl "forklar pr. $d er ikke vurder's fulde vurdering"
done
# Under the recorded --standard-dato (the 2025 version).
"$K" $H db $DB forklar t1 --dato 2026-06-01 --format json > "$T/t1.json" || fejl "forklar under --standard-dato"
grep -q '"gyldig_fra":"2025-01-01"' "$T/t1.json" || fejl "forklar brugte ikke den registrerede version"
grep -q '"resultat"' "$T/t1.json" || fejl "forklar gav ikke det fulde spor"
# Text by default: the explanation with every rule; without --dato the case's latest row
# in the log (as db eksporter), here the run with --standard-dato.
"$K" $H db $DB forklar "$ID" > "$T/forklar.txt" || fejl "forklar som tekst"
grep -q "pr\. 2026-06-01, gemt med spor 'ingen'" "$T/forklar.txt" || { head -3 "$T/forklar.txt"; fejl "forklar: ikke den seneste"; }
grep -q '^Spor' "$T/forklar.txt" || fejl "forklar: intet spor i teksten"

# Not there: the case, or an assessment on the date.
rc=0; "$K" $H db $DB forklar findes-ikke 2> "$T/e1" || rc=$?
test "$rc" -eq 1 && grep -q "sagen 'findes-ikke' findes ikke i sagsdatabasen" "$T/e1" || { cat "$T/e1"; fejl "ukendt sag"; }
rc=0; "$K" $H db $DB forklar "$ID" --dato 2026-01-01 2> "$T/e2" || rc=$?
test "$rc" -eq 1 && grep -q "sagen '$ID' har ingen vurdering pr\. 2026-01-01.*vurderet pr\. 2026-06-01, 2026-11-22, 2026-11-23, 2026-11-24" "$T/e2" ||
  { cat "$T/e2"; fejl "ingen vurdering på datoen"; }
rc=0; "$K" $H db $DB forklar "$ID" --dato 2026-13-01 2> /dev/null || rc=$?
test "$rc" -eq 2 || fejl "forkert --dato gav $rc, ikke 2"

# forklar DB DATO refused: exit 1, the message (a grep pattern) on stderr, no explanation.
afvist() {
  rc=0; "$K" $H db --db "$1" forklar "$ID" --dato "$2" > "$T/ud" 2> "$T/fejl" || rc=$?
  test "$rc" -eq 1 || { cat "$T/fejl"; fejl "$3 gav exit $rc"; }
  grep -q "$4" "$T/fejl" || { cat "$T/fejl"; fejl "$3: beskeden"; }
  test ! -s "$T/ud" || fejl "$3: der blev skrevet en forklaring"
}

# The script changed since. The store kept the text of each version that assessed a case,
# so the explanation is regenerated under that text, the same bytes as before the change,
# and the text output says the file has changed since.
KOM=$(sed -n 's/.*"kommune":"\([a-z]*\)".*/\1/p' "$T/sag.json")
test "$(q "SELECT count(*) FROM standarder WHERE kommune = '$KOM'")" -eq 1 || fejl "standardens tekst er ikke gemt"
test "$(q "SELECT count(*) FROM standarder WHERE kommune = 'testby'")" -eq 2 || fejl "testby: begge versioners tekster skal være gemt"
"$K" $H db $DB forklar "$ID" --dato "$D" --format json > "$T/foer.json" || fejl "forklar før ændringen"
cp "$T/hjem/municipalities/$KOM/standard.lua" "$T/standard.lua"
printf '\n-- en ændring\n' >> "$T/hjem/municipalities/$KOM/standard.lua"
"$K" $H db $DB forklar "$ID" --dato "$D" --format json > "$T/efter.json" || fejl "forklar efter en ændring af scriptet"
cmp -s "$T/foer.json" "$T/efter.json" || fejl "forklar under den gemte tekst gav andre bytes"
"$K" $H db $DB forklar "$ID" --dato "$D" > "$T/efter.txt" || fejl "forklar som tekst efter ændringen"
grep -q "(dens tekst, som sagsdatabasen gemte; municipalities/$KOM/standard.lua er ændret siden)" "$T/efter.txt" ||
  { head -2 "$T/efter.txt"; fejl "forklar siger ikke, at den gemte tekst blev brugt"; }
# Without the kept text (or with a text that is not the one named): refused. The rows are
# changed past the trigger that guards them, which is then put back as kvalitet made it (a
# schema that differs is refused before anything is read).
VAENDRES="CREATE TRIGGER vurderinger_aendres_ikke BEFORE UPDATE ON vurderinger BEGIN SELECT RAISE(ABORT, 'vurderinger er en revisionslog og ændres aldrig'); END;"
SLETTES="CREATE TRIGGER standarder_slettes_ikke BEFORE DELETE ON standarder BEGIN SELECT RAISE(ABORT, 'standarder er en del af revisionsloggen og slettes aldrig'); END;"
AENDRES="CREATE TRIGGER standarder_aendres_ikke BEFORE UPDATE ON standarder BEGIN SELECT RAISE(ABORT, 'standarder er en del af revisionsloggen og ændres aldrig'); END;"
cp "$T/s.db" "$T/u.db"
sqlite3 "$T/u.db" "DROP TRIGGER standarder_slettes_ikke; DELETE FROM standarder WHERE kommune = '$KOM'; $SLETTES"
afvist "$T/u.db" "$D" "ændret script uden gemt tekst" \
  "sag '$ID' pr\. $D: standarden, der vurderede den (sha256 [0-9a-f]*…), findes ikke længere blandt ${KOM}s versioner (nu: [0-9a-f]*…), og sagsdatabasen har ikke dens tekst"
cp "$T/s.db" "$T/v.db"
sqlite3 "$T/v.db" "DROP TRIGGER standarder_aendres_ikke; UPDATE standarder SET tekst = tekst || ' ' WHERE kommune = '$KOM'; $AENDRES"
afvist "$T/v.db" "$D" "ændret gemt tekst" "og sagsdatabasen har ikke dens tekst"
# A kept text claiming to be a shared rule, or another municipality's file, is not read.
for f in dsl/init.lua municipalities/andenby/standard.lua "municipalities/$KOM/../x.lua" "municipalities/$KOM/versioner/x.lua"; do
  cp "$T/s.db" "$T/p.db"
  sqlite3 "$T/p.db" "DROP TRIGGER standarder_aendres_ikke; UPDATE standarder SET fil = '$f' WHERE kommune = '$KOM'; $AENDRES"
  afvist "$T/p.db" "$D" "gemt som $f" "sagsdatabasens tekst af standarden (sha256 [0-9a-f]*…) er gemt som '$f', som ikke er en af ${KOM}s standardfiler"
done
# Today's script does not even load (a draft being edited): the kept text still serves.
printf '\nthis is not lua(\n' >> "$T/hjem/municipalities/$KOM/standard.lua"
"$K" $H db $DB forklar "$ID" --dato "$D" --format json | cmp -s - "$T/foer.json" || fejl "forklar med et script, der ikke kan indlæses"
afvist "$T/u.db" "$D" "script, der ikke kan indlæses, uden gemt tekst" \
  "${KOM}s versioner kan ikke indlæses nu (.*standard.lua:[0-9]*.*), og sagsdatabasen har ikke teksten"
cp "$T/standard.lua" "$T/hjem/municipalities/$KOM/standard.lua"

# docs/versioner.md's first steps: today's standard saved under versioner/ with gyldig_fra
# added (another sha256), and a new standard.lua from 2027. The stored rows are still
# explained, under the text that assessed them.
mkdir -p "$T/hjem/municipalities/$KOM/versioner"
sed "s/^  kommune = \"$KOM\",/&\n  gyldig_fra = \"2010-01-01\",/" "$T/standard.lua" > "$T/hjem/municipalities/$KOM/versioner/2010-01-01.lua"
sed "s/^  kommune = \"$KOM\",/&\n  gyldig_fra = \"2027-01-01\",/" "$T/standard.lua" > "$T/hjem/municipalities/$KOM/standard.lua"
"$K" $H kommuner --detaljer | grep -q "2010-01-01" || fejl "versionen under versioner/ blev ikke læst"
# the plain list names the versions too (the contract: "and their versions")
"$K" $H kommuner | grep -q "version municipalities/$KOM/versioner/2010-01-01.lua: fra 1. januar 2010" ||
  fejl "kommuner uden --detaljer nævner ikke versionerne: $("$K" $H kommuner | grep version)"
# a version that does not load: the municipality is one line saying so, not half a listing
printf 'kvalitetsstandard {\n' > "$T/hjem/municipalities/$KOM/versioner/1999-01-01.lua"
"$K" $H kommuner > "$T/kommuner.txt" 2>&1 && fejl "kommuner med en version, der ikke kan indlæses, gav exit 0"
grep -q "^$KOM *KAN IKKE INDLÆSES: .*1999-01-01.lua" "$T/kommuner.txt" || { cat "$T/kommuner.txt"; fejl "den dårlige version nævnes ikke"; }
! grep "^$KOM " "$T/kommuner.txt" | grep -qv "KAN IKKE INDLÆSES" || { cat "$T/kommuner.txt"; fejl "kommunen blev skrevet halvt"; }
rm "$T/hjem/municipalities/$KOM/versioner/1999-01-01.lua"
"$K" $H db $DB forklar "$ID" --dato 2026-11-23 --format json > "$T/v2.json" || fejl "forklar efter en ny version"
"$K" $H db $DB forklar "$ID" --dato "$D" --format json | cmp -s - "$T/foer.json" || fejl "forklar efter en ny version gav andre bytes"
rm -r "$T/hjem/municipalities/$KOM/versioner"
cp "$T/standard.lua" "$T/hjem/municipalities/$KOM/standard.lua"

# db init on a store keeps the texts of today's versions too: rows assessed before it kept
# texts are explained after their file changes.
cp "$T/s.db" "$T/i.db"
sqlite3 "$T/i.db" "DROP TRIGGER standarder_slettes_ikke; DELETE FROM standarder; $SLETTES"
"$K" $H db --db "$T/i.db" init > /dev/null
test "$(sqlite3 "$T/i.db" "SELECT count(*) FROM standarder WHERE kommune IN ('$KOM', 'testby')")" -eq 3 ||
  fejl "db init gemte ikke standardernes tekster"

# The shared rules changed since (stdlib/, not the municipality's script). A compact row
# cannot show a changed trace text, so it is refused, naming the engine and the shared
# rules then and now; a full row is all compared, so it is still explained when it is the
# same; and db vurder assesses the cases again rather than skipping them.
cp "$T/hjem/stdlib/frister.lua" "$T/frister.lua"
printf '\n-- en ændring\n' >> "$T/hjem/stdlib/frister.lua"
afvist "$T/s.db" 2026-11-23 "ændrede fælles regler, spor kort" \
  "sag '$ID' pr\. 2026-11-23: den er gemt med spor 'kort' af kvalitet [0-9.]* med motorkode og fælles regler (dsl/, stdlib/) [0-9a-f]\{16\}, men nu er det kvalitet [0-9.]* med motorkode og fælles regler (dsl/, stdlib/) [0-9a-f]\{16\}"
"$K" $H db $DB forklar "$ID" --dato 2026-11-24 --format json > /dev/null || fejl "en fuld række blev afvist efter en ændring, der ikke ændrer den"
cp "$T/s.db" "$T/m.db"
"$K" $H db --db "$T/m.db" vurder --dato 2026-11-24 > "$T/m.txt"
grep -q '^61 sager vurderet pr\. 2026-11-24$' "$T/m.txt" || { cat "$T/m.txt"; fejl "db vurder sprang over efter en ændring i stdlib/"; }
test "$(q "SELECT count(DISTINCT motor_version) FROM vurderinger")" -eq 1 || fejl "forskellige motorer i den første kørsel"
test "$(sqlite3 "$T/m.db" "SELECT count(DISTINCT motor_version) FROM vurderinger WHERE vurderingsdato = '2026-11-24'")" -eq 2 ||
  fejl "den nye kørsel er ikke gemt med de nye fælles regler"
cp "$T/frister.lua" "$T/hjem/stdlib/frister.lua"

# The stored result differs from the regenerated one (the log edited behind its back).
cp "$T/s.db" "$T/r.db"
sqlite3 "$T/r.db" "DROP TRIGGER vurderinger_aendres_ikke; UPDATE vurderinger SET vurdering = replace(vurdering, '\"kommune\":\"$KOM\"', '\"kommune\":\"x$KOM\"') WHERE sag_id = '$ID' AND vurderingsdato = '2026-11-23'; $VAENDRES"
afvist "$T/r.db" 2026-11-23 "ændret resultat" \
  "sag '$ID' pr\. 2026-11-23: den genskabte vurdering afviger fra den gemte: kommune (gemt \"x$KOM\", nu \"$KOM\")"
# The same full row written by another engine (an earlier release): the difference may be the
# engine's, so the refusal says which engines and how to assess again.
sqlite3 "$T/r.db" "DROP TRIGGER vurderinger_aendres_ikke; UPDATE vurderinger SET motor_version = '0.0.1+0123456789abcdef', vurdering = replace(vurdering, '\"kommune\":\"$KOM\"', '\"kommune\":\"x$KOM\"') WHERE sag_id = '$ID' AND vurderingsdato = '2026-11-24'; $VAENDRES"
test "$(sqlite3 "$T/r.db" "SELECT spor FROM vurderinger WHERE sag_id = '$ID' AND vurderingsdato = '2026-11-24'")" = fuld ||
  fejl "rækken fra 2026-11-24 er ikke en fuld række"
afvist "$T/r.db" 2026-11-24 "ændret resultat fra en anden motor" \
  "sag '$ID' pr\. 2026-11-24: den er gemt af kvalitet 0\.0\.1 med motorkode og fælles regler (dsl/, stdlib/) 0123456789abcdef, men nu er det .*, og den genskabte vurdering afviger fra den gemte: kommune (gemt \"x$KOM\", nu \"$KOM\"); vurder sagen igen med 'kvalitet db --db"

# The case's text edited behind the store's back, its sha256 left as it was: the text is
# hashed again, so the edited case is not explained as the one that was assessed.
cp "$T/s.db" "$T/c.db"
sqlite3 "$T/c.db" "UPDATE sager SET sag = replace(sag, '\"borger\"', '\"borger\" ') WHERE id = '$ID'"
test "$(sqlite3 "$T/c.db" "SELECT count(*) FROM sager WHERE id = '$ID' AND instr(sag, '\"borger\" ') > 0")" -eq 1 ||
  fejl "sagens tekst blev ikke ændret"
afvist "$T/c.db" 2026-11-23 "ændret sagstekst med den gamle sha256" \
  "sag '$ID' pr\. 2026-11-23: sagens tekst i databasen har ikke den sha256, der er gemt ved den"

# A log edited around its constraints: each refusal names the case, the date and what is wrong.
cp "$T/s.db" "$T/j.db"
J=$(printf 'ikke json' | sha256sum | cut -d' ' -f1)
sqlite3 "$T/j.db" "UPDATE sager SET sag = 'ikke json', sha256 = '$J' WHERE id = '$ID'; DROP TRIGGER vurderinger_aendres_ikke;
  UPDATE vurderinger SET sag_sha256 = '$J' WHERE sag_id = '$ID'; $VAENDRES"
afvist "$T/j.db" 2026-11-24 "gemt sag er ikke JSON" "sag '$ID' pr\. 2026-11-24: den gemte sag kan ikke læses: ugyldig JSON"
cp "$T/s.db" "$T/g.db"
sqlite3 "$T/g.db" "DROP TRIGGER vurderinger_aendres_ikke; UPDATE vurderinger SET standard_dato = 'garbage' WHERE sag_id = '$ID' AND vurderingsdato = '2026-11-24'; $VAENDRES"
afvist "$T/g.db" 2026-11-24 "standard_dato" "sag '$ID' pr\. 2026-11-24: loggens standard_dato er 'garbage', som ikke er en dato"
cp "$T/s.db" "$T/n.db"
sqlite3 "$T/n.db" "DROP TRIGGER vurderinger_aendres_ikke; PRAGMA ignore_check_constraints = 1; UPDATE vurderinger SET spor = 'mellem' WHERE sag_id = '$ID' AND vurderingsdato = '2026-11-24'; $VAENDRES"
afvist "$T/n.db" 2026-11-24 "ukendt sporniveau" "vurdering nr\. [0-9]* i loggen har et sporniveau, der ikke er fuld, kort eller ingen"
# A full row labelled kort: the differences are listed, cut short on whole UTF-8 characters.
cp "$T/s.db" "$T/k.db"
sqlite3 "$T/k.db" "DROP TRIGGER vurderinger_aendres_ikke; UPDATE vurderinger SET spor = 'kort' WHERE sag_id = '$ID' AND vurderingsdato = '2026-11-24'; $VAENDRES"
afvist "$T/k.db" 2026-11-24 "fuld række som kort" "den genskabte vurdering afviger fra den gemte: spor\["
iconv -f UTF-8 -t UTF-8 "$T/fejl" > /dev/null || fejl "beskeden er ikke gyldig UTF-8"
# A row nested without end (copying it to compare recursed until the stack overflowed).
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]" }' > "$T/dyb.txt"
cp "$T/s.db" "$T/d.db"
sqlite3 "$T/d.db" "DROP TRIGGER vurderinger_aendres_ikke; UPDATE vurderinger SET vurdering = '{\"zz\":' || CAST(readfile('$T/dyb.txt') AS TEXT) || ',' || substr(vurdering, 2) WHERE sag_id = '$ID' AND vurderingsdato = '2026-11-24'; $VAENDRES"
afvist "$T/d.db" 2026-11-24 "dybt indlejret række" \
  "er ikke en vurdering, kvalitet har skrevet (den er indlejret dybere, end en vurdering er)"

# Not a case store: refused without reading or writing it.
: > "$T/tom.db"
sqlite3 "$T/fremmed.db" "CREATE TABLE x(a)"
for v in "status" "forklar $ID" "vurder"; do
  rc=0; "$K" $H db --db "$T/tom.db" $v 2> "$T/e8" || rc=$?
  if [ "$v" = vurder ]; then
    test "$rc" -eq 0 || { cat "$T/e8"; fejl "db vurder på en tom fil gav $rc"; } # a new store: made ready
  else
    test "$rc" -eq 1 && grep -q "tom.db: er tom, ikke en sagsdatabase endnu" "$T/e8" || { cat "$T/e8"; fejl "tom fil: db $v"; }
  fi
  : > "$T/tom.db"
  rc=0; "$K" $H db --db "$T/fremmed.db" $v 2> "$T/e9" || rc=$?
  test "$rc" -eq 1 && grep -q "fremmed.db: er en SQLite-database, men ikke en sagsdatabase fra kvalitet" "$T/e9" ||
    { cat "$T/e9"; fejl "fremmed database: db $v"; }
done
test "$(sqlite3 "$T/fremmed.db" "SELECT count(*) FROM sqlite_master")" -eq 1 || fejl "der blev skrevet i en fremmed database"

# An empty value is refused, never read as "not given" (a script's unset variable).
for a in "db $DB forklar $ID --dato" "db $DB vurder --dato" "vurder $T/sag.json --dato"; do
  rc=0; "$K" $H $a "" 2> "$T/e10" || rc=$?
  test "$rc" -eq 2 && grep -q -- "--dato: en tom værdi er ikke tilladt; skriv en værdi, eller udelad tilvalget" "$T/e10" ||
    { cat "$T/e10"; fejl "tom --dato ($a) gav $rc"; }
done
rc=0; "$K" $H db $DB forklar "" 2> "$T/e11" || rc=$?
test "$rc" -eq 2 && grep -q "SAG: en tom værdi er ikke tilladt; skriv en værdi$" "$T/e11" || { cat "$T/e11"; fejl "tom SAG gav $rc"; }

# A case id with a control character is named with it escaped, never written raw.
printf '{"id":"e\u001b[2Kx","kommune":"%s","borger":{"alder":40}}\n' "$KOM" > "$T/esc.json"
"$K" $H db $DB importer "$T/esc.json" > /dev/null
rc=0; "$K" $H db $DB forklar "$(printf 'e\033[2Kx')" 2> "$T/e7" || rc=$?
test "$rc" -eq 1 && grep -qF "'e\\u001B[2Kx'" "$T/e7" || { cat "$T/e7"; fejl "id med ESC: rc $rc"; }
if grep -q "$(printf '\033')" "$T/e7"; then fejl "id med ESC skrevet råt"; fi

# The case changed since (imported again): its assessed version is gone.
sed "1s/\"id\":\"$ID\"/\"id\":\"$ID\",\"klage\":{\"modtaget\":\"2026-10-01\"}/" "$T/sag.json" > "$T/ny.json"
"$K" $H db $DB importer "$T/ny.json" > /dev/null
rc=0; "$K" $H db $DB forklar "$ID" --dato "$D" 2> "$T/e5" || rc=$?
test "$rc" -eq 1 && grep -q "sag '$ID' pr\. $D: sagen er ændret siden vurderingen" "$T/e5" || { cat "$T/e5"; fejl "ændret sag"; }

"$K" db forklar --help | grep -q 'fulde forklaring' || fejl "forklar --help"
"$K" db vurder --help | grep -q -- '--spor' || fejl "db vurder --help nævner ikke --spor"
echo "spor i sagsdatabasen og db forklar: i orden"
