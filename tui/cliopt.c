#include "cliopt.h"

#include "output.h"

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

int cliopt_output_take(const char *cmd, int argc, char **argv, int *i, cliopt_output *o,
                       int *missing)
{
    const char *v;
    if ((v = cliopt_value(argc, argv, i, "--format", missing))) {
        static const char *const fmts[] = {"text", "tsv", "csv", "json"};
        for (size_t k = 0; k < 4; k++)
            if (!strcmp(v, fmts[k])) {
                o->fmt = (enum cliopt_format)k;
                return 1;
            }
        fprintf(stderr, "gongkai %s: unknown format %s (text, tsv, csv, json)\n", cmd, v);
        return 2;
    }
    if ((v = cliopt_value(argc, argv, i, "--encoding", missing))) {
        enum textenc e;
        if (textenc_parse_name(v, &e) || e == TEXTENC_AUTO) {
            fprintf(stderr, "gongkai %s: unknown encoding %s (utf-8, gb18030)\n", cmd, v);
            return 2;
        }
        o->encoding = v;
        return 1;
    }
    if ((v = cliopt_value(argc, argv, i, "--script", missing))) {
        if (convert_parse(v, &o->script)) {
            fprintf(stderr,
                    "gongkai %s: unknown --script %s (simplified, traditional, original)\n", cmd,
                    v);
            return 2;
        }
        o->script_set = 1;
        return 1;
    }
    return 0;
}

void cliopt_output_done(cliopt_output *o, int config_script)
{
    if (!o->script_set)
        o->script = o->fmt == FMT_TEXT ? out_config_script(config_script) : CONVERT_ORIGINAL;
}
