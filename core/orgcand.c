/* Finding organisations by name: the candidates of a check and of look-alike warnings.
 *
 * Equality of keys and cores is an index lookup on org_name. Names containing the query
 * come from org_name_fts (a phrase of bigrams is a substring test). Names contained in
 * the query are its substrings looked up as keys. Similar names need a candidate set
 * small enough to compare one by one: a name within edit distance d of the query keeps
 * all but at most 2d of the query's bigrams, and one with Dice >= 0.75 shares at least
 * 60 % of them, so any of a few of the query's bigrams must occur in it; the rarest few
 * are OR-ed. */
#include "orgcheck_int.h"

#include "fold.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CONTAINS_READ 200      /* names containing the query compared per check */
#define COUNT_CAP 5000         /* names counted for the total */
#define RARITY_CAP 2000        /* a bigram this common is "common" */
#define SIMILAR_READ 2000      /* candidate names compared for similarity */
#define CONTAINED_MAX_CHARS 24 /* longer input: its substrings are not all looked up */

char *oc_col(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? xstrdup((const char *)t) : NULL;
}

void oc_cands_add(oc_cands *c, long long org_id, enum orgname_match how, double similarity,
                  const char *matched, const char *why)
{
    for (size_t i = 0; i < c->n; i++) {
        oc_cand *x = &c->v[i];
        if (x->org_id != org_id)
            continue;
        if (how < x->how) {
            x->how = how;
            x->similarity = similarity;
            free(x->matched);
            free(x->why);
            x->matched = matched ? xstrdup(matched) : NULL;
            x->why = why ? xstrdup(why) : NULL;
        }
        return;
    }
    c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
    c->v[c->n++] = (oc_cand){org_id, how, similarity, matched ? xstrdup(matched) : NULL,
                             why ? xstrdup(why) : NULL, 3};
}

void oc_cands_free(oc_cands *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->v[i].matched);
        free(c->v[i].why);
    }
    free(c->v);
    memset(c, 0, sizeof *c);
}

/* Code points of s with the byte offset of each (off[n] = strlen). */
typedef struct {
    uint32_t *cp;
    size_t *off;
    size_t n;
} cps;

static void cps_of(const char *s, cps *out)
{
    size_t len = strlen(s);
    out->cp = xmalloc((len + 1) * sizeof *out->cp);
    out->off = xmalloc((len + 1) * sizeof *out->off);
    out->n = 0;
    for (size_t i = 0; i < len;) {
        int valid;
        out->off[out->n] = i;
        i += (size_t)u8_decode((const unsigned char *)s + i, (const unsigned char *)s + len,
                               &out->cp[out->n], &valid);
        out->n++;
    }
    out->off[out->n] = len;
}

static void cps_free(cps *c)
{
    free(c->cp);
    free(c->off);
}

/* Names whose column equals value; each compared with the input for the reason. */
static int by_equal(sqlite3 *h, const char *sql, const char *value, const char *input,
                    oc_cands *out)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(h, sql, -1, &s, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(s, 1, value, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(s, 1);
        double sim = 0;
        enum orgname_match how = orgname_compare(input, name, &sim);
        if (how != ONM_NONE)
            oc_cands_add(out, sqlite3_column_int64(s, 0), how, sim, name, NULL);
    }
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* A key as one FTS5 phrase. Keys hold no punctuation, so no quote either; doubled anyway. */
static char *phrase(const char *key, size_t len)
{
    buf_t b;
    buf_init(&b);
    buf_addc(&b, '"');
    for (size_t i = 0; i < len; i++) {
        if (key[i] == '"')
            buf_addc(&b, '"');
        buf_addc(&b, key[i]);
    }
    buf_addc(&b, '"');
    return buf_take(&b);
}

static long long count_matches(sqlite3 *h, const char *expr, int cap)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(h,
                           "SELECT count(*) FROM (SELECT 1 FROM org_name_fts "
                           "WHERE org_name_fts MATCH ?1 LIMIT ?2)",
                           -1, &s, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 2, cap);
    long long n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_finalize(s);
    return n;
}

/* Reads up to limit names matching expr, newest rowid first (listed organisations
 * first, see data/schema.sql), and keeps those compare() relates to query. */
static int by_fts(sqlite3 *h, const char *expr, int limit, const char *query, int want_registered,
                  long long exclude, oc_cands *out, size_t max)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(h,
                           "SELECT n.org_id, n.name, o.registered FROM org_name_fts f "
                           "JOIN org_name n ON n.rowid = f.rowid JOIN org o ON o.id = n.org_id "
                           "WHERE org_name_fts MATCH ?1 AND (?2 < 0 OR o.registered = ?2) "
                           "ORDER BY f.rowid DESC LIMIT ?3",
                           -1, &s, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 2, want_registered);
    sqlite3_bind_int(s, 3, limit);
    int rc;
    size_t added = 0;
    while (added < max && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(s, 0);
        if (id == exclude)
            continue;
        const char *name = (const char *)sqlite3_column_text(s, 1);
        double sim = 0;
        enum orgname_match how = orgname_compare(query, name, &sim);
        if (how == ONM_NONE)
            continue;
        size_t before = out->n;
        oc_cands_add(out, id, how, sim, name, NULL);
        added += out->n > before;
    }
    sqlite3_finalize(s);
    return 0;
}

int oc_find_similar(gk_db *db, const char *name, int want_registered, long long exclude,
                    oc_cands *out, size_t max)
{
    char *key = orgname_key(name);
    char *core = orgname_core(key);
    cps c;
    cps_of(core, &c);
    /* Distinct CJK bigrams of the core with their frequency among names. */
    struct bg {
        char *expr;
        long long n;
    } *bg = xcalloc(c.n + 1, sizeof *bg);
    size_t nb = 0;
    for (size_t i = 0; i + 1 < c.n; i++) {
        if (fold_class_of(c.cp[i]) != FOLD_CJK || fold_class_of(c.cp[i + 1]) != FOLD_CJK)
            continue;
        char *e = phrase(core + c.off[i], c.off[i + 2] - c.off[i]);
        int dup = 0;
        for (size_t j = 0; j < nb && !dup; j++)
            dup = !strcmp(bg[j].expr, e);
        if (dup) {
            free(e);
            continue;
        }
        bg[nb].expr = e;
        bg[nb].n = count_matches(db->h, e, RARITY_CAP);
        nb++;
    }
    int rc = 0;
    if (c.n >= 3 && nb > 0) {
        /* Rarest first; enough of them that every similar name holds one (see top). */
        for (size_t i = 1; i < nb; i++)
            for (size_t j = i; j > 0 && bg[j].n < bg[j - 1].n; j--) {
                struct bg t = bg[j];
                bg[j] = bg[j - 1];
                bg[j - 1] = t;
            }
        size_t edits = c.n >= 8 ? 5 : 3;
        size_t dice = nb - (size_t)ceil(0.6 * (double)nb) + 1;
        size_t r = edits > dice ? edits : dice;
        if (r > nb)
            r = nb;
        buf_t expr;
        buf_init(&expr);
        for (size_t i = 0; i < r; i++)
            buf_printf(&expr, "%s%s", i ? " OR " : "", bg[i].expr);
        rc = by_fts(db->h, expr.s, SIMILAR_READ, name, want_registered, exclude, out, max);
        buf_free(&expr);
    }
    for (size_t i = 0; i < nb; i++)
        free(bg[i].expr);
    free(bg);
    cps_free(&c);
    free(core);
    free(key);
    return rc;
}

int oc_find_by_name(gk_db *db, const char *input, oc_cands *out, size_t *total)
{
    char *key = orgname_key(input);
    char *core = orgname_core(key);
    cps c;
    cps_of(key, &c);
    int rc = 0;
    *total = 0;
    if (c.n == 0)
        goto done;
    rc = by_equal(db->h, "SELECT org_id, name FROM org_name WHERE name_key = ?1", key, input, out);
    if (!rc)
        rc = by_equal(db->h, "SELECT org_id, name FROM org_name WHERE name_core = ?1", core,
                      input, out);
    if (!rc && c.n >= 2) {
        char *e = phrase(key, strlen(key));
        long long n = count_matches(db->h, e, COUNT_CAP);
        if (n > 0)
            *total = (size_t)n;
        rc = by_fts(db->h, e, CONTAINS_READ, input, -1, 0, out, CONTAINS_READ);
        free(e);
    }
    /* Names inside a longer input ("示例市围棋协会第三分会" holds 示例市围棋协会). */
    if (!rc && c.n >= 5 && c.n <= CONTAINED_MAX_CHARS) {
        sqlite3_stmt *s;
        if (sqlite3_prepare_v2(db->h, "SELECT org_id, name FROM org_name WHERE name_key = ?1",
                               -1, &s, NULL) == SQLITE_OK) {
            for (size_t len = c.n - 1; len >= 4; len--)
                for (size_t i = 0; i + len <= c.n; i++) {
                    sqlite3_bind_text(s, 1, key + c.off[i], (int)(c.off[i + len] - c.off[i]),
                                      SQLITE_STATIC);
                    while (sqlite3_step(s) == SQLITE_ROW) {
                        const char *name = (const char *)sqlite3_column_text(s, 1);
                        oc_cands_add(out, sqlite3_column_int64(s, 0), ONM_CONTAINED, 0, name,
                                     NULL);
                    }
                    sqlite3_reset(s);
                }
            sqlite3_finalize(s);
        }
    }
    if (!rc && c.n >= 4)
        rc = oc_find_similar(db, input, -1, 0, out, 20);
done:
    if (*total < out->n)
        *total = out->n;
    cps_free(&c);
    free(key);
    free(core);
    return rc;
}
