/* Names of divisions against the finished division table (loader/region_names.h); moved
 * out of stat_regions.c so that hotlines resolve places as statistics do. */
#include "region_names.h"

#include "place.h"
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
    /* A match by a former name (find_former): the ended code and its name, "" when the
     * name is current; fwhy says why a former name led nowhere (n is 0 then). */
    char fcode[MAX_CANDS][DIV_BUF];
    char fname[MAX_CANDS][64];
    char fwhy[512];
} cands;

static sqlite3_stmt *by_key, *by_former, *in_force;

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

/* Whether code has a current row. 1, 0, -1. */
static int code_in_force(load_ctx *c, const char *code)
{
    if (!in_force && sqlite3_prepare_v2(c->db, "SELECT 1 FROM division WHERE code = ?1 AND "
                                               "ended = 0 LIMIT 1", -1, &in_force,
                                        NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(in_force, 1, code, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(in_force);
    sqlite3_reset(in_force);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Where an ended code is now: its own code when a current row still has it (a name that
 * changed, the code kept), else the one division in force its code history
 * (division_event_link, followed by place_history) ends at. 1 with now and its name,
 * 0 with *why (new: split, or ended without a successor), -1 on a database error. */
static int former_now(load_ctx *c, const char *code, const char *name, char now[DIV_BUF],
                      char now_name[64], char **why)
{
    *why = NULL;
    int cur = code_in_force(c, code);
    if (cur < 0)
        return -1;
    gk_db db = {.h = c->db};
    place_history_t h;
    char *err = NULL;
    int rc = place_history(&db, code, &h, &err);
    free(err);
    if (rc < 0)
        return -1;
    int found = 0;
    if (cur || h.nnow == 1) {
        const place_ref *to = NULL;
        for (size_t i = 0; cur && i < h.nnames; i++)
            if (!h.names[i].ended) {
                snprintf(now_name, 64, "%s", h.names[i].name);
                break;
            }
        if (!cur)
            to = &h.now[0];
        snprintf(now, DIV_BUF, "%.12s", to ? to->code : code);
        if (to)
            snprintf(now_name, 64, "%s", to->name);
        found = 1;
    } else if (h.nnow > 1) {
        buf_t b;
        buf_init(&b);
        buf_printf(&b, "曾用名 %s（%s）已分入 %zu 个现行区划：", name, code, h.nnow);
        for (size_t i = 0; i < h.nnow && i < MAX_CANDS; i++)
            buf_printf(&b, "%s%s %s", i ? "、" : "", h.now[i].code, h.now[i].name);
        buf_printf(&b, "%s", h.nnow > MAX_CANDS ? "……" : "");
        *why = buf_take(&b);
    } else
        *why = xasprintf("曾用名 %s（%s）%s，区划沿革中没有现行的继承区划", name, code,
                         h.nsucc ? "已撤销" : "已不再使用");
    place_history_free(&h);
    return found;
}

/* Ended divisions whose folded name is key, each followed to the division in force now
 * (former_now); in scope when the former code or the current one lies under `under`.
 * Several former codes ending at one division are one candidate. Adds to out; a former
 * name that leads nowhere sets out->fwhy instead (with no candidate, the reason). */
static int find_former(load_ctx *c, const char *key, const char *under, cands *out)
{
    if (!by_former &&
        sqlite3_prepare_v2(c->db,
                           "SELECT DISTINCT d.code, d.name FROM division_key k JOIN division d "
                           "ON d.id = k.division WHERE k.kind = 0 AND k.key = ?1 AND d.ended = 1 "
                           "ORDER BY d.code", -1, &by_former, NULL) != SQLITE_OK)
        return -1;
    /* The rows first: former_now runs other statements. */
    size_t nrows = 0, cap = 0;
    char (*rows)[2][64] = NULL;
    sqlite3_bind_text(by_former, 1, key, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(by_former)) == SQLITE_ROW) {
        rows = xgrow(rows, &cap, nrows + 1, sizeof *rows);
        snprintf(rows[nrows][0], 64, "%s", (const char *)sqlite3_column_text(by_former, 0));
        snprintf(rows[nrows][1], 64, "%s", (const char *)sqlite3_column_text(by_former, 1));
        nrows++;
    }
    sqlite3_reset(by_former);
    if (rc != SQLITE_DONE) {
        free(rows);
        return -1;
    }
    size_t nwhy = 0, n0 = out->n;
    for (size_t r = 0; r < nrows; r++) {
        const char *old = rows[r][0], *oname = rows[r][1];
        if (strlen(old) >= DIV_BUF)
            continue;
        char now[DIV_BUF], now_name[64] = "", *why = NULL;
        int f = former_now(c, old, oname, now, now_name, &why);
        if (f < 0) {
            free(rows);
            return -1;
        }
        int scoped = !*under || div_is_ancestor(under, old) || (f && div_is_ancestor(under, now));
        if (!f) {
            if (scoped && !nwhy++)
                snprintf(out->fwhy, sizeof out->fwhy, "%s", why);
            free(why);
            continue;
        }
        if (!scoped)
            continue;
        size_t i = 0;
        while (i < out->n && i < MAX_CANDS && strcmp(out->code[i], now))
            i++;
        if (i < out->n && i < MAX_CANDS)
            continue;
        if (out->n < MAX_CANDS) {
            snprintf(out->code[out->n], DIV_BUF, "%s", now);
            snprintf(out->name[out->n], 64, "%s", now_name);
            snprintf(out->fcode[out->n], DIV_BUF, "%.12s", old);
            snprintf(out->fname[out->n], 64, "%s", oname);
            out->parent[out->n][0] = '\0';
        }
        out->n++;
    }
    free(rows);
    /* A former name that also led nowhere: not this one alone. */
    if (out->n > n0 && nwhy) {
        out->n = n0;
        snprintf(out->fwhy, sizeof out->fwhy, "曾用名“%s”对应几个区划代码，沿革各异", key);
    }
    return 0;
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
    if (out->n)
        return 0;
    /* A former name (九台市, now 九台区), as written, else with a suffix. */
    if (find_former(c, key, under, out) != 0)
        return -1;
    if (out->n || *out->fwhy)
        return 0;
    for (size_t i = 0; suffixes[i]; i++) {
        char *k = xasprintf("%s%s", key, suffixes[i]);
        int rc = find_former(c, k, under, out);
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
    char fwhy[sizeof out->fwhy];
    snprintf(fwhy, sizeof fwhy, "%s", out->fwhy);
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
        if (!*fwhy)
            snprintf(fwhy, sizeof fwhy, "%s", t.fwhy);
    }
    *out = amb;
    if (!out->n)
        snprintf(out->fwhy, sizeof out->fwhy, "%s", fwhy);
    return 0;
}

/* Why a name did not resolve, for people (after 地区“NAME”). New string. */
static char *why_not(load_ctx *c, const cands *r)
{
    if (!r->n && *r->fwhy)
        return xasprintf("%s；请写区划代码，或在清单中加 region.名称 = 代码", r->fwhy);
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
    for (size_t i = 0; i < r->n && i < MAX_CANDS; i++) {
        buf_printf(&b, "%s%s %s%s%s%s", i ? "、" : "", r->code[i], r->name[i],
                   *r->parent[i] ? "（" : "", r->parent[i], *r->parent[i] ? "）" : "");
        if (*r->fcode[i])
            buf_printf(&b, "（曾用名 %s，%s）", r->fname[i], r->fcode[i]);
    }
    buf_printf(&b, "%s；请写上级名称或区划代码", r->n > MAX_CANDS ? "……" : "");
    return buf_take(&b);
}

int region_name_resolve(load_ctx *c, const char *key, const char *under, char code[DIV_BUF],
                        char **why, char **note)
{
    cands r;
    *why = NULL;
    if (note)
        *note = NULL;
    code[0] = '\0';
    if (resolve(c, key, under ? under : "", 0, &r) != 0)
        return -1;
    if (r.n == 1) {
        memcpy(code, r.code[0], DIV_BUF);
        if (note && *r.fcode[0])
            *note = xasprintf("按曾用名 %s（%s）归入 %s（%s）", r.fname[0], r.fcode[0],
                              r.name[0], r.code[0]);
        return 1;
    }
    *why = why_not(c, &r);
    return 0;
}

void region_names_end(void)
{
    sqlite3_finalize(by_key);
    sqlite3_finalize(by_former);
    sqlite3_finalize(in_force);
    by_key = by_former = in_force = NULL;
}
