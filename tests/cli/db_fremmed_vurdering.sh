#!/bin/sh
# The log refuses UPDATE and DELETE, not INSERT: a row another program appends to
# vurderinger can hold anything. db eksporter wrote such a row's bytes as they were (text
# that is not JSON, NUL and 0xFF) and exited 0; db status stopped on it with SQLite's
# English "malformed JSON". Both now name the row in Danish and exit 1.
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*"; exit 1; }
H="--hjem $SRC"
DB="--db $T/f.db"
q() { sqlite3 "$T/f.db" "$1"; }
"$K" demo --ndjson --antal 6 --dato 2026-11-22 > "$T/sager.ndjson"
"$K" $H db $DB importer "$T/sager.ndjson" > /dev/null
"$K" $H db $DB vurder --dato 2026-11-22 > /dev/null
"$K" $H db $DB eksporter > "$T/foer" || fejl "eksporter før: exit $?"
test "$(wc -l < "$T/foer")" -eq 6 || fejl "eksporter før: $(wc -l < "$T/foer") linjer"
ID=$(head -1 "$T/sager.ndjson" | sed 's/.*"id":"\([^"]*\)".*/\1/')
# a row as another program would append it (value, date), the latest for its case
tilfoej() {
  q "INSERT INTO vurderinger(sag_id, kommune, standard_sha256, motor_version, vurderingsdato, vurdering, oprettet, sag_sha256, spor)
     SELECT sag_id, kommune, standard_sha256, motor_version, '$2', $1, oprettet, sag_sha256, spor
     FROM vurderinger WHERE sag_id = '$ID' ORDER BY nr DESC LIMIT 1"
}
fejler() { # command, what the row is, the words of the fault
  NR=$(q "SELECT max(nr) FROM vurderinger")
  rc=0; "$K" $H db $DB $1 > "$T/ud" 2> "$T/fejl" || rc=$?
  test "$rc" -eq 1 || fejl "$1 med $2: exit $rc"
  grep -q "vurdering nr. $NR (sag '$ID')" "$T/fejl" || fejl "$1 med $2: $(cat "$T/fejl")"
  grep -q "$3" "$T/fejl" || fejl "$1 med $2: $(cat "$T/fejl")"
  ! grep -qi "malformed" "$T/fejl" || fejl "$1 med $2 på engelsk: $(cat "$T/fejl")"
}
tilfoej "'ikke json'" 2026-12-01
fejler eksporter "tekst, der ikke er JSON" "den er ikke et JSON-objekt i gyldig UTF-8"
fejler status "tekst, der ikke er JSON" "er ikke en vurdering, kvalitet har skrevet"
tilfoej "x'00ff7b'" 2026-12-02
fejler eksporter "bytes" "den er ikke tekst"
fejler status "bytes" "er ikke en vurdering, kvalitet har skrevet"
tilfoej "'{\"sag_id\":\"en-anden\"}'" 2026-12-03
fejler eksporter "en anden sags id" "dens sag_id er ikke rækkens"
# (from the attack on this check) a sag_id that is no text, two of them, a row on two lines
tilfoej "'{\"sag_id\":5}'" 2026-12-04
fejler eksporter "et sag_id, der er et tal" "dens sag_id er ikke rækkens tekst"
tilfoej "'{\"sag_id\":\"$ID\",\"sag_id\":\"en-anden\"}'" 2026-12-05
fejler eksporter "to sag_id" "dens sag_id er ikke rækkens tekst, eller den har ikke præcis ét"
fejler status "to sag_id" "dens sag_id er ikke rækkens tekst"
tilfoej "'{' || char(10) || '\"sag_id\":\"$ID\"}'" 2026-12-06
fejler eksporter "en række over to linjer" "den står over flere linjer"
# A row of its own case with odd contents: status counts what it can read, in Danish, and
# shows what the row holds on one line without its control characters.
tilfoej "'{\"sag_id\":\"$ID\",\"frister\":[\"x\"],\"advarsler\":\"x\",\"pakke\":{\"id\":\"\\u001b[31mR\\u202e\"}}'" 2026-12-07
"$K" $H db $DB status > "$T/ud" 2> "$T/fejl" || fejl "status med underligt indhold: exit $? $(cat "$T/fejl")"
grep -q 'pakker: \\u{1B}\[31mR\\u{202E} 1' "$T/ud" || fejl "status viser ikke pakken som tekst: $(cat "$T/ud")"
! grep -q "$(printf '\033')" "$T/ud" || fejl "status skriver et styretegn"
# a case's own, later assessment makes it whole again: nothing of the bad rows comes out
"$K" $H db $DB vurder --dato 2026-12-08 > /dev/null
"$K" $H db $DB eksporter > "$T/efter" || fejl "eksporter efter: exit $?"
test "$(wc -l < "$T/efter")" -eq 6 || fejl "eksporter efter: $(wc -l < "$T/efter") linjer"
"$K" $H db $DB status > /dev/null || fejl "status efter: exit $?"
