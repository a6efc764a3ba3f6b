/* Finding organisations by name: the candidates of a check.
 *
 * Equality of keys and cores is an index lookup on org_name. Names containing the query:
 * when the bigram lists narrow them down (core/orgcontains.c) their keys are checked one
 * by one, newest first, else org_name_fts finds them (a phrase of bigrams is a substring
 * test, but it costs milliseconds at a million names whatever it finds). Names contained
 * in the query are its substrings looked up as keys. Similar names: core/orgsimilar.c. */
#include "orgcheck_int.h"

#include "orgstmt.h"
#include "utf8dec.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define CONTAINS_READ 200      /* names containing the query compared per check */
#define COUNT_CAP 5000         /* names counted for the total */
#define LISTS_VERIFY 1000      /* names the bigram lists may leave to check one by one */
#define CONTAINED_MAX_CHARS 24 /* parts longer than this are not looked up (no such names) */
#define CONTAINED_MAX_INPUT 64 /* longer input: no parts are looked up */

char *oc_col(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? xstrdup((const char *)t) : NULL;
}

int oc_read_begin(sqlite3 *h)
{
    /* Ours when BEGIN took effect, even if an interrupt (a newer query) then made it
     * report an error: else the transaction would stay open and every later query on the
     * connection would read its old snapshot (found in statq_table by the monkey test). */
    if (!sqlite3_get_autocommit(h))
        return 0;
    sqlite3_exec(h, "BEGIN", NULL, NULL, NULL);
    return !sqlite3_get_autocommit(h);
}

void oc_read_end(sqlite3 *h, int began)
{
    if (began && sqlite3_exec(h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
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
    if (!(s = oc_stmt_get(h, sql)))
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
    oc_stmt_put(s);
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

/* The names holding the query through the full-text index: counted up to COUNT_CAP into
 * *n, the newest CONTAINS_READ rowids kept (listed organisations first, data/schema.sql).
 * FTS5 reads a doclist forwards faster than backwards, so the count goes forwards and
 * keeps the last rowids it met; only when it stops at the cap are the newest read again
 * backwards. */
static int by_fts(sqlite3 *h, const char *expr, long long **rows, size_t *nrows, long long *n)
{
    sqlite3_stmt *s;
    long long ring[CONTAINS_READ];
    *rows = NULL;
    *nrows = 0;
    *n = 0;
    if (!(s = oc_stmt_get(h,
                          "SELECT rowid FROM org_name_fts WHERE org_name_fts MATCH ?1 LIMIT ?2")))
        return -1;
    sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 2, COUNT_CAP);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        ring[(*n)++ % CONTAINS_READ] = sqlite3_column_int64(s, 0);
    oc_stmt_put(s);
    if (rc != SQLITE_DONE)
        return -1;
    *rows = xmalloc(CONTAINS_READ * sizeof **rows);
    if (*n < COUNT_CAP) { /* every match seen: the last ones, newest first */
        for (long long i = *n - 1; i >= 0 && *nrows < CONTAINS_READ; i--)
            (*rows)[(*nrows)++] = ring[i % CONTAINS_READ];
        return 0;
    }
    if (!(s = oc_stmt_get(h, "SELECT rowid FROM org_name_fts WHERE org_name_fts MATCH ?1 "
                             "ORDER BY rowid DESC LIMIT ?2")))
        return -1;
    sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 2, CONTAINS_READ);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        (*rows)[(*nrows)++] = sqlite3_column_int64(s, 0);
    oc_stmt_put(s);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* Compares the names of rows (newest first) with the query, the first CONTAINS_READ that
 * hold it, and keeps those related; the rowids compared go to *seen. With key, the rows
 * are the bigram lists' superset (core/orgcontains.c): only the names whose key holds key
 * count and are compared. *n receives how many hold it; with estimate (too many rows to
 * read them all) reading stops after CONTAINS_READ matches and *n is the share that held
 * it so far times the rows, at most COUNT_CAP (the answer says "约"). */
static int by_rows(sqlite3 *h, const long long *rows, size_t nrows, const char *key, int estimate,
                   const char *query, oc_cands *out, long long *n, long long *seen, size_t *nseen)
{
    sqlite3_stmt *s;
    if (!(s = oc_stmt_get(h, "SELECT org_id, name, name_key FROM org_name WHERE rowid = ?1")))
        return -1;
    long long held = 0;
    size_t i;
    for (i = 0; i < nrows && ((key && !estimate) || *nseen < CONTAINS_READ); i++) {
        sqlite3_bind_int64(s, 1, rows[i]);
        const char *nk;
        if (sqlite3_step(s) == SQLITE_ROW && (nk = (const char *)sqlite3_column_text(s, 2)) &&
            (!key || strstr(nk, key))) {
            held++;
            if (*nseen < CONTAINS_READ) {
                seen[(*nseen)++] = rows[i];
                const char *name = (const char *)sqlite3_column_text(s, 1);
                double sim = 0;
                enum orgname_match how = orgname_compare(query, name, &sim);
                if (how != ONM_NONE)
                    oc_cands_add(out, sqlite3_column_int64(s, 0), how, sim, name, NULL);
            }
        }
        sqlite3_reset(s);
    }
    oc_stmt_put(s);
    if (key && !estimate)
        *n = held;
    else if (key) {
        double share = i ? (double)held / (double)i : 0;
        *n = held + (long long)(share * (double)(nrows - i) + 0.5);
        if (*n > COUNT_CAP)
            *n = COUNT_CAP;
    }
    return 0;
}

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

int oc_find_by_name(gk_db *db, const char *input, oc_cands *out, size_t *total)
{
    char *key = orgname_key(input);
    char *core = orgname_core(key);
    cps c;
    cps_of(key, &c);
    int rc = 0, tx = oc_read_begin(db->h);
    long long *seen = NULL; /* rows compared by the contains step, for the similar one */
    size_t nseen = 0;
    *total = 0;
    if (c.n == 0)
        goto done;
    rc = by_equal(db->h, "SELECT org_id, name FROM org_name WHERE name_key = ?1", key, input, out);
    if (!rc)
        rc = by_equal(db->h, "SELECT org_id, name FROM org_name WHERE name_core = ?1", core,
                      input, out);
    if (!rc && !out->n) {
        /* A legal name the registry lacks, that a batch's note names ("合法登记的为…"):
         * the listed imitator is what the clerk must see. */
        sqlite3_stmt *s;
        if ((s = oc_stmt_get(db->h, "SELECT org_id, name FROM listing WHERE confusable_key = ?1"))) {
            sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
            while (sqlite3_step(s) == SQLITE_ROW)
                oc_cands_add(out, sqlite3_column_int64(s, 0), ONM_SIMILAR, 0,
                             (const char *)sqlite3_column_text(s, 1),
                             "名单备注中所查名称是与其相近的合法组织");
            oc_stmt_put(s);
        } else {
            rc = -1;
        }
    }
    if (!rc && c.n >= 2) {
        /* Names holding the input: from the bigram lists when they narrow them down (all
         * checked when at most LISTS_VERIFY, else the newest until CONTAINS_READ hold it,
         * the rest estimated), else through the full-text index (counted to COUNT_CAP). */
        long long *rows, n = 0;
        size_t nrows;
        int few = oc_contains_candidates(db->h, key, LISTS_VERIFY, &rows, &nrows);
        rc = few < 0 ? -1 : 0;
        if (few == 0) {
            char *e = phrase(key, strlen(key));
            rc = by_fts(db->h, e, &rows, &nrows, &n);
            free(e);
        }
        if (!rc) {
            seen = xmalloc((CONTAINS_READ + 1) * sizeof *seen);
            rc = by_rows(db->h, rows, nrows, few ? key : NULL, few == 2, input, out, &n, seen,
                         &nseen);
            qsort(seen, nseen, sizeof *seen, cmp_ll);
        }
        free(rows);
        if (n > 0)
            *total = (size_t)n;
    }
    /* Names inside a longer input ("示例市围棋协会第三分会" holds 示例市围棋协会). */
    if (!rc && c.n >= 5 && c.n <= CONTAINED_MAX_INPUT) {
        sqlite3_stmt *s;
        size_t longest = c.n - 1 < CONTAINED_MAX_CHARS ? c.n - 1 : CONTAINED_MAX_CHARS;
        if ((s = oc_stmt_get(db->h, "SELECT org_id, name FROM org_name WHERE name_key = ?1"))) {
            for (size_t len = longest; len >= 4; len--)
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
            oc_stmt_put(s);
        }
    }
    if (!rc && c.n >= 4) {
        oc_similar_opts so = {-1, 0, 0, seen, nseen};
        rc = oc_find_similar(db, input, &so, out, 20);
    }
done:
    free(seen);
    oc_read_end(db->h, tx);
    if (*total < out->n)
        *total = out->n;
    cps_free(&c);
    free(key);
    free(core);
    return rc;
}
