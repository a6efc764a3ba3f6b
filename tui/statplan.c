/* Planning a `gongkai stats` table (tui/statplan.h). */
#include "statplan.h"

#include "place.h"
#include "u8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- regions ------------------------------------------------------------------------ */

static int has_values(sqlite3 *db, const char *code)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM stat_value WHERE region_code = ?1 LIMIT 1", -1,
                           &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    int yes = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return yes;
}

/* A region the statistics name but the division table does not know: by the name a
 * source wrote, whole, else as its start (北京 for 北京市). */
static int by_source_name(sqlite3 *db, const char *text, char code[DIV_BUF])
{
    static const char *const sql[] = {
        "SELECT region_code FROM stat_value WHERE region_name = ?1 ORDER BY region_code LIMIT 1",
        "SELECT region_code FROM stat_value WHERE substr(region_name, 1, length(?1)) = ?1 "
        "ORDER BY length(region_name), region_code LIMIT 1",
    };
    for (size_t i = 0; i < 2; i++) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, sql[i], -1, &st, NULL) != SQLITE_OK)
            return -1;
        sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            snprintf(code, DIV_BUF, "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        if (rc == SQLITE_ROW)
            return 1;
        if (rc != SQLITE_DONE)
            return -1;
    }
    return 0;
}

/* The code of a region as typed: 1 (code; *note may say which of several was taken),
 * 0 unknown, -1 a database error. */
static int resolve_region(gk_db *db, const char *text, char code[DIV_BUF], char **note)
{
    *note = NULL;
    static const char *const national[] = {"全国", "全國", "中国", "全国合计", "national",
                                           "china", STAT_NATIONAL};
    for (size_t i = 0; i < sizeof national / sizeof *national; i++)
        if (!strcmp(text, national[i])) {
            snprintf(code, DIV_BUF, "%s", STAT_NATIONAL);
            return 1;
        }
    if (div_looks_like_code(text)) {
        char canon[DIV_BUF], padded[DIV_BUF];
        if (div_normalize(text, canon)) {
            /* The form the values are stored in, when the canonical one has none. */
            int keep = has_values(db->h, canon) || !div_pad12(canon, padded) ||
                       !has_values(db->h, padded);
            snprintf(code, DIV_BUF, "%s", keep ? canon : padded);
            return 1;
        }
    }
    place_opts o = PLACE_OPTS_INIT;
    o.limit = 20;
    place_result r;
    char *err = NULL;
    if (place_lookup(db, text, &o, &r, &err) != 0) {
        free(err);
        place_result_free(&r);
        return -1;
    }
    /* The strongest reason, current divisions first; among those, one with values. */
    size_t best = SIZE_MAX, same = 0;
    for (size_t i = 0; i < r.n; i++) {
        const place_hit *h = &r.hits[i];
        if (h->reason != r.hits[0].reason || (h->ended && !r.hits[0].ended))
            continue;
        same++;
        if (best == SIZE_MAX || (!has_values(db->h, r.hits[best].code) && has_values(db->h, h->code)))
            best = i;
    }
    int rc = 0;
    if (best != SIZE_MAX) {
        snprintf(code, DIV_BUF, "%s", r.hits[best].code);
        rc = 1;
        if (same > 1) {
            buf_t b;
            buf_init(&b);
            buf_printf(&b, "“%s”有 %zu 个地区，取 %s %s", text, same, r.hits[best].code,
                       r.hits[best].path_text);
            size_t listed = 0;
            for (size_t i = 0; i < r.n && listed < 3; i++) {
                const place_hit *h = &r.hits[i];
                if (i == best || h->reason != r.hits[0].reason ||
                    (h->ended && !r.hits[0].ended))
                    continue;
                buf_printf(&b, "%s%s %s", listed++ ? "、" : "；另有 ", h->code, h->path_text);
            }
            buf_printf(&b, "%s（可用代码指定）", same - 1 > listed ? " 等" : "");
            *note = buf_take(&b);
        }
    } else {
        rc = by_source_name(db->h, text, code);
    }
    place_result_free(&r);
    return rc;
}

/* ---- what to show --------------------------------------------------------------------- */

static const char *type_word(enum stat_ptype t)
{
    return t == SP_MONTH ? "按月" : t == SP_QUARTER ? "按季" : t == SP_HALF ? "按半年" : "按年";
}

/* The periods of each type with values for the indicators (and the region, when one). */
static void count_periods(sqlite3 *db, char *const *inds, size_t nind, const char *region,
                          size_t count[SP_YEAR + 1])
{
    for (int t = SP_MONTH; t <= SP_YEAR; t++) {
        count[t] = 0;
        for (size_t i = 0; i < nind; i++) {
            stat_period *p;
            size_t n;
            if (statq_periods(db, inds[i], region, (enum stat_ptype)t, &p, &n, NULL) == 0) {
                count[t] += n;
                free(p);
            }
        }
    }
}

/* The type with the most periods of values; a tie goes to the longer type. */
static enum stat_ptype guess_type(const size_t count[SP_YEAR + 1])
{
    enum stat_ptype best = SP_YEAR;
    for (int t = SP_YEAR; t >= SP_MONTH; t--)
        if (count[t] > count[best])
            best = (enum stat_ptype)t;
    return best;
}

static int period_cmp(const void *a, const void *b)
{
    return stat_period_cmp(a, b);
}

/* Every period with values of the indicators in the region, whatever its type, oldest
 * first: a region's series mixes bulletin years with briefing months. New array. */
static stat_period *all_periods(sqlite3 *db, char *const *inds, size_t nind, const char *region,
                                size_t *n)
{
    stat_period *all = NULL;
    size_t cap = 0;
    *n = 0;
    for (int t = SP_MONTH; t <= SP_YEAR; t++)
        for (size_t i = 0; i < nind; i++) {
            stat_period *p;
            size_t k;
            if (statq_periods(db, inds[i], region, (enum stat_ptype)t, &p, &k, NULL) != 0)
                continue;
            all = xgrow(all, &cap, *n + k + 1, sizeof *all);
            if (k)
                memcpy(all + *n, p, k * sizeof *p);
            *n += k;
            free(p);
        }
    if (*n)
        qsort(all, *n, sizeof *all, period_cmp);
    size_t m = 0;
    for (size_t i = 0; i < *n; i++)
        if (!m || stat_period_cmp(&all[m - 1], &all[i]) || all[m - 1].type != all[i].type)
            all[m++] = all[i];
    *n = m;
    return all;
}

/* The latest period of type with values for any of the indicators, within [from, to]. */
static int latest_period(sqlite3 *db, char *const *inds, size_t nind, enum stat_ptype type,
                         const char *from, const char *to, stat_period *out)
{
    int found = 0;
    for (size_t i = 0; i < nind; i++) {
        stat_period *p;
        size_t n;
        if (statq_periods(db, inds[i], NULL, type, &p, &n, NULL) != 0)
            continue;
        for (size_t k = 0; k < n; k++)
            if ((!*from || strcmp(p[k].end, from) >= 0) && (!*to || strcmp(p[k].end, to) <= 0) &&
                (!found || stat_period_cmp(&p[k], out) > 0)) {
                *out = p[k];
                found = 1;
            }
        free(p);
    }
    return found;
}


void stats_plan_free(stats_plan *r)
{
    for (size_t i = 0; i < r->nind; i++)
        free(r->inds[i]);
    free(r->inds);
    free(r->regions);
    free(r->periods);
    buf_free(&r->hint);
}

static int bad_period(FILE *err, const char *opt, const char *text)
{
    fprintf(err, "gongkai stats: %s 时期写法不对：%s（如 2021、2021-03、2021Q1、2021H1、2021年3月）\n",
            opt, text);
    return 2;
}

/* Indicators, regions and periods as codes and periods: 0, or the exit status. */
int stats_resolve(gk_db *db, const stats_args *a, stats_plan *r, FILE *err)
{
    memset(r, 0, sizeof *r);
    r->inds = xcalloc(a->nind + 1, sizeof *r->inds);
    for (size_t i = 0; i < a->nind; i++) {
        stat_ind ind;
        int rc = statq_indicator(db->h, a->inds[i], &ind);
        if (rc <= 0) {
            char *t = u8_sanitize(a->inds[i], strlen(a->inds[i]), 0);
            if (rc < 0)
                fprintf(err, "gongkai stats: %s\n", db_error_text(sqlite3_errcode(db->h)));
            else
                fprintf(err, "gongkai stats: 未知指标“%s”（gongkai stats 列出有数值的指标，"
                             "--all 列出全部）\n",
                        t);
            free(t);
            return 2;
        }
        r->inds[r->nind++] = xstrdup(ind.code);
        statq_ind_free(&ind);
    }
    r->regions = xcalloc(a->nreg + 1, sizeof *r->regions);
    for (size_t i = 0; i <= a->nreg; i++) {
        const char *text = i < a->nreg ? a->regions[i] : a->under;
        if (!text)
            continue;
        char code[DIV_BUF], *note = NULL;
        int rc = resolve_region(db, text, code, &note);
        char *t = u8_sanitize(text, strlen(text), 0);
        if (rc <= 0) {
            if (rc < 0)
                fprintf(err, "gongkai stats: %s\n", db_error_text(sqlite3_errcode(db->h)));
            else
                fprintf(err, "gongkai stats: 找不到地区“%s”（可写 全国、区划代码、地名或拼音）\n",
                        t);
            free(t);
            return 2;
        }
        if (note) {
            char *n = u8_sanitize(note, strlen(note), 0);
            fprintf(err, "gongkai stats: %s\n", n);
            free(n);
            free(note);
        }
        free(t);
        if (i < a->nreg)
            memcpy(r->regions[r->nreg++], code, DIV_BUF);
        else
            memcpy(r->under, code, DIV_BUF);
    }
    r->periods = xcalloc(a->nper + 2, sizeof *r->periods);
    for (size_t i = 0; i < a->nper; i++)
        if (!stat_period_parse(a->periods[i], &r->periods[r->nper++]))
            return bad_period(err, "--period", a->periods[i]);
    stat_period p;
    if (a->from) {
        if (!stat_period_parse(a->from, &p))
            return bad_period(err, "--from", a->from);
        memcpy(r->from, p.start, sizeof r->from);
    }
    if (a->to) {
        if (!stat_period_parse(a->to, &p))
            return bad_period(err, "--to", a->to);
        memcpy(r->to, p.end, sizeof r->to);
    }
    return 0;
}

/* What the table shows: the regions when none were given, the layout, the periods or
 * their type. 0, or the exit status. */
int stats_plan_layout(sqlite3 *h, const stats_args *a, stats_plan *r, FILE *err)
{
    /* Regions: as given, else under --under, else 全国 when it has values, else the
     * provinces. */
    int many_regions = r->nreg > 1 || *r->under || a->rank;
    if (!r->nreg && !*r->under) {
        int national = 0;
        for (size_t i = 0; i < r->nind && !a->rank; i++) {
            const char *one = STAT_NATIONAL;
            stat_period *p;
            size_t n = 0;
            for (int t = SP_MONTH; t <= SP_YEAR && !national; t++)
                if (statq_periods(h, r->inds[i], one, (enum stat_ptype)t, &p, &n, NULL) == 0) {
                    national = n > 0;
                    free(p);
                }
        }
        if (national) {
            snprintf(r->regions[0], DIV_BUF, "%s", STAT_NATIONAL);
            r->nreg = 1;
        } else {
            snprintf(r->under, DIV_BUF, "%s", STAT_NATIONAL);
            many_regions = 1;
        }
    }
    /* Periods: --rank's, --period's, else a type and a range. */
    if (a->rank) {
        if (!stat_period_parse(a->rank, &r->rank))
            return bad_period(err, "--rank", a->rank);
        if (r->nind != 1) {
            fprintf(err, "gongkai stats: --rank 只用于一个指标\n");
            return 2;
        }
        r->periods[0] = r->rank;
        r->nper = 1;
    }
    /* The layout: one region a series; many regions × periods for one indicator; many
     * indicators of many regions for one period. */
    enum stat_axis rows, cols;
    if (!many_regions) {
        rows = SA_PERIOD;
        cols = SA_INDICATOR;
    } else if (r->nind == 1) {
        rows = SA_REGION;
        cols = SA_PERIOD;
    } else {
        rows = SA_REGION;
        cols = SA_INDICATOR;
    }
    if (a->has_rows && a->has_cols) {
        rows = a->rows;
        cols = a->cols;
    } else if (a->has_rows) {
        cols = cols != a->rows ? cols : rows;
        rows = a->rows;
    } else if (a->has_cols) {
        rows = rows != a->cols ? rows : cols;
        cols = a->cols;
    }
    /* The periods' type: as asked, else that of --from or --to, else the one with the
     * most periods of values (saying which others there are, once there is a table); a
     * series without any of them shows every period. */
    enum stat_ptype type = a->type;
    if (!a->has_type && !r->nper) {
        stat_period p;
        size_t count[SP_YEAR + 1];
        if (a->from && stat_period_parse(a->from, &p)) {
            type = p.type;
        } else if (a->to && stat_period_parse(a->to, &p)) {
            type = p.type;
        } else if (rows == SA_PERIOD && r->nreg == 1) {
            size_t n;
            stat_period *all = all_periods(h, r->inds, r->nind, r->regions[0], &n);
            if (n) {
                free(r->periods);
                r->periods = all;
                r->nper = n;
            } else {
                free(all);
            }
        } else {
            count_periods(h, r->inds, r->nind, r->nreg == 1 ? r->regions[0] : NULL, count);
            type = guess_type(count);
            for (int t = SP_MONTH; t <= SP_YEAR; t++)
                if (t != (int)type && count[t] && (rows == SA_PERIOD || cols == SA_PERIOD))
                    buf_printf(&r->hint, "gongkai stats: %s显示；另有%s的数值（--type %s）\n",
                               type_word(type), type_word((enum stat_ptype)t),
                               stat_ptype_key((enum stat_ptype)t));
        }
    }
    enum stat_axis fixed = (enum stat_axis)(3 - rows - cols);
    if (fixed == SA_PERIOD && !r->nper) {
        stat_period p;
        if (!latest_period(h, r->inds, r->nind, type, r->from, r->to, &p)) {
            fprintf(err, "gongkai stats: 没有%s的数值\n", type_word(type));
            return 1;
        }
        char label[32];
        fprintf(err, "gongkai stats: 未指定时期，取有数值的最近一期：%s（用 --period 指定）\n",
                stat_period_label(&p, label));
        r->periods[0] = p;
        r->nper = 1;
    }
    r->type = type;
    r->rows = rows;
    r->cols = cols;
    return 0;
}

/* Builds and prints the table. Returns the exit status. */
