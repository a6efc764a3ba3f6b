/* kind = area_codes: telephone area codes (区号) by place, name,code (docs/data-formats.md)
 * into area_code. A code must be 0 and 2 or 3 digits (010, 0431), else the row is
 * rejected with its file:line. The place's division is resolved by name when the division
 * table is finished (this kind finishes after the division kinds, before hotlines, which
 * compare their landlines with it); a name that resolves to no single division is a
 * warning and the row is kept without a division. */
#include "kinds.h"

#include "csvmap.h"
#include "region_names.h"
#include "stat_regions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const fields[] = {"name", "code", NULL};
enum { F_NAME, F_CODE };

static const char *const keys[] = {"region.", NULL};

static long loaded;
static const mf_section *last_sec;

/* "0431" from what a table writes (spaces and full-width digits allowed); 0 when it is not
 * 0 and 2 or 3 digits. */
static int area_code_norm(const char *text, char out[8])
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        if (*p == ' ' || *p == '\t') {
            p++;
            continue;
        }
        char d;
        if (*p >= '0' && *p <= '9') {
            d = (char)*p;
            p++;
        } else if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) {
            d = (char)('0' + (p[2] - 0x90));
            p += 3;
        } else
            return 0;
        if (n >= 4)
            return 0;
        out[n++] = d;
    }
    out[n] = '\0';
    return n >= 3 && out[0] == '0';
}

static int load_area_codes_file(load_ctx *c, const char *text, size_t len)
{
    static const char *const required[] = {"name", "code", NULL};
    static sqlite3_stmt *st;
    stat_region_map regions;
    int first = last_sec != c->sec;
    last_sec = c->sec;
    if (stat_region_map_read(c, &regions, first) != 0)
        return -1;
    csvmap m;
    int rc = 0;
    if (csvmap_open(&m, c, text, len, fields, required) != 0)
        rc = c->d->stop ? -1 : 0;
    else {
        sqlite3_stmt *s = load_stmt(c, &st,
                                    "INSERT INTO area_code(area_code, division_code, place, "
                                    "source_id, line) VALUES (?1, ?2, ?3, ?4, ?5)");
        while (s && csvmap_next(&m, c)) {
            char code[8], div[DIV_BUF], why[STAT_REGION_WHY];
            const char *name = m.v[F_NAME];
            while (*name == ' ')
                name++;
            if (!area_code_norm(m.v[F_CODE], code)) {
                c->d->skipped++;
                if (diag_error(c->d, c->relpath, m.line,
                               "区号“%s”不是区号（应为 0 加 2 或 3 位数字，如 010、0431）",
                               m.v[F_CODE])) {
                    rc = -1;
                    break;
                }
                continue;
            }
            if (!*name) {
                c->d->skipped++;
                if (diag_error(c->d, c->relpath, m.line, "区号 %s 缺少地名", code)) {
                    rc = -1;
                    break;
                }
                continue;
            }
            /* a code or a manifest entry now; a name when the divisions are finished */
            int early = stat_region_early(&regions, name, div, why);
            sqlite3_bind_text(s, 1, code, -1, SQLITE_TRANSIENT);
            if (early == 1)
                sqlite3_bind_text(s, 2, div, -1, SQLITE_TRANSIENT);
            else
                sqlite3_bind_null(s, 2);
            sqlite3_bind_text(s, 3, name, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(s, 4, c->source_id);
            sqlite3_bind_int64(s, 5, m.line);
            int step = sqlite3_step(s);
            sqlite3_reset(s);
            if (step != SQLITE_DONE) {
                diag_error(c->d, c->relpath, m.line, "cannot store: %s", sqlite3_errmsg(c->db));
                rc = -1;
                break;
            }
            loaded++;
            c->records++;
        }
        if (!s)
            rc = -1;
    }
    if (c->d->stop)
        rc = -1;
    csvmap_close(&m);
    stat_region_map_free(&regions);
    return rc;
}

static int area_codes_begin(load_ctx *c)
{
    (void)c;
    loaded = 0;
    last_sec = NULL;
    return SQLITE_OK;
}

/* Names to divisions, each distinct name once. */
static int area_codes_finish(load_ctx *c)
{
    if (c->d->stop || !loaded)
        return 0;
    sqlite3_stmt *rows = NULL, *set = NULL;
    int rc = -1;
    if (sqlite3_prepare_v2(c->db,
                           "SELECT a.rowid, a.place, coalesce(s.path, '?'), a.line "
                           "FROM area_code a LEFT JOIN source s ON s.id = a.source_id "
                           "WHERE a.division_code IS NULL ORDER BY a.rowid",
                           -1, &rows, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "UPDATE area_code SET division_code = ?2 WHERE rowid = ?1",
                           -1, &set, NULL) != SQLITE_OK)
        goto out;
    int failed = 0;
    while (!failed && sqlite3_step(rows) == SQLITE_ROW) {
        char code[DIV_BUF], *why = NULL;
        char *key = stat_region_key((const char *)sqlite3_column_text(rows, 1));
        char *note = NULL;
        int r = region_name_resolve(c, key, "", code, &why, &note);
        free(key);
        if (r < 0)
            failed = 1;
        else if (!r)
            diag_warn(c->d, (const char *)sqlite3_column_text(rows, 2),
                      (long)sqlite3_column_int64(rows, 3), "区号的地名“%s”%s；保留区号，不对应行政区划",
                      (const char *)sqlite3_column_text(rows, 1), why);
        else {
            if (note)
                diag_warn(c->d, (const char *)sqlite3_column_text(rows, 2),
                          (long)sqlite3_column_int64(rows, 3), "区号的地名“%s”%s",
                          (const char *)sqlite3_column_text(rows, 1), note);
            sqlite3_bind_int64(set, 1, sqlite3_column_int64(rows, 0));
            sqlite3_bind_text(set, 2, code, -1, SQLITE_TRANSIENT);
            failed = sqlite3_step(set) != SQLITE_DONE;
            sqlite3_reset(set);
        }
        free(why);
        free(note);
    }
    rc = failed ? -1 : 0;
out:
    if (rc && !c->d->stop) {
        diag_error(c->d, "gongkai", 0, "area codes: %s", sqlite3_errmsg(c->db));
        c->d->stop = 1;
    }
    sqlite3_finalize(rows);
    sqlite3_finalize(set);
    region_names_end();
    return rc;
}

const load_kind kind_area_codes = {
    .name = "area_codes",
    .keys = keys,
    .csv_fields = fields,
    .begin = area_codes_begin,
    .load_file = load_area_codes_file,
    .finish = area_codes_finish,
};
