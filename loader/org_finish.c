/* Finishing the organisation domain once every source is read: duplicate registry rows,
 * linking list entries to organisations, organisations known only from lists, the
 * 60号令 checks of each organisation's listings, the articles the computed dates rest on,
 * the bigram postings of the names (loader/org_grams.c) and one search unit per
 * organisation. */
#include "org_finish.h"
#include "org_grams.h"

#include "lifecycle.h"
#include "orgname.h"
#include "reg.h"
#include "uscc.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* An SQL failure ends the load: the links would be incomplete. */
static int fail(load_ctx *c)
{
    diag_error(c->d, "gongkai", 0, "linking organisations failed: %s", sqlite3_errmsg(c->db));
    c->d->stop = 1;
    return -1;
}

static int exec(load_ctx *c, const char *sql)
{
    return sqlite3_exec(c->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : fail(c);
}

static const char *col(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? (const char *)t : "";
}

/* gk_name_core(key): the key without its 中国/中华/全国 prefix, for set-based inserts. */
static void sql_name_core(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *key = sqlite3_value_text(argv[0]);
    if (!key) {
        sqlite3_result_null(ctx);
        return;
    }
    sqlite3_result_text(ctx, orgname_core((const char *)key), -1, free);
}

/* The registry holds one row per code: a second row with the same code is an error (the
 * first one stays), since two bodies cannot share a 统一社会信用代码. */
static int drop_duplicates(load_ctx *c)
{
    sqlite3_stmt *s;
    /* Usually there are none: the code index alone says so (the query below reads every
     * row for its registered flag: 1.9 s at a million organisations). */
    if (sqlite3_prepare_v2(c->db,
                           "SELECT 1 FROM org WHERE uscc IS NOT NULL GROUP BY uscc "
                           "HAVING count(*) > 1 LIMIT 1",
                           -1, &s, NULL) != SQLITE_OK)
        return fail(c);
    int any = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_finalize(s);
    if (!any)
        return 0;
    if (sqlite3_prepare_v2(c->db,
                           "SELECT o.id, o.uscc, s.path, o.line, f.path, f.line FROM org o "
                           "JOIN source s ON s.id = o.source_id "
                           "JOIN (SELECT uscc, min(o2.id) AS first FROM org o2 "
                           "      WHERE registered = 1 AND uscc IS NOT NULL "
                           "      GROUP BY uscc HAVING count(*) > 1) d ON d.uscc = o.uscc "
                           "JOIN (SELECT o3.id, s3.path, o3.line FROM org o3 "
                           "      JOIN source s3 ON s3.id = o3.source_id) f ON f.id = d.first "
                           "WHERE o.registered = 1 AND o.id <> d.first ORDER BY o.id",
                           -1, &s, NULL) != SQLITE_OK)
        return fail(c);
    long dropped = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        c->d->skipped++;
        dropped++;
        if (diag_error(c->d, col(s, 2), sqlite3_column_int64(s, 3),
                       "统一社会信用代码 %s 与 %s:%lld 重复，未载入此行", col(s, 1), col(s, 4),
                       (long long)sqlite3_column_int64(s, 5)))
            break;
    }
    sqlite3_finalize(s);
    if (!dropped)
        return 0;
    c->records -= dropped;
    return exec(c, "CREATE TEMP TABLE org_dup AS SELECT id FROM org o WHERE registered = 1 AND "
                   "uscc IS NOT NULL AND id > (SELECT min(id) FROM org f WHERE f.uscc = o.uscc "
                   "AND f.registered = 1);"
                   "DELETE FROM temp.org_name_stage WHERE org_id IN (SELECT id FROM temp.org_dup);"
                   "DELETE FROM org WHERE id IN (SELECT id FROM temp.org_dup);"
                   "DROP TABLE temp.org_dup;");
}

/* By code first. Without a code, an entry of a credit or elder-care list names a
 * registered body when exactly one registered organisation bears that name (now or
 * before); illegal-organisation lists name bodies that were never registered, so they
 * are never linked by name. */
static int link_listings(load_ctx *c)
{
    if (exec(c, "UPDATE listing SET org_id = o.id, link_how = 'uscc' FROM org o "
                "WHERE o.uscc = listing.uscc AND o.registered = 1;"
                "CREATE INDEX temp.org_name_stage_key ON org_name_stage(name_key);"
                "CREATE TEMP TABLE name_link AS "
                "SELECT l.id AS listing_id, min(n.org_id) AS org_id, "
                "       count(DISTINCT n.org_id) AS bodies "
                "FROM listing l JOIN temp.org_name_stage n ON n.name_key = l.name_key "
                "JOIN org o ON o.id = n.org_id AND o.registered = 1 "
                "WHERE l.org_id IS NULL AND l.uscc IS NULL AND l.subject_kind = '机构' "
                "AND l.list_kind IN ('abnormal', 'serious', 'eldercare') GROUP BY l.id;"
                "UPDATE listing SET org_id = k.org_id, link_how = 'name' FROM temp.name_link k "
                "WHERE k.listing_id = listing.id AND k.bodies = 1;") != 0)
        return -1;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(c->db,
                           "SELECT s.path, l.line, l.name, k.bodies FROM temp.name_link k "
                           "JOIN listing l ON l.id = k.listing_id "
                           "JOIN source s ON s.id = l.source_id WHERE k.bodies > 1",
                           -1, &s, NULL) == SQLITE_OK) {
        while (sqlite3_step(s) == SQLITE_ROW)
            diag_warn(c->d, col(s, 0), sqlite3_column_int64(s, 1),
                      "“%s”对应 %d 个登记的社会组织，没有代码无法确定是哪一个，按名单单列",
                      col(s, 2), sqlite3_column_int(s, 3));
        sqlite3_finalize(s);
    }
    /* A body listed under an earlier name is found by that name too. */
    return exec(c, "DROP TABLE temp.name_link;"
                   "INSERT INTO temp.org_name_stage(org_id, name, name_key, name_core, current) "
                   "SELECT DISTINCT l.org_id, l.name, l.name_key, gk_name_core(l.name_key), 0 "
                   "FROM listing l WHERE l.link_how IN ('uscc', 'name') AND NOT EXISTS "
                   "(SELECT 1 FROM temp.org_name_stage n WHERE n.org_id = l.org_id "
                   " AND n.name_key = l.name_key);");
}

/* Entries still unlinked become organisations of their own (registered = 0), one per
 * code, else per person or name; the newest entry's name is the current one. */
static int list_only_orgs(load_ctx *c)
{
    sqlite3_stmt *q, *ins, *upd;
    if (sqlite3_prepare_v2(c->db,
                           "SELECT id, coalesce(uscc, subject_kind || ' ' || name_key) AS k, "
                           "uscc, name, subject_kind, region_code, as_of, source_id, line "
                           "FROM listing WHERE org_id IS NULL "
                           "ORDER BY k, coalesce(listed_date, '') DESC, id",
                           -1, &q, NULL) != SQLITE_OK)
        return fail(c);
    sqlite3_prepare_v2(c->db,
                       "INSERT INTO org(registered, uscc, uscc_check, name, name_key, name_core, "
                       "org_type, region_code, as_of, source_id, line) "
                       "VALUES (0, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                       -1, &ins, NULL);
    sqlite3_prepare_v2(c->db, "UPDATE listing SET org_id = ?1, link_how = 'list' WHERE id = ?2",
                       -1, &upd, NULL);
    char *last = NULL;
    long long org = 0;
    int rc = 0;
    while (rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
        const char *k = col(q, 1);
        if (!last || strcmp(last, k)) {
            free(last);
            last = xstrdup(k);
            const char *code = sqlite3_column_type(q, 2) == SQLITE_NULL ? NULL : col(q, 2);
            uscc_info u;
            if (code)
                uscc_parse(code, &u);
            char *key = orgname_key(col(q, 3));
            char *core = orgname_core(key);
            sqlite3_bind_text(ins, 1, code, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(ins, 2, !code ? "none" : u.check_ok ? "ok" : "bad_check", -1,
                              SQLITE_STATIC);
            sqlite3_bind_text(ins, 3, col(q, 3), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(ins, 4, key, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(ins, 5, core, -1, SQLITE_TRANSIENT);
            if (!strcmp(col(q, 4), "人员"))
                sqlite3_bind_text(ins, 6, "个人", -1, SQLITE_STATIC);
            else
                sqlite3_bind_null(ins, 6);
            for (int i = 5; i <= 8; i++)
                sqlite3_bind_value(ins, i + 2, sqlite3_column_value(q, i));
            free(key);
            free(core);
            if (sqlite3_step(ins) != SQLITE_DONE)
                rc = -1;
            sqlite3_reset(ins);
            org = sqlite3_last_insert_rowid(c->db);
        }
        sqlite3_bind_int64(upd, 1, org);
        sqlite3_bind_int64(upd, 2, sqlite3_column_int64(q, 0));
        if (sqlite3_step(upd) != SQLITE_DONE)
            rc = -1;
        sqlite3_reset(upd);
    }
    free(last);
    sqlite3_finalize(q);
    sqlite3_finalize(ins);
    sqlite3_finalize(upd);
    if (rc != 0)
        return fail(c);
    /* Every distinct name they were listed under; the org row's own name is current. */
    return exec(c, "INSERT INTO temp.org_name_stage(org_id, name, name_key, name_core, "
                   "current) SELECT DISTINCT l.org_id, l.name, l.name_key, "
                   "gk_name_core(l.name_key), l.name = o.name FROM listing l "
                   "JOIN org o ON o.id = l.org_id WHERE l.link_how = 'list';");
}

/* Each organisation's verdict group (0 listed now, 1 listed before, 2 registered,
 * 3 deregistered or unknown), then its names in that order: a name search reading
 * rowids downwards meets listed organisations first. */
static int write_name_rows(load_ctx *c)
{
    return exec(c, "CREATE TEMP TABLE org_rank(org_id INTEGER PRIMARY KEY, g INTEGER);"
                   "INSERT INTO temp.org_rank SELECT id, CASE WHEN registered = 1 AND "
                   "coalesce(active, 1) = 1 THEN 2 ELSE 3 END FROM org;"
                   "UPDATE temp.org_rank SET g = 1 WHERE org_id IN (SELECT org_id FROM listing);"
                   "UPDATE temp.org_rank SET g = 0 WHERE org_id IN "
                   "(SELECT org_id FROM listing WHERE removed_date IS NULL);"
                   "INSERT INTO org_name(org_id, name, name_key, name_core, current, valid_to) "
                   "SELECT n.org_id, n.name, n.name_key, n.name_core, n.current, n.valid_to "
                   "FROM temp.org_name_stage n JOIN temp.org_rank r ON r.org_id = n.org_id "
                   "GROUP BY n.org_id, n.name "
                   "ORDER BY r.g DESC, n.org_id, max(n.current) DESC, min(n.rowid);"
                   "DROP TABLE temp.org_name_stage;"
                   "INSERT INTO org_name_fts(org_name_fts) VALUES('rebuild');");
}

/* org_name's indexes (data/schema.sql), made before the kinds finish, are dropped while
 * the names go in and made again from their own definitions afterwards: building an
 * index from the finished table is several times faster than keeping it up to date row
 * by row (at a million names: 9.6 s with the indexes, 7.0 s without). */
static int indexes_off(load_ctx *c, buf_t *saved)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(c->db,
                           "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                           "tbl_name = 'org_name' AND sql IS NOT NULL",
                           -1, &s, NULL) != SQLITE_OK)
        return fail(c);
    buf_t drop;
    buf_init(&drop);
    while (sqlite3_step(s) == SQLITE_ROW) {
        buf_printf(saved, "%s;", col(s, 1));
        buf_printf(&drop, "DROP INDEX \"%s\";", col(s, 0));
    }
    sqlite3_finalize(s);
    int rc = drop.len ? exec(c, drop.s) : 0;
    buf_free(&drop);
    return rc;
}

static int write_names(load_ctx *c)
{
    buf_t indexes;
    buf_init(&indexes);
    int rc = indexes_off(c, &indexes);
    if (!rc)
        rc = write_name_rows(c);
    if (!rc && indexes.len)
        rc = exec(c, indexes.s);
    buf_free(&indexes);
    return rc;
}

/* The checks of domain.md §12 on each organisation's credit listings (a warning each). */
static void check_listings(load_ctx *c)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(c->db,
                           "SELECT l.org_id, l.list_kind, l.listed_date, l.removed_date, "
                           "l.listed_ground, l.removed_reason IS NOT NULL, s.path, l.line "
                           "FROM listing l JOIN source s ON s.id = l.source_id "
                           "WHERE l.list_kind IN ('abnormal', 'serious') ORDER BY l.org_id, l.id",
                           -1, &s, NULL) != SQLITE_OK)
        return;
    lc_listing *all = NULL;
    struct where {
        char *path;
        long line;
        int ground, has_reason;
    } *at = NULL;
    size_t n = 0, cap = 0, atcap = 0;
    long long org = -1;
    int rc;
    do {
        rc = sqlite3_step(s);
        long long id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -2;
        if (id != org && n) {
            for (size_t i = 0; i < n; i++) {
                char msg[256];
                if (lc_check(all, n, i, at[i].ground, at[i].has_reason, msg, sizeof msg))
                    diag_warn(c->d, at[i].path, at[i].line, "%s", msg);
            }
            for (size_t i = 0; i < n; i++)
                free(at[i].path);
            n = 0;
        }
        org = id;
        if (rc != SQLITE_ROW)
            break;
        all = xgrow(all, &cap, n + 1, sizeof *all);
        at = xgrow(at, &atcap, n + 1, sizeof *at);
        list_kind_parse(col(s, 1), &all[n].kind);
        isodate_parse_all(col(s, 2), &all[n].listed);
        if (!isodate_parse_all(col(s, 3), &all[n].removed))
            all[n].removed.prec = 0;
        at[n].ground = sqlite3_column_int(s, 4);
        at[n].has_reason = sqlite3_column_int(s, 5);
        at[n].path = xstrdup(col(s, 6));
        at[n].line = (long)sqlite3_column_int64(s, 7);
        n++;
    } while (1);
    free(all);
    free(at);
    sqlite3_finalize(s);
}

/* basis.RULE citations resolved against the regulations loaded. */
static void resolve_basis(load_ctx *c)
{
    sqlite3_stmt *q, *u;
    if (sqlite3_prepare_v2(c->db, "SELECT rule, citation FROM rule_basis", -1, &q, NULL) !=
        SQLITE_OK)
        return;
    sqlite3_prepare_v2(c->db, "UPDATE rule_basis SET reg_id = ?1, node_id = ?2 WHERE rule = ?3",
                       -1, &u, NULL);
    gk_db db = {.h = c->db};
    while (sqlite3_step(q) == SQLITE_ROW) {
        reg_info r;
        reg_node_t node;
        char *err = NULL;
        memset(&node, 0, sizeof node);
        if (reg_resolve(&db, col(q, 1), NULL, &r, &node, &err) != 0) {
            diag_warn(c->d, "gongkai", 0, "basis.%s = %s：在已载入的法规中找不到（%s），只显示引文",
                      col(q, 0), col(q, 1), err ? err : "");
            free(err);
            continue;
        }
        if (!node.id)
            diag_warn(c->d, "gongkai", 0, "basis.%s = %s：没有写明条文", col(q, 0), col(q, 1));
        sqlite3_bind_int64(u, 1, r.id);
        if (node.id)
            sqlite3_bind_int64(u, 2, node.id);
        else
            sqlite3_bind_null(u, 2);
        sqlite3_bind_text(u, 3, col(q, 0), -1, SQLITE_TRANSIENT);
        sqlite3_step(u);
        sqlite3_reset(u);
        reg_info_free(&r);
        reg_node_free(&node);
    }
    sqlite3_finalize(q);
    sqlite3_finalize(u);
}

/* One search unit per organisation: its registry facts, former names and every entry of
 * every list, so a search for any of them finds it. Rank groups: 0 currently listed,
 * 1 listed before, 2 registered, 3 deregistered or unknown. */
static int stage_docs(load_ctx *c)
{
    buf_t kind_case;
    buf_init(&kind_case);
    buf_adds(&kind_case, "CASE l.list_kind");
    for (int k = 0; k < LK_COUNT; k++)
        buf_printf(&kind_case, " WHEN '%s' THEN '%s'", list_kind_id((enum list_kind)k),
                   list_kind_name((enum list_kind)k));
    buf_adds(&kind_case, " END");
    char *sql = xasprintf(
        "SELECT 'org', o.id, r.g, "
        "coalesce((SELECT max(listed_date) FROM listing l WHERE l.org_id = o.id), "
        "         o.founded_date), o.id, 0, o.name, "
        "coalesce('统一社会信用代码 ' || o.uscc || '；', '') || coalesce(o.org_type || '；', '') "
        "|| coalesce('登记管理机关 ' || o.reg_authority || '；', '') "
        "|| coalesce('业务主管单位 ' || o.supervisor_unit || '；', '') "
        "|| coalesce('法定代表人 ' || o.legal_rep || '；', '') "
        "|| coalesce('成立登记 ' || o.founded_date || '；', '') "
        "|| coalesce('登记状态 ' || o.status || '；', '') "
        "|| coalesce('住所 ' || o.address || '；', '') "
        "|| coalesce('业务范围 ' || o.scope, '') "
        "|| coalesce((SELECT char(10) || '曾用名 ' || group_concat(n.name, '、') "
        "             FROM org_name n WHERE n.org_id = o.id AND n.current = 0), '') "
        "|| coalesce((SELECT group_concat(char(10) || %s "
        "   || coalesce(' ' || b.issuer, '') || coalesce(' ' || b.batch_no, '') "
        "   || coalesce(' ' || l.listed_date, '') || '：' || l.name "
        "   || coalesce('；' || l.listed_reason, '') || coalesce('；' || l.note, '') "
        "   || coalesce('；执法主体 ' || l.enforcement_body, '') "
        "   || coalesce('；' || l.measures, '') "
        "   || coalesce('；' || l.removed_date || ' 移出', ''), '') "
        "   FROM listing l LEFT JOIN list_batch b ON b.id = l.batch_id "
        "   WHERE l.org_id = o.id), '') "
        "FROM org o JOIN temp.org_rank r ON r.org_id = o.id",
        kind_case.s);
    buf_free(&kind_case);
    int rc = load_stage_docs_sql(c, sql);
    free(sql);
    return rc ? rc : exec(c, "DROP TABLE temp.org_rank;");
}

int org_finish(load_ctx *c)
{
    if (sqlite3_create_function(c->db, "gk_name_core", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                NULL, sql_name_core, NULL, NULL) != SQLITE_OK)
        return fail(c);
    if (drop_duplicates(c) || link_listings(c) || list_only_orgs(c) || write_names(c))
        return -1;
    if (org_grams_build(c) != 0)
        return fail(c);
    check_listings(c);
    resolve_basis(c);
    return stage_docs(c);
}
