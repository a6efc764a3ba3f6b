/* Division codes from JSON objects, as code-history collections publish them:
 *   kind = division_names    {"110101": "东城区", ...}: every code with its name; `ended =
 *                            yes` for a file of codes that may no longer be in force (a
 *                            history: a code also listed as current keeps its row, a name
 *                            that differs is kept as an earlier name)
 *   kind = division_changes  {"512323": ["500119"], ...}: an old code and the code(s) that
 *                            replaced it; the old code's rows are ended when the load
 *                            finishes (loader/division_rows.c)
 * Neither carries dates: valid_from stays '' and events have no date. jansson parses;
 * its error line and column make the message. */
#include "kinds.h"

#include "divcode.h"
#include "division_rows.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

static const char *const names_keys[] = {"ended", NULL};

/* The line of "key" in text, for messages about one entry (jansson keeps no positions). */
static long line_of(const char *text, size_t len, const char *key)
{
    char quoted[64];
    snprintf(quoted, sizeof quoted, "\"%s\"", key);
    const char *p = memmem(text, len, quoted, strlen(quoted));
    if (!p)
        return 0;
    long line = 1;
    for (const char *q = text; q < p; q++)
        line += *q == '\n';
    return line;
}

static json_t *parse_object(load_ctx *c, const char *text, size_t len)
{
    json_error_t e;
    json_t *root = json_loadb(text, len, 0, &e);
    if (!root) {
        diag_error(c->d, c->relpath, e.line, "JSON：%s（第%d列）", e.text, e.column);
        return NULL;
    }
    if (!json_is_object(root)) {
        diag_error(c->d, c->relpath, 1, "JSON：应为对象 {\"代码\": …}");
        json_decref(root);
        return NULL;
    }
    return root;
}

static const char *section_value(const load_ctx *c, const char *key)
{
    for (size_t i = 0; i < c->sec->nkv; i++)
        if (!strcmp(c->sec->kv[i].key, key))
            return c->sec->kv[i].value;
    return NULL;
}

static int load_names_file(load_ctx *c, const char *text, size_t len)
{
    json_t *root = parse_object(c, text, len);
    if (!root)
        return c->d->stop ? -1 : 0;
    const char *ended = section_value(c, "ended");
    const char *key;
    json_t *v;
    int rc = 0;
    json_object_foreach(root, key, v)
    {
        if (!json_is_string(v)) {
            c->d->skipped++;
            if (diag_error(c->d, c->relpath, line_of(text, len, key), "“%s”的值应为名称（字符串）",
                           key)) {
                rc = -1;
                break;
            }
            continue;
        }
        /* The line is only worth its scan for a row the checks will report (a bad code,
         * no name): scanning for every key made a history file quadratic. */
        char canon[DIV_BUF];
        const char *name = json_string_value(v);
        int fine = div_normalize(key, canon) && name[strspn(name, " ")];
        div_row r = {.code = key, .name = name, .ended = ended ? ended : "",
                     .line = fine ? 0 : line_of(text, len, key)};
        if (div_row_store(c, &r) < 0) {
            rc = -1;
            break;
        }
    }
    json_decref(root);
    return rc;
}

/* One event per old code: 代码变更 to one new code, 拆分 to several. The entry's line is
 * looked up (line_of) only for a message. */
static int store_change(load_ctx *c, const char *old, json_t *news, const char *text,
                        size_t len, const char *key)
{
    static sqlite3_stmt *ev, *link;
    size_t n = json_array_size(news);
    sqlite3_stmt *e = load_stmt(c, &ev,
                                "INSERT INTO division_event(event_type, description, source_id) "
                                "VALUES (?1, ?2, ?3)");
    sqlite3_stmt *l = load_stmt(c, &link,
                                "INSERT INTO division_event_link(event_id, old_code, new_code, "
                                "relation) VALUES (?1, ?2, ?3, ?4)");
    if (!e || !l)
        return -1;
    char desc[256];
    snprintf(desc, sizeof desc, "%s 由 %zu 个代码接替（来源未注明日期）", old, n);
    sqlite3_bind_text(e, 1, n > 1 ? "拆分" : n ? "代码变更" : "撤销", -1, SQLITE_STATIC);
    sqlite3_bind_text(e, 2, desc, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(e, 3, c->source_id);
    int rc = sqlite3_step(e);
    sqlite3_reset(e);
    if (rc != SQLITE_DONE)
        return -1;
    long long id = sqlite3_last_insert_rowid(c->db);
    for (size_t i = 0; i < n || (!n && i == 0); i++) {
        char code[DIV_BUF] = "";
        const char *raw = n ? json_string_value(json_array_get(news, i)) : NULL;
        if (n && (!raw || !div_normalize(raw, code))) {
            diag_warn(c->d, c->relpath, line_of(text, len, key), "“%s”的新代码“%s”不是区划代码",
                      old, raw ? raw : "?");
            continue;
        }
        sqlite3_bind_int64(l, 1, id);
        sqlite3_bind_text(l, 2, old, -1, SQLITE_STATIC);
        if (*code)
            sqlite3_bind_text(l, 3, code, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(l, 3);
        sqlite3_bind_text(l, 4, n > 1 ? "split_into" : "superseded_by", -1, SQLITE_STATIC);
        rc = sqlite3_step(l);
        sqlite3_reset(l);
        if (rc != SQLITE_DONE)
            return -1;
    }
    return 0;
}

static int load_changes_file(load_ctx *c, const char *text, size_t len)
{
    json_t *root = parse_object(c, text, len);
    if (!root)
        return c->d->stop ? -1 : 0;
    const char *key;
    json_t *v;
    int rc = 0;
    json_object_foreach(root, key, v)
    {
        char old[DIV_BUF];
        if (!json_is_array(v) || !div_normalize(key, old)) {
            c->d->skipped++;
            if (diag_error(c->d, c->relpath, line_of(text, len, key),
                           json_is_array(v) ? "“%s”不是区划代码" : "“%s”的值应为新代码的数组",
                           key)) {
                rc = -1;
                break;
            }
            continue;
        }
        if (store_change(c, old, v, text, len, key) != 0) {
            rc = diag_error(c->d, c->relpath, line_of(text, len, key),
                            "cannot store the change of %s: %s", old, sqlite3_errmsg(c->db))
                     ? -1
                     : 0;
            if (rc)
                break;
            continue;
        }
        c->records++;
    }
    json_decref(root);
    return rc;
}

const load_kind kind_division_names = {
    .name = "division_names",
    .keys = names_keys,
    .load_file = load_names_file,
};

const load_kind kind_division_changes = {
    .name = "division_changes",
    .load_file = load_changes_file,
};
