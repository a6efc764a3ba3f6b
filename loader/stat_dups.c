/* Duplicate values of relief statistics (loader/stat_dups.h). */
#include "stat_dups.h"

#include "stat_checks.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    long long id;
    double base;
    int revised;
    char *raw, *unit, *path;
    long line;
} dup_row;

static void row_free(dup_row *r)
{
    free(r->raw);
    free(r->unit);
    free(r->path);
    memset(r, 0, sizeof *r);
}

static char *dup_text(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return xstrdup(t ? (const char *)t : "");
}

static int same_value(double a, double b)
{
    return fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
}

/* One group (rows in load order) at a time; the rows to drop are deleted once the
 * groups have been read, not under the running query. */
typedef struct {
    dup_row kept;
    buf_t flags;        /* messages for the kept row, "；"-joined */
    long long *drop;
    size_t ndrop, cap;
} dup_group;

static int close_group(load_ctx *c, dup_group *g)
{
    int rc = 0;
    if (g->kept.id && g->flags.len)
        rc = stat_flag_add(c, g->kept.id, "duplicate", g->flags.s, 0);
    row_free(&g->kept);
    buf_free(&g->flags);
    buf_init(&g->flags);
    return rc;
}

static void drop_id(dup_group *g, long long id)
{
    g->drop = xgrow(g->drop, &g->cap, g->ndrop + 1, sizeof *g->drop);
    g->drop[g->ndrop++] = id;
}

int stat_dups_finish(load_ctx *c)
{
    char *err = NULL;
    /* The groups from one pass over the index, then their rows. */
    if (sqlite3_exec(c->db,
                     "CREATE INDEX temp.stat_stage_key ON stat_stage(indicator, region_code, "
                     "period_type, period_end, id)",
                     NULL, NULL, &err) != SQLITE_OK) {
        diag_error(c->d, "gongkai", 0, "statistics duplicates: %s", err);
        sqlite3_free(err);
        return -1;
    }
    sqlite3_stmt *q = NULL, *del = NULL;
    int rc = -1;
    if (sqlite3_prepare_v2(
            c->db,
            "WITH d AS (SELECT indicator, region_code, period_type, period_end "
            "FROM temp.stat_stage GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) "
            "SELECT s.id, s.base, s.revised, s.value_raw, s.unit, coalesce(src.path, '?'), "
            "s.line, i.name, s.region_name, s.period_type, s.period_end, s.indicator, "
            "s.region_code "
            "FROM d JOIN temp.stat_stage s ON s.indicator = d.indicator AND "
            "s.region_code = d.region_code AND s.period_type = d.period_type AND "
            "s.period_end = d.period_end JOIN indicator i ON i.code = s.indicator "
            "LEFT JOIN source src ON src.id = s.source_id "
            "ORDER BY s.indicator, s.region_code, s.period_type, s.period_end, s.id",
            -1, &q, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "DELETE FROM temp.stat_stage WHERE id = ?1", -1, &del,
                           NULL) != SQLITE_OK) {
        diag_error(c->d, "gongkai", 0, "statistics duplicates: %s", sqlite3_errmsg(c->db));
        goto out;
    }
    dup_group g;
    memset(&g, 0, sizeof g);
    buf_init(&g.flags);
    char *group_key = NULL;
    int step = SQLITE_DONE;
    rc = 0;
    while (!rc && (step = sqlite3_step(q)) == SQLITE_ROW) {
        /* the group's key: indicator, region, type and end are the same within a group */
        char *key = xasprintf("%s|%s|%s|%s", (const char *)sqlite3_column_text(q, 11),
                              (const char *)sqlite3_column_text(q, 12),
                              (const char *)sqlite3_column_text(q, 9),
                              (const char *)sqlite3_column_text(q, 10));
        dup_row r = {
            .id = sqlite3_column_int64(q, 0),
            .base = sqlite3_column_double(q, 1),
            .revised = sqlite3_column_int(q, 2),
            .raw = dup_text(q, 3),
            .unit = dup_text(q, 4),
            .path = dup_text(q, 5),
            .line = (long)sqlite3_column_int64(q, 6),
        };
        if (!group_key || strcmp(group_key, key)) {
            rc = close_group(c, &g);
            free(group_key);
            group_key = key;
            g.kept = r;
            continue;
        }
        free(key);
        if (same_value(g.kept.base, r.base)) {
            drop_id(&g, r.id); /* two sources agree */
            row_free(&r);
        } else if (r.revised) {
            drop_id(&g, g.kept.id); /* a revision replaces what it revises */
            row_free(&g.kept);
            buf_free(&g.flags);
            buf_init(&g.flags);
            g.kept = r;
        } else {
            char label[32];
            const char *name = (const char *)sqlite3_column_text(q, 7);
            const char *region = (const char *)sqlite3_column_text(q, 8);
            stat_period_label_of((const char *)sqlite3_column_text(q, 9),
                                 (const char *)sqlite3_column_text(q, 10), label);
            diag_warn(c->d, r.path, r.line,
                      "%s %s %s 已由 %s:%ld 给出 %s %s，本行为 %s %s，不同且未标修订：保留先载入的值",
                      region, label, name, g.kept.path, g.kept.line, g.kept.raw, g.kept.unit,
                      r.raw, r.unit);
            buf_printf(&g.flags, "%s%s:%ld 另报 %s %s（未载入）", g.flags.len ? "；" : "", r.path,
                       r.line, r.raw, r.unit);
            drop_id(&g, r.id);
            row_free(&r);
        }
    }
    if (!rc && step != SQLITE_DONE)
        rc = -1;
    if (!rc)
        rc = close_group(c, &g);
    else
        row_free(&g.kept);
    sqlite3_reset(q);
    for (size_t i = 0; !rc && i < g.ndrop; i++) {
        sqlite3_bind_int64(del, 1, g.drop[i]);
        rc = sqlite3_step(del) == SQLITE_DONE ? 0 : -1;
        sqlite3_reset(del);
    }
    buf_free(&g.flags);
    free(g.drop);
    free(group_key);
    if (rc)
        diag_error(c->d, "gongkai", 0, "statistics duplicates: %s", sqlite3_errmsg(c->db));
out:
    sqlite3_finalize(q);
    sqlite3_finalize(del);
    return rc;
}
