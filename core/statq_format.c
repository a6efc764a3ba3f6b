/* Cells for people (core/statq.h): numbers with thousands grouped and the decimals the
 * source published, the one-line footnote of a cell, and copying and freeing cells. */
#include "statq_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

void statq_cell_copy(stat_cell *dst, const stat_cell *src)
{
    *dst = *src;
    dst->raw = dup_or_null(src->raw);
    dst->indicator = dup_or_null(src->indicator);
    dst->source_doc = dup_or_null(src->source_doc);
    dst->source_url = dup_or_null(src->source_url);
    dst->published = dup_or_null(src->published);
    dst->note = dup_or_null(src->note);
    dst->source_file = dup_or_null(src->source_file);
    dst->derivation = dup_or_null(src->derivation);
    dst->flags = dup_or_null(src->flags);
}

void statq_cell_free(stat_cell *c)
{
    if (!c)
        return;
    free(c->raw);
    free(c->indicator);
    free(c->source_doc);
    free(c->source_url);
    free(c->published);
    free(c->note);
    free(c->source_file);
    free(c->derivation);
    free(c->flags);
    memset(c, 0, sizeof *c);
}

int sq_raw_decimals(const char *raw, double *number)
{
    if (!raw)
        return -1;
    const char *p = raw;
    while (*p && (*p < '0' || *p > '9'))
        p++;
    if (!*p)
        return -1;
    int negative = p > raw && p[-1] == '-';
    char digits[64];
    size_t n = 0;
    int decimals = 0, after = 0;
    for (; *p && n + 1 < sizeof digits; p++) {
        if (*p >= '0' && *p <= '9') {
            digits[n++] = *p;
            decimals += after;
        } else if (*p == ',' && !after) {
            continue; /* thousands separator as published: 1,701.1 */
        } else if (*p == '.' && !after && p[1] >= '0' && p[1] <= '9') {
            digits[n++] = '.';
            after = 1;
        } else {
            break;
        }
    }
    digits[n] = '\0';
    if (number)
        *number = (negative ? -1 : 1) * strtod(digits, NULL);
    return decimals;
}

const char *sq_format_number(double v, int decimals, int trim, char buf[48])
{
    if (!isfinite(v)) {
        snprintf(buf, 48, "-");
        return buf;
    }
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    char plain[48];
    snprintf(plain, sizeof plain, "%.*f", decimals, fabs(v));
    if (strlen(plain) > 30) { /* beyond any published figure: no grouping */
        snprintf(buf, 48, "%s%.3g", v < 0 ? "-" : "", fabs(v));
        return buf;
    }
    char *dot = strchr(plain, '.');
    if (dot && trim) {
        char *e = plain + strlen(plain);
        while (e > dot + 1 && e[-1] == '0')
            *--e = '\0';
        if (e == dot + 1)
            *dot = '\0';
    }
    dot = strchr(plain, '.');
    size_t int_len = dot ? (size_t)(dot - plain) : strlen(plain);
    int zero = strspn(plain, "0.") == strlen(plain);
    size_t o = 0;
    if (v < 0 && !zero)
        buf[o++] = '-';
    for (size_t i = 0; i < int_len; i++) {
        if (i && (int_len - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = plain[i];
    }
    snprintf(buf + o, 48 - o, "%s", dot ? dot : "");
    return buf;
}

stat_unit sq_change_unit(const stat_unit *of)
{
    stat_unit u = {SD_PERCENT, 1, "%"};
    if (of->dim == SD_PERCENT)
        snprintf(u.name, sizeof u.name, "个百分点");
    return u;
}

/* Decimals a converted value needs: money per person to the fen, 万-scaled counts to one
 * decimal (7.1 万人), persons and items whole. */
static int derived_decimals(const stat_unit *u)
{
    switch (u->dim) {
    case SD_PERSONS:
    case SD_HOUSEHOLDS:
    case SD_PERSON_TIMES:
    case SD_ITEMS:
        return u->scale >= 1e4 ? 1 : 0;
    case SD_PERCENT:
        return 1;
    default:
        return 2; /* 元, 万元, 亿元, 元/人·月, 元/人·年, 元/人次 */
    }
}

const char *statq_format_value(const stat_cell *c, char buf[48])
{
    if (!c->present) {
        snprintf(buf, 48, "-");
        return buf;
    }
    if (c->base_period.year) { /* a change: signed, one decimal */
        char n[48];
        sq_format_number(c->value, 1, 0, n);
        snprintf(buf, 48, "%s%.46s", c->value > 0 && strcmp(n, "0.0") ? "+" : "", n);
        return buf;
    }
    /* As published when the value is the published number; as needed after conversion. */
    double published;
    int d = sq_raw_decimals(c->raw, &published);
    if (d >= 0 && fabs(published - c->value) <= 1e-9 * fmax(1.0, fabs(c->value)))
        return sq_format_number(c->value, d, 0, buf);
    /* Converted by scale: keep every published digit (4,200 人 is 0.42 万人, not 0.4). */
    stat_unit from;
    const char *sp = c->raw ? strrchr(c->raw, ' ') : NULL;
    if (d >= 0 && sp && stat_unit_parse(sp + 1, &from) && from.dim == c->unit.dim &&
        from.scale > 0 && c->unit.scale > 0) {
        int shift = (int)lround(log10(c->unit.scale / from.scale));
        int need = d + (shift > 0 ? shift : 0);
        return sq_format_number(c->value, need > derived_decimals(&c->unit)
                                              ? need : derived_decimals(&c->unit), 1, buf);
    }
    return sq_format_number(c->value, derived_decimals(&c->unit), 1, buf);
}

char *statq_cell_source(const stat_cell *c)
{
    buf_t b;
    buf_init(&b);
    buf_adds(&b, "来源：");
    if (c->source_doc)
        buf_adds(&b, c->source_doc);
    if (c->source_url)
        buf_printf(&b, "%s%s", c->source_doc ? " " : "", c->source_url);
    if (!c->source_doc && !c->source_url)
        buf_adds(&b, "未注明出处");
    if (c->published)
        buf_printf(&b, " （发布 %s）", c->published);
    if (c->source_file) {
        buf_printf(&b, "%s%s", c->published ? "· " : " · ", c->source_file);
        if (c->line > 0)
            buf_printf(&b, ":%ld", c->line);
    }
    if (c->revised)
        buf_adds(&b, "；修订值");
    if (c->derived && c->derivation)
        buf_printf(&b, "；%s：%s", c->base_period.year ? "计算" : "换算", c->derivation);
    if (c->flags)
        buf_printf(&b, "；注意：%s", c->flags);
    if (c->note)
        buf_printf(&b, "；附注：%s", c->note);
    return buf_take(&b);
}
