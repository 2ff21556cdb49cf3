#!/bin/sh
# Every line the program prints is Danish (issue 20): CLI11's help and usage errors,
# checked one kind at a time. KIND: hjaelp (--help on every verb), ukendt_tilvalg,
# manglende_argument, forkert_vaerdi, ekstra_argument. Each usage error must exit with 2,
# say what was wrong in Danish and name the offending word.
set -eu
K="$1"; KIND="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
# Words of CLI11's English (help headings, type names, error texts); none is Danish.
ENGELSK='Usage|OPTIONS|SUBCOMMANDS?|Options|Positionals|Subcommands|Print|help message|exit|REQUIRED|TEXT|INT|UINT|FLOAT|NUMBER|BOOLEAN|following|arguments|expected|required|Requires|missing|Could|convert|Value|not in|range|Expected|least|most|Run with|information|Excludes|Needs|Error|ERROR|Display'
fail() { echo "FEJL: $1"; echo "--- uddata:"; cat "$T/ud"; exit 1; }
no_english() { if grep -E -w -- "$ENGELSK" "$T/ud" > "$T/engelsk"; then fail "engelsk i '$1': $(cat "$T/engelsk")"; fi; }

# The verbs, from the help itself (so a new verb is checked too), with db's own.
verbs() {
  "$K" --help | sed -n '/^Kommandoer:/,$p' | awk 'NR > 1 && NF { print $1 }'
  "$K" db --help | sed -n '/^Kommandoer:/,$p' | awk 'NR > 1 && NF { print "db " $1 }'
}
verbs > "$T/verber"
for v in vurder kommuner test repl db demo "db init" "db importer" "db vurder" "db eksporter" "db status"; do
  grep -qx "$v" "$T/verber" || { cp "$T/verber" "$T/ud"; fail "verbet '$v' mangler i --help"; }
done

# Runs the program; the output must be a usage error (exit 2) holding $1, in Danish.
usage_error() {
  want="$1"; shift
  rc=0; "$K" "$@" > "$T/ud" 2>&1 < /dev/null || rc=$?
  [ "$rc" -eq 2 ] || fail "kvalitet $*: afslutningskode $rc, ikke 2"
  grep -qF -- "$want" "$T/ud" || fail "kvalitet $*: mangler '$want'"
  grep -q -- "--help" "$T/ud" || fail "kvalitet $*: siger ikke, hvor hjælpen er"
  no_english "kvalitet $*"
}

case "$KIND" in
hjaelp)
  "$K" --help > "$T/ud"; grep -q "^Brug: kvalitet" "$T/ud" || fail "--help har ingen brugslinje"; no_english "kvalitet --help"
  while read -r v; do
    # shellcheck disable=SC2086 # "db init" is two words
    "$K" $v --help > "$T/ud" 2>&1 || fail "kvalitet $v --help: afslutningskode $?"
    grep -q "^Brug: kvalitet $v" "$T/ud" || fail "kvalitet $v --help: ingen brugslinje"
    grep -q "Vis denne hjælp og afslut" "$T/ud" || fail "kvalitet $v --help: hjælpeflaget er ikke på dansk"
    no_english "kvalitet $v --help"
  done < "$T/verber"
  "$K" --version > "$T/ud"; no_english "kvalitet --version" ;;
ukendt_tilvalg)
  while read -r v; do
    # shellcheck disable=SC2086
    usage_error "'--findes-ikke'" $v --findes-ikke
    grep -q "ukendt tilvalg" "$T/ud" || fail "kvalitet $v --findes-ikke: siger ikke, at tilvalget er ukendt"
  done < "$T/verber"
  usage_error "ukendt tilvalg '--findes-ikke'" --findes-ikke ;;
manglende_argument)
  usage_error "--kommune mangler sin værdi" vurder --kommune
  usage_error "--dato mangler sin værdi" repl --dato
  usage_error "FIL skal angives" db importer
  usage_error "vælg en kommando" db
  usage_error "--hjem mangler sin værdi" --hjem ;;
forkert_vaerdi)
  usage_error "'xml' er ikke en af {json,tekst}" vurder --kommune varde --format xml sag.json
  usage_error "--traade: 'abc'" vurder --kommune varde --ndjson --traade abc
  usage_error "--traade: '0' skal være et tal fra 1 til 256" db vurder --traade 0
  usage_error "\"1/12/2026\" er ikke en dato (ÅÅÅÅ-MM-DD) — mente du 2026-12-01?" vurder --kommune varde --dato 1/12/2026 sag.json
  usage_error "--antal: 'mange'" demo --antal mange
  usage_error "--dato: \"2026-02-30\" er ikke en dato" vurder --kommune varde --dato 2026-02-30 sag.json
  # a real date outside the range is said to be that, not "not a date", on every option
  usage_error "--standard-dato: 1800-01-01 ligger uden for de datoer" vurder --kommune varde --standard-dato 1800-01-01 sag.json
  # said before the database is opened: a wrong date makes no file and takes no lock
  usage_error "--standard-dato: 2300-01-01 ligger uden for de datoer" db --db "$T/ingen.db" vurder --standard-dato 2300-01-01
  usage_error "--dato: \"2026-02-30\" er ikke en dato" db --db "$T/ingen.db" vurder --dato 2026-02-30
  test ! -e "$T/ingen.db" || fail "db vurder med en forkert dato oprettede databasen"
  usage_error "A: 1800-01-01 ligger uden for de datoer" forskel --kommune varde 1800-01-01
  usage_error "--kommune: ukendt kommune 'aarhus'" repl --kommune aarhus
  # a value with ESC, BEL and a stray byte is shown, never sent to the terminal
  usage_error '"\u{1B}]0;pwned\u{07}\x{FF}" er ikke en dato' vurder --kommune varde --dato "$(printf '\033]0;pwned\007\377')" sag.json
  if LC_ALL=C grep -q "$(printf '[\033\007\377]')" "$T/ud"; then fail "--dato sendte styretegn til terminalen"; fi
  usage_error "mappen '$T/findes-ikke' findes ikke" --hjem "$T/findes-ikke" kommuner ;;
ekstra_argument)
  usage_error "uventede argumenter 'x' 'y'" kommuner x y
  usage_error "uventet argument 'b'" vurder --kommune varde a b
  usage_error "uventet argument 'x'" db init x
  usage_error "ukendt kommando 'findes-ikke'" findes-ikke
  # an option the command lacks, with its value: named as an option, not as two arguments
  usage_error "ukendt tilvalg '--fil' med 'x.lua'" kommuner --fil x.lua ;;
*) echo "ukendt slags: $KIND"; exit 2 ;;
esac
echo "dansk ($KIND): intet engelsk, afslutningskode 2, ordet nævnt"
