/* What the statistics tables are made of: indicators (the catalogue in the database,
 * found by code, name or alias), the regions under a parent that have values, the periods
 * that have values, and region names for people (core/statq.h). */
#include "statq_int.h"

#include "db.h"
#include "divcode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *sq_db_error(sqlite3 *db, int rc)
{
    (void)db; /* SQLite's own message may quote SQL: people get ours */
    return xstrdup(db_error_text(rc));
}

static char *col_dup(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? xstrdup((const char *)t) : NULL;
}

/* ---- indicators --------------------------------------------------------------------- */

#define IND_COLS "i.code, i.name, i.official_code, i.allowed_units, i.parent_code, i.note, " \
                 "i.measure_type"

static void ind_read(sqlite3_stmt *st, stat_ind *out)
{
    memset(out, 0, sizeof *out);
    out->code = col_dup(st, 0);
    out->name = col_dup(st, 1);
    out->official_code = col_dup(st, 2);
    out->units = col_dup(st, 3);
    out->parent = col_dup(st, 4);
    out->note = col_dup(st, 5);
    const char *m = (const char *)sqlite3_column_text(st, 6);
    if (!m || !stat_measure_parse(m, &out->measure))
        out->measure = SM_POINT;
    if (!out->code)
        out->code = xstrdup("");
    if (!out->name)
        out->name = xstrdup(out->code);
    if (!out->units)
        out->units = xstrdup("");
    /* The first allowed unit is what tables show unless asked otherwise. */
    size_t n = strcspn(out->units, "|");
    char *first = xstrndup(out->units, n);
    stat_unit_parse(first, &out->unit);
    free(first);
    out->nvalues = -1;
}

void statq_ind_free(stat_ind *i)
{
    if (!i)
        return;
    free(i->code);
    free(i->name);
    free(i->official_code);
    free(i->units);
    free(i->parent);
    free(i->note);
    memset(i, 0, sizeof *i);
}

void statq_indicators_free(stat_ind *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        statq_ind_free(&v[i]);
    free(v);
}

/* Runs one look-up statement with text bound as ?1: 1 found (out filled), 0, -1. */
static int ind_by(sqlite3 *db, const char *sql, const char *text, stat_ind *out)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st), found = 0;
    if (rc == SQLITE_ROW) {
        ind_read(st, out);
        found = 1;
    }
    sqlite3_finalize(st);
    return found ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int sq_indicator(sqlite3 *db, const char *text, stat_ind *out)
{
    memset(out, 0, sizeof *out);
    if (!text)
        return 0;
    while (*text == ' ')
        text++;
    if (!*text)
        return 0;
    /* Our code as typed, then every published name through its folded key (繁简, width,
     * numbering, a (累计) mark), then the name as the catalogue spells it. */
    int rc = ind_by(db, "SELECT " IND_COLS " FROM indicator i WHERE i.code = ?1", text, out);
    if (rc)
        return rc;
    char *key = statcat_key(text, NULL);
    rc = *key ? ind_by(db,
                       "SELECT " IND_COLS " FROM indicator_alias a "
                       "JOIN indicator i ON i.code = a.indicator WHERE a.key = ?1",
                       key, out)
              : 0;
    free(key);
    if (rc)
        return rc;
    return ind_by(db, "SELECT " IND_COLS " FROM indicator i WHERE i.name = ?1", text, out);
}

static long count_values(sqlite3 *db, const char *code)
{
    sqlite3_stmt *st;
    long n = -1;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM stat_value WHERE indicator = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

int statq_indicator(sqlite3 *db, const char *text, stat_ind *out)
{
    int rc = sq_indicator(db, text, out);
    if (rc == 1 && (out->nvalues = count_values(db, out->code)) < 0) {
        statq_ind_free(out);
        return -1;
    }
    return rc;
}

int statq_indicators(sqlite3 *db, int all, stat_ind **out, size_t *n, char **err)
{
    *out = NULL;
    *n = 0;
    if (err)
        *err = NULL;
    sqlite3_stmt *st;
    /* One count per indicator, each a range of the stat_value_lookup index. */
    int rc = sqlite3_prepare_v2(db,
                                "SELECT " IND_COLS ", (SELECT count(*) FROM stat_value v "
                                "WHERE v.indicator = i.code) FROM indicator i "
                                "ORDER BY i.ord, i.code",
                                -1, &st, NULL);
    if (rc != SQLITE_OK) {
        if (err)
            *err = sq_db_error(db, rc);
        return -1;
    }
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long count = (long)sqlite3_column_int64(st, 7);
        if (!all && count == 0)
            continue;
        *out = xgrow(*out, &cap, *n + 1, sizeof **out);
        ind_read(st, &(*out)[*n]);
        (*out)[(*n)++].nvalues = count;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        statq_indicators_free(*out, *n);
        *out = NULL;
        *n = 0;
        if (err)
            *err = sq_db_error(db, rc);
        return -1;
    }
    return 0;
}

/* ---- regions ------------------------------------------------------------------------ */

/* The child of parent (STAT_NATIONAL: the province) on the way down to code, both
 * canonical, into out: 1, or 0 when code is not under parent. */
static int child_towards(const char *parent, const char *code, char out[DIV_BUF])
{
    if (!strcmp(parent, STAT_NATIONAL)) {
        char anc[5][DIV_BUF];
        size_t k = div_ancestors(code, 0, anc, 5);
        snprintf(out, DIV_BUF, "%s", k ? anc[0] : code);
        return div_level(out) == DIV_PROVINCE;
    }
    /* Summary codes are skipped first (110101's parent is 北京市); a table that counts
     * under a summary code (429000) finds its children with them kept. */
    for (unsigned flags = 0; flags <= DIV_KEEP_SUMMARY; flags += DIV_KEEP_SUMMARY) {
        char cur[DIV_BUF], up[DIV_BUF];
        snprintf(cur, sizeof cur, "%s", code);
        for (int step = 0; step < 6 && div_parent(cur, flags, up); step++) {
            if (!strcmp(up, parent)) {
                memcpy(out, cur, DIV_BUF);
                return 1;
            }
            memcpy(cur, up, DIV_BUF);
        }
    }
    return 0;
}

/* The first region code >= lo and < hi with a value of ind (NULL: any). 1 (out), 0, -1. */
static int first_code(sqlite3_stmt *st, const char *ind, const char *lo, const char *hi,
                      char out[32])
{
    sqlite3_reset(st);
    int k = 1;
    if (ind)
        sqlite3_bind_text(st, k++, ind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, k++, lo, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, k, hi, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *c = (const char *)sqlite3_column_text(st, 0);
        snprintf(out, 32, "%s", c ? c : "");
        return 1;
    }
    return rc == SQLITE_DONE ? 0 : -1;
}

int sq_children(sqlite3 *db, const char *const *inds, size_t nind, const char *parent,
                char ***codes, size_t *n, char **err)
{
    *codes = NULL;
    *n = 0;
    if (err)
        *err = NULL;
    char p[DIV_BUF] = STAT_NATIONAL, lo[40] = "0", hi[40] = ":"; /* every digit string */
    if (parent && *parent && strcmp(parent, STAT_NATIONAL)) {
        div_prefix range;
        if (!div_normalize(parent, p) || !div_prefix_parse(p, &range)) {
            div_info info;
            div_parse(parent, &info);
            if (err)
                *err = xasprintf("“%s”不是区划代码%s%s", parent, *info.problem ? "：" : "",
                                 info.problem);
            return -1;
        }
        snprintf(lo, sizeof lo, "%s", range.text_lo);
        snprintf(hi, sizeof hi, "%s", range.text_hi);
    }
    /* Skip scan: the first code in range, then past the subtree of its child of parent:
     * an index seek per region listed (per indicator), whatever the number of values. */
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db,
                                nind ? "SELECT region_code FROM stat_value WHERE indicator = ?1 "
                                       "AND region_code >= ?2 AND region_code < ?3 "
                                       "ORDER BY region_code LIMIT 1"
                                     : "SELECT region_code FROM stat_value WHERE "
                                       "region_code >= ?1 AND region_code < ?2 "
                                       "ORDER BY region_code LIMIT 1",
                                -1, &st, NULL);
    if (rc != SQLITE_OK) {
        if (err)
            *err = sq_db_error(db, rc);
        return -1;
    }
    size_t cap = 0;
    char last[DIV_BUF] = "";
    for (;;) {
        char next[32] = "", one[32];
        for (size_t i = 0; i < (nind ? nind : 1); i++) {
            int got = first_code(st, nind ? inds[i] : NULL, lo, hi, one);
            if (got < 0) {
                rc = sqlite3_errcode(db);
                goto fail;
            }
            if (got && (!*next || strcmp(one, next) < 0))
                memcpy(next, one, sizeof next);
        }
        if (!*next)
            break;
        char canon[DIV_BUF], child[DIV_BUF];
        div_prefix sub;
        div_prefix two;
        char head[3] = {next[0], next[0] ? next[1] : '\0', '\0'};
        if (head[0] >= '0' && head[0] <= '9' && head[1] >= '0' && head[1] <= '9' &&
            !div_prefix_parse(head, &two)) {
            /* Not a province's digits: nothing under them is anyone's child. */
            snprintf(lo, sizeof lo, "%c%c", head[0], head[1] + 1);
            continue;
        }
        if (!div_normalize(next, canon) || !strcmp(canon, STAT_NATIONAL) ||
            !strcmp(canon, p) || !child_towards(p, canon, child) ||
            !div_prefix_parse(child, &sub)) {
            snprintf(lo, sizeof lo, "%s\x01", next); /* just past this code */
            continue;
        }
        if (!strcmp(canon, child) && strcmp(canon, last)) {
            *codes = xgrow(*codes, &cap, *n + 1, sizeof **codes);
            (*codes)[(*n)++] = xstrdup(next);
            memcpy(last, canon, sizeof last);
        }
        if (strcmp(sub.text_hi, lo) <= 0) { /* cannot happen; never loop */
            snprintf(lo, sizeof lo, "%s\x01", next);
            continue;
        }
        snprintf(lo, sizeof lo, "%s", sub.text_hi);
    }
    sqlite3_finalize(st);
    return 0;
fail:
    sqlite3_finalize(st);
    for (size_t i = 0; i < *n; i++)
        free((*codes)[i]);
    free(*codes);
    *codes = NULL;
    *n = 0;
    if (err)
        *err = sq_db_error(db, rc);
    return -1;
}

int statq_regions(sqlite3 *db, const char *indicator, const char *parent, char ***codes,
                  size_t *n, char **err)
{
    const char *one[1] = {indicator};
    return sq_children(db, one, indicator ? 1 : 0, parent, codes, n, err);
}

char *statq_region_name(sqlite3 *db, const char *code)
{
    if (!code)
        return xstrdup("");
    if (!strcmp(code, STAT_NATIONAL))
        return xstrdup("全国");
    char canon[DIV_BUF];
    if (!div_normalize(code, canon))
        snprintf(canon, sizeof canon, "%.12s", code);
    static const char *const sql[] = {
        /* The name it goes by now (as the 地名 look-up picks it), else its latest. */
        "SELECT name FROM division WHERE code = ?1 ORDER BY ended, valid_from DESC, id DESC "
        "LIMIT 1",
        "SELECT region_name FROM stat_value WHERE region_code = ?1 LIMIT 1",
    };
    for (size_t i = 0; i < 2; i++) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, sql[i], -1, &st, NULL) != SQLITE_OK)
            continue; /* a database without the division table: the next source */
        sqlite3_bind_text(st, 1, i == 0 ? canon : code, -1, SQLITE_STATIC);
        char *name = sqlite3_step(st) == SQLITE_ROW ? col_dup(st, 0) : NULL;
        sqlite3_finalize(st);
        if (name && *name)
            return name;
        free(name);
    }
    return xstrdup(code);
}

/* ---- periods ------------------------------------------------------------------------ */

int sq_period_of(enum stat_ptype type, const char *end, stat_period *out)
{
    memset(out, 0, sizeof *out);
    if (!end || strlen(end) != 10)
        return 0;
    int year = atoi(end), month = atoi(end + 5);
    static const int months[] = {1, 3, 6, 12};
    if ((unsigned)type > SP_YEAR || month < 1 || month > 12 || month % months[type])
        return 0;
    int index = type == SP_YEAR ? 0 : month / months[type];
    if (!stat_period_make(type, year, index, out) || strcmp(out->end, end))
        return 0;
    return 1;
}

const char *sq_period_key(const stat_period *p, char buf[16])
{
    switch (p->type) {
    case SP_MONTH:
        snprintf(buf, 16, "%04d-%02d", p->year % 10000, p->index % 100);
        break;
    case SP_QUARTER:
        snprintf(buf, 16, "%04dQ%d", p->year % 10000, p->index % 10);
        break;
    case SP_HALF:
        snprintf(buf, 16, "%04dH%d", p->year % 10000, p->index % 10);
        break;
    default:
        snprintf(buf, 16, "%04d", p->year % 10000);
    }
    return buf;
}

int statq_periods(sqlite3 *db, const char *indicator, const char *region,
                  enum stat_ptype type, stat_period **out, size_t *n, char **err)
{
    *out = NULL;
    *n = 0;
    if (err)
        *err = NULL;
    buf_t sql;
    buf_init(&sql);
    buf_adds(&sql, "SELECT DISTINCT period_end FROM stat_value WHERE period_type = ?1");
    if (indicator)
        buf_adds(&sql, " AND indicator = ?2");
    if (region)
        buf_adds(&sql, " AND region_code = ?3");
    buf_adds(&sql, " ORDER BY period_end");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql.s, -1, &st, NULL);
    buf_free(&sql);
    if (rc != SQLITE_OK) {
        if (err)
            *err = sq_db_error(db, rc);
        return -1;
    }
    sqlite3_bind_text(st, 1, stat_ptype_key(type), -1, SQLITE_STATIC);
    if (indicator)
        sqlite3_bind_text(st, 2, indicator, -1, SQLITE_STATIC);
    if (region)
        sqlite3_bind_text(st, 3, region, -1, SQLITE_STATIC);
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        stat_period p;
        if (!sq_period_of(type, (const char *)sqlite3_column_text(st, 0), &p))
            continue; /* not the last day of such a period: the loader said so */
        *out = xgrow(*out, &cap, *n + 1, sizeof **out);
        (*out)[(*n)++] = p;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*out);
        *out = NULL;
        *n = 0;
        if (err)
            *err = sq_db_error(db, rc);
        return -1;
    }
    return 0;
}
