#include "cliopt.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cliopt_value(int argc, char **argv, int *i, const char *name, int *missing)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n))
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n])
        return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

int cliopt_count(const char *s, long min, long max, size_t *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return -1;
    *out = (size_t)v;
    return 0;
}

int cliopt_open(const char *cmd, const char *db_path, const char *encoding, gk_db **db,
                textenc_out **out)
{
    char *err = NULL;
    if (db_open(db_path, db, &err) != 0) {
        fprintf(stderr, "gongkai: %s\n", err);
        free(err);
        return 2;
    }
    char encerr[160];
    if (!(*out = textenc_out_open(stdout, encoding, encerr, sizeof encerr))) {
        fprintf(stderr, "gongkai %s: %s\n", cmd, encerr);
        db_close(*db);
        *db = NULL;
        return 2;
    }
    return 0;
}

int cliopt_close(const char *cmd, gk_db *db, textenc_out *out, int rc)
{
    if (textenc_out_close(out) != 0) {
        fprintf(stderr, "gongkai %s: 写出失败（write error）: %s\n", cmd, strerror(errno));
        rc = 2;
    }
    db_close(db);
    return rc;
}
