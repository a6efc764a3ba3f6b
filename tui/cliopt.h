/* Command-line option helpers shared by the subcommands (search, org): "--name VALUE"
 * and "--name=VALUE", bounded counts. */
#ifndef GONGKAI_CLIOPT_H
#define GONGKAI_CLIOPT_H

#include <stddef.h>

#include "convert.h"
#include "db.h"
#include "textenc.h"

/* The value of option name at argv[*i] ("--name VALUE" advances *i), or NULL when
 * argv[*i] is not this option. *missing is set when the value is absent. */
const char *cliopt_value(int argc, char **argv, int *i, const char *name, int *missing);

/* A whole decimal number in [min, max] into *out: 0, or -1. */
int cliopt_count(const char *s, long min, long max, size_t *out);

/* The output options every subcommand takes: --format text|tsv|csv|json, --encoding,
 * --script. */
enum cliopt_format { FMT_TEXT, FMT_TSV, FMT_CSV, FMT_JSON };

typedef struct {
    enum cliopt_format fmt;       /* FMT_TEXT */
    const char *encoding;         /* NULL: UTF-8 */
    enum convert_script script;   /* after cliopt_output_done */
    int script_set;
} cliopt_output;

/* Takes argv[*i] when it is one of them: 1 taken, 0 not one of them (*missing as
 * cliopt_value), 2 an error already said on stderr as "gongkai CMD: ...". */
int cliopt_output_take(const char *cmd, int argc, char **argv, int *i, cliopt_output *o,
                       int *missing);

/* Without --script: text follows config.ini's [ui] script, tables and JSON keep the
 * corpus's own script. */
void cliopt_output_done(cliopt_output *o, int config_script);

/* What every subcommand needs to answer: the database and standard output in the asked
 * encoding. 0, or 2 (the exit status) after saying why on stderr as "gongkai CMD: ...". */
int cliopt_open(const char *cmd, const char *db_path, const char *encoding, gk_db **db,
                textenc_out **out);

/* Closes both; returns rc, or 2 when the output could not be written. */
int cliopt_close(const char *cmd, gk_db *db, textenc_out *out, int rc);

#endif
