#!/bin/sh
# Installed, it works (issue 20): install into a temporary prefix, then build and run both
# embedding examples against it, each with pkg-config and with find_package(Kvalitet); the
# installed program runs from the prefix's bin/; kvalitet.h compiles as plain C99.
set -eu
BUILD="$1"; SRC="$2"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
cmake --install "$BUILD" --prefix "$T/prefix" > /dev/null
LIBDIR=$(dirname "$(find "$T/prefix" -name 'libkvalitet.so' | head -1)")
export PKG_CONFIG_PATH="$LIBDIR/pkgconfig" LD_LIBRARY_PATH="$LIBDIR"
EX="$SRC/docs/eksempler/sag.json"
# EMBED_FLAGS: the sanitizer flags when the library itself was built with them.
FLAGS="${EMBED_FLAGS:-}"
fejl() { echo "FEJL: $*"; exit 1; }

# The installed program, from bin/ (make install puts it on PATH the same way).
"$T/prefix/bin/kvalitet" --version | grep -q '^kvalitet [0-9]' || fejl "bin/kvalitet --version"
(cd "$T" && "$T/prefix/bin/kvalitet" vurder --dato 2026-11-22 "$EX") | grep -q '^{"kommune":"varde","sag_id":"eksempel-1"' \
  || fejl "bin/kvalitet vurder"

# The C header alone, as strict C99.
printf '#include <kvalitet.h>\nint main(void) { return KVALITET_VERSION_NUMBER > 0 && kvalitet_version() ? 0 : 1; }\n' > "$T/h.c"
cc -std=c99 -Wall -Wextra -pedantic -Werror $FLAGS "$T/h.c" $(pkg-config --cflags --libs kvalitet) -o "$T/h"
"$T/h" || fejl "kvalitet.h i C99"

# The C example: checks for one build of it.
check_c() { # the program
  "$1" varde 2026-11-22 "$EX" > "$T/c.json"
  grep -q '^{"kommune":"varde","sag_id":"eksempel-1"' "$T/c.json" || { cat "$T/c.json"; fejl "C: $1 varde"; }
  "$1" - 2026-11-22 "$EX" | cmp -s - "$T/c.json" || fejl "C: sagens egen kommune giver andre bytes end varde"
  "$1" - 2026-11-22 "$EX" tekst | grep -q "Målgruppe\|målgruppe" || fejl "C: tekst"
  "$1" varde 2026-02-30 "$EX" 2> "$T/c.err" && fejl "C: ugyldig dato blev accepteret"
  grep -q "(kode 513, ugyldig_dato): datoen '2026-02-30' er ikke en gyldig dato" "$T/c.err" || { cat "$T/c.err"; fejl "C: datofejl"; }
  "$1" aarhus 2026-11-22 "$EX" 2> "$T/c.err" && fejl "C: ukendt kommune blev accepteret"
  grep -q "ukendt_kommune): ukendt kommune 'aarhus'" "$T/c.err" || { cat "$T/c.err"; fejl "C: ukendt kommune"; }
  grep -q "^kerteminde$" "$T/c.err" || { cat "$T/c.err"; fejl "C: listen over kommuner"; }
  "$1" lejre 2026-11-22 "$EX" 2> "$T/c.err" && fejl "C: en Varde-sag blev vurderet efter Lejre"
  grep -q "kommune_forskellig, felt kommune)" "$T/c.err" || { cat "$T/c.err"; fejl "C: kommune_forskellig"; }
}
cc -Wall -Werror $FLAGS "$SRC/examples/embed-c/main.c" $(pkg-config --cflags --libs kvalitet) -o "$T/vurder"
check_c "$T/vurder"
cmake -S "$SRC/examples/embed-c" -B "$T/c" -DCMAKE_PREFIX_PATH="$T/prefix" -DCMAKE_C_FLAGS="$FLAGS" > /dev/null
cmake --build "$T/c" > /dev/null
check_c "$T/c/vurder"

# The C++ example: one thread per installed standard.
check_cpp() {
  "$1" 2026-11-22 "$EX" > "$T/cpp.txt"
  test "$(wc -l < "$T/cpp.txt")" -eq 5 || { cat "$T/cpp.txt"; fejl "C++: $1"; }
  grep -q "^kerteminde: i målgruppen" "$T/cpp.txt" || { cat "$T/cpp.txt"; fejl "C++: $1"; }
}
cmake -S "$SRC/examples/embed-cpp" -B "$T/cpp" -DCMAKE_PREFIX_PATH="$T/prefix" -DCMAKE_CXX_FLAGS="$FLAGS" > /dev/null
cmake --build "$T/cpp" > /dev/null
check_cpp "$T/cpp/vurder_alle"
c++ -std=c++20 -Wall -Werror $FLAGS "$SRC/examples/embed-cpp/main.cpp" $(pkg-config --cflags --libs kvalitet) -pthread \
  -o "$T/vurder_alle"
check_cpp "$T/vurder_alle"
cat "$T/cpp.txt"
echo "installeret pakke: C og C++ med pkg-config og med find_package, og bin/kvalitet, virker"
