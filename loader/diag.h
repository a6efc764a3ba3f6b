/* Loader diagnostics: every rejected row or file is reported as "file:line: reason";
 * counts feed the summary. In --strict mode the first error stops the load. */
#ifndef GONGKAI_DIAG_H
#define GONGKAI_DIAG_H

#include <stdio.h>

typedef struct {
    FILE *out;       /* where reports go (stderr) */
    int strict;      /* stop at the first error */
    int quiet;       /* count but do not print warnings */
    long errors;     /* rejected rows and files */
    long warnings;
    long skipped;    /* rows skipped because of errors */
    int stop;        /* set when strict mode saw an error */
    void (*before_print)(void *ctx); /* e.g. clear the progress bar */
    void *ctx;
} diag_t;

void diag_init(diag_t *d, FILE *out, int strict);

/* Reports an error for a row or file (line 0 = whole file). Returns 1 if loading must
 * stop (strict mode), else 0. */
int diag_error(diag_t *d, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Like diag_error for a message that may begin with "line N: " (the form the text and
 * CSV readers use): the line number moves into the file:line prefix. */
int diag_error_msg(diag_t *d, const char *file, const char *msg);
void diag_warn(diag_t *d, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
