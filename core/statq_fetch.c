/* The one statement that reads a table's values (core/statq_int.h): indicators and regions
 * as bound IN lists, so SQLite seeks the stat_value_lookup index once per (indicator,
 * region) pair and reads only that pair's periods in range, never a cell at a time. */
#include "statq_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* SQLite's default limit on bound parameters since 3.32. */
#define SQ_MAX_PARAMS 32000

static char *nonempty(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t && *t ? xstrdup((const char *)t) : NULL;
}

static void in_list(buf_t *sql, const char *column, size_t n)
{
    buf_printf(sql, " AND %s IN (", column);
    for (size_t i = 0; i < n; i++)
        buf_adds(sql, i ? ",?" : "?");
    buf_addc(sql, ')');
}

static int any_flags(sqlite3 *db)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM stat_flag LIMIT 1", -1, &st, NULL) != SQLITE_OK)
        return 1; /* let the query itself fail, saying why */
    int any = sqlite3_step(st) != SQLITE_DONE;
    sqlite3_finalize(st);
    return any;
}

void sq_vals_free(sq_val *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        statq_cell_free(&v[i].c);
        free(v[i].region_name);
        free(v[i].published_sort);
    }
    free(v);
}

/* "737.8 万人": the published number with its unit, unless it carries it already. */
static char *raw_text(const char *raw, const char *unit)
{
    if (!raw || !*raw)
        return xstrdup(unit ? unit : "");
    size_t rl = strlen(raw), ul = unit ? strlen(unit) : 0;
    if (!ul || (rl >= ul && !strcmp(raw + rl - ul, unit)))
        return xstrdup(raw);
    char *t = xmalloc(rl + 1 + ul + 1); /* a few thousand per table: no printf */
    memcpy(t, raw, rl);
    t[rl] = ' ';
    memcpy(t + rl + 1, unit, ul + 1);
    return t;
}

/* The periods and units met so far in a query: a table has a few dozen, read for every
 * row. */
typedef struct {
    stat_period v[64];
    size_t n;
    char unit_text[32];
    stat_unit unit;
    int unit_ok;
} period_memo;

static int unit_of(period_memo *m, const char *text, stat_unit *out)
{
    if (text && strlen(text) < sizeof m->unit_text && !strcmp(text, m->unit_text) && *text) {
        *out = m->unit;
        return m->unit_ok;
    }
    int ok = stat_unit_parse(text, out);
    if (text && strlen(text) < sizeof m->unit_text) {
        memcpy(m->unit_text, text, strlen(text) + 1);
        m->unit = *out;
        m->unit_ok = ok;
    }
    return ok;
}

static int period_of(period_memo *m, const char *tkey, const char *end, stat_period *out)
{
    enum stat_ptype type;
    if (!tkey || !end || !stat_ptype_parse(tkey, &type))
        return 0;
    for (size_t i = 0; i < m->n; i++)
        if (m->v[i].type == type && !strcmp(m->v[i].end, end)) {
            *out = m->v[i];
            return 1;
        }
    if (!sq_period_of(type, end, out))
        return 0;
    if (m->n < sizeof m->v / sizeof *m->v)
        m->v[m->n++] = *out;
    return 1;
}

/* Fills v from the current row; 0 when the row cannot be placed (a period_end that is not
 * the last day of its type: the loader reports those). */
static int read_row(sqlite3_stmt *st, const stat_ind *inds, size_t nind, period_memo *memo,
                    sq_val *v)
{
    memset(v, 0, sizeof *v);
    stat_cell *c = &v->c;
    if (!period_of(memo, (const char *)sqlite3_column_text(st, 4),
                   (const char *)sqlite3_column_text(st, 5), &c->period))
        return 0;
    c->present = 1;
    c->id = sqlite3_column_int64(st, 0);
    const char *ind = (const char *)sqlite3_column_text(st, 1);
    c->indicator = xstrdup(ind ? ind : "");
    for (size_t i = 0; i < nind; i++)
        if (!strcmp(inds[i].code, c->indicator))
            c->measure = inds[i].measure;
    const char *region = (const char *)sqlite3_column_text(st, 2);
    size_t rl = region ? strlen(region) : 0;
    rl = rl < sizeof c->region ? rl : sizeof c->region - 1;
    memcpy(c->region, region ? region : "", rl);
    c->region[rl] = '\0';
    v->region_name = nonempty(st, 3);
    c->value = sqlite3_column_double(st, 6);
    const char *unit = (const char *)sqlite3_column_text(st, 8);
    if (!unit_of(memo, unit, &c->unit)) /* kept as written: never converted */
        snprintf(c->unit.name, sizeof c->unit.name, "%s", unit ? unit : "");
    c->raw = raw_text((const char *)sqlite3_column_text(st, 7), c->unit.name);
    c->source_doc = nonempty(st, 9);
    c->source_url = nonempty(st, 10);
    c->published = nonempty(st, 11);
    v->published_sort = xstrdup(c->published ? c->published : "");
    c->note = nonempty(st, 12);
    c->derived = sqlite3_column_int(st, 13) != 0;
    c->derivation = nonempty(st, 14);
    c->revised = sqlite3_column_int(st, 15) != 0;
    c->source_file = nonempty(st, 16);
    c->line = (long)sqlite3_column_int64(st, 17);
    c->flags = nonempty(st, 18);
    return 1;
}

int sq_fetch(sqlite3 *db, const stat_ind *inds, size_t nind, const char *const *regions,
             size_t nreg, const sq_when *when, sq_val **out, size_t *n, char **err)
{
    *out = NULL;
    *n = 0;
    if (err)
        *err = NULL;
    if (!nind || (when->periods && !when->nperiods))
        return 0;
    /* Bounds on period_start for the index: a period lies within one calendar year, and a
     * cumulative value starts on January 1 of it, so every value wanted starts between
     * January 1 of the first year and the last day asked for. */
    char lo[11] = "", hi[11] = "";
    int types[SP_YEAR + 1] = {0};
    size_t ntypes = 0;
    if (when->periods) {
        for (size_t i = 0; i < when->nperiods; i++) {
            const stat_period *p = &when->periods[i];
            char jan1[11];
            snprintf(jan1, sizeof jan1, "%04u-01-01", (unsigned)p->year % 10000u);
            if (!*lo || strcmp(jan1, lo) < 0)
                memcpy(lo, jan1, sizeof lo);
            if (strcmp(p->end, hi) > 0)
                memcpy(hi, p->end, sizeof hi);
            if ((unsigned)p->type <= SP_YEAR && !types[p->type]++)
                ntypes++;
        }
    } else {
        if (when->from && *when->from)
            snprintf(lo, sizeof lo, "%.4s-01-01", when->from);
        if (when->to && *when->to)
            snprintf(hi, sizeof hi, "%s", when->to);
        types[when->type] = 1;
        ntypes = 1;
    }
    size_t nparams = nind + nreg + 2 + ntypes + (when->periods ? when->nperiods : 2);
    if (nparams > SQ_MAX_PARAMS) {
        if (err)
            *err = xasprintf("一次查询的地区、指标和时期过多（%zu 项），请缩小范围", nparams);
        return -1;
    }
    buf_t sql;
    buf_init(&sql);
    /* The findings of each value, when the load found any (a seek per value otherwise). */
    buf_printf(&sql,
               "SELECT v.id, v.indicator, v.region_code, v.region_name, v.period_type, "
               "v.period_end, v.value, v.value_raw, v.unit, v.source_doc, v.source_url, "
               "v.published, v.note, v.derived, v.derivation, v.revised, s.path, v.line, %s "
               "FROM stat_value v LEFT JOIN source s ON s.id = v.source_id WHERE 1",
               any_flags(db) ? "(SELECT group_concat(f.message, '；') FROM stat_flag f "
                               "WHERE f.value_id = v.id)"
                             : "NULL");
    in_list(&sql, "v.indicator", nind);
    if (nreg)
        in_list(&sql, "v.region_code", nreg);
    if (*lo)
        buf_adds(&sql, " AND v.period_start >= ?");
    if (*hi)
        buf_adds(&sql, " AND v.period_start <= ?");
    in_list(&sql, "v.period_type", ntypes);
    if (when->periods) {
        in_list(&sql, "v.period_end", when->nperiods);
    } else {
        if (when->from && *when->from)
            buf_adds(&sql, " AND v.period_end >= ?");
        if (when->to && *when->to)
            buf_adds(&sql, " AND v.period_end <= ?");
    }
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql.s, -1, &st, NULL);
    buf_free(&sql);
    if (rc != SQLITE_OK) {
        if (err)
            *err = sq_db_error(db, rc);
        return -1;
    }
    int k = 1;
    for (size_t i = 0; i < nind; i++)
        sqlite3_bind_text(st, k++, inds[i].code, -1, SQLITE_STATIC);
    for (size_t i = 0; i < nreg; i++)
        sqlite3_bind_text(st, k++, regions[i], -1, SQLITE_STATIC);
    if (*lo)
        sqlite3_bind_text(st, k++, lo, -1, SQLITE_STATIC);
    if (*hi)
        sqlite3_bind_text(st, k++, hi, -1, SQLITE_STATIC);
    for (int t = SP_MONTH; t <= SP_YEAR; t++)
        if (types[t])
            sqlite3_bind_text(st, k++, stat_ptype_key((enum stat_ptype)t), -1, SQLITE_STATIC);
    if (when->periods) {
        for (size_t i = 0; i < when->nperiods; i++)
            sqlite3_bind_text(st, k++, when->periods[i].end, -1, SQLITE_STATIC);
    } else {
        if (when->from && *when->from)
            sqlite3_bind_text(st, k++, when->from, -1, SQLITE_STATIC);
        if (when->to && *when->to)
            sqlite3_bind_text(st, k++, when->to, -1, SQLITE_STATIC);
    }
    size_t cap = 0;
    period_memo memo = {.n = 0};
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        *out = xgrow(*out, &cap, *n + 1, sizeof **out);
        if (read_row(st, inds, nind, &memo, &(*out)[*n])) /* allocates only for a row kept */
            (*n)++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        sq_vals_free(*out, *n);
        *out = NULL;
        *n = 0;
        if (err)
            *err = sq_db_error(db, rc);
        return -1;
    }
    return 0;
}
