#!/bin/sh
# Install into a temporary prefix, then build and run the two embedding examples against
# it: C through pkg-config, C++ through find_package(Kvalitet).
set -eu
BUILD="$1"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
cmake --install "$BUILD" --prefix "$T/prefix" > /dev/null
LIBDIR=$(dirname "$(find "$T/prefix" -name 'libkvalitet.so' | head -1)")
export PKG_CONFIG_PATH="$LIBDIR/pkgconfig" LD_LIBRARY_PATH="$LIBDIR"
# EMBED_FLAGS: the sanitizer flags when the library itself was built with them.
FLAGS="${EMBED_FLAGS:-}"
cc -Wall -Werror $FLAGS "$SRC/examples/embed-c/main.c" $(pkg-config --cflags --libs kvalitet) -o "$T/vurder"
"$T/vurder" varde 2026-11-22 "$SRC/docs/eksempler/sag.json" > "$T/c.json"
grep -q '^{"kommune":"varde","sag_id":"eksempel-1"' "$T/c.json" || { echo "FEJL: C-eksemplet"; cat "$T/c.json"; exit 1; }
"$T/vurder" varde 2026-02-30 "$SRC/docs/eksempler/sag.json" 2> "$T/c.err" && exit 1
grep -q "kode 1.*ikke en gyldig dato" "$T/c.err" || { echo "FEJL: fejlbesked"; cat "$T/c.err"; exit 1; }
"$T/vurder" aarhus 2026-11-22 "$SRC/docs/eksempler/sag.json" 2> "$T/c.err" && exit 1
grep -q "ukendt kommune 'aarhus'" "$T/c.err" || { echo "FEJL: ukendt kommune"; cat "$T/c.err"; exit 1; }
cmake -S "$SRC/examples/embed-cpp" -B "$T/cpp" -DCMAKE_PREFIX_PATH="$T/prefix" -DCMAKE_CXX_FLAGS="$FLAGS" > /dev/null
cmake --build "$T/cpp" > /dev/null
"$T/cpp/vurder_alle" 2026-11-22 "$SRC/docs/eksempler/sag.json" > "$T/cpp.txt"
test "$(wc -l < "$T/cpp.txt")" -eq 5 || { echo "FEJL: C++-eksemplet"; cat "$T/cpp.txt"; exit 1; }
grep -q "^kerteminde: i målgruppen" "$T/cpp.txt" || { echo "FEJL: C++-eksemplet"; cat "$T/cpp.txt"; exit 1; }
cat "$T/cpp.txt"
echo "installeret pakke: C (pkg-config) og C++ (find_package) virker"
