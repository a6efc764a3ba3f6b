/* Division rows (loader/division_rows.h). */
#include "division_rows.h"

#include "divcode.h"
#include "fold.h"
#include "org_fields.h"
#include "pinyin.h"
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

#define KEY_FULL_LETTERS 24   /* letters of a full-spelling key kept (about 6 syllables) */
#define KEY_INITIAL_LETTERS 8 /* letters of an initials key kept */

/* Pinyin keys of every name (core/pinyin.h): kind 1 full spellings, 2 initials. */
static int pinyin_keys(load_ctx *c)
{
    sqlite3_stmt *q = NULL, *ins = NULL;
    int rc = -1;
    /* Staged unsorted, then inserted in key order: random inserts into the key B-tree
     * cost most of the load. */
    if (sqlite3_exec(c->db, "CREATE TEMP TABLE division_key_stage(key TEXT, kind INTEGER, "
                            "division INTEGER)",
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "SELECT id, name FROM division", -1, &q, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db,
                           "INSERT INTO temp.division_key_stage(key, kind, division) "
                           "VALUES (?1, ?2, ?3)",
                           -1, &ins, NULL) != SQLITE_OK)
        goto out;
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(q, 1);
        pinyin_key keys[PINYIN_MAX_KEYS];
        size_t n = pinyin_index_keys(name, strlen(name), keys, PINYIN_MAX_KEYS);
        for (size_t i = 0; i < n; i++) {
            /* Keys serve prefix look-ups of what people type: the first syllables. Cut,
             * the spellings that differ only in a long name's tail (委员会 yuan/yun,
             * hui/kuai) become one row; longer queries are checked by pinyin_match. */
            int full = keys[i].kind == PINYIN_KEY_FULL;
            size_t cut = full ? KEY_FULL_LETTERS : KEY_INITIAL_LETTERS;
            if (strlen(keys[i].key) > cut)
                keys[i].key[cut] = '\0';
            int seen = 0;
            for (size_t j = 0; j < i && !seen; j++)
                seen = keys[j].kind == keys[i].kind && !strcmp(keys[j].key, keys[i].key);
            if (seen)
                continue; /* the same key once cut: one row (the stage is sorted, not unique) */
            sqlite3_bind_text(ins, 1, keys[i].key, -1, SQLITE_STATIC);
            sqlite3_bind_int(ins, 2, full ? 1 : 2);
            sqlite3_bind_int64(ins, 3, sqlite3_column_int64(q, 0));
            if (sqlite3_step(ins) != SQLITE_DONE)
                goto out;
            sqlite3_reset(ins);
        }
    }
    sqlite3_finalize(q);
    sqlite3_finalize(ins);
    q = ins = NULL;
    rc = sqlite3_exec(c->db,
                      "INSERT OR IGNORE INTO division_key(key, kind, division) SELECT key, kind, "
                      "division FROM temp.division_key_stage ORDER BY key, kind, division; "
                      "DROP TABLE temp.division_key_stage",
                      NULL, NULL, NULL) == SQLITE_OK
             ? 0
             : -1;
out:
    sqlite3_finalize(q);
    sqlite3_finalize(ins);
    return rc;
}

int division_finish(load_ctx *c)
{
    static const char *const steps[] = {
        /* A code a change replaced is no longer in force, whatever table listed it. */
        "UPDATE division SET ended = 1 WHERE ended = 0 AND code IN "
        "(SELECT old_code FROM division_event_link)",
        /* A name a historical list repeats for a code still listed under it; an undated
         * row that a dated row of the same code, name and state says with dates (CROSS
         * JOIN: the few dated rows probe the undated ones, 0.04 s on the real table). */
        "DELETE FROM division WHERE ended = 1 AND valid_from = '' AND valid_to IS NULL AND "
        "EXISTS (SELECT 1 FROM division d WHERE d.code = division.code AND d.name = "
        "division.name AND d.id <> division.id AND d.ended = 0); "
        "DELETE FROM division WHERE id IN (SELECT u.id FROM division d CROSS JOIN division u ON "
        "u.code = d.code AND u.valid_from = '' AND u.name = d.name WHERE (d.valid_from <> '' "
        "OR d.valid_to IS NOT NULL) AND u.valid_to IS NULL AND u.ended = d.ended)",
        "INSERT INTO division_key(key, kind, division) SELECT name_key, 0, id FROM division",
        "INSERT INTO division_fts(division_fts) VALUES('rebuild')",
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
        if (i == 2 && fill_parents(c) != 0)
            return diag_error(c->d, "gongkai", 0, "division parents: %s", sqlite3_errmsg(c->db));
        if (i == 3 && pinyin_keys(c) != 0)
            return diag_error(c->d, "gongkai", 0, "division pinyin: %s", sqlite3_errmsg(c->db));
        char *err = NULL;
        if (sqlite3_exec(c->db, steps[i], NULL, NULL, &err) != SQLITE_OK) {
            diag_error(c->d, "gongkai", 0, "finishing divisions: %s", err);
            sqlite3_free(err);
            return -1;
        }
    }
    return 0;
}
