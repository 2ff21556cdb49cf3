/* KVALITET_API marks what libkvalitet.so exports: the C API of kvalitet.h and the C++ API
 * of kvalitet/engine.hpp with the domain types it hands out. The library is built with
 * hidden visibility, so everything else (Lua, SQLiteCpp, fmt, simdjson, the engine's own
 * internals) stays inside it and cannot clash with an integrator's copies.
 * tests/cli/eksport.sh holds the exported symbols to what the headers mark. */
#ifndef KVALITET_EXPORT_H
#define KVALITET_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define KVALITET_API __attribute__((visibility("default")))
#else
#define KVALITET_API
#endif

#endif /* KVALITET_EXPORT_H */
