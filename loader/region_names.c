/* Names of divisions against the finished division table (loader/region_names.h); moved
 * out of stat_regions.c so that hotlines resolve places as statistics do. */
#include "region_names.h"

#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CANDS 8

typedef struct {
    char code[MAX_CANDS][DIV_BUF];
    char name[MAX_CANDS][64];   /* its name and its parent's, for the message */
    char parent[MAX_CANDS][64];
    size_t n;                   /* may exceed MAX_CANDS: only the first are kept */
} cands;

static sqlite3_stmt *by_key;

/* Current divisions whose folded name is key, under `under` ("" anywhere), added to out. */
static int find_name(load_ctx *c, const char *key, const char *under, cands *out)
{
    if (!by_key &&
        sqlite3_prepare_v2(c->db,
                           "SELECT DISTINCT d.code, coalesce((SELECT p.name FROM division p "
                           "WHERE p.code = d.parent_code AND p.ended = 0 LIMIT 1), ''), d.name "
                           "FROM division_key k JOIN division d ON d.id = k.division "
                           "WHERE k.kind = 0 AND k.key = ?1 AND d.ended = 0 ORDER BY d.code",
                           -1, &by_key, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(by_key, 1, key, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(by_key)) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(by_key, 0);
        if (*under && !div_is_ancestor(under, code))
            continue;
        size_t i = 0;
        while (i < out->n && i < MAX_CANDS && strcmp(out->code[i], code))
            i++;
        if (i < out->n && i < MAX_CANDS)
            continue;
        if (out->n < MAX_CANDS) {
            snprintf(out->code[out->n], DIV_BUF, "%s", code);
            snprintf(out->parent[out->n], 64, "%s",
                     (const char *)sqlite3_column_text(by_key, 1));
            snprintf(out->name[out->n], 64, "%s", (const char *)sqlite3_column_text(by_key, 2));
        }
        out->n++;
    }
    sqlite3_reset(by_key);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* The name as written, else with a suffix the sources leave off (北京 for 北京市, 广西 for
 * 广西壮族自治区): the name as written wins; several suffixed names (吉林: 吉林省, 吉林市)
 * are ambiguous. */
static int find_short(load_ctx *c, const char *key, const char *under, cands *out)
{
    static const char *const suffixes[] = {"省",     "市",         "自治区",     "壮族自治区",
                                           "回族自治区", "维吾尔自治区", "特别行政区", "地区",
                                           "自治州",   "盟",         "县",        "区",
                                           "旗",      NULL};
    if (find_name(c, key, under, out) != 0)
        return -1;
    if (out->n)
        return 0;
    for (size_t i = 0; suffixes[i]; i++) {
        char *k = xasprintf("%s%s", key, suffixes[i]);
        int rc = find_name(c, k, under, out);
        free(k);
        if (rc != 0)
            return -1;
    }
    return 0;
}

/* A name, or a path of names (福建省三明市, 福建省三明市沙县区): a unique division named by
 * a head, then the rest under it. Fills out; 0, -1 on a database error. */
static int resolve(load_ctx *c, const char *key, const char *under, int depth, cands *out)
{
    memset(out, 0, sizeof *out);
    if (find_short(c, key, under, out) != 0)
        return -1;
    if (out->n || depth >= 4)
        return 0;
    size_t len = strlen(key);
    cands amb = {0};
    /* Heads of two characters or more, tails of two or more (UTF-8 boundaries). */
    for (size_t i = 1; i < len; i++) {
        if (((unsigned char)key[i] & 0xC0) == 0x80)
            continue;
        char *head = xstrndup(key, i);
        size_t hchars = 0;
        for (const char *p = head; *p; p++)
            hchars += ((unsigned char)*p & 0xC0) != 0x80;
        size_t tchars = 0;
        for (const char *p = key + i; *p; p++)
            tchars += ((unsigned char)*p & 0xC0) != 0x80;
        if (hchars < 2 || tchars < 2) {
            free(head);
            continue;
        }
        cands h = {0};
        int rc = find_short(c, head, under, &h);
        free(head);
        if (rc != 0)
            return -1;
        if (h.n != 1)
            continue;
        cands t;
        if (resolve(c, key + i, h.code[0], depth + 1, &t) != 0)
            return -1;
        if (t.n == 1) {
            *out = t;
            return 0;
        }
        if (t.n > 1 && !amb.n)
            amb = t;
    }
    *out = amb;
    return 0;
}

/* Why a name did not resolve, for people (after 地区“NAME”). New string. */
static char *why_not(load_ctx *c, const cands *r)
{
    if (!r->n) {
        sqlite3_stmt *q;
        int any = 0;
        if (sqlite3_prepare_v2(c->db, "SELECT 1 FROM division LIMIT 1", -1, &q, NULL) ==
            SQLITE_OK) {
            any = sqlite3_step(q) == SQLITE_ROW;
            sqlite3_finalize(q);
        }
        return xstrdup(any ? "在行政区划中找不到；请写区划代码，或在清单中加 region.名称 = 代码"
                           : "在行政区划中找不到（本次载入没有行政区划表）；请写区划代码，"
                             "或在清单中加 region.名称 = 代码");
    }
    buf_t b;
    buf_init(&b);
    buf_printf(&b, "对应 %zu 个行政区划：", r->n);
    for (size_t i = 0; i < r->n && i < MAX_CANDS; i++)
        buf_printf(&b, "%s%s %s%s%s%s", i ? "、" : "", r->code[i], r->name[i],
                   *r->parent[i] ? "（" : "", r->parent[i], *r->parent[i] ? "）" : "");
    buf_printf(&b, "%s；请写上级名称或区划代码", r->n > MAX_CANDS ? "……" : "");
    return buf_take(&b);
}

int region_name_resolve(load_ctx *c, const char *key, const char *under, char code[DIV_BUF],
                        char **why)
{
    cands r;
    *why = NULL;
    code[0] = '\0';
    if (resolve(c, key, under ? under : "", 0, &r) != 0)
        return -1;
    if (r.n == 1) {
        memcpy(code, r.code[0], DIV_BUF);
        return 1;
    }
    *why = why_not(c, &r);
    return 0;
}

void region_names_end(void)
{
    sqlite3_finalize(by_key);
    by_key = NULL;
}
