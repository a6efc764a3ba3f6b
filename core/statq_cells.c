/* Values into a table's cells (core/statq_int.h): which value a cell shows when the
 * sources give several, conversion to the unit the row or column shows (labelled), the
 * values that cannot be shown and why, and cells that become changes. */
#include "statq_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- notes ---------------------------------------------------------------------------- */

void sq_tally_add(sq_tally *t, enum sq_why why, size_t ind, const char *a, const char *b)
{
    for (size_t i = 0; i < t->n; i++) {
        sq_tally_item *it = &t->v[i];
        if (it->why == why && it->ind == ind && !strcmp(it->a, a ? a : "") &&
            !strcmp(it->b, b ? b : "")) {
            it->count++;
            return;
        }
    }
    t->v = xgrow(t->v, &t->cap, t->n + 1, sizeof *t->v);
    t->v[t->n++] = (sq_tally_item){why, ind, xstrdup(a ? a : ""), xstrdup(b ? b : ""), 1};
}

void sq_tally_free(sq_tally *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->v[i].a);
        free(t->v[i].b);
    }
    free(t->v);
    memset(t, 0, sizeof *t);
}

void sq_tally_notes(const sq_tally *t, const sq_grid *g, char ***notes, size_t *n)
{
    *notes = t->n ? xcalloc(t->n, sizeof **notes) : NULL;
    *n = t->n;
    const char *label = g->change == SC_POP ? "环比" : "同比";
    for (size_t i = 0; i < t->n; i++) {
        const sq_tally_item *it = &t->v[i];
        const char *name = it->ind < g->nind ? g->inds[it->ind].name : "";
        switch (it->why) {
        case SQW_MONTH_YEAR:
            (*notes)[i] = xasprintf("%s：%zu 个值以%s公布，与%s不能直接比较；%s按 12 个月换算",
                                    name, it->count, it->a, it->b,
                                    g->convert_hint ? g->convert_hint : "可");
            break;
        case SQW_OTHER_UNIT:
            (*notes)[i] = xasprintf("%s：%zu 个值以%s公布，与%s不能换算，未列入", name,
                                    it->count, it->a, it->b);
            break;
        case SQW_BAD_UNIT:
            (*notes)[i] = xasprintf("%s：%zu 个值的单位“%s”无法识别，未列入", name, it->count,
                                    it->a);
            break;
        case SQW_NO_BASE:
            (*notes)[i] = xasprintf("%s%s：%zu 个值没有%s的数值，不能计算", name, label,
                                    it->count, g->change == SC_POP ? "上期" : "上年同期");
            break;
        case SQW_REFUSED:
            (*notes)[i] = xasprintf("%s%s：%s（%zu 个）", name, label, it->a, it->count);
            break;
        }
    }
}

/* ---- the grid ------------------------------------------------------------------------- */

size_t sq_axis_size(const sq_grid *g, enum stat_axis a)
{
    return a == SA_REGION ? g->nreg : a == SA_PERIOD ? g->nper : g->nind;
}

/* Cell index of (region r, period p, indicator i): the fixed axis has one item. */
static size_t cell_at(const sq_grid *g, size_t r, size_t p, size_t i)
{
    size_t idx[3];
    idx[SA_REGION] = r;
    idx[SA_PERIOD] = p;
    idx[SA_INDICATOR] = i;
    return idx[g->rows] * sq_axis_size(g, g->cols) + idx[g->cols];
}

/* Sorted views of the region and period axes, for placing each value by binary search. */
typedef struct {
    const char *key;
    size_t at;
} by_region;

typedef struct {
    const stat_period *p;
    size_t at;
} by_period;

static int region_cmp(const void *a, const void *b)
{
    return strcmp(((const by_region *)a)->key, ((const by_region *)b)->key);
}

static int period_cmp(const void *a, const void *b)
{
    const stat_period *x = ((const by_period *)a)->p, *y = ((const by_period *)b)->p;
    int c = strcmp(x->end, y->end);
    return c ? c : (int)x->type - (int)y->type;
}

/* How well a value fits the unit shown: 0 the same unit, 1 converts by scale, 2 converts
 * between month and year (asked for), 3 cannot be shown. */
static int fit(const stat_unit *from, const stat_unit *to, int convert)
{
    if (from->dim == SD_NONE)
        return 3;
    if (!strcmp(from->name, to->name))
        return 0;
    if (from->dim == to->dim)
        return 1;
    double f;
    return stat_unit_factor(from, to, convert, &f, NULL, NULL) == 0 ? 2 : 3;
}

/* 1 when a should be shown rather than b. */
static int better(const sq_val *a, const sq_val *b, const stat_unit *to, int convert)
{
    int fa = fit(&a->c.unit, to, convert), fb = fit(&b->c.unit, to, convert);
    if (fa != fb)
        return fa < fb;
    if (a->c.revised != b->c.revised)
        return a->c.revised;
    int c = strcmp(a->published_sort, b->published_sort);
    if (c)
        return c > 0;
    return a->c.id > b->c.id;
}

/* Converts a cell to unit to: 0, or -1 (the cell's value is freed, the reason tallied). */
static int convert_cell(stat_cell *c, const stat_unit *to, int convert, size_t ind, sq_tally *t)
{
    double f;
    const char *how;
    char *why = NULL;
    if (c->unit.dim == SD_NONE) {
        sq_tally_add(t, SQW_BAD_UNIT, ind, c->unit.name, NULL);
        return -1;
    }
    if (stat_unit_factor(&c->unit, to, convert, &f, &how, &why) != 0) {
        int month_year = (c->unit.dim == SD_PER_PERSON_MONTH && to->dim == SD_PER_PERSON_YEAR) ||
                         (c->unit.dim == SD_PER_PERSON_YEAR && to->dim == SD_PER_PERSON_MONTH);
        sq_tally_add(t, month_year ? SQW_MONTH_YEAR : SQW_OTHER_UNIT, ind, c->unit.name, to->name);
        free(why);
        return -1;
    }
    if (f == 1.0 && !strcmp(c->unit.name, to->name))
        return 0;
    char was[48];
    statq_format_value(c, was);
    char *d;
    if (c->unit.dim != to->dim) /* the labelled ÷12 / ×12 */
        d = xasprintf("%s换算自 %s %s", to->dim == SD_PER_PERSON_MONTH ? "按 12 个月平均" : "按 12 个月",
                      was, c->unit.name);
    else
        d = xasprintf("由 %s %s 换算为%s", was, c->unit.name, to->name);
    if (c->derived && c->derivation) { /* the loader's own derivation comes first */
        char *both = xasprintf("%s；%s", c->derivation, d);
        free(d);
        d = both;
    }
    free(c->derivation);
    c->derivation = d;
    c->derived = 1;
    c->value *= f;
    c->unit = *to;
    return 0;
}

stat_cell *sq_place(const sq_grid *g, sq_val *vals, size_t nvals, sq_tally *t)
{
    size_t nrows = sq_axis_size(g, g->rows), ncols = sq_axis_size(g, g->cols);
    size_t ncells = nrows * ncols;
    stat_cell *cells = xcalloc(ncells ? ncells : 1, sizeof *cells);
    /* Every cell says what it is, present or not. */
    for (size_t r = 0; r < g->nreg; r++)
        for (size_t p = 0; p < g->nper; p++)
            for (size_t i = 0; i < g->nind; i++) {
                stat_cell *c = &cells[cell_at(g, r, p, i)];
                c->indicator = xstrdup(g->inds[i].code);
                snprintf(c->region, sizeof c->region, "%s", g->regions[r]);
                c->period = g->periods[p];
                c->measure = g->inds[i].measure;
                c->unit = g->show[i];
            }
    by_region *rv = xcalloc(g->nreg ? g->nreg : 1, sizeof *rv);
    by_period *pv = xcalloc(g->nper ? g->nper : 1, sizeof *pv);
    for (size_t r = 0; r < g->nreg; r++)
        rv[r] = (by_region){g->regions[r], r};
    for (size_t p = 0; p < g->nper; p++)
        pv[p] = (by_period){&g->periods[p], p};
    qsort(rv, g->nreg, sizeof *rv, region_cmp);
    qsort(pv, g->nper, sizeof *pv, period_cmp);
    /* The best value of each cell, by index into vals. */
    size_t *pick = xmalloc((ncells ? ncells : 1) * sizeof *pick);
    for (size_t k = 0; k < ncells; k++)
        pick[k] = SIZE_MAX;
    for (size_t v = 0; v < nvals; v++) {
        const stat_cell *c = &vals[v].c;
        size_t i = 0;
        while (i < g->nind && strcmp(g->inds[i].code, c->indicator))
            i++;
        by_region rk = {c->region, 0};
        by_period pk = {&c->period, 0};
        const by_region *rh = i < g->nind ? bsearch(&rk, rv, g->nreg, sizeof *rv, region_cmp) : NULL;
        const by_period *ph = rh ? bsearch(&pk, pv, g->nper, sizeof *pv, period_cmp) : NULL;
        if (!ph || !ph->p->year)
            continue;
        size_t k = cell_at(g, rh->at, ph->at, i);
        if (pick[k] == SIZE_MAX || better(&vals[v], &vals[pick[k]], &g->show[i], g->convert))
            pick[k] = v;
    }
    for (size_t k = 0; k < ncells; k++) {
        if (pick[k] == SIZE_MAX)
            continue;
        stat_cell *c = &cells[k];
        size_t i = 0;
        while (i < g->nind && strcmp(g->inds[i].code, c->indicator))
            i++;
        stat_cell *v = &vals[pick[k]].c;
        stat_period period = c->period;
        statq_cell_free(c);
        *c = *v; /* the strings move into the table */
        memset(v, 0, sizeof *v);
        c->period = period;
        if (convert_cell(c, &g->show[i], g->convert, i, t) != 0) {
            /* Refused: the cell stays, named, without a value. */
            stat_cell named = {0};
            named.indicator = c->indicator;
            c->indicator = NULL;
            memcpy(named.region, c->region, sizeof named.region);
            named.period = period;
            named.measure = c->measure;
            named.unit = g->show[i];
            statq_cell_free(c);
            *c = named;
        }
    }
    free(pick);
    free(rv);
    free(pv);
    return cells;
}

void sq_changes(const sq_grid *g, stat_cell *cells, const stat_cell *base, sq_tally *t)
{
    size_t n = sq_axis_size(g, g->rows) * sq_axis_size(g, g->cols);
    for (size_t k = 0; k < n; k++) {
        stat_cell *c = &cells[k];
        size_t i = 0;
        while (i < g->nind && strcmp(g->inds[i].code, c->indicator))
            i++;
        stat_unit unit = sq_change_unit(i < g->nind ? &g->show[i] : &c->unit);
        if (!c->present) {
            c->unit = unit;
            continue;
        }
        stat_cell out;
        char *why = NULL;
        if (!base[k].present) {
            sq_tally_add(t, SQW_NO_BASE, i, NULL, NULL);
        } else if (statq_change(c, &base[k], g->convert, &out, &why) == 0) {
            statq_cell_free(c);
            *c = out;
            continue;
        } else {
            sq_tally_add(t, SQW_REFUSED, i, why, NULL);
            free(why);
        }
        /* Absent, still named. */
        stat_cell named = {0};
        named.indicator = c->indicator;
        c->indicator = NULL;
        memcpy(named.region, c->region, sizeof named.region);
        named.period = c->period;
        named.measure = c->measure;
        named.unit = unit;
        statq_cell_free(c);
        *c = named;
    }
}
