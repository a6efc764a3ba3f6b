/* Staged hotlines written, linked, checked and staged for search
 * (loader/hotline_finish.h). */
#include "hotline_finish.h"

#include "divcode.h"
#include "phone.h"
#include "stat_regions.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int exec(load_ctx *c, const char *sql)
{
    return sqlite3_exec(c->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

static const char *col(sqlite3_stmt *s, int i)
{
    const char *t = (const char *)sqlite3_column_text(s, i);
    return t ? t : "";
}

static int write_rows(load_ctx *c)
{
    return exec(c,
                "INSERT INTO hotline(id, number, number_raw, display, extension, via_platform, "
                "service_line, operator, admin_level, division_code, hours, hours_raw, "
                "holiday_rule, status, published, verified, address, note, source_id, line) "
                "SELECT id, number, number_raw, display, extension, via_platform, service_line, "
                "operator, admin_level, region_code, hours, hours_raw, holiday_rule, status, "
                "published, verified, address, note, source_id, line FROM temp.hotline_stage "
                "WHERE dropped = 0 ORDER BY id;"
                /* the areas given, else the region */
                "INSERT INTO hotline_area(hotline_id, division_code) "
                "SELECT a.stage_id, a.code FROM temp.hotline_area_stage a "
                "JOIN temp.hotline_stage s ON s.id = a.stage_id "
                "WHERE s.dropped = 0 AND a.code IS NOT NULL "
                "GROUP BY a.stage_id, a.code ORDER BY a.stage_id, min(a.ord);"
                "INSERT INTO hotline_area(hotline_id, division_code) "
                "SELECT s.id, s.region_code FROM temp.hotline_stage s "
                "WHERE s.dropped = 0 AND s.region_code IS NOT NULL AND NOT EXISTS "
                "(SELECT 1 FROM temp.hotline_area_stage a WHERE a.stage_id = s.id) "
                "ORDER BY s.id;");
}

/* How near a candidate's division is to the line's: 0 the same, 1 above it, 2 the
 * nation or none, 3 elsewhere. */
static int nearness(const char *line_div, const char *cand_div)
{
    if (!*cand_div || !strcmp(cand_div, STAT_REGION_NATIONAL))
        return 2;
    if (!*line_div)
        return 3;
    if (!strcmp(line_div, cand_div))
        return 0;
    return div_is_ancestor(cand_div, line_div) ? 1 : 3;
}

static int link_replaced(load_ctx *c)
{
    sqlite3_stmt *rows = NULL, *cands = NULL, *set = NULL;
    int rc = -1, stop = 0;
    if (sqlite3_prepare_v2(c->db,
                           "SELECT s.id, s.replaced_by, s.replaced_by_raw, "
                           "coalesce(s.region_code, ''), coalesce(src.path, '?'), s.line "
                           "FROM temp.hotline_stage s LEFT JOIN source src ON "
                           "src.id = s.source_id WHERE s.dropped = 0 AND "
                           "s.replaced_by_raw IS NOT NULL ORDER BY s.id",
                           -1, &rows, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "SELECT id, coalesce(division_code, '') FROM hotline "
                                  "WHERE number = ?1 AND id <> ?2 ORDER BY id",
                           -1, &cands, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "UPDATE hotline SET replaced_by = ?2 WHERE id = ?1", -1, &set,
                           NULL) != SQLITE_OK)
        goto out;
    while (!stop && sqlite3_step(rows) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(rows, 0), best = 0;
        int best_near = 99;
        char div[DIV_BUF];
        snprintf(div, DIV_BUF, "%s", col(rows, 3));
        sqlite3_bind_text(cands, 1, col(rows, 1), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(cands, 2, id);
        while (sqlite3_step(cands) == SQLITE_ROW) {
            int n = nearness(div, col(cands, 1));
            if (n < best_near) {
                best_near = n;
                best = sqlite3_column_int64(cands, 0);
            }
        }
        sqlite3_reset(cands);
        if (!best) {
            diag_warn(c->d, col(rows, 4), (long)sqlite3_column_int64(rows, 5),
                      "替代号码“%s”不是已载入的热线；未链接", col(rows, 2));
            continue;
        }
        sqlite3_bind_int64(set, 1, id);
        sqlite3_bind_int64(set, 2, best);
        stop = sqlite3_step(set) != SQLITE_DONE;
        sqlite3_reset(set);
    }
    rc = stop ? -1 : 0;
out:
    sqlite3_finalize(rows);
    sqlite3_finalize(cands);
    sqlite3_finalize(set);
    return rc;
}

/* Landlines against the area codes of their division and the divisions above it. */
static int check_area_codes(load_ctx *c)
{
    sqlite3_stmt *any = NULL, *rows = NULL, *codes = NULL;
    int rc = -1;
    if (sqlite3_prepare_v2(c->db, "SELECT 1 FROM area_code WHERE division_code IS NOT NULL "
                                  "LIMIT 1", -1, &any, NULL) != SQLITE_OK)
        goto out;
    if (sqlite3_step(any) != SQLITE_ROW) {
        rc = 0; /* no area codes: nothing to compare */
        goto out;
    }
    if (sqlite3_prepare_v2(c->db,
                           "SELECT s.area, s.region_code, s.display, coalesce(src.path, '?'), "
                           "s.line, coalesce((SELECT name FROM division d WHERE d.code = "
                           "s.region_code AND d.ended = 0 LIMIT 1), s.region_code) "
                           "FROM temp.hotline_stage s LEFT JOIN source src ON "
                           "src.id = s.source_id WHERE s.dropped = 0 AND s.phone_kind = ?1 "
                           "AND s.region_code IS NOT NULL AND s.area IS NOT NULL ORDER BY s.id",
                           -1, &rows, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "SELECT DISTINCT area_code FROM area_code "
                                  "WHERE division_code = ?1 ORDER BY area_code",
                           -1, &codes, NULL) != SQLITE_OK)
        goto out;
    sqlite3_bind_int(rows, 1, PK_LANDLINE);
    while (sqlite3_step(rows) == SQLITE_ROW) {
        const char *area = col(rows, 0);
        char chain[8][DIV_BUF];
        size_t n = div_ancestors(col(rows, 1), 0, chain, 7);
        if (n > 7)
            n = 7;
        snprintf(chain[n++], DIV_BUF, "%s", col(rows, 1));
        /* the nearest division that has area codes decides */
        char expected[128] = "";
        int match = 0, known = 0;
        for (size_t i = n; i-- > 0 && !known;) {
            sqlite3_bind_text(codes, 1, chain[i], -1, SQLITE_TRANSIENT);
            while (sqlite3_step(codes) == SQLITE_ROW) {
                known = 1;
                const char *ac = col(codes, 0);
                match |= !strcmp(ac, area);
                size_t len = strlen(expected);
                snprintf(expected + len, sizeof expected - len, "%s%s", len ? "、" : "", ac);
            }
            sqlite3_reset(codes);
        }
        if (known && !match)
            diag_warn(c->d, col(rows, 3), (long)sqlite3_column_int64(rows, 4),
                      "号码 %s 的区号 %s 与所在地区%s的区号 %s 不符", col(rows, 2), area,
                      col(rows, 5), expected);
    }
    rc = 0;
out:
    sqlite3_finalize(any);
    sqlite3_finalize(rows);
    sqlite3_finalize(codes);
    return rc;
}

static int stage_docs(load_ctx *c)
{
    return load_stage_docs_sql(
        c, "SELECT 'hotline', h.id, 0, coalesce(h.verified, h.published), h.id, 0, "
           "trim(coalesce(h.operator || ' ', '') || coalesce(h.display, h.number)), "
           "h.service_line || ' ' || h.number "
           "|| coalesce('；经 ' || h.via_platform || ' 转接', '') "
           "|| coalesce('；服务地区 ' || (SELECT group_concat(d.name, '、') FROM hotline_area a "
           "   JOIN division d ON d.code = a.division_code AND d.ended = 0 "
           "   WHERE a.hotline_id = h.id), '') "
           "|| coalesce('；地址 ' || h.address, '') "
           "|| coalesce('；接听时间 ' || h.hours_raw, '') "
           "|| CASE h.status WHEN 'merged' THEN '；已并入' || coalesce((SELECT ' ' || r.number "
           "   FROM hotline r WHERE r.id = h.replaced_by), '') "
           "   WHEN 'retired' THEN '；已停用' ELSE '' END "
           "|| coalesce('；' || h.note, '') "
           "FROM hotline h ORDER BY h.id");
}

int hotline_write(load_ctx *c)
{
    int rc = write_rows(c);
    if (!rc)
        rc = link_replaced(c);
    if (!rc)
        rc = check_area_codes(c);
    if (!rc)
        rc = stage_docs(c);
    if (rc && !c->d->stop)
        diag_error(c->d, "gongkai", 0, "hotlines: %s", sqlite3_errmsg(c->db));
    if (rc)
        c->d->stop = 1;
    return rc;
}
