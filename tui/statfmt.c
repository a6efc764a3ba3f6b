/* Relief statistics as text, TSV, CSV and JSON (tui/statfmt.h). */
#include "statfmt.h"

#include "output.h"
#include "u8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SF_DETAILS 20 /* derived or flagged cells explained under a text table */

const char *sf_axis_key(enum stat_axis a)
{
    return a == SA_REGION ? "region" : a == SA_PERIOD ? "period" : "indicator";
}

static const char *axis_label(enum stat_axis a)
{
    return a == SA_REGION ? "地区" : a == SA_PERIOD ? "时期" : "指标";
}

const char *sf_period_key(const stat_period *p, char buf[16])
{
    unsigned y = (unsigned)p->year % 10000u, i = (unsigned)p->index % 100u;
    if (p->type == SP_MONTH)
        snprintf(buf, 16, "%04u-%02u", y, i);
    else if (p->type == SP_QUARTER)
        snprintf(buf, 16, "%04uQ%u", y, i);
    else if (p->type == SP_HALF)
        snprintf(buf, 16, "%04uH%u", y, i);
    else
        snprintf(buf, 16, "%04u", y);
    return buf;
}

size_t sf_present(const stat_table *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        n += t->cells[i].present != 0;
    return n;
}

/* Corpus text made safe and converted, as a new string. */
static char *clean(const char *s, enum convert_script script)
{
    buf_t b;
    buf_init(&b);
    if (s)
        out_append(&b, s, strlen(s), 0, script);
    return b.s ? buf_take(&b) : xstrdup("");
}

/* The label of a cell's item on axis a. */
static const char *label_on(const sf_table *s, enum stat_axis a, size_t r, size_t c)
{
    if (s->rows == a)
        return s->t->row_labels[r];
    if (s->cols == a)
        return s->t->col_labels[c];
    return s->fixed_label ? s->fixed_label : "";
}

/* The value as a plain number for tables: the decimals shown, without grouping or '+'. */
static void plain_value(const stat_cell *c, char out[48])
{
    char shown[48];
    statq_format_value(c, shown);
    size_t o = 0;
    for (const char *p = shown; *p && o + 1 < 48; p++)
        if (*p != ',' && *p != '+')
            out[o++] = *p;
    out[o] = '\0';
}

/* ---- sources -------------------------------------------------------------------------- */

typedef struct {
    const char *doc, *url, *published, *file; /* borrowed from the cells */
    long *lines;
    size_t nlines, cap;
} sf_source;

typedef struct {
    sf_source *v;
    size_t n, cap;
} sf_sources;

static int same(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

/* The number (1-based) of the cell's source, added when new. */
static size_t source_of(sf_sources *s, const stat_cell *c)
{
    size_t i = 0;
    while (i < s->n && !(same(s->v[i].doc, c->source_doc) && same(s->v[i].url, c->source_url) &&
                         same(s->v[i].published, c->published) &&
                         same(s->v[i].file, c->source_file)))
        i++;
    if (i == s->n) {
        s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
        s->v[s->n++] = (sf_source){c->source_doc, c->source_url, c->published, c->source_file,
                                   NULL, 0, 0};
    }
    sf_source *src = &s->v[i];
    if (c->line > 0) {
        src->lines = xgrow(src->lines, &src->cap, src->nlines + 1, sizeof *src->lines);
        src->lines[src->nlines++] = c->line;
    }
    return i + 1;
}

static int long_cmp(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return x < y ? -1 : x > y;
}

/* "  [1] 2021年…公报 https://… （发布 2022-08-26）· stats/national.csv:12,13" */
static void source_line(buf_t *b, size_t k, sf_source *s, enum convert_script script)
{
    buf_t l;
    buf_init(&l);
    buf_printf(&l, "  [%zu] ", k);
    if (s->doc)
        buf_adds(&l, s->doc);
    if (s->url)
        buf_printf(&l, "%s%s", s->doc ? " " : "", s->url);
    if (!s->doc && !s->url)
        buf_adds(&l, "未注明出处");
    if (s->published)
        buf_printf(&l, " （发布 %s）", s->published);
    if (s->file) {
        buf_printf(&l, "%s%s", s->published ? "· " : " · ", s->file);
        if (s->nlines)
            qsort(s->lines, s->nlines, sizeof *s->lines, long_cmp);
        size_t n = 0;
        for (size_t i = 0; i < s->nlines; i++)
            if (!i || s->lines[i] != s->lines[i - 1])
                s->lines[n++] = s->lines[i];
        if (n && n <= 8) {
            for (size_t i = 0; i < n; i++)
                buf_printf(&l, "%c%ld", i ? ',' : ':', s->lines[i]);
        } else if (n) {
            buf_printf(&l, ":%ld–%ld（%zu 行）", s->lines[0], s->lines[n - 1], n);
        }
    }
    out_append(b, l.s, l.len, 0, script);
    buf_addc(b, '\n');
    buf_free(&l);
}

/* ---- text ------------------------------------------------------------------------------ */

static void pad(buf_t *b, size_t n)
{
    while (n--)
        buf_addc(b, ' ');
}

void sf_text(buf_t *b, const sf_table *s, enum convert_script script)
{
    const stat_table *t = s->t;
    size_t nr = t->nrows, nc = t->ncols;
    char *title = clean(t->title, script);
    buf_printf(b, "%s\n", title);
    free(title);
    sf_sources src = {0};
    /* Every string of the grid first, to measure the columns. */
    char **grid = xcalloc((nr + 1) * (nc + 1), sizeof *grid);
#define G(r, c) grid[(r) * (nc + 1) + (c)]
    G(0, 0) = xstrdup(axis_label(s->rows));
    for (size_t c = 0; c < nc; c++) {
        char *lab = s->cols == SA_INDICATOR
                        ? xasprintf("%s（%s）", t->col_labels[c], t->col_units[c].name)
                        : xstrdup(t->col_labels[c]);
        G(0, c + 1) = clean(lab, script);
        free(lab);
    }
    int derived = 0, flagged = 0;
    for (size_t r = 0; r < nr; r++) {
        char *lab = s->rows == SA_INDICATOR
                        ? xasprintf("%s（%s）", t->row_labels[r], t->row_units[r].name)
                        : xstrdup(t->row_labels[r]);
        G(r + 1, 0) = clean(lab, script);
        free(lab);
        for (size_t c = 0; c < nc; c++) {
            const stat_cell *x = &t->cells[r * nc + c];
            char v[48];
            statq_format_value(x, v);
            if (!x->present) {
                G(r + 1, c + 1) = xstrdup("-");
                continue;
            }
            derived |= x->derived;
            flagged |= x->flags != NULL;
            G(r + 1, c + 1) = xasprintf("%s%s%s[%zu]", v, x->derived ? "*" : "",
                                        x->flags ? "!" : "", source_of(&src, x));
        }
    }
    size_t *w = xcalloc(nc + 1, sizeof *w);
    for (size_t r = 0; r <= nr; r++)
        for (size_t c = 0; c <= nc; c++) {
            size_t cw = u8_width(G(r, c), strlen(G(r, c)));
            if (cw > w[c])
                w[c] = cw;
        }
    for (size_t r = 0; r <= nr; r++) {
        for (size_t c = 0; c <= nc; c++) {
            const char *cell = G(r, c);
            size_t cw = u8_width(cell, strlen(cell));
            if (c == 0) {
                buf_adds(b, cell);
                if (nc)
                    pad(b, w[0] - cw);
            } else {
                pad(b, 2 + w[c] - cw);
                buf_adds(b, cell);
            }
        }
        buf_addc(b, '\n');
    }
    /* What the marks mean, then each marked cell (the first few). */
    if (derived || flagged) {
        buf_adds(b, "说明：");
        if (derived)
            buf_adds(b, "* 换算或计算所得");
        if (flagged)
            buf_printf(b, "%s! 有核对提示", derived ? "；" : "");
        buf_addc(b, '\n');
        size_t shown = 0, more = 0;
        for (size_t r = 0; r < nr; r++)
            for (size_t c = 0; c < nc; c++) {
                const stat_cell *x = &t->cells[r * nc + c];
                if (!x->present || (!x->derived && !x->flags))
                    continue;
                if (shown == SF_DETAILS) {
                    more++;
                    continue;
                }
                shown++;
                buf_t l;
                buf_init(&l);
                buf_printf(&l, "  %s %s %s：", x->derived ? "*" : "!", t->row_labels[r],
                           t->col_labels[c]);
                if (x->derived && x->derivation)
                    buf_adds(&l, x->derivation);
                if (x->flags && x->derived && x->derivation)
                    buf_printf(&l, "；注意：%s", x->flags);
                else if (x->flags)
                    buf_adds(&l, x->flags);
                out_append(b, l.s, l.len, 0, script);
                buf_addc(b, '\n');
                buf_free(&l);
            }
        if (more)
            buf_printf(b, "  ……另有 %zu 项（--format csv 逐项列出）\n", more);
    }
    for (size_t i = 0; i < t->nnotes; i++) {
        char *note = clean(t->notes[i], script);
        buf_printf(b, "注：%s\n", note);
        free(note);
    }
    if (src.n) {
        buf_adds(b, "来源：\n");
        for (size_t i = 0; i < src.n; i++)
            source_line(b, i + 1, &src.v[i], script);
    }
    for (size_t i = 0; i < (nr + 1) * (nc + 1); i++)
        free(grid[i]);
#undef G
    free(grid);
    free(w);
    for (size_t i = 0; i < src.n; i++)
        free(src.v[i].lines);
    free(src.v);
}

/* ---- tidy tables ----------------------------------------------------------------------- */

static void number_text(double v, char out[48])
{
    if (!isfinite(v))
        out[0] = '\0';
    else
        snprintf(out, 48, "%.10g", v);
}

void sf_tidy(buf_t *b, const sf_table *s, int csv, enum convert_script script)
{
    static const char *const columns[] = {
        "indicator", "region_code", "region_name", "period",         "value",
        "unit",      "raw",         "source_doc",  "source_url",     "published",
        "file",      "line",        "derived",     "derivation",     "flags",
        "indicator_name", "period_label", "revised", "note",         "base_period",
        "base_value", NULL};
    out_row w = {b, csv, script, 0};
    for (size_t i = 0; columns[i]; i++)
        out_row_cell(&w, columns[i]);
    out_row_end(&w);
    const stat_table *t = s->t;
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            const stat_cell *x = &t->cells[r * t->ncols + c];
            if (!x->present)
                continue;
            char key[16], label[32], v[48], bk[16], bv[48];
            plain_value(x, v);
            out_row_cell(&w, x->indicator);
            out_row_cell(&w, x->region);
            out_row_cell(&w, label_on(s, SA_REGION, r, c));
            out_row_cell(&w, sf_period_key(&x->period, key));
            out_row_cell(&w, v);
            out_row_cell(&w, x->unit.name);
            out_row_cell(&w, x->raw);
            out_row_cell(&w, x->source_doc);
            out_row_cell(&w, x->source_url);
            out_row_cell(&w, x->published);
            out_row_cell(&w, x->source_file);
            if (x->line > 0)
                out_row_num(&w, x->line);
            else
                out_row_cell(&w, NULL);
            out_row_cell(&w, x->derived ? "1" : "0");
            out_row_cell(&w, x->derivation);
            out_row_cell(&w, x->flags);
            out_row_cell(&w, label_on(s, SA_INDICATOR, r, c));
            out_row_cell(&w, stat_period_label(&x->period, label));
            out_row_cell(&w, x->revised ? "1" : "0");
            out_row_cell(&w, x->note);
            if (x->base_period.year) {
                number_text(x->base_value, bv);
                out_row_cell(&w, sf_period_key(&x->base_period, bk));
                out_row_cell(&w, bv);
            } else {
                out_row_cell(&w, NULL);
                out_row_cell(&w, NULL);
            }
            out_row_end(&w);
        }
}

/* ---- JSON ------------------------------------------------------------------------------ */

static void jstr(buf_t *b, const char *key, const char *value, int comma)
{
    buf_printf(b, "%s\"%s\":", comma ? "," : "", key);
    if (value)
        out_json_string(b, value, strlen(value));
    else
        buf_adds(b, "null");
}

static void jnum(buf_t *b, const char *key, double v)
{
    char n[48];
    number_text(v, n);
    buf_printf(b, ",\"%s\":%s", key, *n ? n : "null");
}

static void jstrings(buf_t *b, const char *key, char *const *v, size_t n)
{
    buf_printf(b, ",\"%s\":[", key);
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_addc(b, ',');
        out_json_string(b, v[i], strlen(v[i]));
    }
    buf_addc(b, ']');
}

static void junits(buf_t *b, const char *key, const stat_unit *u, size_t n)
{
    buf_printf(b, ",\"%s\":[", key);
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_addc(b, ',');
        out_json_string(b, u[i].name, strlen(u[i].name));
    }
    buf_addc(b, ']');
}

void sf_json(buf_t *b, const sf_table *s)
{
    const stat_table *t = s->t;
    buf_addc(b, '{');
    jstr(b, "title", t->title, 0);
    jstr(b, "rows_axis", sf_axis_key(s->rows), 1);
    jstr(b, "cols_axis", sf_axis_key(s->cols), 1);
    jstr(b, "fixed_axis", sf_axis_key((enum stat_axis)(3 - s->rows - s->cols)), 1);
    jstr(b, "fixed_key", s->fixed_key, 1);
    jstr(b, "fixed_label", s->fixed_label, 1);
    jstrings(b, "row_keys", t->row_keys, t->nrows);
    jstrings(b, "row_labels", t->row_labels, t->nrows);
    jstrings(b, "col_keys", t->col_keys, t->ncols);
    jstrings(b, "col_labels", t->col_labels, t->ncols);
    if (t->row_units)
        junits(b, "row_units", t->row_units, t->nrows);
    if (t->col_units)
        junits(b, "col_units", t->col_units, t->ncols);
    jstrings(b, "notes", t->notes, t->nnotes);
    buf_adds(b, ",\"rows\":[");
    size_t k = 0;
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            const stat_cell *x = &t->cells[r * t->ncols + c];
            if (!x->present)
                continue;
            char key[16], label[32], shown[48], bk[16];
            buf_adds(b, k++ ? ",\n{" : "\n{");
            jstr(b, "indicator", x->indicator, 0);
            jstr(b, "indicator_name", label_on(s, SA_INDICATOR, r, c), 1);
            jstr(b, "region_code", x->region, 1);
            jstr(b, "region_name", label_on(s, SA_REGION, r, c), 1);
            jstr(b, "period", sf_period_key(&x->period, key), 1);
            jstr(b, "period_label", stat_period_label(&x->period, label), 1);
            jnum(b, "value", x->value);
            jstr(b, "value_text", statq_format_value(x, shown), 1);
            jstr(b, "unit", x->unit.name, 1);
            jstr(b, "raw", x->raw, 1);
            jstr(b, "source_doc", x->source_doc, 1);
            jstr(b, "source_url", x->source_url, 1);
            jstr(b, "published", x->published, 1);
            jstr(b, "file", x->source_file, 1);
            if (x->line > 0)
                buf_printf(b, ",\"line\":%ld", x->line);
            else
                buf_adds(b, ",\"line\":null");
            buf_printf(b, ",\"revised\":%s,\"derived\":%s", x->revised ? "true" : "false",
                       x->derived ? "true" : "false");
            jstr(b, "derivation", x->derivation, 1);
            jstr(b, "flags", x->flags, 1);
            jstr(b, "note", x->note, 1);
            if (x->base_period.year) {
                jstr(b, "base_period", sf_period_key(&x->base_period, bk), 1);
                jnum(b, "base_value", x->base_value);
            }
            char *source = statq_cell_source(x);
            jstr(b, "source", source, 1);
            free(source);
            buf_addc(b, '}');
        }
    buf_adds(b, k ? "\n]}\n" : "]}\n");
}

/* ---- the indicator list ----------------------------------------------------------------- */

/* "万人、人" from "万人|人". New string. */
static char *units_label(const char *units)
{
    buf_t b;
    buf_init(&b);
    for (const char *p = units; *p; p++) {
        if (*p == '|')
            buf_adds(&b, "、");
        else
            buf_addc(&b, *p);
    }
    return b.s ? buf_take(&b) : xstrdup("");
}

void sf_indicators_text(buf_t *b, const stat_ind *v, size_t n, int all,
                        enum convert_script script)
{
    buf_printf(b, "统计指标：%s %zu 项%s\n", all ? "目录中共" : "有数值的", n,
               all ? "" : "（--all 列出全部指标）");
    if (!n)
        return;
    static const char *const head[] = {"代码", "名称", "单位", "类型", "数值"};
    char ***rows = xcalloc(n + 1, sizeof *rows);
    size_t w[5] = {0};
    for (size_t i = 0; i <= n; i++) {
        rows[i] = xcalloc(5, sizeof **rows);
        if (!i) {
            for (int c = 0; c < 5; c++)
                rows[0][c] = xstrdup(head[c]);
        } else {
            const stat_ind *d = &v[i - 1];
            char *units = units_label(d->units);
            rows[i][0] = clean(d->code, script);
            rows[i][1] = clean(d->name, script);
            rows[i][2] = clean(units, script);
            rows[i][3] = xstrdup(stat_measure_label(d->measure));
            rows[i][4] = xasprintf("%ld", d->nvalues);
            free(units);
        }
        for (int c = 0; c < 5; c++) {
            size_t cw = u8_width(rows[i][c], strlen(rows[i][c]));
            if (cw > w[c])
                w[c] = cw;
        }
    }
    for (size_t i = 0; i <= n; i++) {
        for (int c = 0; c < 5; c++) {
            size_t cw = u8_width(rows[i][c], strlen(rows[i][c]));
            if (c == 4) {
                pad(b, 2 + w[c] - cw);
                buf_adds(b, rows[i][c]);
            } else {
                if (c)
                    pad(b, 2);
                buf_adds(b, rows[i][c]);
                if (c < 3 || n)
                    pad(b, w[c] - cw);
            }
            free(rows[i][c]);
        }
        buf_addc(b, '\n');
        free(rows[i]);
    }
    free(rows);
}

void sf_indicators_tidy(buf_t *b, const stat_ind *v, size_t n, int csv,
                        enum convert_script script)
{
    static const char *const columns[] = {"code",   "name",          "units", "measure",
                                          "values", "official_code", "parent", "note", NULL};
    out_row w = {b, csv, script, 0};
    for (size_t i = 0; columns[i]; i++)
        out_row_cell(&w, columns[i]);
    out_row_end(&w);
    for (size_t i = 0; i < n; i++) {
        out_row_cell(&w, v[i].code);
        out_row_cell(&w, v[i].name);
        out_row_cell(&w, v[i].units);
        out_row_cell(&w, stat_measure_key(v[i].measure));
        out_row_num(&w, v[i].nvalues);
        out_row_cell(&w, v[i].official_code);
        out_row_cell(&w, v[i].parent);
        out_row_cell(&w, v[i].note);
        out_row_end(&w);
    }
}

void sf_indicators_json(buf_t *b, const stat_ind *v, size_t n, int all)
{
    buf_printf(b, "{\"all\":%s,\"indicators\":[", all ? "true" : "false");
    for (size_t i = 0; i < n; i++) {
        buf_adds(b, i ? ",\n{" : "\n{");
        jstr(b, "code", v[i].code, 0);
        jstr(b, "name", v[i].name, 1);
        buf_adds(b, ",\"units\":[");
        for (const char *p = v[i].units; *p;) {
            size_t k = strcspn(p, "|");
            if (p != v[i].units)
                buf_addc(b, ',');
            out_json_string(b, p, k);
            p += k + (p[k] == '|');
        }
        buf_addc(b, ']');
        jstr(b, "measure", stat_measure_key(v[i].measure), 1);
        jstr(b, "measure_label", stat_measure_label(v[i].measure), 1);
        buf_printf(b, ",\"values\":%ld", v[i].nvalues);
        jstr(b, "official_code", v[i].official_code, 1);
        jstr(b, "parent", v[i].parent, 1);
        jstr(b, "note", v[i].note, 1);
        buf_addc(b, '}');
    }
    buf_adds(b, n ? "\n]}\n" : "]}\n");
}

/* ---- indicators named by a search ----------------------------------------------------- */

char *sf_match_title(const stat_match_hit *h)
{
    if (!h->have_value)
        return xasprintf("%s  （没有可显示的数值）", h->ind.name);
    const stat_cell *c = &h->cell;
    char when[48], value[48];
    if (h->ind.measure == SM_CUMULATIVE && c->period.type != SP_YEAR) {
        int month = atoi(c->period.end + 5);
        if (month > 1)
            snprintf(when, sizeof when, "%d年1-%d月累计", c->period.year % 10000, month % 100);
        else
            snprintf(when, sizeof when, "%d年1月累计", c->period.year % 10000);
    } else {
        stat_period_label(&c->period, when);
    }
    statq_format_value(c, value);
    return xasprintf("%s  %s %s %s %s%s", h->ind.name, h->region_name ? h->region_name : c->region,
                     when, value, c->unit.name, h->national ? "" : "（全国无数值）");
}

char *sf_match_detail(const stat_match_hit *h)
{
    buf_t b;
    buf_init(&b);
    buf_adds(&b, stat_measure_label(h->ind.measure));
    if (h->have_value) {
        const stat_cell *c = &h->cell;
        buf_adds(&b, " · 来源：");
        buf_adds(&b, c->source_doc ? c->source_doc : c->source_url ? c->source_url : "未注明出处");
        if (c->flags && *c->flags)
            buf_printf(&b, " · 注意：%s", c->flags);
    }
    return buf_take(&b);
}

char *sf_match_header(const stat_match *m, const char *more)
{
    if (m->total > m->n)
        return xasprintf("统计（%zu 项指标，显示前 %zu 项%s）", m->total, m->n, more ? more : "");
    return xasprintf("统计（%zu 项指标）", m->total);
}
