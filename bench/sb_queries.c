/* sb_queries.c: statbench's query classes, drawn from the database with a seed, and one
 * run of each: the engine (core/statq.h) and its floor, one indexed SELECT of the same
 * cells without the engine:
 *
 *   (a)  counties  statq_table: rows = the counties of a province (listed), cols = the 12
 *                  months of a year, one indicator
 *   (a') children  the same with children_of = the province (the engine finds its regions:
 *                  cities, a municipality's districts, 省直辖 counties)
 *   (b)  provinces children_of = 全国: the 31 provinces x 12 months
 *   (c)  ranking   statq_ranking: the provinces for one month, largest first
 *   (d)  series    statq_series: a county's 36 months, 3 indicators
 *   (e)  yoy       (a) with change = SC_YOY (years with a year before them)
 *
 * Every call shows each indicator in its default unit (the one its values were published
 * in) and allows 元/人·月 <-> 元/人·年 (convert_period = 1), as the console's m key does.
 *
 * Floors: SELECT region_code, period_end, value FROM stat_value WHERE indicator = ?1 AND
 * region_code IN (…) AND period_type = 'month' AND period_end BETWEEN … (the ranking with
 * period_end = … ORDER BY value DESC; the series WHERE region_code = ?1 AND indicator IN
 * (…); (e) reads the year before too), through the stat_value_lookup / stat_value_region
 * indexes. */
#include "sb.h"

#include "divcode.h"
#include "rng.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static void die_sql(gk_db *db, const char *what)
{
    fprintf(stderr, "statbench: %s: %s\n", what, sqlite3_errmsg(db->h));
    exit(1);
}

static char **push(char **v, size_t *n, size_t *cap, const char *s)
{
    v = xgrow(v, cap, *n + 1, sizeof *v);
    v[(*n)++] = xstrdup(s);
    return v;
}

void sb_data_read(gk_db *db, sb_data *d)
{
    memset(d, 0, sizeof *d);
    sqlite3_stmt *st;
    /* Regions: the stat_value_region index holds them in code order. */
    if (sqlite3_prepare_v2(db->h, "SELECT DISTINCT region_code FROM stat_value ORDER BY 1", -1,
                           &st, NULL) != SQLITE_OK)
        die_sql(db, "regions");
    size_t pcap = 0;
    size_t *ccap = NULL, *kcap = NULL;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(st, 0);
        int lv = div_level(code);
        d->regions++;
        if (lv == DIV_PROVINCE) {
            d->p = xgrow(d->p, &pcap, d->np + 1, sizeof *d->p);
            ccap = xrealloc(ccap, pcap * sizeof *ccap);
            kcap = xrealloc(kcap, pcap * sizeof *kcap);
            memset(&d->p[d->np], 0, sizeof d->p[d->np]);
            snprintf(d->p[d->np].prov, sizeof d->p[d->np].prov, "%s", code);
            ccap[d->np] = kcap[d->np] = 0;
            d->np++;
            continue;
        }
        if (!d->np || strncmp(code, d->p[d->np - 1].prov, 2))
            continue; /* 全国, or a region whose province has no values */
        sb_province *p = &d->p[d->np - 1];
        char up[DIV_BUF];
        if (div_parent(code, 0, up) && !strcmp(up, p->prov))
            p->children = push(p->children, &p->nchildren, &ccap[d->np - 1], code);
        if (lv == DIV_COUNTY)
            p->counties = push(p->counties, &p->ncounties, &kcap[d->np - 1], code);
    }
    sqlite3_finalize(st);
    free(ccap);
    free(kcap);
    d->provinces = xcalloc(d->np + 1, sizeof *d->provinces);
    for (size_t i = 0; i < d->np; i++)
        d->provinces[i] = d->p[i].prov;

    size_t icap = 0;
    if (sqlite3_prepare_v2(db->h, "SELECT DISTINCT indicator FROM stat_value ORDER BY 1", -1,
                           &st, NULL) != SQLITE_OK)
        die_sql(db, "indicators");
    while (sqlite3_step(st) == SQLITE_ROW)
        d->inds = push(d->inds, &d->ninds, &icap,
                       (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);

    if (sqlite3_prepare_v2(db->h,
                           "SELECT min(period_end), max(period_end), (SELECT count(*) FROM "
                           "stat_value) FROM stat_value WHERE period_type = 'month'",
                           -1, &st, NULL) != SQLITE_OK ||
        sqlite3_step(st) != SQLITE_ROW)
        die_sql(db, "periods");
    const char *lo = (const char *)sqlite3_column_text(st, 0);
    const char *hi = (const char *)sqlite3_column_text(st, 1);
    d->values = sqlite3_column_int64(st, 2);
    if (lo && hi) {
        snprintf(d->first_end, sizeof d->first_end, "%s", lo);
        snprintf(d->last_end, sizeof d->last_end, "%s", hi);
        d->first_year = atoi(lo) + (strncmp(lo + 5, "01", 2) != 0); /* whole years only */
        d->last_year = atoi(hi) - (strncmp(hi + 5, "12", 2) != 0);
    }
    sqlite3_finalize(st);
    if (!d->np || !d->ninds || !lo || d->first_year > d->last_year) {
        fprintf(stderr, "statbench: %s holds no provinces with a whole year of monthly "
                        "values\n",
                db->path);
        exit(1);
    }
}

void sb_data_free(sb_data *d)
{
    for (size_t i = 0; i < d->np; i++) {
        for (size_t k = 0; k < d->p[i].nchildren; k++)
            free(d->p[i].children[k]);
        for (size_t k = 0; k < d->p[i].ncounties; k++)
            free(d->p[i].counties[k]);
        free(d->p[i].children);
        free(d->p[i].counties);
    }
    for (size_t i = 0; i < d->ninds; i++)
        free(d->inds[i]);
    free(d->p);
    free(d->inds);
    free(d->provinces);
    memset(d, 0, sizeof *d);
}

/* ---- drawing the queries ------------------------------------------------------------ */

static void in_list(buf_t *b, char *const *codes, size_t n)
{
    for (size_t i = 0; i < n; i++)
        buf_printf(b, "%s'%s'", i ? "," : "", codes[i]);
}

#define FLOOR_COLS "SELECT region_code, period_end, value FROM stat_value WHERE indicator = ?1 "

static char *floor_table(char *const *codes, size_t n, int y0, int y1)
{
    buf_t b;
    buf_init(&b);
    buf_printf(&b, FLOOR_COLS "AND region_code IN (");
    in_list(&b, codes, n);
    buf_printf(&b, ") AND period_type = 'month' AND period_end BETWEEN '%04d-01-01' AND "
                   "'%04d-12-31'",
               y0, y1);
    return buf_take(&b);
}

static const sb_province *draw_province(const sb_data *d, int need_counties)
{
    for (int tries = 0; tries < 1000; tries++) {
        const sb_province *p = &d->p[rnd((uint32_t)d->np)];
        if (!need_counties || p->ncounties)
            return p;
    }
    fprintf(stderr, "statbench: no province has counties with values\n");
    exit(1);
}

static void draw(const sb_data *d, sb_class *c, sb_query *q)
{
    int years = d->last_year - d->first_year + 1;
    q->ind[0] = d->inds[rnd((uint32_t)d->ninds)];
    q->nind = 1;
    q->year = d->first_year + (int)rnd((uint32_t)years);
    q->floor_arg = q->ind[0];
    switch (c->kind) {
    case SB_YOY:
        if (years > 1) /* a year with a year of values before it */
            q->year = d->first_year + 1 + (int)rnd((uint32_t)years - 1);
        /* fall through */
    case SB_COUNTIES:
        q->prov = draw_province(d, 1);
        q->floor_sql = floor_table(q->prov->counties, q->prov->ncounties,
                                   c->kind == SB_YOY ? q->year - 1 : q->year, q->year);
        snprintf(q->label, sizeof q->label, "%s/%s/%d", q->prov->prov, q->ind[0], q->year);
        break;
    case SB_CHILDREN:
        q->prov = draw_province(d, 0);
        q->floor_sql = floor_table(q->prov->children, q->prov->nchildren, q->year, q->year);
        snprintf(q->label, sizeof q->label, "%s/%s/%d", q->prov->prov, q->ind[0], q->year);
        break;
    case SB_PROVINCES:
        q->floor_sql = floor_table(d->provinces, d->np, q->year, q->year);
        snprintf(q->label, sizeof q->label, "%s/%d", q->ind[0], q->year);
        break;
    case SB_RANKING: {
        q->month = 1 + (int)rnd(12);
        stat_period per;
        stat_period_make(SP_MONTH, q->year, q->month, &per);
        buf_t b;
        buf_init(&b);
        buf_printf(&b, FLOOR_COLS "AND region_code IN (");
        in_list(&b, d->provinces, d->np);
        buf_printf(&b, ") AND period_type = 'month' AND period_end = '%s' ORDER BY value DESC",
                   per.end);
        q->floor_sql = buf_take(&b);
        snprintf(q->label, sizeof q->label, "%s/%d-%02d", q->ind[0], q->year, q->month);
        break;
    }
    case SB_SERIES: {
        const sb_province *p = draw_province(d, 1);
        q->county = p->counties[rnd((uint32_t)p->ncounties)];
        q->nind = d->ninds < 3 ? d->ninds : 3;
        for (size_t i = 1; i < q->nind; i++) { /* distinct indicators */
            const char *x;
            int dup;
            do {
                x = d->inds[rnd((uint32_t)d->ninds)];
                dup = 0;
                for (size_t j = 0; j < i; j++)
                    dup |= q->ind[j] == x;
            } while (dup);
            q->ind[i] = x;
        }
        buf_t b;
        buf_init(&b);
        buf_printf(&b, "SELECT indicator, period_end, value FROM stat_value WHERE "
                       "region_code = ?1 AND indicator IN (");
        in_list(&b, (char *const *)q->ind, q->nind);
        buf_printf(&b, ") AND period_type = 'month' AND period_end BETWEEN '%s' AND '%s'",
                   d->first_end, d->last_end);
        q->floor_sql = buf_take(&b);
        q->floor_arg = q->county;
        memcpy(q->from, d->first_end, sizeof q->from);
        memcpy(q->to, d->last_end, sizeof q->to);
        snprintf(q->label, sizeof q->label, "%s/%s+%s+%s", q->county, q->ind[0],
                 q->nind > 1 ? q->ind[1] : "", q->nind > 2 ? q->ind[2] : "");
        break;
    }
    case SB_NKIND:
        break;
    }
}

sb_class *sb_classes(const sb_data *d, size_t nq, unsigned long long seed, size_t *ncls)
{
    static const struct {
        const char *name, *label;
    } defs[SB_NKIND] = {
        [SB_COUNTIES] = {"counties", "(a) counties of a province x 12 months"},
        [SB_CHILDREN] = {"children", "(a') children of a province x 12 months"},
        [SB_PROVINCES] = {"provinces", "(b) 31 provinces x 12 months"},
        [SB_RANKING] = {"ranking", "(c) ranking of provinces, one month"},
        [SB_SERIES] = {"series", "(d) county series, 36 months x 3 ind."},
        [SB_YOY] = {"yoy", "(e) (a) as year-on-year change"},
    };
    rng_seed(seed);
    sb_class *cls = xcalloc(SB_NKIND, sizeof *cls);
    for (int k = 0; k < SB_NKIND; k++) {
        sb_class *c = &cls[k];
        c->kind = (enum sb_kind)k;
        c->name = defs[k].name;
        c->label = defs[k].label;
        c->nq = nq;
        c->q = xcalloc(nq, sizeof *c->q);
        for (size_t i = 0; i < nq; i++)
            draw(d, c, &c->q[i]);
    }
    *ncls = SB_NKIND;
    return cls;
}

void sb_classes_free(sb_class *cls, size_t ncls)
{
    for (size_t k = 0; k < ncls; k++) {
        for (size_t i = 0; i < cls[k].nq; i++)
            free(cls[k].q[i].floor_sql);
        free(cls[k].q);
        free(cls[k].ms);
        free(cls[k].fms);
    }
    free(cls);
}

/* ---- one run ------------------------------------------------------------------------- */

static void note_slow(sb_class *c, const char *q, double ms)
{
    if (ms <= c->slow_ms[SB_SLOW - 1])
        return;
    int j = SB_SLOW - 1;
    while (j > 0 && ms > c->slow_ms[j - 1]) {
        c->slow_ms[j] = c->slow_ms[j - 1];
        c->slow_q[j] = c->slow_q[j - 1];
        j--;
    }
    c->slow_ms[j] = ms;
    c->slow_q[j] = q;
}

void sb_run_engine(gk_db *db, sb_class *c, size_t k, int timed)
{
    const sb_query *q = &c->q[k % c->nq];
    stat_table t;
    memset(&t, 0, sizeof t);
    char *err = NULL;
    int rc;
    double t0 = lat_now_ms();
    if (c->kind == SB_RANKING) {
        stat_period per;
        stat_period_make(SP_MONTH, q->year, q->month, &per);
        rc = statq_ranking(db->h, q->ind[0], &per, STAT_NATIONAL, NULL, 1, &t, &err);
    } else if (c->kind == SB_SERIES) {
        rc = statq_series(db->h, q->ind, q->nind, q->county, SP_MONTH, q->from, q->to, NULL, 1,
                          &t, &err);
    } else {
        stat_request rq;
        memset(&rq, 0, sizeof rq);
        rq.indicators = q->ind;
        rq.nindicators = 1;
        if (c->kind == SB_COUNTIES || c->kind == SB_YOY) {
            rq.regions = (const char *const *)q->prov->counties;
            rq.nregions = q->prov->ncounties;
        } else
            rq.children_of = c->kind == SB_CHILDREN ? q->prov->prov : STAT_NATIONAL;
        rq.ptype = SP_MONTH;
        stat_period year;
        stat_period_make(SP_YEAR, q->year, 0, &year);
        memcpy(rq.from, year.start, sizeof rq.from);
        memcpy(rq.to, year.end, sizeof rq.to);
        rq.rows = SA_REGION;
        rq.cols = SA_PERIOD;
        rq.convert_period = 1;
        rq.change = c->kind == SB_YOY ? SC_YOY : SC_NONE;
        rc = statq_table(db->h, &rq, &t, &err);
    }
    double ms = lat_now_ms() - t0;
    if (rc != 0) {
        fprintf(stderr, "statbench: %s %s failed: %s\n", c->name, q->label, err ? err : "?");
        exit(1);
    }
    if (timed) {
        c->ms[c->nms++] = ms;
        note_slow(c, q->label, ms);
        size_t cells = t.nrows * t.ncols;
        c->cells += (long long)cells;
        c->rows += (long long)t.nrows;
        for (size_t i = 0; i < cells; i++)
            c->present += t.cells[i].present != 0;
    }
    statq_table_free(&t);
    free(err);
}

void sb_run_floor(gk_db *db, sb_class *c, size_t k, int timed)
{
    const sb_query *q = &c->q[k % c->nq];
    long rows = 0;
    double ms = lat_timed_sql(db->h, q->floor_sql, q->floor_arg, &rows, "statbench");
    if (timed) {
        c->fms[c->nfms++] = ms;
        c->floor_rows += rows;
    }
}
