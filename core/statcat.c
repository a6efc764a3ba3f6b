#include "statcat.h"

#include "csv.h"
#include "fold.h"
#include "statunit.h"
#include "xalloc.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

extern const char embedded_indicators_csv[];
extern const unsigned long embedded_indicators_csv_len;

static const char *const measure_keys[] = {"point", "cumulative", "average"};
static const char *const measure_labels[] = {"时点数", "累计数（当年1月1日起）", "平均数"};

const char *stat_measure_key(enum stat_measure m)
{
    return (unsigned)m < 3 ? measure_keys[m] : "point";
}

const char *stat_measure_label(enum stat_measure m)
{
    return (unsigned)m < 3 ? measure_labels[m] : measure_labels[0];
}

int stat_measure_parse(const char *key, enum stat_measure *out)
{
    for (int i = 0; i < 3; i++)
        if (!strcmp(key, measure_keys[i])) {
            *out = (enum stat_measure)i;
            return 1;
        }
    return 0;
}

/* Bytes of a numbering prefix at s (一、 (一) （一） 1. 1、 (1) A␠ I␠ II␠ 其中:), or 0. */
static size_t numbering_len(const char *s)
{
    static const char *const cn = "一二三四五六七八九十";
    const char *p = s;
    static const char of_which[] = "其中:";
    if (!strncmp(p, of_which, sizeof of_which - 1))
        return sizeof of_which - 1;
    if (*p == '(') {
        const char *q = p + 1;
        while (*q && *q != ')' && q - p < 12)
            q++;
        return *q == ')' ? (size_t)(q - p + 1) : 0;
    }
    if (isdigit((unsigned char)*p)) {
        while (isdigit((unsigned char)*p))
            p++;
        if (*p == '.')
            return (size_t)(p - s + 1);
        if (!strncmp(p, "、", 3))
            return (size_t)(p - s + 3);
        return 0;
    }
    /* 一、 二、 ... */
    while (*p && strlen(p) >= 3 && strstr(cn, (char[4]){p[0], p[1], p[2], 0}))
        p += 3;
    if (p > s && !strncmp(p, "、", 3))
        return (size_t)(p - s + 3);
    /* A / I / II / III followed by a space (the monthly table's sub-items). */
    p = s;
    int c0 = toupper((unsigned char)*p);
    if (c0 >= 'A' && c0 <= 'Z' && p[1] == ' ' && c0 != 'I')
        return 2;
    while (toupper((unsigned char)*p) == 'I' || toupper((unsigned char)*p) == 'V')
        p++;
    if (p > s && *p == ' ')
        return (size_t)(p - s + 1);
    return 0;
}

char *statcat_key(const char *name, int *cumulative)
{
    char *f = fold_utf8(name, strlen(name));
    /* Without spaces (ASCII and the folded ideographic space). */
    char *w = f;
    for (char *r = f; *r; r++)
        if (*r != ' ' && *r != '\t')
            *w++ = *r;
    *w = '\0';
    /* Numbering prefix: with the spaces gone, "A 城市低保" is "A城市低保", so look at the
     * original spacing for the letter forms. */
    const char *orig = name;
    while (*orig == ' ')
        orig++;
    size_t skip = 0;
    char *of = fold_utf8(orig, strlen(orig));
    /* Spaces the fold made (U+3000 is a space once folded) are not a prefix either. */
    const char *ofs = of;
    while (*ofs == ' ' || *ofs == '\t')
        ofs++;
    size_t n = numbering_len(ofs);
    if (n) {
        /* The same prefix without its spaces. */
        for (size_t i = 0; i < n; i++)
            skip += ofs[i] != ' ' && ofs[i] != '\t';
    }
    free(of);
    int cum = 0;
    size_t len = strlen(f) - skip;
    memmove(f, f + skip, len + 1);
    for (;;) {
        if (len && f[len - 1] == '*') {
            f[--len] = '\0';
            cum = 1;
            continue;
        }
        static const char mark[] = "(累计)";
        size_t ml = sizeof mark - 1;
        if (len >= ml && !memcmp(f + len - ml, mark, ml)) {
            len -= ml;
            f[len] = '\0';
            cum = 1;
            continue;
        }
        break;
    }
    for (char *p = f; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    if (cumulative)
        *cumulative = cum;
    return f;
}

int statcat_unit_allowed(const char *units, const char *unit)
{
    size_t ul = strlen(unit);
    for (const char *p = units; *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n == ul && !memcmp(p, unit, n))
            return 1;
        if (!bar)
            break;
        p = bar + 1;
    }
    return 0;
}

static void def_free(stat_ind_def *d)
{
    free(d->code);
    free(d->name);
    free(d->aliases);
    free(d->units);
    free(d->parent);
    free(d->official_code);
    free(d->note);
}

void statcat_free(stat_catalogue *c)
{
    for (size_t i = 0; i < c->n; i++)
        def_free(&c->v[i]);
    free(c->v);
    c->v = NULL;
    c->n = 0;
}

/* Canonical spellings of a |-separated unit list, or NULL with the bad unit in *bad. */
static char *canonical_units(const char *units, char **bad)
{
    buf_t b;
    buf_init(&b);
    for (const char *p = units;;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        char *one = xstrndup(p, n);
        stat_unit u;
        if (!stat_unit_parse(one, &u)) {
            *bad = one;
            buf_free(&b);
            return NULL;
        }
        free(one);
        buf_printf(&b, "%s%s", b.len ? "|" : "", u.name);
        if (!bar)
            break;
        p = bar + 1;
    }
    return buf_take(&b);
}

static int fail(char **err, size_t line, const char *what, const char *arg)
{
    *err = xasprintf("line %zu: %s%s%s", line, what, *arg ? " " : "", arg);
    return -1;
}

int statcat_parse(const char *text, size_t len, stat_catalogue *out, char **err)
{
    enum { C_CODE, C_NAME, C_ALIASES, C_UNITS, C_MEASURE, C_PARENT, C_OFFICIAL, C_NOTE, NCOL };
    static const char *const cols[NCOL] = {"code",   "name",          "aliases", "units",
                                           "measure", "parent", "official_code", "note"};
    out->v = NULL;
    out->n = 0;
    *err = NULL;
    /* Drop the comment lines (keeping the line count) so the CSV reader sees the table. */
    const char *nul = memchr(text, '\0', len);
    if (nul) { /* xstrndup would stop there while the reader went on to len */
        size_t line = 1;
        for (const char *c = text; c < nul; c++)
            line += *c == '\n';
        *err = xasprintf("line %zu: NUL byte in the catalogue", line);
        return -1;
    }
    char *copy = xstrndup(text, len);
    for (char *p = copy; *p;) {
        char *nl = strchr(p, '\n');
        if (*p == '#')
            memset(p, ' ', nl ? (size_t)(nl - p) : strlen(p));
        p = nl ? nl + 1 : p + strlen(p);
    }
    csv_reader r;
    csv_row row;
    csv_init(&r, copy, len, ',', 1);
    char cerr[200];
    int col[NCOL];
    size_t cap = 0;
    size_t *lines = NULL, lcap = 0; /* each definition's line, for the parent check */
    int rc = 0, header = 1;
    int got;
    while ((got = csv_next(&r, &row, cerr, sizeof cerr)) == 1) {
        /* A blanked comment line is one empty field. */
        if (row.nfields == 1 && strspn(row.fields[0], " ") == row.lens[0])
            continue;
        if (header) {
            for (int i = 0; i < NCOL; i++)
                if ((col[i] = csv_find_column(&row, cols[i])) < 0) {
                    rc = fail(err, row.line, "no column", cols[i]);
                    goto done;
                }
            header = 0;
            continue;
        }
        const char *f[NCOL];
        for (int i = 0; i < NCOL; i++)
            f[i] = (size_t)col[i] < row.nfields ? row.fields[col[i]] : "";
        if (!*f[C_CODE] || !*f[C_NAME]) {
            rc = fail(err, row.line, "code and name are required", "");
            goto done;
        }
        for (size_t i = 0; i < out->n; i++)
            if (!strcmp(out->v[i].code, f[C_CODE])) {
                rc = fail(err, row.line, "duplicate code", f[C_CODE]);
                goto done;
            }
        enum stat_measure m;
        if (!stat_measure_parse(f[C_MEASURE], &m)) {
            rc = fail(err, row.line, "unknown measure (point, cumulative, average):",
                      f[C_MEASURE]);
            goto done;
        }
        if (!*f[C_UNITS]) {
            rc = fail(err, row.line, "units are required", "");
            goto done;
        }
        char *bad = NULL;
        char *units = canonical_units(f[C_UNITS], &bad);
        if (!units) {
            rc = fail(err, row.line, "unknown unit", bad ? bad : "");
            free(bad);
            goto done;
        }
        lines = xgrow(lines, &lcap, out->n + 1, sizeof *lines);
        lines[out->n] = row.line;
        out->v = xgrow(out->v, &cap, out->n + 1, sizeof *out->v);
        out->v[out->n++] = (stat_ind_def){
            .code = xstrdup(f[C_CODE]),
            .name = xstrdup(f[C_NAME]),
            .aliases = xstrdup(f[C_ALIASES]),
            .units = units,
            .measure = m,
            .parent = xstrdup(f[C_PARENT]),
            .official_code = xstrdup(f[C_OFFICIAL]),
            .note = xstrdup(f[C_NOTE]),
        };
    }
    if (got < 0) {
        *err = xstrdup(cerr);
        rc = -1;
        goto done;
    }
    if (header) {
        *err = xstrdup("line 1: no header");
        rc = -1;
        goto done;
    }
    for (size_t i = 0; i < out->n; i++) {
        const char *p = out->v[i].parent;
        if (!*p)
            continue;
        size_t j = 0;
        while (j < out->n && strcmp(out->v[j].code, p))
            j++;
        if (j == out->n) {
            rc = fail(err, lines[i], "parent not in the catalogue:", p);
            goto done;
        }
        if (j == i) {
            rc = fail(err, lines[i], "an indicator cannot be its own parent:", p);
            goto done;
        }
    }
done:
    csv_free(&r);
    free(copy);
    free(lines);
    if (rc)
        statcat_free(out);
    return rc;
}

static stat_catalogue builtin;
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void parse_builtin(void)
{
    char *err = NULL;
    /* On failure the catalogue stays empty; test_statcat parses it and reports why. */
    statcat_parse(embedded_indicators_csv, embedded_indicators_csv_len, &builtin, &err);
    free(err);
}

const stat_catalogue *statcat_builtin(void)
{
    /* The console's worker thread and the loader may both ask. */
    pthread_once(&builtin_once, parse_builtin);
    return &builtin;
}
