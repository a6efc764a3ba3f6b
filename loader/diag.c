#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diag_init(diag_t *d, FILE *out, int strict)
{
    d->out = out;
    d->strict = strict;
    d->quiet = 0;
    d->errors = d->warnings = d->skipped = 0;
    d->stop = 0;
    d->before_print = NULL;
    d->ctx = NULL;
}

__attribute__((format(printf, 5, 0)))
static void report(diag_t *d, const char *kind, const char *file, long line, const char *fmt,
                   va_list ap)
{
    if (!d->out)
        return;
    if (d->before_print)
        d->before_print(d->ctx);
    if (line > 0)
        fprintf(d->out, "%s:%ld: %s: ", file, line, kind);
    else
        fprintf(d->out, "%s: %s: ", file, kind);
    vfprintf(d->out, fmt, ap);
    fputc('\n', d->out);
}

int diag_error(diag_t *d, const char *file, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(d, "error", file, line, fmt, ap);
    va_end(ap);
    d->errors++;
    if (d->strict)
        d->stop = 1;
    return d->stop;
}

void diag_warn(diag_t *d, const char *file, long line, const char *fmt, ...)
{
    d->warnings++;
    if (d->quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    report(d, "warning", file, line, fmt, ap);
    va_end(ap);
}

int diag_error_msg(diag_t *d, const char *file, const char *msg)
{
    long line = 0;
    if (!strncmp(msg, "line ", 5)) {
        char *end;
        line = strtol(msg + 5, &end, 10);
        if (end[0] == ':' && end[1] == ' ')
            msg = end + 2;
        else
            line = 0;
    }
    return diag_error(d, file, line, "%s", msg);
}
