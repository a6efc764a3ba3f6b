/* Published spellings onto divisions (loader/division_spellings.h). */
#include "division_spellings.h"

#include "divcode.h"
#include "diag.h"

#include <stdio.h>
#include <string.h>

/* The rows of the same code and name: the common case. */
static const char *const same_code =
    "UPDATE division SET pinyin = (SELECT p.pinyin_key FROM place_name p WHERE "
    "p.division_code = division.code AND p.standard_name = division.name AND "
    "p.pinyin_key IS NOT NULL ORDER BY p.id LIMIT 1) WHERE code IN (SELECT division_code "
    "FROM place_name WHERE pinyin_key IS NOT NULL)";

/* Counts a spelling that found no division, keeping the first as an example. */
static void note_left(sqlite3_stmt *q, long long *left, char *example, size_t size)
{
    if (!(*left)++)
        snprintf(example, size, "%s（%s）", (const char *)sqlite3_column_text(q, 1),
                 (const char *)sqlite3_column_text(q, 0));
}

/* The spellings left: a division of the same level and name under the same parent, when
 * there is exactly one (the gazetteer's extract and the NBS table number townships of a
 * county differently from one year to the next: 首都机场街道 110105043 in one is
 * 110105044 in the other). The parent's code is the prefix: 6 digits for a township, 4
 * for a county, 2 for a prefecture. */
static int same_parent(load_ctx *c, long long *matched, long long *left, char *example,
                       size_t size)
{
    sqlite3_stmt *q = NULL, *find = NULL, *set = NULL;
    int rc = -1;
    if (sqlite3_prepare_v2(c->db,
                           "SELECT division_code, standard_name, pinyin_key FROM place_name p "
                           "WHERE pinyin_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                           "division d WHERE d.code = p.division_code AND d.name = "
                           "p.standard_name)",
                           -1, &q, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db,
                           "SELECT id FROM division WHERE code > ?1 AND code < ?1 || 'a' AND "
                           "length(code) = ?2 AND name = ?3 AND pinyin IS NULL LIMIT 2",
                           -1, &find, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "UPDATE division SET pinyin = ?2 WHERE id = ?1", -1, &set,
                           NULL) != SQLITE_OK)
        goto out;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(q, 0);
        size_t len = code ? strlen(code) : 0;
        int level = div_level(code);
        size_t head = level == DIV_TOWNSHIP ? 6 : level == DIV_COUNTY ? 4
                      : level == DIV_PREFECTURE ? 2 : 0;
        if (!head || head >= len) {
            note_left(q, left, example, size);
            continue;
        }
        sqlite3_bind_text(find, 1, code, (int)head, SQLITE_TRANSIENT);
        sqlite3_bind_int(find, 2, (int)len);
        sqlite3_bind_value(find, 3, sqlite3_column_value(q, 1));
        long long id = 0;
        int n = 0;
        while (sqlite3_step(find) == SQLITE_ROW) {
            id = sqlite3_column_int64(find, 0);
            n++;
        }
        sqlite3_reset(find);
        if (n != 1) { /* none, or two of that name: which one is not for us to guess */
            note_left(q, left, example, size);
            continue;
        }
        sqlite3_bind_int64(set, 1, id);
        sqlite3_bind_value(set, 2, sqlite3_column_value(q, 2));
        if (sqlite3_step(set) != SQLITE_DONE)
            goto out;
        sqlite3_reset(set);
        (*matched)++;
    }
    rc = rc == SQLITE_DONE ? 0 : -1;
out:
    sqlite3_finalize(q);
    sqlite3_finalize(find);
    sqlite3_finalize(set);
    return rc;
}

int division_spellings(load_ctx *c)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(c->db, "SELECT 1 FROM place_name WHERE pinyin_key IS NOT NULL LIMIT 1",
                           -1, &q, NULL) != SQLITE_OK)
        return -1;
    int any = sqlite3_step(q) == SQLITE_ROW;
    sqlite3_finalize(q);
    if (!any)
        return 0;
    long long moved = 0, left = 0;
    char example[256] = "";
    if (sqlite3_exec(c->db, same_code, NULL, NULL, NULL) != SQLITE_OK ||
        same_parent(c, &moved, &left, example, sizeof example) != 0)
        return -1;
    if (left) /* kept in place_name, not used for look-up */
        diag_warn(c->d, "gongkai", 0,
                  "%lld 条地名的拼音没有对上区划（代码和名称相同，或同一上级下名称相同且唯一；"
                  "另有 %lld 条按上级和名称对上），未用于检索，如 %s",
                  left, moved, example);
    return 0;
}
