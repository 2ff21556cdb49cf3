/* Kvalitet's C API: a stable, exception-free interface in the style of SQLite.
 *
 *   kvalitet_assessor *k;
 *   if (kvalitet_open("varde", NULL, &k) != KVALITET_OK) { fprintf(stderr, "%s\n", kvalitet_errmsg(k)); }
 *   char *out; size_t n;
 *   if (kvalitet_assess(k, case_json, strlen(case_json), "2026-11-22", &out, &n) == KVALITET_OK) {
 *       fwrite(out, 1, n, stdout);
 *       kvalitet_free(out);
 *   } else fprintf(stderr, "%s\n", kvalitet_errmsg(k));
 *   kvalitet_close(k);
 *
 * A handle is one municipality's standard loaded into its own Lua state: use it from one
 * thread at a time, and open one per thread. Every function returns a result code; the
 * message of the last failure on a handle is kvalitet_errmsg(handle), in Danish, valid
 * until the next call on that handle. Strings returned through out-parameters belong to
 * the caller and are released with kvalitet_free. No C++ exception crosses this API.
 */
#ifndef KVALITET_H
#define KVALITET_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KVALITET_OK 0       /* success */
#define KVALITET_INVALID 1  /* the case, the date or the script is invalid (see errmsg) */
#define KVALITET_MISUSE 2   /* a NULL handle or argument */
#define KVALITET_NOMEM 3    /* out of memory */
#define KVALITET_ERROR 4    /* anything else (see errmsg) */

typedef struct kvalitet_assessor kvalitet_assessor;

/* The library's version, e.g. "0.1.0". */
const char *kvalitet_version(void);

/* Opens municipality `kommune`'s standard. `home` is a directory holding dsl/, stdlib/ and
 * municipalities/, or NULL for the standards compiled into the library. *out is set even
 * on failure (except KVALITET_NOMEM/KVALITET_MISUSE), so kvalitet_errmsg can tell why;
 * close it either way. */
int kvalitet_open(const char *kommune, const char *home, kvalitet_assessor **out);

/* Assesses one case (the contract's case JSON, `len` bytes) on `date` ("YYYY-MM-DD").
 * On success *out points to the assessment JSON (NUL-terminated, *out_len bytes). */
int kvalitet_assess(kvalitet_assessor *k, const char *case_json, size_t len, const char *date, char **out, size_t *out_len);

/* The sha256 of the loaded standard's script (64 hex digits), or "" on a failed handle. */
const char *kvalitet_standard_sha256(kvalitet_assessor *k);

/* The message of the last failure on `k` ("" when the last call succeeded). */
const char *kvalitet_errmsg(kvalitet_assessor *k);

void kvalitet_free(void *p);
void kvalitet_close(kvalitet_assessor *k);

#ifdef __cplusplus
}
#endif

#endif /* KVALITET_H */
