/* Kvalitet's C API: a stable, exception-free interface in the style of SQLite.
 *
 *   kvalitet_assessor *k;
 *   if (kvalitet_open("varde", NULL, &k) != KVALITET_OK) { fprintf(stderr, "%s\n", kvalitet_errmsg(k)); kvalitet_close(k); return 1; }
 *   char *out; size_t n;
 *   if (kvalitet_assess(k, case_json, strlen(case_json), "2026-11-22", &out, &n) == KVALITET_OK) {
 *       fwrite(out, 1, n, stdout);
 *       kvalitet_free(out);
 *   } else fprintf(stderr, "%s: %s\n", kvalitet_errcode(k), kvalitet_errmsg(k));
 *   kvalitet_close(k);
 *
 * A handle holds the standards it assesses with, each in its own Lua state: use a handle
 * from one thread at a time, and open one per thread. Every function returns a result
 * code; the last failure on a handle is readable as the contract's error object
 * (kvalitet_errcode, kvalitet_errmsg, kvalitet_errfield, or all of it as kvalitet_errjson),
 * valid until the next call on that handle. Strings returned through out-parameters
 * belong to the caller and are released with kvalitet_free; strings returned as values
 * belong to the library. No C++ exception crosses this API.
 *
 * Only additions are made here: a function, once released, keeps its signature and meaning.
 */
#ifndef KVALITET_H
#define KVALITET_H

#include <stddef.h>

#include "kvalitet/export.h"
#include "kvalitet/version.h" /* KVALITET_VERSION_MAJOR, _MINOR, _PATCH, _STRING, _NUMBER */

#ifdef __cplusplus
extern "C" {
#endif

/* Result codes. */
#define KVALITET_OK 0       /* success */
#define KVALITET_INVALID 1  /* the case, the date or the script is invalid (see errcode, errmsg) */
#define KVALITET_MISUSE 2   /* a NULL handle or argument, or an unknown flag or format */
#define KVALITET_NOMEM 3    /* out of memory */
#define KVALITET_ERROR 4    /* anything else (see errmsg); a fault in kvalitet itself */

/* Extended result codes tell what was invalid. Their low byte is the primary code, so
 * (rc & 0xff) == KVALITET_INVALID holds for each. A handle opened with kvalitet_open_ex
 * returns them; one opened with kvalitet_open returns the primary codes above, as it always
 * has. kvalitet_extended_errcode reads the extended code on either. */
#define KVALITET_INVALID_CASE (KVALITET_INVALID | (1 << 8))    /* the case: its JSON, a field, its kommune */
#define KVALITET_INVALID_DATE (KVALITET_INVALID | (2 << 8))    /* the date argument */
#define KVALITET_INVALID_SCRIPT (KVALITET_INVALID | (3 << 8))  /* a standard's script failed to load or run */
#define KVALITET_INVALID_BUDGET (KVALITET_INVALID | (4 << 8))  /* an assessment ran out of time or memory */
#define KVALITET_INVALID_KOMMUNE (KVALITET_INVALID | (5 << 8)) /* kvalitet_open*: no such municipality */
#define KVALITET_INVALID_HOME (KVALITET_INVALID | (6 << 8))    /* kvalitet_open*: the home folder is missing or incomplete */
#define KVALITET_INVALID_VERSION (KVALITET_INVALID | (7 << 8)) /* no version of the standard is in force on the
                                                                 standard date ("ukendt_version") */

/* Flags for kvalitet_open_ex. */
#define KVALITET_STRENG 0x1u /* a case field the schema does not know is an error ("ukendt_felt") instead of
                                being listed in the assessment's "ignorerede_felter" (the CLI's --streng) */

/* Formats for kvalitet_assess_format. */
#define KVALITET_FORMAT_JSON 0  /* the contract's assessment JSON, one line (as kvalitet_assess) */
#define KVALITET_FORMAT_TEKST 1 /* Danish text for a caseworker's note, several lines */

/* Trace levels for kvalitet_assess_spor (the CLI's --spor; docs/embedding.md "Hvor meget spor"). */
#define KVALITET_SPOR_FULD 0  /* every rule with its text, kilde, dates and the values it read (as kvalitet_assess) */
#define KVALITET_SPOR_KORT 1  /* each rule's id, outcome token, dates and missing facts; no texts */
#define KVALITET_SPOR_INGEN 2 /* no trace ("spor": []); begrundelser and each result's kilde stay */

typedef struct kvalitet_assessor kvalitet_assessor;

/* The library's version, e.g. "0.1.0" (compare KVALITET_VERSION_STRING, the headers').
 * Any thread. The string is static: do not free it. */
KVALITET_API const char *kvalitet_version(void);

/* Opens municipality `kommune`'s standard. `home` is a directory holding dsl/, stdlib/ and
 * municipalities/, or NULL for the standards compiled into the library. Every case is
 * assessed under this standard, whatever its own "kommune" says. Returns the primary
 * result codes. *out is set even on failure (except KVALITET_NOMEM and a NULL `out`), so
 * kvalitet_errmsg can tell why; close it either way (kvalitet_close(NULL) does nothing).
 * Any thread; the new handle is the caller's, released with kvalitet_close. */
KVALITET_API int kvalitet_open(const char *kommune, const char *home, kvalitet_assessor **out);

/* Opens a handle that follows the contract's rules for `vurder`, like the CLI:
 *   kommune NULL:  each case is assessed under its own "kommune" (routing); its standard is
 *                  loaded on first use and kept by the handle. A case without "kommune" is
 *                  an error ("mangler_kommune"), as is one naming an unknown municipality.
 *   kommune set:   that municipality's standard, loaded now; a case whose "kommune" names
 *                  another municipality is an error ("kommune_forskellig").
 * `home` as for kvalitet_open; `flags` 0 or KVALITET_STRENG. Returns extended result codes.
 * *out is set even on failure (except KVALITET_NOMEM and a NULL `out`); close it either way.
 * Any thread; the new handle is the caller's, released with kvalitet_close. */
KVALITET_API int kvalitet_open_ex(const char *kommune, const char *home, unsigned flags, kvalitet_assessor **out);

/* Assesses one case (the contract's case JSON, `len` bytes) on `date` ("YYYY-MM-DD"), under
 * the version of the standard in force on that date.
 * On success *out points to the assessment JSON (NUL-terminated, *out_len bytes when
 * out_len is not NULL); on failure *out is NULL.
 * One thread at a time per handle; *out is the caller's, released with kvalitet_free. */
KVALITET_API int kvalitet_assess(kvalitet_assessor *k, const char *case_json, size_t len, const char *date, char **out,
                                 size_t *out_len);

/* As kvalitet_assess, in `format`: KVALITET_FORMAT_JSON or KVALITET_FORMAT_TEKST (UTF-8).
 * One thread at a time per handle; *out is the caller's, released with kvalitet_free. */
KVALITET_API int kvalitet_assess_format(kvalitet_assessor *k, const char *case_json, size_t len, const char *date,
                                        int format, char **out, size_t *out_len);

/* As kvalitet_assess_format, on `date`, under the version of the standard in force on
 * `standard_date` ("YYYY-MM-DD"; NULL: on `date`), as the CLI's --standard-dato: a complaint
 * about a 2023 decision reviewed today under the 2023 standard. kvalitet_assess* always use
 * the version in force on `date` (docs/dsl.md, "Versioner"). No version in force: errcode
 * "ukendt_version", extended code KVALITET_INVALID_VERSION, and errmsg names the versions.
 * One thread at a time per handle; *out is the caller's, released with kvalitet_free. */
KVALITET_API int kvalitet_assess_standard(kvalitet_assessor *k, const char *case_json, size_t len, const char *date,
                                          const char *standard_date, int format, char **out, size_t *out_len);

/* As kvalitet_assess_standard, with the trace at `spor`: KVALITET_SPOR_FULD (the same bytes
 * as kvalitet_assess_standard), KVALITET_SPOR_KORT or KVALITET_SPOR_INGEN; the results are
 * the same at every level. The trace is part of the JSON only: with KVALITET_FORMAT_TEKST
 * every level gives the same text. An unknown level is KVALITET_MISUSE.
 * One thread at a time per handle; *out is the caller's, released with kvalitet_free. */
KVALITET_API int kvalitet_assess_spor(kvalitet_assessor *k, const char *case_json, size_t len, const char *date,
                                      const char *standard_date, int format, int spor, char **out, size_t *out_len);

/* The ids of the municipalities the handle's standards cover, sorted, each followed by
 * '\n' ("gentofte\nishoej\n…"). Works on a handle whose kvalitet_open failed for an unknown
 * municipality, so the caller can offer the right ones.
 * One thread at a time per handle; *out is the caller's, released with kvalitet_free. */
KVALITET_API int kvalitet_kommuner(kvalitet_assessor *k, char **out, size_t *out_len);

/* The sha256 of the loaded standard's script (64 hex digits); "" on a failed or routing
 * handle (each assessment names its standard's sha256).
 * One thread at a time per handle; the string is the handle's, valid until it is closed. */
KVALITET_API const char *kvalitet_standard_sha256(kvalitet_assessor *k);

/* The last failure on `k`, each "" when the last call succeeded. errcode is the stable
 * code (docs/fejlkoder.md: "ugyldigt_felt", "ukendt_felt", "kommune_forskellig",
 * "script_fejl", …); errmsg the Danish message; errfield the JSON path of the field at
 * fault ("borger.alder", "ydelser[3].start") or "" when no field is; errjson all of it as
 * the contract's error object {"fejl": {"kode", "besked", "felt"?}, "sag_id"?}.
 * One thread at a time per handle; the strings are the handle's, valid until the next call
 * on it. With a NULL handle errmsg says so and the others give "". */
KVALITET_API const char *kvalitet_errmsg(kvalitet_assessor *k);
KVALITET_API const char *kvalitet_errcode(kvalitet_assessor *k);
KVALITET_API const char *kvalitet_errfield(kvalitet_assessor *k);
KVALITET_API const char *kvalitet_errjson(kvalitet_assessor *k);

/* The extended result code of the last call on `k` (KVALITET_OK after success), whichever
 * way the handle was opened. KVALITET_MISUSE for a NULL handle.
 * One thread at a time per handle. */
KVALITET_API int kvalitet_extended_errcode(kvalitet_assessor *k);

/* Releases a string the library returned through an out-parameter. NULL is allowed.
 * Any thread. */
KVALITET_API void kvalitet_free(void *p);

/* Closes a handle and everything it holds. NULL is allowed. Not while another thread uses it. */
KVALITET_API void kvalitet_close(kvalitet_assessor *k);

#ifdef __cplusplus
}
#endif

#endif /* KVALITET_H */
