#!/bin/sh
# A JSON array on one line longer than the line limit (1 MiB): its oversize element is
# refused as too big, naming it, and the element after it is still imported. (Read as
# lines, the cut line once lost every case after the big one, as "filen er afkortet".)
set -eu
K="$1"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
{ printf '[{"id":"z","kommune":"varde","q":"'; head -c 1500000 /dev/zero | tr '\000' a; printf '"}, {"id":"ok","kommune":"varde"}]\n'; } > "$T/a.json"
rc=0; "$K" --hjem "$SRC" db --db "$T/s.db" importer "$T/a.json" > "$T/ud" 2> "$T/fejl" || rc=$?
test $rc -eq 1
grep -q 'element 1 (linje 1): sagen fylder mere end grænsen' "$T/fejl"
grep -q '^1 sag importeret (1 nye, 0 ændrede, 0 uændrede), 1 afvist' "$T/ud"
"$K" --hjem "$SRC" db --db "$T/s.db" status | grep -q ": 1 sager"
echo "det store element afvist, det næste importeret"
