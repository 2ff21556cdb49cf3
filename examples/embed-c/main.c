/* A case system in C: assess one case file with the installed libkvalitet.
 * Build: cc main.c $(pkg-config --cflags --libs kvalitet) -o vurder
 *    or: cmake -S . -B build -DCMAKE_PREFIX_PATH=PREFIX && cmake --build build (find_package)
 * Run:   ./vurder KOMMUNE DATO SAG.json [tekst]
 *        KOMMUNE "-" assesses the case under its own "kommune". */
#include <kvalitet.h>

#include <stdio.h>
#include <stdlib.h>

#if KVALITET_VERSION_NUMBER < 100 /* kvalitet_open_ex and the error accessors came in 0.1.0 */
#error "kvalitet 0.1.0 eller nyere kræves"
#endif

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) == (size_t)n) {
        buf[n] = '\0';
        *len = (size_t)n;
    } else {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    return buf;
}

/* The error as a program acts on it: the stable code, the field, the Danish message. */
static void report(kvalitet_assessor *k, int rc) {
    const char *felt = kvalitet_errfield(k);
    fprintf(stderr, "kvalitet %s (kode %d, %s%s%s): %s\n", kvalitet_version(), rc, kvalitet_errcode(k),
            *felt ? ", felt " : "", felt, kvalitet_errmsg(k));
    if (rc == KVALITET_INVALID_KOMMUNE) { /* offer the ones there are */
        char *list = NULL;
        if (kvalitet_kommuner(k, &list, NULL) == KVALITET_OK) fprintf(stderr, "kendte kommuner:\n%s", list);
        kvalitet_free(list);
    }
}

int main(int argc, char **argv) {
    if (argc < 4 || argc > 5) {
        fprintf(stderr, "brug: %s KOMMUNE|- DATO SAG.json [tekst]\n", argv[0]);
        return 2;
    }
    size_t len = 0;
    char *sag = read_file(argv[3], &len);
    if (!sag) {
        fprintf(stderr, "%s: kan ikke læse filen\n", argv[3]);
        return 1;
    }
    const char *kommune = argv[1][0] == '-' && !argv[1][1] ? NULL : argv[1]; /* NULL: the case's own */
    const int format = argc == 5 ? KVALITET_FORMAT_TEKST : KVALITET_FORMAT_JSON;
    kvalitet_assessor *k = NULL;
    int rc = kvalitet_open_ex(kommune, NULL, 0, &k);
    if (rc == KVALITET_OK) {
        char *out = NULL;
        size_t n = 0;
        rc = kvalitet_assess_format(k, sag, len, argv[2], format, &out, &n);
        if (rc == KVALITET_OK) {
            fwrite(out, 1, n, stdout);
            if (format == KVALITET_FORMAT_JSON) fputc('\n', stdout);
            kvalitet_free(out);
        }
    }
    if (rc != KVALITET_OK) report(k, rc);
    kvalitet_close(k);
    free(sag);
    return rc == KVALITET_OK ? 0 : 1;
}
