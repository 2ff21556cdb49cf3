#!/bin/sh
# libkvalitet.so exports its public API and nothing else (issue 20): installed into a
# temporary prefix, the library's dynamic symbols (nm -D --defined-only) are held to what
# the installed headers mark KVALITET_API. It fails when an internal symbol leaks (Lua,
# SQLiteCpp, fmt, simdjson, the engine's own classes) or a public one is missing.
# EKSPORT_EKSTRA (a mangled or C name) and EKSPORT_UDEN (a C function) let a test prove
# that the check fails on a leak and on a missing function.
set -eu
BUILD="$1"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
cmake --install "$BUILD" --prefix "$T/p" > /dev/null
SO=$(find "$T/p" -name 'libkvalitet.so' | head -1)
INC="$T/p/include"
test -n "$SO" && test -f "$INC/kvalitet.h" || { echo "FEJL: ingen installeret libkvalitet.so eller kvalitet.h"; exit 1; }
HEADERS=$(find "$INC" -name '*.h' -o -name '*.hpp' | sort)

# What the headers mark: C functions, C++ classes and free functions.
sed -n 's/.*KVALITET_API[^(]*[ *]\(kvalitet_[a-z_0-9]*\)(.*/\1/p' "$INC/kvalitet.h" | sort -u > "$T/c_api"
cat $HEADERS | sed -n 's/.*\(class\|struct\) KVALITET_API \([A-Za-z_0-9]*\).*/\2/p' | sort -u > "$T/klasser"
cat $HEADERS | grep -v '^#' | sed -n 's/^KVALITET_API [^(]*[ *&]\([a-z_][a-z_0-9]*\)(.*/\1/p' | grep -v '^kvalitet_' | sort -u > "$T/funktioner"
test -s "$T/c_api" && test -s "$T/klasser" || { echo "FEJL: fandt ingen KVALITET_API i headerne"; exit 1; }

# What the library exports.
nm -D --defined-only --format=posix "$SO" | awk '{print $1}' > "$T/alle"
[ -n "${EKSPORT_EKSTRA:-}" ] && echo "$EKSPORT_EKSTRA" >> "$T/alle"
[ -n "${EKSPORT_UDEN:-}" ] && { grep -vx "$EKSPORT_UDEN" "$T/alle" > "$T/alle2" || true; mv "$T/alle2" "$T/alle"; }
grep -v '^_Z' "$T/alle" | sort -u > "$T/c_ud" || true
grep '^_Z' "$T/alle" | c++filt | sort -u > "$T/cpp_ud" || true

bad=0
# C: exactly the functions of kvalitet.h.
if ! diff "$T/c_api" "$T/c_ud" > "$T/c_diff"; then
  echo "FEJL: C-symbolerne svarer ikke til kvalitet.h (< kun i headeren, > kun i biblioteket):"
  grep '^[<>]' "$T/c_diff"
  bad=1
fi
# C++: every symbol belongs to a marked class or function of namespace kvalitet.
{
  sed 's/.*/^kvalitet::&::/' "$T/klasser"
  sed 's/.*/^kvalitet::&(/' "$T/funktioner"
} > "$T/tilladt"
# "typeinfo for kvalitet::X" counts as X's; the ABI tag of functions returning a string goes.
sed -E -e 's/^(typeinfo name for|typeinfo for|vtable for) (.*)$/\2::/' -e 's/\[abi:cxx11\]//g' "$T/cpp_ud" > "$T/cpp_navne"
if grep -v -f "$T/tilladt" "$T/cpp_navne" > "$T/laek"; then
  echo "FEJL: $(wc -l < "$T/laek") C++-symboler eksporteres uden at være markeret KVALITET_API i en installeret header:"
  head -40 "$T/laek"
  bad=1
fi
# …and every marked class and function is there.
while read -r navn; do
  grep -q "$navn" "$T/cpp_navne" || { echo "FEJL: ${navn#^} er markeret KVALITET_API men eksporteres ikke"; bad=1; }
done < "$T/tilladt"
test $bad -eq 0 || exit 1
echo "libkvalitet.so eksporterer $(wc -l < "$T/c_ud") C-funktioner og $(wc -l < "$T/cpp_ud") C++-symboler, alle fra de offentlige headere"
