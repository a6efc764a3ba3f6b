/* pb_queries.c: placebench's query sets, drawn from the database itself, deterministically.
 *
 * Each class has a candidate set (the division rows it may start from, in id order) and a
 * rule that makes a query of a row, or refuses the row (too short a name, a character
 * without a reading ...). Rows are drawn with the splitmix64 stream of bench/rng.c seeded
 * once, classes in table order, so the same database and seed give the same queries. A
 * refused draw is drawn again, at most PB_TRIES times per query wanted. */
#include "pb.h"

#include "convert.h"
#include "pinyin.h"
#include "rng.h"
#include "u8.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define PB_TRIES 20

/* Candidate rows. Summary names (市辖区, 市区, 郊区 ...: held by 10 or more ended rows)
 * are left out of the old names: they are not what anyone looks up. */
static const char *const SQL_CURRENT = "SELECT id FROM division WHERE ended = 0 ORDER BY id";
static const char *const SQL_CODE6 =
    "SELECT id FROM division WHERE ended = 0 AND length(code) = 6 ORDER BY id";
static const char *const SQL_CODE9 =
    "SELECT id FROM division WHERE ended = 0 AND length(code) = 9 ORDER BY id";
static const char *const SQL_CODE12 =
    "SELECT id FROM division WHERE ended = 0 AND length(code) = 12 ORDER BY id";
static const char *const SQL_OLD =
    "SELECT id FROM division WHERE ended = 1 AND name NOT IN (SELECT name FROM division "
    "WHERE ended = 1 GROUP BY name HAVING count(*) >= 10) ORDER BY id";

/* The first n characters of s from character k (NULL when s is shorter). */
static char *chars(const char *s, size_t k, size_t n)
{
    size_t len = strlen(s), a = 0;
    for (size_t i = 0; i < k; i++) {
        if (a >= len)
            return NULL;
        a = u8_next(s, len, a);
    }
    size_t b = a;
    for (size_t i = 0; i < n; i++) {
        if (b >= len)
            return NULL;
        b = u8_next(s, len, b);
    }
    return xstrndup(s + a, b - a);
}

static size_t nchars(const char *s)
{
    return u8_count(s, strlen(s));
}

/* ---- the rules: a query made of a row's code and name, or NULL ------------------------ */

static char *make_code(const char *code, const char *name)
{
    (void)name;
    return xstrdup(code);
}

/* The first 4 digits: the NBS form of a prefecture code (4108 is 410800), so an exact
 * code look-up. */
static char *make_code4(const char *code, const char *name)
{
    (void)name;
    return strlen(code) >= 6 ? xstrndup(code, 4) : NULL;
}

/* A partial code (3, 5, 7, 8, 10 or 11 digits): everything under it, listed and counted. */
static char *make_code_prefix(const char *code, const char *name)
{
    (void)name;
    static const size_t cut[] = {3, 5, 7, 8, 10, 11};
    size_t k = cut[rnd(sizeof cut / sizeof *cut)];
    return strlen(code) > k ? xstrndup(code, k) : NULL;
}

static char *make_name(const char *code, const char *name)
{
    (void)code;
    return nchars(name) >= 2 ? xstrdup(name) : NULL;
}

/* The first 2 or 3 characters of a name of at least 4. */
static char *make_name_prefix(const char *code, const char *name)
{
    (void)code;
    size_t k = 2 + rnd(2);
    return nchars(name) >= k + 1 ? chars(name, 0, k) : NULL;
}

/* 2 or 3 characters from the middle: neither the first nor the last character. */
static char *make_contains(const char *code, const char *name)
{
    (void)code;
    size_t k = 2 + rnd(2), n = nchars(name);
    if (n < k + 2)
        return NULL;
    return chars(name, 1 + rnd((uint32_t)(n - k - 1)), k);
}

/* The OpenCC s2t form, when it differs from the name. */
static char *make_traditional(const char *code, const char *name)
{
    (void)code;
    char *t = convert_text(CONVERT_TRADITIONAL, name, strlen(name), NULL);
    if (t && strcmp(t, name) && nchars(name) >= 2)
        return t;
    free(t);
    return NULL;
}

/* The customary full spelling of the first 2 or 3 characters (xinhua for 新华). */
static char *make_pinyin_full(const char *code, const char *name)
{
    (void)code;
    size_t k = 2 + rnd(2);
    char *head = chars(name, 0, k);
    if (!head)
        return NULL;
    pinyin_unit u[4];
    pinyin_spelling sp[1];
    char *q = NULL;
    if (pinyin_units(head, strlen(head), u, 4) == k &&
        pinyin_spellings(head, strlen(head), sp, 1) == 1 && pinyin_looks_like(sp[0].full))
        q = xstrdup(sp[0].full);
    free(head);
    return q;
}

/* The first 2 to 4 initials of the customary spelling (xhc for 新华村). */
static char *make_initials(const char *code, const char *name)
{
    (void)code;
    size_t k = 2 + rnd(3);
    pinyin_spelling sp[1];
    if (pinyin_spellings(name, strlen(name), sp, 1) != 1 || strlen(sp[0].initials) < k)
        return NULL;
    char *q = xstrndup(sp[0].initials, k);
    if (!pinyin_looks_like(q)) {
        free(q);
        return NULL;
    }
    return q;
}

/* The customary reading of the first character alone (xin): the widest pinyin range. */
static char *make_syllable(const char *code, const char *name)
{
    (void)code;
    pinyin_unit u[1];
    if (pinyin_units(name, strlen(name), u, 1) != 1 || strlen(u[0].r[0]) < 2 ||
        !pinyin_looks_like(u[0].r[0]))
        return NULL;
    return xstrdup(u[0].r[0]);
}

typedef struct {
    const char *name, *label;
    enum pb_kind kind;
    int identifies;
    const char *sql;
    char *(*make)(const char *code, const char *name);
} pb_spec;

static const pb_spec specs[] = {
    {"code6", "code exact, 6 digits (省地县)", PB_CODE, 1, SQL_CODE6, make_code},
    {"code9", "code exact, 9 digits (乡级)", PB_CODE, 1, SQL_CODE9, make_code},
    {"code12", "code exact, 12 digits (村级)", PB_CODE, 1, SQL_CODE12, make_code},
    {"code4", "code, 4 digits (NBS 地级 form)", PB_CODE, 0, SQL_CURRENT, make_code4},
    {"code_prefix", "code prefix, 3/5/7/8/10/11 digits", PB_CODE, 0, SQL_CURRENT,
     make_code_prefix},
    {"name_exact", "name exact", PB_NAME, 1, SQL_CURRENT, make_name},
    {"name_prefix", "name prefix, 2-3 characters", PB_NAME, 0, SQL_CURRENT, make_name_prefix},
    {"contains", "contains, 2-3 middle characters", PB_NAME, 0, SQL_CURRENT, make_contains},
    {"traditional", "Traditional form of a name", PB_NAME, 1, SQL_CURRENT, make_traditional},
    {"pinyin_full", "pinyin full, 2-3 syllables", PB_PINYIN, 0, SQL_CURRENT, make_pinyin_full},
    {"initials", "pinyin initials, 2-4 letters", PB_PINYIN, 0, SQL_CURRENT, make_initials},
    {"syllable", "pinyin, one syllable (hard)", PB_PINYIN, 0, SQL_CURRENT, make_syllable},
    {"old_name", "old name of an ended code", PB_NAME, 1, SQL_OLD, make_name},
};

static void die(gk_db *db, const char *what)
{
    fprintf(stderr, "placebench: %s: %s\n", what, sqlite3_errmsg(db->h));
    exit(1);
}

static long long *candidates(gk_db *db, const char *sql, size_t *n)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
        die(db, sql);
    long long *ids = NULL;
    size_t cap = 0;
    *n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        ids = xgrow(ids, &cap, *n + 1, sizeof *ids);
        ids[(*n)++] = sqlite3_column_int64(st, 0);
    }
    if (rc != SQLITE_DONE)
        die(db, sql);
    sqlite3_finalize(st);
    return ids;
}

pb_class *pb_queries(gk_db *db, size_t nq, unsigned long long seed, size_t *ncls)
{
    size_t nspec = sizeof specs / sizeof *specs;
    pb_class *cls = xcalloc(nspec, sizeof *cls);
    sqlite3_stmt *row;
    if (sqlite3_prepare_v2(db->h, "SELECT code, name FROM division WHERE id = ?1", -1, &row,
                           NULL) != SQLITE_OK)
        die(db, "division row");
    rng_seed(seed);
    for (size_t i = 0; i < nspec; i++) {
        pb_class *c = &cls[i];
        c->name = specs[i].name;
        c->label = specs[i].label;
        c->kind = specs[i].kind;
        c->identifies = specs[i].identifies;
        c->q = xcalloc(nq, sizeof *c->q);
        c->src = xcalloc(nq, sizeof *c->src);
        long long *ids = candidates(db, specs[i].sql, &c->candidates);
        for (size_t tries = 0; c->candidates && c->nq < nq && tries < nq * PB_TRIES; tries++) {
            long long id = ids[rnd((uint32_t)c->candidates)];
            sqlite3_reset(row);
            sqlite3_bind_int64(row, 1, id);
            if (sqlite3_step(row) != SQLITE_ROW)
                die(db, "division row");
            const char *code = (const char *)sqlite3_column_text(row, 0);
            const char *name = (const char *)sqlite3_column_text(row, 1);
            char *q = specs[i].make(code ? code : "", name ? name : "");
            if (q) {
                c->src[c->nq] = id;
                c->q[c->nq++] = q;
            }
        }
        free(ids);
    }
    sqlite3_finalize(row);
    *ncls = nspec;
    return cls;
}

void pb_queries_free(pb_class *cls, size_t ncls)
{
    for (size_t i = 0; i < ncls; i++) {
        for (size_t k = 0; k < cls[i].nq; k++)
            free(cls[i].q[k]);
        free(cls[i].q);
        free(cls[i].src);
        free(cls[i].ms);
    }
    free(cls);
}
