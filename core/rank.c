#include "rank.h"

#include "xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* bm25 parameters as in FTS5; column weights follow doc_fts(body, title). */
#define K1 1.2
#define B 0.75
static const double column_weight[] = {1.0, 3.0};

/* Per-statement state: the parsed idf values and the average row length. */
typedef struct {
    long long lo, hi; /* a rowid range (one rank group of doc) */
    long limit;       /* rows of it to score, newest first */
    long seen;
} window;

typedef struct {
    double *idf;
    int nidf;
    double avgdl;
    double *freq; /* scratch, one per phrase */
    int nfreq;
    window *win;  /* optional: score only the first `limit` rows met in each range */
    int nwin;
} rank_state;

static void free_state(void *p)
{
    rank_state *s = p;
    free(s->idf);
    free(s->freq);
    free(s->win);
    free(s);
}

/* "lo:hi:limit;..." */
static void parse_windows(rank_state *s, const char *spec)
{
    size_t cap = 0;
    for (const char *p = spec; p && *p;) {
        window w = {0, 0, 0, 0};
        char *end;
        w.lo = strtoll(p, &end, 10);
        if (*end != ':')
            break;
        w.hi = strtoll(end + 1, &end, 10);
        if (*end != ':')
            break;
        w.limit = strtol(end + 1, &end, 10);
        s->win = xgrow(s->win, &cap, (size_t)s->nwin + 1, sizeof *s->win);
        s->win[s->nwin++] = w;
        p = (*end == ';') ? end + 1 : end;
        if (end == p && *p)
            break;
    }
}

static rank_state *state_for(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_value *arg,
                             sqlite3_value *windows)
{
    rank_state *s = api->xGetAuxdata(fts, 0);
    if (s)
        return s;
    s = xcalloc(1, sizeof *s);
    if (windows)
        parse_windows(s, (const char *)sqlite3_value_text(windows));
    const char *list = arg ? (const char *)sqlite3_value_text(arg) : NULL;
    size_t cap = 0;
    for (const char *p = list; p && *p;) {
        char *end;
        double v = strtod(p, &end);
        if (end == p)
            break;
        s->idf = xgrow(s->idf, &cap, (size_t)s->nidf + 1, sizeof *s->idf);
        s->idf[s->nidf++] = v;
        p = (*end == ',') ? end + 1 : end;
    }
    sqlite3_int64 rows = 0, total = 0;
    api->xRowCount(fts, &rows);
    double tokens = 0;
    for (int c = 0; c < api->xColumnCount(fts); c++)
        if (api->xColumnTotalSize(fts, c, &total) == SQLITE_OK)
            tokens += (double)total;
    s->avgdl = rows > 0 ? tokens / (double)rows : 1.0;
    if (s->avgdl <= 0)
        s->avgdl = 1.0;
    if (api->xSetAuxdata(fts, s, free_state) != SQLITE_OK) {
        free_state(s);
        return NULL;
    }
    return s;
}

static void gk_bm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
                    sqlite3_value **val)
{
    rank_state *s = state_for(api, fts, nval > 0 ? val[0] : NULL, nval > 1 ? val[1] : NULL);
    if (!s) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (s->nwin) {
        /* Rows come newest first: past a range's limit there is nothing to score. */
        sqlite3_int64 rowid = api->xRowid(fts);
        window *w = NULL;
        for (int i = 0; i < s->nwin && !w; i++)
            if (rowid >= s->win[i].lo && rowid <= s->win[i].hi)
                w = &s->win[i];
        if (!w || w->seen >= w->limit) {
            sqlite3_result_null(ctx);
            return;
        }
        w->seen++;
    }
    int nphrase = api->xPhraseCount(fts);
    if (s->nfreq < nphrase) {
        free(s->freq);
        s->freq = xcalloc((size_t)nphrase, sizeof *s->freq);
        s->nfreq = nphrase;
    }
    memset(s->freq, 0, (size_t)nphrase * sizeof *s->freq);
    int ninst = 0;
    int rc = api->xInstCount(fts, &ninst);
    for (int i = 0; rc == SQLITE_OK && i < ninst; i++) {
        int phrase, col, off;
        rc = api->xInst(fts, i, &phrase, &col, &off);
        if (rc == SQLITE_OK && phrase < nphrase && col >= 0 && col < 2)
            s->freq[phrase] += column_weight[col];
    }
    int dl = 0;
    if (rc == SQLITE_OK)
        rc = api->xColumnSize(fts, -1, &dl);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    double score = 0, norm = K1 * (1 - B + B * (double)dl / s->avgdl);
    for (int p = 0; p < nphrase; p++) {
        double idf = p < s->nidf ? s->idf[p] : 1.0;
        score += idf * s->freq[p] * (K1 + 1) / (s->freq[p] + norm);
    }
    sqlite3_result_double(ctx, -score); /* smaller is better, like bm25() */
}

int rank_register(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
        return SQLITE_ERROR;
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    if (!api || api->iVersion < 2)
        return SQLITE_ERROR;
    return api->xCreateFunction(api, "gk_bm25", NULL, gk_bm25, NULL);
}

/* ---- document frequencies ---------------------------------------------------------- */

/* Units matching one phrase, counted up to cap (a lower bound beyond it). A prefix
 * phrase (one that ends in a single character, like 2022年 or 门) is counted without that
 * last character: FTS5 would first merge the lists of every token with that prefix,
 * which costs as much as the search itself. Without the rest (a one-character term) it
 * is taken to be common. */
static double phrase_df(sqlite3_stmt *st, const query_alt *a, long long cap, long long nrows)
{
    query_alt alt = *a;
    char *cut = NULL;
    if (a->prefix) {
        size_t len = strlen(a->text);
        while (len && ((unsigned char)a->text[len - 1] & 0xC0) == 0x80)
            len--;
        if (len)
            len--; /* drop the last character */
        while (len && a->text[len - 1] == ' ')
            len--;
        if (!len)
            return (double)nrows / 2;
        cut = xstrndup(a->text, len);
        alt.text = cut;
        alt.prefix = 0;
    }
    buf_t b;
    buf_init(&b);
    query_append_phrase(&b, &alt);
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, b.s, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, cap);
    double df = 0;
    if (sqlite3_step(st) == SQLITE_ROW)
        df = sqlite3_column_double(st, 0);
    sqlite3_reset(st);
    buf_free(&b);
    free(cut);
    return df;
}

static void add_idf(buf_t *b, double df, long long nrows)
{
    if (df > (double)nrows)
        df = (double)nrows;
    double idf = log(((double)nrows - df + 0.5) / (df + 0.5));
    if (!(idf > 0))
        idf = 1e-6; /* as FTS5 does for terms in more than half the rows */
    buf_printf(b, "%s%.17g", b->len ? "," : "", idf);
}

char *rank_idf_arg(sqlite3 *db, const query *q, long long nrows, long long cap)
{
    size_t nphrases = 0;
    for (size_t i = 0; i < q->nterms; i++)
        nphrases += q->terms[i].nalts;
    /* One phrase: its idf scales every score alike and cannot change the order. */
    if (nphrases < 2)
        return xstrdup("");
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT count(*) FROM (SELECT 1 FROM doc_fts WHERE doc_fts MATCH ?1 "
                           "LIMIT ?2)",
                           -1, &st, NULL) != SQLITE_OK)
        return xstrdup(""); /* every phrase then weighs 1: still a sensible order */
    buf_t b;
    buf_init(&b);
    /* Phrase order of the expression built by query.c: positive terms, then excluded. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < q->nterms; i++) {
            const query_term *t = &q->terms[i];
            if ((t->op == QUERY_NOT) != pass)
                continue;
            for (size_t j = 0; j < t->nalts; j++)
                add_idf(&b, phrase_df(st, &t->alts[j], cap, nrows), nrows);
        }
    sqlite3_finalize(st);
    return buf_take(&b);
}
