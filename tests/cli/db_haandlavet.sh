#!/bin/sh
# db vurder on a database whose rows were written by hand (another system's, or edited):
# the row's id is the case's, a row that names another case in its "id" fails with both
# ids and is never logged under that other case; a row of a municipality not here fails
# alone (it stopped the whole run, nothing stored); a row that is not JSON is named by its id.
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*"; exit 1; }
H="--hjem $SRC"
DB="--db $T/h.db"
"$K" demo --ndjson --antal 12 --dato 2026-11-22 > "$T/sager.ndjson"
"$K" $H db $DB importer "$T/sager.ndjson" > /dev/null
ID=$(head -1 "$T/sager.ndjson" | sed 's/.*"id":"\([^"]*\)".*/\1/')
q() { sqlite3 "$T/h.db" "$1"; }
q "INSERT INTO sager VALUES('falsk', 'varde', '{\"id\":\"$ID\",\"kommune\":\"varde\"}', '2026-01-01T00:00:00Z', NULL)"
q "INSERT INTO sager VALUES('x1', 'aarhus', '{\"id\":\"x1\",\"kommune\":\"aarhus\"}', '2026-01-01T00:00:00Z', NULL)"
q "INSERT INTO sager VALUES('ikke-json', 'varde', '{ikke json', '2026-01-01T00:00:00Z', NULL)"
rc=0; "$K" $H db $DB vurder --dato 2026-11-25 > "$T/ud" 2> "$T/fejl" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc, ventede 1"
grep -q "^12 sager vurderet pr. 2026-11-25, 3 kunne ikke vurderes" "$T/ud" || fejl "opsummering: $(cat "$T/ud")"
grep -q "^sag 'falsk': rækkens id og sagens \"id\" ('$ID') er forskellige" "$T/fejl" || fejl "falsk: $(cat "$T/fejl")"
grep -q "^sag 'x1': ukendt kommune 'aarhus'" "$T/fejl" || fejl "x1: $(cat "$T/fejl")"
grep -q "^sag 'ikke-json': ugyldig JSON" "$T/fejl" || fejl "ikke-json: $(cat "$T/fejl")"
# the real case has one assessment on the date, its own
test "$(q "SELECT count(*) FROM vurderinger WHERE sag_id = '$ID' AND vurderingsdato = '2026-11-25'")" -eq 1 ||
  fejl "'$ID' har ikke præcis én vurdering"
test "$(q "SELECT count(*) FROM vurderinger v JOIN sager s ON s.id = v.sag_id WHERE v.vurderingsdato = '2026-11-25' AND v.sag_sha256 <> s.sha256")" -eq 0 ||
  fejl "en vurdering står under en anden sags id"
# A trigger added by another program (it could run any SQL inside ours, a query without end
# among them) stops every command before it reads or writes: the file and the trigger named.
q "CREATE TRIGGER fremmed BEFORE INSERT ON sager BEGIN SELECT RAISE(ABORT, 'andet system siger nej'); END;"
echo '{"id":"ny","kommune":"varde"}' > "$T/ny.ndjson"
for cmd in "importer $T/ny.ndjson" "status" "vurder"; do
  rc=0; "$K" $H db $DB $cmd > /dev/null 2> "$T/fejl" || rc=$?
  test "$rc" -eq 1 || fejl "$cmd gennem en fremmed trigger: exit $rc"
  grep -q "$T/h.db: sagsdatabasens skema er ændret uden for kvalitet: den har trigger 'fremmed', som kvalitet ikke har lavet" "$T/fejl" ||
    fejl "fremmed trigger ($cmd): $(cat "$T/fejl")"
done
# A second hard link to the file: refused before SQLite opens it (a log per name corrupts it).
ln "$T/h.db" "$T/h2.db"
rc=0; "$K" $H db --db "$T/h2.db" vurder > /dev/null 2> "$T/fejl" || rc=$?
test "$rc" -eq 1 && grep -q "h2.db: filen har 2 hårde links" "$T/fejl" || fejl "hårdt link: exit $rc, $(cat "$T/fejl")"
echo "db vurder med håndskrevne rækker: i orden"
