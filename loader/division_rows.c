/* Division rows (loader/division_rows.h). */
#include "division_rows.h"

#include "divcode.h"
#include "division_keys.h"
#include "division_spellings.h"
#include "fold.h"
#include "org_fields.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* yes/no columns as sources write them. */
static int truthy(const char *s)
{
    return !strcmp(s, "1") || !strcmp(s, "yes") || !strcmp(s, "true") || !strcmp(s, "是") ||
           !strcmp(s, "已撤销") || !strcmp(s, "撤销");
}

int div_row_store(load_ctx *c, const div_row *r)
{
    static sqlite3_stmt *st;
    div_info di;
    if (!div_parse(r->code, &di)) {
        c->d->skipped++;
        return diag_error(c->d, c->relpath, r->line, "区划代码“%s”：%s", r->code, di.problem)
                   ? -1
                   : 0;
    }
    const char *name = r->name;
    while (*name == ' ')
        name++;
    if (!*name) {
        c->d->skipped++;
        return diag_error(c->d, c->relpath, r->line, "区划代码 %s 没有名称", di.code) ? -1 : 0;
    }
    char parent[DIV_BUF] = "";
    if (r->parent && *r->parent && !div_normalize(r->parent, parent))
        diag_warn(c->d, c->relpath, r->line, "上级代码“%s”不是区划代码，按代码推算上级",
                  r->parent);
    else if (*parent && !div_is_ancestor(parent, di.code))
        diag_warn(c->d, c->relpath, r->line, "上级代码 %s 不是 %s 的上级（按代码）", parent,
                  di.code);
    char from[11] = "", to[11] = "", as_of[11] = "";
    if (r->valid_from)
        org_date_read(c, r->line, "起始日期", r->valid_from, from);
    if (r->valid_to)
        org_date_read(c, r->line, "终止日期", r->valid_to, to);
    if (!r->as_of || org_date_read(c, r->line, "数据截至", r->as_of, as_of) <= 0)
        snprintf(as_of, sizeof as_of, "%s", c->m->as_of ? c->m->as_of : "");
    int ended = (r->ended && truthy(r->ended)) || *to;
    char *key = fold_utf8(name, strlen(name));
    sqlite3_stmt *s = load_stmt(
        c, &st,
        "INSERT OR IGNORE INTO division(code, valid_from, valid_to, ended, name, name_key, level, "
        "type, parent_code, urban_rural, seat_name, as_of, source_id, line) "
        "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)");
    if (!s) {
        free(key);
        return -1;
    }
    sqlite3_bind_text(s, 1, di.code, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, from, -1, SQLITE_STATIC);
    if (*to)
        sqlite3_bind_text(s, 3, to, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 4, ended);
    sqlite3_bind_text(s, 5, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, key, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 7, di.level);
    if (r->type && *r->type)
        sqlite3_bind_text(s, 8, r->type, -1, SQLITE_STATIC);
    if (*parent)
        sqlite3_bind_text(s, 9, parent, -1, SQLITE_STATIC);
    if (r->urban_rural && *r->urban_rural)
        sqlite3_bind_text(s, 10, r->urban_rural, -1, SQLITE_STATIC);
    if (r->seat && *r->seat)
        sqlite3_bind_text(s, 11, r->seat, -1, SQLITE_STATIC);
    if (*as_of)
        sqlite3_bind_text(s, 12, as_of, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 13, c->source_id);
    sqlite3_bind_int64(s, 14, r->line);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    free(key);
    if (rc != SQLITE_DONE)
        return diag_error(c->d, c->relpath, r->line, "cannot store division %s: %s", di.code,
                          sqlite3_errmsg(c->db))
                   ? -1
                   : 0;
    if (!sqlite3_changes(c->db))
        return 0; /* the same code, date and name again (two sources agree) */
    c->records++;
    return 1;
}

/* The nearest ancestor with a row, for the rows whose source gave no parent. */
static int fill_parents(load_ctx *c)
{
    sqlite3_stmt *q = NULL, *has = NULL, *set = NULL;
    int rc = -1;
    if (sqlite3_prepare_v2(c->db, "SELECT id, code FROM division WHERE parent_code IS NULL "
                                  "AND level > 1", -1, &q, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "SELECT 1 FROM division WHERE code = ?1 LIMIT 1", -1, &has,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "UPDATE division SET parent_code = ?2 WHERE id = ?1", -1,
                           &set, NULL) != SQLITE_OK)
        goto out;
    while (sqlite3_step(q) == SQLITE_ROW) {
        char up[4][DIV_BUF];
        size_t n = div_ancestors((const char *)sqlite3_column_text(q, 1), 0, up, 4);
        for (size_t i = n; i-- > 0;) {
            sqlite3_bind_text(has, 1, up[i], -1, SQLITE_STATIC);
            int found = sqlite3_step(has) == SQLITE_ROW;
            sqlite3_reset(has);
            if (found) {
                sqlite3_bind_int64(set, 1, sqlite3_column_int64(q, 0));
                sqlite3_bind_text(set, 2, up[i], -1, SQLITE_STATIC);
                sqlite3_step(set);
                sqlite3_reset(set);
                break;
            }
        }
    }
    rc = 0;
out:
    sqlite3_finalize(q);
    sqlite3_finalize(has);
    sqlite3_finalize(set);
    return rc;
}

/* The name index, built while the keys are computed (division_keys.c). */
static int name_index(load_ctx *c)
{
    /* Merged once at the end instead of as segments pile up (2.4 s -> 2.0 s on the
     * real table); then the default again. */
    return sqlite3_exec(c->db,
                        "INSERT INTO division_fts(division_fts, rank) VALUES('automerge', 0);"
                        "INSERT INTO division_fts(division_fts) VALUES('rebuild');"
                        "INSERT INTO division_fts(division_fts) VALUES('optimize');"
                        "INSERT INTO division_fts(division_fts, rank) VALUES('automerge', 4);",
                        NULL, NULL, NULL) == SQLITE_OK
               ? 0
               : -1;
}

int division_finish(load_ctx *c)
{
    static const char *const steps[] = {
        /* A code a change replaced is no longer in force, whatever table listed it, when
         * the change leads somewhere: a successor, or its successor's successor, that a
         * table lists as in force, or no successor at all (abolished). A chain that only
         * reaches codes no table lists as current (渝北区 500112 → 两江新区 500157, a
         * functional zone; 安新县 → 雄安新区 133100) did not replace the listed code. */
        "WITH RECURSIVE reach(start, code) AS ("
        " SELECT old_code, new_code FROM division_event_link"
        "  WHERE new_code IS NOT NULL AND new_code <> '' AND new_code <> old_code"
        " UNION"
        " SELECT r.start, l.new_code FROM reach r JOIN division_event_link l ON l.old_code = r.code"
        "  WHERE l.new_code IS NOT NULL AND l.new_code <> '' AND l.new_code <> r.start) "
        "UPDATE division SET ended = 1 WHERE ended = 0 AND code IN ("
        " SELECT old_code FROM division_event_link l WHERE (l.new_code IS NULL OR l.new_code = '')"
        " AND NOT EXISTS (SELECT 1 FROM division_event_link m WHERE m.old_code = l.old_code"
        "  AND m.new_code IS NOT NULL AND m.new_code <> '')"
        " UNION"
        " SELECT r.start FROM reach r WHERE EXISTS (SELECT 1 FROM division d"
        "  WHERE d.code = r.code AND d.ended = 0))",
        /* A name a historical list repeats for a code still listed under it; an undated
         * row that a dated row of the same code, name and state says with dates (CROSS
         * JOIN: the few dated rows probe the undated ones, 0.04 s on the real table). */
        "DELETE FROM division WHERE ended = 1 AND valid_from = '' AND valid_to IS NULL AND "
        "EXISTS (SELECT 1 FROM division d WHERE d.code = division.code AND d.name = "
        "division.name AND d.id <> division.id AND d.ended = 0); "
        "DELETE FROM division WHERE id IN (SELECT u.id FROM division d CROSS JOIN division u ON "
        "u.code = d.code AND u.valid_from = '' AND u.name = d.name WHERE (d.valid_from <> '' "
        "OR d.valid_to IS NOT NULL) AND u.valid_to IS NULL AND u.ended = d.ended)",
    };
    if (c->d->stop)
        return 0;
    sqlite3_stmt *any;
    if (sqlite3_prepare_v2(c->db, "SELECT 1 FROM division LIMIT 1", -1, &any, NULL) != SQLITE_OK)
        return -1;
    int have = sqlite3_step(any) == SQLITE_ROW;
    sqlite3_finalize(any);
    if (!have)
        return 0;
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        char *err = NULL;
        if (sqlite3_exec(c->db, steps[i], NULL, NULL, &err) != SQLITE_OK) {
            diag_error(c->d, "gongkai", 0, "finishing divisions: %s", err);
            sqlite3_free(err);
            return -1;
        }
    }
    /* The keys below and the look-up read a name with its published spelling. */
    if (division_spellings(c) != 0)
        return diag_error(c->d, "gongkai", 0, "division spellings: %s", sqlite3_errmsg(c->db));
    if (fill_parents(c) != 0)
        return diag_error(c->d, "gongkai", 0, "division parents: %s", sqlite3_errmsg(c->db));
    if (division_keys_build(c, name_index) != 0)
        return diag_error(c->d, "gongkai", 0, "division keys and name index: %s",
                          sqlite3_errmsg(c->db));
    return 0;
}
