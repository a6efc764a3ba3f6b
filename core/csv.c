#include "csv.h"

#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char utf8_bom[] = "\xEF\xBB\xBF";

void csv_init(csv_reader *r, const char *data, size_t len, char delim, int quoting)
{
    memset(r, 0, sizeof *r);
    r->data = data ? data : "";
    r->len = data ? len : 0;
    r->delim = delim;
    r->quoting = quoting;
    r->line = 1;
    if (r->len >= 3 && memcmp(r->data, utf8_bom, 3) == 0)
        r->pos = 3;
}

void csv_free(csv_reader *r)
{
    free(r->buf);
    free(r->offs);
    free(r->lens);
    free(r->fields);
    r->buf = NULL;
    r->offs = r->lens = NULL;
    r->fields = NULL;
    r->buflen = r->bufcap = r->offcap = r->lencap = r->fieldcap = 0;
}

static void csv_fail(csv_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Records the error; it is reported again by every later csv_next. */
static void csv_fail(csv_reader *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err, sizeof r->err, fmt, ap);
    va_end(ap);
    r->failed = 1;
}

static void add_bytes(csv_reader *r, const char *s, size_t n)
{
    r->buf = xgrow(r->buf, &r->bufcap, r->buflen + n + 1, 1);
    if (n)
        memcpy(r->buf + r->buflen, s, n);
    r->buflen += n;
}

static void add_char(csv_reader *r, char c)
{
    add_bytes(r, &c, 1);
}

/* Ends field number nf that started at buffer offset start. Offsets, not pointers: the
 * buffer may move while the record grows. */
static void end_field(csv_reader *r, size_t nf, size_t start)
{
    size_t flen = r->buflen - start;
    add_char(r, '\0');
    r->offs = xgrow(r->offs, &r->offcap, nf + 1, sizeof *r->offs);
    r->lens = xgrow(r->lens, &r->lencap, nf + 1, sizeof *r->lens);
    r->offs[nf] = start;
    r->lens[nf] = flen;
}

/* Reads a quoted field (r->pos on the opening quote) into the buffer. 0, or -1 at the end
 * of the data without a closing quote. */
static int read_quoted(csv_reader *r)
{
    const char *d = r->data;
    size_t n = r->len, open = r->line;
    r->pos++;
    for (;;) {
        size_t s = r->pos;
        while (r->pos < n && d[r->pos] != '"' && d[r->pos] != '\n' && d[r->pos] != '\r')
            r->pos++;
        add_bytes(r, d + s, r->pos - s);
        if (r->pos >= n) {
            /* Name the last line that has text: a final newline starts no line. */
            size_t last = r->line;
            if (n > 0 && d[n - 1] == '\n' && last > open)
                last--;
            csv_fail(r, "line %zu: unterminated quoted field (opened at line %zu)", last, open);
            return -1;
        }
        char c = d[r->pos];
        if (c == '"') {
            if (r->pos + 1 < n && d[r->pos + 1] == '"') {
                add_char(r, '"');
                r->pos += 2;
                continue;
            }
            r->pos++;
            return 0;
        }
        if (c == '\n') {
            add_char(r, '\n');
            r->pos++;
            r->line++;
        } else if (r->pos + 1 < n && d[r->pos + 1] == '\n') {
            /* CRLF inside quotes is the file's line ending, not data: keep one LF */
            add_char(r, '\n');
            r->pos += 2;
            r->line++;
        } else {
            add_char(r, '\r');
            r->pos++;
        }
    }
}

int csv_next(csv_reader *r, csv_row *row, char *err, size_t errlen)
{
    const char *d = r->data;
    size_t n = r->len;
    memset(row, 0, sizeof *row);
    if (r->failed)
        goto fail;
    /* Empty lines (LF, CRLF, a CR at the very end) hold no record. */
    while (r->pos < n) {
        if (d[r->pos] == '\n') {
            r->pos++;
            r->line++;
        } else if (d[r->pos] == '\r' && (r->pos + 1 == n || d[r->pos + 1] == '\n')) {
            r->pos++;
        } else {
            break;
        }
    }
    if (r->pos >= n)
        return 0;

    row->line = r->line;
    r->buflen = 0;
    size_t nf = 0;
    for (;;) {
        size_t start = r->buflen;
        if (r->quoting && r->pos < n && d[r->pos] == '"') {
            if (read_quoted(r))
                goto fail;
            end_field(r, nf++, start);
            if (r->pos >= n)
                break;
            char c = d[r->pos];
            if (c == r->delim) {
                r->pos++;
                continue;
            }
            if (c == '\r' && r->pos + 1 == n) {
                r->pos++;
                break;
            }
            if (c == '\n' || (c == '\r' && d[r->pos + 1] == '\n')) {
                r->pos += c == '\r' ? 2 : 1;
                r->line++;
                break;
            }
            csv_fail(r, "line %zu: unexpected character after closing quote", r->line);
            goto fail;
        }
        /* Unquoted: up to the delimiter or the end of the line. A quote here is kept. */
        size_t s = r->pos;
        for (;;) {
            while (r->pos < n && d[r->pos] != r->delim && d[r->pos] != '\n' &&
                   !(r->quoting && d[r->pos] == '"'))
                r->pos++;
            if (r->pos < n && d[r->pos] == '"' && r->quoting) {
                if (row->warnings++ == 0) {
                    row->warn_line = r->line;
                    row->warn_field = nf;
                }
                r->pos++;
                continue;
            }
            break;
        }
        size_t e = r->pos;
        if (e > s && d[e - 1] == '\r' && (e == n || d[e] == '\n'))
            e--; /* the CR of CRLF */
        add_bytes(r, d + s, e - s);
        end_field(r, nf++, start);
        if (r->pos >= n)
            break;
        if (d[r->pos] == r->delim) {
            r->pos++;
            continue;
        }
        r->pos++; /* '\n' */
        r->line++;
        break;
    }

    r->fields = xgrow(r->fields, &r->fieldcap, nf, sizeof *r->fields);
    for (size_t i = 0; i < nf; i++)
        r->fields[i] = r->buf + r->offs[i];
    row->nfields = nf;
    row->fields = r->fields;
    row->lens = r->lens;
    return 1;

fail:
    if (err && errlen)
        snprintf(err, errlen, "%s", r->err);
    {
        size_t line = row->line;
        memset(row, 0, sizeof *row);
        row->line = line;
    }
    return -1;
}

/* Cuts ASCII blanks and U+3000 (ideographic space, common in Chinese headers) off both
 * ends. */
static const char *trim(const char *s, size_t len, size_t *outlen)
{
    const char *e = s + len;
    for (;;) {
        if (s < e && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
            s++;
        else if (e - s >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0)
            s += 3;
        else
            break;
    }
    for (;;) {
        if (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
            e--;
        else if (e - s >= 3 && memcmp(e - 3, "\xE3\x80\x80", 3) == 0)
            e -= 3;
        else
            break;
    }
    *outlen = (size_t)(e - s);
    return s;
}

/* ASCII-only case folding: locale-independent, leaves UTF-8 bytes alone. */
static int ascii_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

int csv_find_column(const csv_row *header, const char *name)
{
    size_t nlen;
    const char *nm = trim(name, strlen(name), &nlen);
    for (size_t i = 0; i < header->nfields; i++) {
        const char *f = header->fields[i];
        size_t flen = header->lens ? header->lens[i] : strlen(f);
        if (i == 0 && flen >= 3 && memcmp(f, utf8_bom, 3) == 0) {
            f += 3;
            flen -= 3;
        }
        size_t tlen;
        const char *t = trim(f, flen, &tlen);
        if (tlen != nlen)
            continue;
        size_t k = 0;
        while (k < tlen && ascii_lower((unsigned char)t[k]) == ascii_lower((unsigned char)nm[k]))
            k++;
        if (k == tlen)
            return (int)i;
    }
    return -1;
}
