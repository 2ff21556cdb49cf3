/* A case system in C: assess one case file with the installed libkvalitet.
 * Build: cc main.c $(pkg-config --cflags --libs kvalitet) -o vurder
 * Run:   ./vurder varde 2026-11-22 sag.json */
#include <kvalitet.h>

#include <stdio.h>
#include <stdlib.h>

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

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "brug: %s KOMMUNE DATO SAG.json\n", argv[0]);
        return 2;
    }
    size_t len = 0;
    char *sag = read_file(argv[3], &len);
    if (!sag) {
        fprintf(stderr, "%s: kan ikke læse filen\n", argv[3]);
        return 1;
    }
    kvalitet_assessor *k = NULL;
    int rc = kvalitet_open(argv[1], NULL, &k);
    if (rc == KVALITET_OK) {
        char *out = NULL;
        size_t n = 0;
        rc = kvalitet_assess(k, sag, len, argv[2], &out, &n);
        if (rc == KVALITET_OK) {
            fwrite(out, 1, n, stdout);
            fputc('\n', stdout);
            kvalitet_free(out);
        }
    }
    if (rc != KVALITET_OK) fprintf(stderr, "kvalitet %s (kode %d): %s\n", kvalitet_version(), rc, kvalitet_errmsg(k));
    kvalitet_close(k);
    free(sag);
    return rc == KVALITET_OK ? 0 : 1;
}
