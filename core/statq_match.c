/* The indicators a search's text names, with their latest values (core/statq.h: 搜索's
 * 统计 group and the line mode's plain search). The matching itself is core/statmatch.c;
 * here the catalogue comes from the database and the latest value of each indicator is
 * found by index seeks. */
#include "statq_int.h"

#include "statmatch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The indicators that have values, in catalogue order, with every key of indicator_alias
 * (name, aliases, codes): one EXISTS seek per indicator and one pass over the aliases. */
static int load_catalogue(sqlite3 *db, statmatch_cat *cat)
{
    memset(cat, 0, sizeof *cat);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT i.code FROM indicator i WHERE EXISTS (SELECT 1 FROM "
                                "stat_value v WHERE v.indicator = i.code) ORDER BY i.ord, i.code",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(st, 0);
        if (code)
            statmatch_add(cat, code, NULL);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return rc;
    if (!cat->n)
        return SQLITE_OK;
    rc = sqlite3_prepare_v2(db, "SELECT indicator, key FROM indicator_alias", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(st, 0);
        const char *key = (const char *)sqlite3_column_text(st, 1);
        if (code && key && statmatch_index(cat, code) >= 0)
            statmatch_add(cat, code, key);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* One text column of the first row of a statement with ?1 = a, ?2 = b (b may be NULL):
 * 1 and *out (a new string), 0 for no row or NULL, or an SQLite error code negated. */
static int one_text(sqlite3 *db, const char *sql, const char *a, const char *b, char **out)
{
    *out = NULL;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return -rc;
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    if (b)
        sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        *out = t ? xstrdup(t) : NULL;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return -rc;
    return *out != NULL;
}

/* The period with the latest last day of an indicator in a region whose values start
 * after after (a year before its latest start: a period lies within a year, so none
 * starting earlier ends later); of two ending on one day the longer. 1, 0 or -rc. */
static int latest_period(sqlite3 *db, const char *ind, const char *region, const char *after,
                         stat_period *out)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT period_type, period_end FROM stat_value "
                                "WHERE indicator = ?1 AND region_code = ?2 AND period_start > ?3 "
                                "ORDER BY period_end DESC, CASE period_type WHEN 'year' THEN 0 "
                                "WHEN 'half' THEN 1 WHEN 'quarter' THEN 2 ELSE 3 END",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return -rc;
    sqlite3_bind_text(st, 1, ind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, region, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, after, -1, SQLITE_STATIC);
    int found = 0;
    while (!found && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        enum stat_ptype type;
        const char *tkey = (const char *)sqlite3_column_text(st, 0);
        if (tkey && stat_ptype_parse(tkey, &type) &&
            sq_period_of(type, (const char *)sqlite3_column_text(st, 1), out))
            found = 1; /* else not the last day of such a period: the loader said so */
    }
    sqlite3_finalize(st);
    if (!found && rc != SQLITE_DONE)
        return -rc;
    return found;
}

/* Of duplicates (several sources, revisions): a revised value, then the one published
 * last, then the one loaded last. */
static int preferred(const sq_val *a, const sq_val *b)
{
    if (a->c.revised != b->c.revised)
        return a->c.revised;
    int c = strcmp(a->published_sort, b->published_sort);
    if (c)
        return c > 0;
    return a->c.id > b->c.id;
}

/* Of the regions just under 全国 that have values of ind (the provinces; sq_children:
 * a seek each), the one with the latest period start, the first in code order of a tie:
 * 1 and *out, 0 when there are none, or -rc. */
static int latest_province(sqlite3 *db, const char *ind, char **out)
{
    *out = NULL;
    char **codes = NULL, *err = NULL;
    size_t n = 0;
    if (statq_regions(db, ind, STAT_NATIONAL, &codes, &n, &err) != 0) {
        free(err);
        return -sqlite3_errcode(db);
    }
    sqlite3_stmt *st = NULL;
    int rc = n ? sqlite3_prepare_v2(db,
                                    "SELECT max(period_start) FROM stat_value WHERE "
                                    "indicator = ?1 AND region_code = ?2",
                                    -1, &st, NULL)
               : SQLITE_OK;
    char best[16] = "";
    for (size_t i = 0; i < n && rc == SQLITE_OK; i++) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, ind, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, codes[i], -1, SQLITE_STATIC);
        int step = sqlite3_step(st);
        if (step == SQLITE_ROW) {
            const char *start = (const char *)sqlite3_column_text(st, 0);
            if (start && strcmp(start, best) > 0) {
                snprintf(best, sizeof best, "%s", start);
                free(*out);
                *out = xstrdup(codes[i]);
            }
        } else if (step != SQLITE_DONE) {
            rc = step;
        }
    }
    sqlite3_finalize(st);
    for (size_t i = 0; i < n; i++)
        free(codes[i]);
    free(codes);
    if (rc != SQLITE_OK) {
        free(*out);
        *out = NULL;
        return -rc;
    }
    return *out != NULL;
}

int statq_latest(sqlite3 *db, const char *indicator, const char *region, stat_cell *out)
{
    memset(out, 0, sizeof *out);
    char *code = NULL, *start = NULL;
    int rc;
    if (region) {
        code = xstrdup(region);
    } else {
        rc = latest_province(db, indicator, &code);
        /* No province: whichever region has the latest start (the indicator's range of
         * the index, read without its rows). */
        if (rc == 0)
            rc = one_text(db,
                          "SELECT region_code FROM stat_value WHERE indicator = ?1 "
                          "ORDER BY period_start DESC, region_code LIMIT 1",
                          indicator, NULL, &code);
        if (rc <= 0)
            return rc < 0 ? -1 : 0;
    }
    /* The latest start: the last entry of the (indicator, region) range of the index. */
    rc = one_text(db,
                  "SELECT max(period_start) FROM stat_value WHERE indicator = ?1 AND "
                  "region_code = ?2",
                  indicator, code, &start);
    if (rc <= 0 || strlen(start) < 10) {
        free(code);
        free(start);
        return rc < 0 ? -1 : 0;
    }
    char after[24];
    snprintf(after, sizeof after, "%04d%.6s", (atoi(start) - 1) % 10000, start + 4);
    free(start);
    stat_period p;
    rc = latest_period(db, indicator, code, after, &p);
    stat_ind ind;
    if (rc > 0)
        rc = sq_indicator(db, indicator, &ind);
    if (rc <= 0) {
        free(code);
        return rc < 0 ? -1 : 0;
    }
    sq_when when = {.periods = &p, .nperiods = 1};
    const char *regions[1] = {code};
    sq_val *v = NULL;
    size_t n = 0;
    char *err = NULL;
    rc = sq_fetch(db, &ind, 1, regions, 1, &when, &v, &n, &err);
    statq_ind_free(&ind);
    free(code);
    free(err);
    if (rc != 0)
        return -1;
    size_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (preferred(&v[i], &v[best]))
            best = i;
    int found = n > 0;
    if (found) {
        *out = v[best].c;
        memset(&v[best].c, 0, sizeof v[best].c);
    }
    sq_vals_free(v, n);
    return found;
}

void statq_match_free(stat_match *m)
{
    for (size_t i = 0; m->hits && i < m->n; i++) {
        statq_ind_free(&m->hits[i].ind);
        free(m->hits[i].region_name);
        statq_cell_free(&m->hits[i].cell);
    }
    free(m->hits);
    memset(m, 0, sizeof *m);
}

int statq_match(sqlite3 *db, const char *text, size_t max, stat_match *out, char **err)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    memset(out, 0, sizeof *out);
    if (err)
        *err = NULL;
    statmatch_cat cat;
    int rc = load_catalogue(db, &cat);
    if (rc != SQLITE_OK) {
        statmatch_free(&cat);
        if (err)
            *err = sq_db_error(db, rc);
        return -1;
    }
    size_t *idx = xcalloc(max ? max : 1, sizeof *idx);
    size_t total = statmatch_find(&cat, text, idx, max);
    size_t take = total < max ? total : max;
    out->hits = xcalloc(take ? take : 1, sizeof *out->hits);
    int failed = 0;
    for (size_t i = 0; i < take && !failed; i++) {
        const char *code = cat.v[idx[i]].code;
        stat_match_hit *h = &out->hits[out->n];
        if (sq_indicator(db, code, &h->ind) != 1) {
            failed = 1;
            break;
        }
        out->n++;
        int got = statq_latest(db, code, STAT_NATIONAL, &h->cell);
        h->national = got > 0;
        if (got == 0)
            got = statq_latest(db, code, NULL, &h->cell);
        if (got < 0) {
            failed = 1;
            break;
        }
        h->have_value = got > 0;
        h->region_name = h->have_value ? statq_region_name(db, h->cell.region) : NULL;
    }
    free(idx);
    statmatch_free(&cat);
    if (failed) {
        statq_match_free(out);
        if (err)
            *err = sq_db_error(db, sqlite3_errcode(db));
        return -1;
    }
    out->total = total;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    out->ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    return 0;
}
