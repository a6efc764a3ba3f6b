/* The consistency checks of relief statistics (loader/stat_checks.h).
 *
 * The numbers compared are the staging table's base (the value in the dimension's base
 * unit: 人, 元) and tol (half a unit of the last decimal published, in the same base): a
 * difference counts only when it is more than the rounding of every figure involved can
 * explain ("部分数据因四舍五入…不等"). stat_value ids are the staging ids. */
#include "stat_checks.h"

#include "statperiod.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int stat_flag_add(load_ctx *c, long long id, const char *kind, const char *message,
                  long long other)
{
    static sqlite3_stmt *st;
    sqlite3_stmt *s = load_stmt(c, &st,
                                "INSERT INTO stat_flag(value_id, kind, message, other_id) "
                                "VALUES (?1, ?2, ?3, ?4)");
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, message, -1, SQLITE_STATIC);
    if (other)
        sqlite3_bind_int64(s, 4, other);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : -1;
}

const char *stat_period_label_of(const char *type, const char *end, char buf[32])
{
    enum stat_ptype t = SP_YEAR;
    stat_ptype_parse(type, &t);
    int y = atoi(end), m = strlen(end) >= 7 ? atoi(end + 5) : 12;
    int index = t == SP_MONTH ? m : t == SP_QUARTER ? (m + 2) / 3 : t == SP_HALF ? (m + 5) / 6 : 0;
    stat_period p;
    if (!stat_period_make(t, y, index, &p)) {
        snprintf(buf, 32, "%.10s", end);
        return buf;
    }
    return stat_period_label(&p, buf);
}

const char *stat_num(double v, char buf[48])
{
    snprintf(buf, 48, "%.4f", v);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *e = buf + strlen(buf);
        while (e > dot + 1 && e[-1] == '0')
            *--e = '\0';
        if (e == dot + 1)
            *dot = '\0';
    }
    if (!strcmp(buf, "-0"))
        strcpy(buf, "0");
    return buf;
}

static const char *text(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? (const char *)t : "";
}

/* Errors are reported once, by stat_checks_run. */
static int prepare(load_ctx *c, const char *sql, sqlite3_stmt **s)
{
    return sqlite3_prepare_v2(c->db, sql, -1, s, NULL) == SQLITE_OK ? 0 : -1;
}

/* A total (parent_code in the catalogue) whose every component has a value for the same
 * region and period: the components' sum, in the total's unit, must equal it. */
static int check_sums(load_ctx *c)
{
    sqlite3_stmt *q;
    if (prepare(c,
                "WITH kids AS (SELECT parent_code AS parent, count(*) AS n FROM indicator "
                "WHERE parent_code IS NOT NULL GROUP BY parent_code) "
                "SELECT p.id, pi.name, ps.value_raw, p.unit, ps.scale, ps.base, "
                "sum(cs.base), ps.tol + sum(cs.tol), coalesce(src.path, '?'), p.line, "
                /* the components for the message, in catalogue order (only the rows
                 * that are reported get here) */
                "(SELECT group_concat(part, ' + ') FROM (SELECT k.name || ' ' || "
                "ks.value_raw || ' ' || kv.unit AS part FROM indicator k JOIN stat_value kv "
                "ON kv.indicator = k.code AND kv.region_code = p.region_code AND "
                "kv.period_start = p.period_start AND kv.period_type = p.period_type AND "
                "kv.period_end = p.period_end JOIN temp.stat_stage ks ON ks.id = kv.id "
                "WHERE k.parent_code = p.indicator ORDER BY k.ord)) "
                "FROM kids JOIN stat_value p ON p.indicator = kids.parent "
                "JOIN indicator pi ON pi.code = p.indicator "
                "JOIN temp.stat_stage ps ON ps.id = p.id "
                /* CROSS JOIN keeps this order: the component known before its values
                 * are looked up by (indicator, region, start), not by region alone */
                "CROSS JOIN indicator ci ON ci.parent_code = p.indicator "
                "CROSS JOIN stat_value v ON v.indicator = ci.code AND "
                "v.region_code = p.region_code "
                "AND v.period_start = p.period_start AND v.period_type = p.period_type "
                "AND v.period_end = p.period_end "
                "JOIN temp.stat_stage cs ON cs.id = v.id AND cs.dim = ps.dim "
                "LEFT JOIN source src ON src.id = p.source_id "
                "GROUP BY p.id HAVING count(*) = max(kids.n) "
                "AND abs(sum(cs.base) - ps.base) > ps.tol + sum(cs.tol) + 1e-9 * abs(ps.base) "
                "ORDER BY p.source_id, p.line",
                &q) != 0)
        return -1;
    int rc = 0;
    while (!rc && sqlite3_step(q) == SQLITE_ROW) {
        double scale = sqlite3_column_double(q, 4), base = sqlite3_column_double(q, 5);
        double sum = sqlite3_column_double(q, 6);
        char s1[48], s2[48];
        char *msg = xasprintf("%s %s %s 与分项之和 %s %s 不符（相差 %s，超出四舍五入）：%s",
                              text(q, 1), text(q, 2), text(q, 3), stat_num(sum / scale, s1),
                              text(q, 3), stat_num(fabs(sum - base) / scale, s2), text(q, 10));
        diag_warn(c->d, text(q, 8), (long)sqlite3_column_int64(q, 9), "%s", msg);
        rc = stat_flag_add(c, sqlite3_column_int64(q, 0), "sum", msg, 0);
        free(msg);
    }
    sqlite3_finalize(q);
    return rc;
}

/* A cumulative figure (January 1 to the period's end, so one year shares a period_start)
 * smaller than one published earlier in the same year. The window finds the rows below
 * the largest earlier figure; a second look names the latest earlier row they fall from. */
static int check_cumulative(load_ctx *c)
{
    sqlite3_stmt *q, *earlier;
    if (prepare(c,
                "SELECT id, base, tol FROM (SELECT v.id, s.base, s.tol, max(s.base) OVER ("
                "PARTITION BY v.indicator, v.region_code, v.period_start, s.dim "
                "ORDER BY s.end_day RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS high "
                "FROM stat_value v JOIN temp.stat_stage s ON s.id = v.id WHERE v.indicator IN "
                "(SELECT code FROM indicator WHERE measure_type = 'cumulative')) "
                "WHERE high > base + tol",
                &q) != 0)
        return -1;
    if (prepare(c,
                "SELECT e.id, i.name, v.period_type, v.period_end, vs.value_raw, v.unit, "
                "e.period_type, e.period_end, es.value_raw, e.unit, coalesce(ve.path, '?'), "
                "e.line, coalesce(vv.path, '?'), v.line "
                "FROM stat_value v JOIN temp.stat_stage vs ON vs.id = v.id "
                "JOIN indicator i ON i.code = v.indicator "
                "JOIN stat_value e ON e.indicator = v.indicator AND "
                "e.region_code = v.region_code AND e.period_start = v.period_start AND "
                "e.period_end < v.period_end "
                "JOIN temp.stat_stage es ON es.id = e.id AND es.dim = vs.dim AND "
                "es.base > vs.base + vs.tol + es.tol "
                "LEFT JOIN source ve ON ve.id = e.source_id "
                "LEFT JOIN source vv ON vv.id = v.source_id "
                "WHERE v.id = ?1 ORDER BY e.period_end DESC, e.id LIMIT 1",
                &earlier) != 0) {
        sqlite3_finalize(q);
        return -1;
    }
    /* The candidates first (few), in load order for the messages. */
    long long *ids = NULL;
    size_t n = 0, cap = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        ids = xgrow(ids, &cap, n + 1, sizeof *ids);
        ids[n++] = sqlite3_column_int64(q, 0);
    }
    sqlite3_finalize(q);
    int rc = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        sqlite3_bind_int64(earlier, 1, ids[i]);
        if (sqlite3_step(earlier) == SQLITE_ROW) {
            char now[32], then[32];
            stat_period_label_of(text(earlier, 2), text(earlier, 3), now);
            stat_period_label_of(text(earlier, 6), text(earlier, 7), then);
            char *msg = xasprintf("%s %s累计 %s %s，小于 %s累计的 %s %s（%s:%lld）；累计数不应在"
                                  "年内下降",
                                  text(earlier, 1), now, text(earlier, 4), text(earlier, 5), then,
                                  text(earlier, 8), text(earlier, 9), text(earlier, 10),
                                  (long long)sqlite3_column_int64(earlier, 11));
            diag_warn(c->d, text(earlier, 12), (long)sqlite3_column_int64(earlier, 13), "%s",
                      msg);
            rc = stat_flag_add(c, ids[i], "cumulative_falls", msg,
                               sqlite3_column_int64(earlier, 0));
            free(msg);
        }
        sqlite3_reset(earlier);
    }
    sqlite3_finalize(earlier);
    free(ids);
    return rc;
}

/* Point and average figures (not %, not cumulative: prev_start is NULL for those) that
 * move more than 20% from the period just before, of the same type; the rounding of both
 * figures is allowed for. */
static int check_jumps(load_ctx *c)
{
    sqlite3_stmt *q;
    if (prepare(c,
                "SELECT r.id, p.id, i.name, r.period_type, r.period_end, rs.value_raw, r.unit, "
                "p.period_end, ps.value_raw, p.unit, rs.base, ps.base, "
                "coalesce(sp.path, '?'), p.line, coalesce(sr.path, '?'), r.line "
                "FROM temp.stat_stage rs JOIN stat_value r ON r.id = rs.id "
                "JOIN stat_value p ON p.indicator = r.indicator AND "
                "p.region_code = r.region_code AND p.period_start = rs.prev_start AND "
                "p.period_type = r.period_type "
                "JOIN temp.stat_stage ps ON ps.id = p.id AND ps.dim = rs.dim "
                "JOIN indicator i ON i.code = r.indicator "
                "LEFT JOIN source sp ON sp.id = p.source_id "
                "LEFT JOIN source sr ON sr.id = r.source_id "
                "WHERE rs.prev_start IS NOT NULL AND ps.base <> 0 AND "
                "abs(rs.base - ps.base) > 0.2 * abs(ps.base) + rs.tol + ps.tol "
                "ORDER BY r.source_id, r.line",
                &q) != 0)
        return -1;
    int rc = 0;
    while (!rc && sqlite3_step(q) == SQLITE_ROW) {
        double now = sqlite3_column_double(q, 10), before = sqlite3_column_double(q, 11);
        double pct = (now - before) / fabs(before) * 100;
        char l1[32], l2[32];
        stat_period_label_of(text(q, 3), text(q, 4), l1);
        stat_period_label_of(text(q, 3), text(q, 7), l2);
        char *msg = xasprintf("%s %s %s %s，比上期 %s %s %s %s %.1f%%（超过 20%%；上期见 %s:%lld）",
                              text(q, 2), l1, text(q, 5), text(q, 6), l2, text(q, 8), text(q, 9),
                              pct < 0 ? "减少" : "增加", fabs(pct), text(q, 12),
                              (long long)sqlite3_column_int64(q, 13));
        diag_warn(c->d, text(q, 14), (long)sqlite3_column_int64(q, 15), "%s", msg);
        rc = stat_flag_add(c, sqlite3_column_int64(q, 0), "jump", msg,
                           sqlite3_column_int64(q, 1));
        free(msg);
    }
    sqlite3_finalize(q);
    return rc;
}

int stat_checks_run(load_ctx *c)
{
    if (check_sums(c) || check_cumulative(c) || check_jumps(c)) {
        if (!c->d->stop)
            diag_error(c->d, "gongkai", 0, "statistics checks: %s", sqlite3_errmsg(c->db));
        return -1;
    }
    return 0;
}
