#!/bin/sh
# kvalitet test and the versions of a standard (issue 14 §1): a version's own tests
# (municipalities/<id>/versioner/<dato>/tests/) run under that version, tests/ under
# standard.lua, and the summary counts each version apart. Fixture: testby
# (tests/fixtures/versioner), whose versions differ in the follow-up interval.
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*"; exit 1; }
has() { grep -q -- "$2" "$1" || { echo "FEJL: $1 mangler: $2"; cat "$1"; exit 1; }; }
mkdir "$T/hjem"
cp -r "$SRC/dsl" "$SRC/stdlib" "$SRC/tests/fixtures/versioner/municipalities" "$T/hjem/"
H="--hjem $T/hjem"
M="$T/hjem/municipalities/testby"

# All of testby: each version's tests under it, counted per version.
"$K" $H test testby > "$T/alle.txt" || { cat "$T/alle.txt"; fejl "testby's tests fejler"; }
has "$T/alle.txt" '^testby *1 bestået, 0 fejlet$'
has "$T/alle.txt" '^testby, versionen fra 2025-01-01 2 bestået, 0 fejlet$'
test "$(tail -n 1 "$T/alle.txt")" = "3 bestået, 0 fejlet" || fejl "sidste linje: $(tail -n 1 "$T/alle.txt")"

# A folder: the version file itself is a standard, not a test file. A version's test file alone.
"$K" $H test "$M" > "$T/mappe.txt" || { cat "$T/mappe.txt"; fejl "kvalitet test MAPPE fejler"; }
test "$(tail -n 1 "$T/mappe.txt")" = "3 bestået, 0 fejlet" || { cat "$T/mappe.txt"; fejl "mappen"; }
"$K" $H test "$M/versioner/2025-01-01/tests/opfoelgning.lua" > "$T/fil.txt" || { cat "$T/fil.txt"; fejl "én fil"; }
has "$T/fil.txt" '^testby, versionen fra 2025-01-01 2 bestået, 0 fejlet$'

# The same expectations filed under tests/ run under standard.lua and fail: the 2025
# version's 12 months are not the current version's 6.
cp "$M/versioner/2025-01-01/tests/opfoelgning.lua" "$M/tests/gammel.lua"
rc=0; "$K" $H test testby > "$T/forkert.txt" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc, da 2025-forventninger kørte under standard.lua"
has "$T/forkert.txt" '^testby *1 bestået, 2 fejlet$'
has "$T/forkert.txt" '^testby, versionen fra 2025-01-01 2 bestået, 0 fejlet$'
rm "$M/tests/gammel.lua"

# A broken standard.lua (the new version) leaves the old version's period without an end:
# said once under that version, not once per test, and standard.lua's own failure with it.
cp "$M/standard.lua" "$T/standard.lua.gem"
printf 'kvalitetsstandard {\n' >> "$M/standard.lua"
rc=0; "$K" $H test testby > "$T/ny_brudt.txt" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc med en standard.lua, der ikke kan indlæses"
has "$T/ny_brudt.txt" '\[testby, versionen fra 2025-01-01\] standarden kunne ikke indlæses; kommunens 2 tests er ikke kørt'
has "$T/ny_brudt.txt" 'versionens periode slutter, hvor den næste version begynder'
test "$(grep -c '^FEJL' "$T/ny_brudt.txt")" -eq 2 || { cat "$T/ny_brudt.txt"; fejl "én FEJL pr. standard, ikke pr. test"; }
cp "$T/standard.lua.gem" "$M/standard.lua"

# A version that does not load: said once, under the version, its tests not run.
printf 'kvalitetsstandard {\n' >> "$M/versioner/2025-01-01.lua"
rc=0; "$K" $H test testby > "$T/brudt.txt" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc med en version, der ikke kan indlæses"
has "$T/brudt.txt" '\[testby, versionen fra 2025-01-01\] standarden kunne ikke indlæses'
cp "$SRC/tests/fixtures/versioner/municipalities/testby/versioner/2025-01-01.lua" "$M/versioner/2025-01-01.lua"

# A test's name is the test file's own text: an escape sequence in it (ESC ] sets the
# terminal's title, ESC [2J clears the screen) is shown, never sent to the terminal.
cat > "$M/tests/styretegn.lua" <<'EOF'
test { navn = "\27]0;pwned\7\27[2Jx", dato = "2026-11-22", sag = {}, forvent = { pakke = "z" } }
EOF
rc=0; "$K" $H test testby > "$T/styretegn.txt" || rc=$?
test "$rc" -eq 1 || fejl "exit $rc med en test, der fejler"
if LC_ALL=C grep -q "$(printf '\033')" "$T/styretegn.txt"; then fejl "ESC sendt til terminalen"; fi
if LC_ALL=C grep -q "$(printf '\007')" "$T/styretegn.txt"; then fejl "BEL sendt til terminalen"; fi
has "$T/styretegn.txt" 'u{1B}\]0;pwned'
rm "$M/tests/styretegn.lua"
# A test file over 16 MiB is said, not read as nothing (a home's reader refuses it) nor read
# whole into memory (given as a path).
{ printf -- '-- '; head -c 17000000 /dev/zero | tr '\0' x; printf '\n'; } > "$M/tests/stor.lua"
rc=0; "$K" $H test testby > "$T/stor.txt" 2>&1 || rc=$?
test "$rc" -eq 1 || fejl "exit $rc med en testfil over 16 MiB"
has "$T/stor.txt" 'FEJL  municipalities/testby/tests/stor.lua'
has "$T/stor.txt" 'testfilen kan ikke indlæses: den er større end 16 MiB'
# and only that file fails: the municipality's other tests still run
grep -Eq '^testby +[1-9][0-9]* bestået' "$T/stor.txt" || fejl "testbys andre tests blev ikke kørt ved siden af en for stor testfil"
rc=0; "$K" $H test "$M/tests/stor.lua" > "$T/stor2.txt" 2>&1 || rc=$?
test "$rc" -eq 1 || fejl "exit $rc med en testfil over 16 MiB givet som sti"
has "$T/stor2.txt" 'stor.lua'
has "$T/stor2.txt" 'testfilen kan ikke indlæses: den er større end 16 MiB'
rm "$M/tests/stor.lua"
# The newest version without tests of its own (tests/ moved to a version, as
# docs/versioner.md does, before new ones are written): said, and --kraev-daekning fails.
mv "$M/tests" "$T/tests.gem"
"$K" $H test testby > "$T/uden.txt" || { cat "$T/uden.txt"; fejl "en version uden tests fejlede uden --kraev-daekning"; }
has "$T/uden.txt" '^testby *0 bestået, 0 fejlet$'
has "$T/uden.txt" 'bemærk: ingen test afprøver den nyeste version af testby (municipalities/testby/standard.lua)'
for sti in "$M" "$M/" "$T/hjem/./municipalities/testby"; do
  "$K" $H test "$sti" > "$T/uden_sti.txt" || fejl "test $sti"
  has "$T/uden_sti.txt" 'bemærk: ingen test afprøver den nyeste version af testby'
done
rc=0; "$K" $H test testby --kraev-daekning > "$T/uden_krav.txt" || rc=$?
test "$rc" -eq 1 || { cat "$T/uden_krav.txt"; fejl "exit $rc: --kraev-daekning godtog en nyeste version uden tests"; }
has "$T/uden_krav.txt" '^Dækning: testby$'
# a version's own tests run alone say nothing of standard.lua
"$K" $H test "$M/versioner/2025-01-01/tests" > "$T/kun_version.txt" || fejl "en versions egne tests"
if grep -q bemærk "$T/kun_version.txt"; then fejl "en versions egne tests alene nævnte standard.lua"; fi
mv "$T/tests.gem" "$M/tests"
echo "versionernes egne tests: i orden"
