#!/bin/sh
# Are the outputs byte for byte the same before and after an optimisation? Runs the
# 3,000 demo cases through `kvalitet vurder --ndjson` and every municipality test case
# through bench_testsager_vurderinger, once with each build and its standards, and
# compares. The standard's sha256 is left out of the comparison (it changes with the
# script); everything else must be equal. Exit 0 when equal, 1 with a diff when not.
#
#   bench/samme_uddata.sh FØR-BUILD FØR-HJEM EFTER-BUILD EFTER-HJEM
#
# A build is a build directory (repl/kvalitet and bench/bench_testsager_vurderinger in
# it); a home is a tree with dsl/, stdlib/ and municipalities/ (a checkout, or
# `git archive REV | tar -x -C DIR` for an earlier revision).
set -eu
if [ $# -ne 4 ]; then
    echo "brug: $0 FØR-BUILD FØR-HJEM EFTER-BUILD EFTER-HJEM" >&2
    exit 2
fi
ud=$(mktemp -d)
trap 'rm -rf "$ud"' EXIT
dato=2026-11-22
antal=${ANTAL:-3000}

"$3/repl/kvalitet" demo --ndjson --antal "$antal" --dato "$dato" > "$ud/sager.ndjson"

koer() { # build home name
    KVALITET_HJEM="$2" "$1/repl/kvalitet" vurder --ndjson --dato "$dato" --traade 1 < "$ud/sager.ndjson" \
        | sed 's/"sha256":"[0-9a-f]*"/"sha256":"…"/' > "$ud/$3.demo"
    "$1/bench/bench_testsager_vurderinger" "$2" \
        | sed 's/"sha256":"[0-9a-f]*"/"sha256":"…"/' > "$ud/$3.test"
}
koer "$1" "$2" foer
koer "$3" "$4" efter

fejl=0
for del in demo test; do
    linjer=$(wc -l < "$ud/foer.$del")
    if cmp -s "$ud/foer.$del" "$ud/efter.$del"; then
        echo "$del: $linjer vurderinger, byte for byte ens"
    else
        echo "$del: FORSKELLIGE ($linjer før, $(wc -l < "$ud/efter.$del") efter); første forskel:"
        diff "$ud/foer.$del" "$ud/efter.$del" | head -4 | cut -c1-400
        fejl=1
    fi
done
exit $fejl
