/* Places of staged hotlines (loader/hotline_places.h). */
#include "hotline_places.h"

#include "divcode.h"
#include "hotline_fields.h"
#include "region_names.h"
#include "stat_regions.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    sqlite3_stmt *exists, *cache_get, *cache_put;
    int have_divisions;
} ctx_t;

/* A code the division table has now (the nation always). */
static int code_exists(load_ctx *c, ctx_t *x, const char *code)
{
    if (!strcmp(code, STAT_REGION_NATIONAL) || !x->have_divisions)
        return 1;
    (void)c;
    sqlite3_bind_text(x->exists, 1, code, -1, SQLITE_STATIC);
    int found = sqlite3_step(x->exists) == SQLITE_ROW;
    sqlite3_reset(x->exists);
    return found;
}

/* A name under a code ("" anywhere), remembered: 1 with code and *note (new, or NULL: a
 * match by a former name, region_name_resolve), 0 with *why (new), -1. */
static int resolve(load_ctx *c, ctx_t *x, const char *key, const char *under,
                   char code[DIV_BUF], char **why, char **note)
{
    *why = NULL;
    *note = NULL;
    sqlite3_bind_text(x->cache_get, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(x->cache_get, 2, under, -1, SQLITE_STATIC);
    if (sqlite3_step(x->cache_get) == SQLITE_ROW) {
        int ok = sqlite3_column_type(x->cache_get, 0) != SQLITE_NULL;
        if (ok) {
            snprintf(code, DIV_BUF, "%s", (const char *)sqlite3_column_text(x->cache_get, 0));
            if (sqlite3_column_type(x->cache_get, 2) != SQLITE_NULL)
                *note = xstrdup((const char *)sqlite3_column_text(x->cache_get, 2));
        } else
            *why = xstrdup((const char *)sqlite3_column_text(x->cache_get, 1));
        sqlite3_reset(x->cache_get);
        return ok;
    }
    sqlite3_reset(x->cache_get);
    int rc = region_name_resolve(c, key, under, code, why, note);
    if (rc < 0)
        return -1;
    sqlite3_bind_text(x->cache_put, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(x->cache_put, 2, under, -1, SQLITE_STATIC);
    if (rc)
        sqlite3_bind_text(x->cache_put, 3, code, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(x->cache_put, 3);
    sqlite3_bind_text(x->cache_put, 4, *why ? *why : "", -1, SQLITE_STATIC);
    if (*note)
        sqlite3_bind_text(x->cache_put, 5, *note, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(x->cache_put, 5);
    int step = sqlite3_step(x->cache_put);
    sqlite3_reset(x->cache_put);
    return step == SQLITE_DONE ? rc : -1;
}

/* The place an operator's name begins with, longest first. 1 with code and *note (as
 * resolve), 0 with *why NULL or where a former name led (new), -1. */
static int from_operator(load_ctx *c, ctx_t *x, const char *op, const char *under,
                         char code[DIV_BUF], char **note, char **former_why)
{
    char *cands[8];
    size_t n = hotline_operator_places(op, cands, 8);
    int rc = 0;
    *note = NULL;
    *former_why = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!rc) {
            char *key = stat_region_key(cands[i]), *why = NULL;
            rc = resolve(c, x, key, under, code, &why, note);
            if (!rc && why && !*former_why && !strncmp(why, "曾用名", strlen("曾用名")))
                *former_why = why;
            else
                free(why);
            free(key);
        }
        free(cands[i]);
    }
    if (rc) {
        free(*former_why);
        *former_why = NULL;
    }
    return rc;
}

/* Appends a warning about what (taken) to *warning, one message per source row. */
static void add_warning(char **warning, const char *what, char *taken)
{
    if (!taken)
        return;
    char *w = *warning ? xasprintf("%s；%s%s", *warning, what, taken)
                       : xasprintf("%s%s", what, taken);
    free(*warning);
    free(taken);
    *warning = w;
}

static const char *col(sqlite3_stmt *s, int i)
{
    const char *t = (const char *)sqlite3_column_text(s, i);
    return t ? t : "";
}

int hotline_places_resolve(load_ctx *c)
{
    ctx_t x = {0};
    sqlite3_stmt *rows = NULL, *areas = NULL, *set = NULL, *set_area = NULL, *any = NULL;
    int rc = -1;
    if (sqlite3_exec(c->db, "CREATE TEMP TABLE hotline_resolved(key TEXT, under TEXT, "
                            "code TEXT, why TEXT, note TEXT, PRIMARY KEY (key, under));"
                            "CREATE INDEX temp.hotline_area_stage_id ON "
                            "hotline_area_stage(stage_id);",
                     NULL, NULL, NULL) != SQLITE_OK)
        goto out;
    if (sqlite3_prepare_v2(c->db, "SELECT 1 FROM division LIMIT 1", -1, &any, NULL) != SQLITE_OK)
        goto out;
    x.have_divisions = sqlite3_step(any) == SQLITE_ROW;
    if (sqlite3_prepare_v2(c->db, "SELECT 1 FROM division WHERE code = ?1 AND ended = 0 LIMIT 1",
                           -1, &x.exists, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "SELECT code, why, note FROM temp.hotline_resolved "
                                  "WHERE key = ?1 AND under = ?2", -1, &x.cache_get,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "INSERT INTO temp.hotline_resolved VALUES (?1,?2,?3,?4,?5)", -1,
                           &x.cache_put, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db,
                           "SELECT s.id, s.region_mode, s.region_text, s.region_key, "
                           "s.region_code, s.province_text, s.province_key, s.province_code, "
                           "s.admin_level, coalesce(src.path, '?'), s.line, s.source_id "
                           "FROM temp.hotline_stage s LEFT JOIN source src ON "
                           "src.id = s.source_id ORDER BY s.id", -1, &rows, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "SELECT rowid, text, key, code FROM temp.hotline_area_stage "
                                  "WHERE stage_id = ?1 ORDER BY ord", -1, &areas,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "UPDATE temp.hotline_stage SET region_code = ?2, "
                                  "province_code = ?3, admin_level = ?4, dropped = ?5 "
                                  "WHERE id = ?1", -1, &set, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "UPDATE temp.hotline_area_stage SET code = ?2 WHERE rowid = ?1",
                           -1, &set_area, NULL) != SQLITE_OK)
        goto out;
    long long last_src = -1, last_line = -1;
    int last_dropped = 0, stop = 0, failed = 0;
    while (!stop && !failed && sqlite3_step(rows) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(rows, 0);
        int mode = sqlite3_column_int(rows, 1);
        char region_text[256], province_text[256], path[512], level[16];
        snprintf(region_text, sizeof region_text, "%s", col(rows, 2));
        snprintf(province_text, sizeof province_text, "%s", col(rows, 5));
        snprintf(path, sizeof path, "%s", col(rows, 9));
        snprintf(level, sizeof level, "%s", col(rows, 8));
        char *region_key = xstrdup(col(rows, 3)), *province_key = xstrdup(col(rows, 6));
        char region_code[DIV_BUF], province_code[DIV_BUF];
        snprintf(region_code, DIV_BUF, "%s", col(rows, 4));
        snprintf(province_code, DIV_BUF, "%s", col(rows, 7));
        long line = (long)sqlite3_column_int64(rows, 10);
        long long src = sqlite3_column_int64(rows, 11);
        /* One source row may have staged several numbers: report it once. */
        int same = src == last_src && line == last_line;
        int report = !same;
        char *problem = NULL, *warning = NULL, *why = NULL, *note = NULL, *what = NULL;
        if (same && last_dropped) {
            problem = xstrdup("");
        }
        /* the province hint */
        if (!problem && *province_code && !code_exists(c, &x, province_code)) {
            warning = xasprintf("省份代码“%s”不是现行行政区划；在全国范围内查找", province_text);
            province_code[0] = '\0';
        } else if (!problem && *province_key) {
            int r = resolve(c, &x, province_key, "", province_code, &why, &note);
            if (r < 0)
                failed = 1;
            else if (!r)
                warning = xasprintf("省份“%s”%s；在全国范围内查找", province_text, why);
            what = xasprintf("省份“%s”", province_text);
            add_warning(&warning, what, note);
            free(what);
            free(why);
            why = NULL;
        }
        /* the operator's division */
        if (!problem && !failed) {
            if (mode == 1 && !code_exists(c, &x, region_code))
                problem = xasprintf("所在地区代码“%s”不是现行行政区划", region_text);
            else if (mode == 2) {
                int r = resolve(c, &x, region_key, province_code, region_code, &why, &note);
                if (r < 0)
                    failed = 1;
                else if (!r)
                    problem = xasprintf("所在地区“%s”%s", region_text, why);
                what = xasprintf("所在地区“%s”", region_text);
                add_warning(&warning, what, note);
                free(what);
            } else if (mode == 3) {
                int r = from_operator(c, &x, region_text, province_code, region_code, &note,
                                      &why);
                if (r < 0)
                    failed = 1;
                else if (!r && !warning)
                    warning = xasprintf("从名称“%s”得不出所在地区（%s%sarea_from = "
                                        "operator）；此热线没有所属行政区划",
                                        region_text, why ? why : "", why ? "；" : "");
                what = xasprintf("名称“%s”", region_text);
                add_warning(&warning, what, note);
                free(what);
            }
            free(why);
            why = NULL;
        }
        /* the divisions served */
        sqlite3_bind_int64(areas, 1, id);
        while (!problem && !failed && sqlite3_step(areas) == SQLITE_ROW) {
            long long rowid = sqlite3_column_int64(areas, 0);
            const char *text = col(areas, 1);
            char acode[DIV_BUF];
            snprintf(acode, DIV_BUF, "%s", col(areas, 3));
            if (*acode) {
                if (!code_exists(c, &x, acode))
                    problem = xasprintf("服务地区代码“%s”不是现行行政区划", text);
                continue;
            }
            int r = resolve(c, &x, col(areas, 2), province_code, acode, &why, &note);
            if (r < 0)
                failed = 1;
            else if (!r)
                problem = xasprintf("服务地区“%s”%s", text, why);
            else {
                what = xasprintf("服务地区“%s”", text);
                add_warning(&warning, what, note);
                free(what);
                sqlite3_bind_int64(set_area, 1, rowid);
                sqlite3_bind_text(set_area, 2, acode, -1, SQLITE_TRANSIENT);
                failed = sqlite3_step(set_area) != SQLITE_DONE;
                sqlite3_reset(set_area);
            }
            free(why);
            why = NULL;
        }
        sqlite3_reset(areas);
        if (!*level && *region_code && !problem)
            snprintf(level, sizeof level, "%s",
                     hotline_level_of(strcmp(region_code, STAT_REGION_NATIONAL)
                                          ? div_level(region_code)
                                          : 0));
        if (report && problem && *problem) {
            c->d->skipped++;
            stop = diag_error(c->d, path, line, "%s", problem);
        } else if (report && warning)
            diag_warn(c->d, path, line, "%s", warning);
        sqlite3_bind_int64(set, 1, id);
        if (*region_code && !problem)
            sqlite3_bind_text(set, 2, region_code, -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_null(set, 2);
        if (*province_code)
            sqlite3_bind_text(set, 3, province_code, -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_null(set, 3);
        if (*level)
            sqlite3_bind_text(set, 4, level, -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_null(set, 4);
        sqlite3_bind_int(set, 5, problem != NULL);
        failed |= sqlite3_step(set) != SQLITE_DONE;
        sqlite3_reset(set);
        last_src = src;
        last_line = line;
        last_dropped = problem != NULL;
        free(problem);
        free(warning);
        free(region_key);
        free(province_key);
    }
    if (!failed && !stop)
        rc = 0;
    else if (stop)
        rc = -1;
out:
    if (rc && !c->d->stop)
        diag_error(c->d, "gongkai", 0, "hotline places: %s", sqlite3_errmsg(c->db));
    if (rc)
        c->d->stop = 1;
    sqlite3_finalize(any);
    sqlite3_finalize(x.exists);
    sqlite3_finalize(x.cache_get);
    sqlite3_finalize(x.cache_put);
    sqlite3_finalize(rows);
    sqlite3_finalize(areas);
    sqlite3_finalize(set);
    sqlite3_finalize(set_area);
    region_names_end();
    return rc;
}
