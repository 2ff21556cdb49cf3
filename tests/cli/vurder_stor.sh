#!/bin/sh
# vurder FIL|-: a case past the size limit is refused by its size after reading one byte
# more than the limit, never read whole: /dev/zero and an endless pipe used to be read
# until memory ran out (25 MB/s with `yes |`), a 250 MB file took 500 MB.
set -eu
K="$1"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
fejl() { echo "FEJL: $*" >&2; exit 1; }
rc=0; timeout 60 "$K" vurder --kommune varde --dato 2026-11-22 /dev/zero > "$T/nul.json" 2>/dev/null || rc=$?
test "$rc" -eq 1 || fejl "vurder /dev/zero gav $rc (124: stoppede ikke)"
grep -q '"kode":"for_stor"' "$T/nul.json" || fejl "vurder /dev/zero: $(cat "$T/nul.json")"
rc=0; yes | timeout 60 "$K" vurder --kommune varde --dato 2026-11-22 - > "$T/yes.json" 2>/dev/null || rc=$?
test "$rc" -eq 1 || fejl "yes | vurder - gav $rc (124: stoppede ikke)"
grep -q '"kode":"for_stor"' "$T/yes.json" || fejl "yes | vurder -: $(cat "$T/yes.json")"
# a case just under the limit is still read whole and assessed
{ printf '{"id": "lang"'; head -c 1000000 /dev/zero | tr '\0' ' '; printf '}'; } > "$T/lang.json"
"$K" vurder --kommune varde --dato 2026-11-22 "$T/lang.json" > "$T/lang.out"
grep -q '"sag_id":"lang"' "$T/lang.out" || fejl "en sag under grænsen blev ikke vurderet: $(head -c 300 "$T/lang.out")"
echo "vurder med en for stor sag: i orden"
