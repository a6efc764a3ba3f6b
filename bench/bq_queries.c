/* bq_queries.c: the measured methods (SQL on doc_fts, search_run), choosing the queries from
 * the corpus's candidates by the number of units they hit, and timing them against the
 * baselines. */
#include "bq.h"

#include "fold.h"
#include "query.h"
#include "search.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const len_names[NLEN] = {"1", "2", "3", "4", "6-10"};
const char *const freq_names[NFREQ] = {"high", "mid", "low", "zero"};

/* ---- our methods -------------------------------------------------------------------- */

static char m_sql[NM][256];

void init_sql(void)
{
    static const char *const base[3] = {
        "SELECT count(*) FROM doc_fts WHERE doc_fts MATCH ?1",
        "SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?1 ORDER BY rowid DESC LIMIT 20",
        "SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?1 ORDER BY rank LIMIT 20",
    };
    for (int m = 0; m < 3; m++) {
        snprintf(m_sql[m], sizeof m_sql[m], "%s", base[m]);
        snprintf(m_sql[m + M_COUNT_V], sizeof m_sql[m], "%s", base[m]);
    }
    snprintf(m_sql[M_COUNT_CAP], sizeof m_sql[0],
             "SELECT count(*) FROM (SELECT 1 FROM doc_fts WHERE doc_fts MATCH ?1 ORDER BY rowid "
             "DESC LIMIT %d)",
             SEARCH_COUNT_CAP + 1);
    /* As search.c ranks: gk_bm25 (core/rank.h) over the newest window; the idf argument is
     * empty here, as search.c passes it for a one-phrase query. */
    snprintf(m_sql[M_RANKED_WIN], sizeof m_sql[0],
             "SELECT rowid FROM (SELECT rowid, gk_bm25(doc_fts, '') AS s FROM doc_fts WHERE "
             "doc_fts MATCH ?1 ORDER BY rowid DESC LIMIT %d) ORDER BY s LIMIT 20",
             SEARCH_RANK_WINDOW);
}

static int uses_vocab(int m)
{
    return m == M_COUNT_V || m == M_FIRST_V || m == M_RANKED_V || m == M_COUNT_CAP ||
           m == M_RANKED_WIN;
}

static int len_class(size_t chars)
{
    if (chars >= 1 && chars <= 4)
        return (int)chars - 1;
    if (chars >= 6 && chars <= 10)
        return 4;
    return -1;
}

char *build_fts(const char *text, const vocab *v)
{
    query q;
    char *out = NULL;
    if (query_build(text, strlen(text), v, 0, &q) == 0)
        out = xstrdup(q.fts);
    query_free(&q);
    return out;
}

static long long run_ours(ctx_t *c, bq *q, int typed, int m)
{
    if (m != M_SEARCH)
        return run_sql(c->g->h, m_sql[m], uses_vocab(m) ? q->fts_v[typed] : q->fts[typed], NULL);
    const char *text = typed ? q->t : q->s;
    search_opts o;
    memset(&o, 0, sizeof o);
    o.limit = 20;
    search_result r;
    char *err = NULL;
    if (search_run(c->g, text, strlen(text), &o, &r, &err) < 0)
        die("search_run failed: %s", err ? err : "?");
    long long total = r.total;
    search_result_free(&r);
    return total;
}

/* ---- choosing the queries ----------------------------------------------------------- */

opencc_t s2t;

static char *to_trad(const char *s)
{
    char *out = opencc_convert_utf8(s2t, s, strlen(s));
    if (!out)
        die("OpenCC conversion failed");
    char *copy = xstrdup(out);
    opencc_convert_utf8_free(out);
    return copy;
}

static int freq_class(long long hits, long long units)
{
    double f = (double)hits / (double)units;
    if (hits == 0)
        return 3;
    if (f > 0.30)
        return 0;
    if (f >= 0.01 && f <= 0.10)
        return 1;
    if (f < 0.001)
        return 2;
    return -1;
}

size_t choose_queries(ctx_t *c, const char *candidates, bq *out)
{
    FILE *f = fopen(candidates, "r");
    if (!f)
        die("cannot read %s (run bench/gencorpus)", candidates);
    char *pick[NLEN][NFREQ] = {{0}};
    int pick_diff[NLEN][NFREQ] = {{0}};
    char line[512];
    size_t counted = 0;
    double t0 = now_ms();
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        int lc = len_class(u8_len(line));
        if (lc < 0)
            continue;
        int done = 1;
        for (int fc = 0; fc < NFREQ; fc++)
            if (!pick_diff[lc][fc])
                done = 0;
        if (done)
            continue;
        char *fts = build_fts(line, NULL);
        if (!fts)
            continue;
        long long hits = run_sql(c->g->h, m_sql[M_COUNT], fts, NULL);
        free(fts);
        counted++;
        int fc = freq_class(hits, c->units);
        if (fc < 0 || pick_diff[lc][fc])
            continue;
        char *t = to_trad(line);
        int diff = strcmp(t, line) != 0;
        free(t);
        if (!pick[lc][fc] || diff) {
            free(pick[lc][fc]);
            pick[lc][fc] = xstrdup(line);
            pick_diff[lc][fc] = diff;
        }
    }
    fclose(f);
    fprintf(stderr, "benchq: classified %zu candidates in %.1f s\n", counted,
            (now_ms() - t0) / 1e3);
    size_t n = 0;
    for (int lc = 0; lc < NLEN; lc++)
        for (int fc = 0; fc < NFREQ; fc++) {
            if (!pick[lc][fc])
                continue;
            bq *q = &out[n++];
            memset(q, 0, sizeof *q);
            q->lenc = lc;
            q->freqc = fc;
            q->s = pick[lc][fc];
            q->t = to_trad(q->s);
            q->chars = u8_len(q->s);
        }
    return n;
}

/* ---- timing ------------------------------------------------------------------------- */

void time_query(ctx_t *c, bq *q, int reps, int base_reps)
{
    int nm_active[2][NM];
    for (int ty = 0; ty < 2; ty++)
        for (int m = 0; m < NM; m++) {
            int is_v = m == M_COUNT_V || m == M_FIRST_V || m == M_RANKED_V;
            nm_active[ty][m] = !is_v || strcmp(q->fts_v[ty], q->fts[ty]) != 0;
        }
    /* The Traditional-typed input folds to the same MATCH expression as the Simplified one
     * (checked here): the SQL statements are then identical and are timed once; only
     * search_run, which parses the typed text, is timed again. */
    q->t_same = !strcmp(q->fts[0], q->fts[1]) && !strcmp(q->fts_v[0], q->fts_v[1]);
    if (q->t_same)
        for (int m = 0; m < NM; m++)
            if (m != M_SEARCH)
                nm_active[1][m] = 0;
    /* warm-up, and the result counts */
    for (int ty = 0; ty < 2; ty++)
        for (int m = 0; m < NM; m++) {
            if (!nm_active[ty][m])
                continue;
            long long r = run_ours(c, q, ty, m);
            if (m == M_COUNT)
                q->hits[ty] = r;
            if (m == M_COUNT_V && ty == 0)
                q->hits_v = r;
            if (m == M_SEARCH)
                q->search_total[ty] = r;
        }
    if (!strcmp(q->fts_v[0], q->fts[0]))
        q->hits_v = q->hits[0];
    if (q->t_same)
        q->hits[1] = q->hits[0];
    double *v[2][NM];
    for (int ty = 0; ty < 2; ty++)
        for (int m = 0; m < NM; m++)
            v[ty][m] = xcalloc((size_t)reps, sizeof(double));
    for (int r = 0; r < reps; r++)
        for (int ty = 0; ty < 2; ty++)
            for (int m = 0; m < NM; m++) {
                if (!nm_active[ty][m])
                    continue;
                double t0 = now_ms();
                run_ours(c, q, ty, m);
                v[ty][m][r] = now_ms() - t0;
            }
    for (int ty = 0; ty < 2; ty++)
        for (int m = 0; m < NM; m++) {
            q->ours[ty][m] = nm_active[ty][m] ? summarize(v[ty][m], (size_t)reps)
                             : ty && q->t_same ? q->ours[0][m]
                                               : (lat){-1, -1, -1};
            free(v[ty][m]);
        }

    /* 1 character on the prefix='1' variant, when benchq phases built it */
    q->pfx_count = q->pfx_first = (lat){-1, -1, -1};
    if (q->lenc == 0 && c->has_prefix_variant) {
        static const char *const psql[2] = {
            "SELECT count(*) FROM zhp WHERE zhp MATCH ?1",
            "SELECT rowid FROM zhp WHERE zhp MATCH ?1 ORDER BY rowid DESC LIMIT 20"};
        double *pv[2] = {xcalloc((size_t)reps, sizeof(double)), xcalloc((size_t)reps, sizeof(double))};
        q->pfx_hits = run_sql(c->b, psql[0], q->fts[0], NULL);
        run_sql(c->b, psql[1], q->fts[0], NULL);
        for (int r = 0; r < reps; r++)
            for (int k = 0; k < 2; k++) {
                double t0 = now_ms();
                run_sql(c->b, psql[k], q->fts[0], NULL);
                pv[k][r] = now_ms() - t0;
            }
        q->pfx_count = summarize(pv[0], (size_t)reps);
        q->pfx_first = summarize(pv[1], (size_t)reps);
        free(pv[0]);
        free(pv[1]);
    }

    /* baselines: warm-up (and counts), then interleaved repetitions */
    long long *cnt[NB] = {&q->grep_t, &q->grep_ts, &q->like_t, &q->instr_ts, &q->tri_t, &q->tri_ts};
    for (int m = 0; m < NB; m++)
        *cnt[m] = run_base(c, q, m);
    double *bv[NB];
    for (int m = 0; m < NB; m++)
        bv[m] = xcalloc((size_t)base_reps, sizeof(double));
    for (int r = 0; r < base_reps; r++)
        for (int m = 0; m < NB; m++) {
            double t0 = now_ms();
            run_base(c, q, m);
            bv[m][r] = now_ms() - t0;
        }
    for (int m = 0; m < NB; m++) {
        q->base[m] = summarize(bv[m], (size_t)base_reps);
        free(bv[m]);
    }
    /* correctness, untimed: the folded-substring oracle and the trigram LIKE bug */
    char *fq = fold_utf8(q->s, strlen(q->s));
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->b,
                           "SELECT count(*), coalesce(sum(id IN (SELECT rowid FROM gk.doc_fts WHERE "
                           "doc_fts MATCH ?2)), 0) FROM ufold WHERE instr(title, ?1) OR instr(body, ?1)",
                           -1, &st, NULL) != SQLITE_OK)
        die("oracle: %s", sqlite3_errmsg(c->b));
    sqlite3_bind_text(st, 1, fq, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, q->fts[0], -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW)
        die("oracle: %s", sqlite3_errmsg(c->b));
    q->oracle = sqlite3_column_int64(st, 0);
    q->both = sqlite3_column_int64(st, 1);
    sqlite3_finalize(st);
    free(fq);
    q->tri_idx_like = -1;
    if (q->chars < 3) {
        char *p = xasprintf("%%%s%%", q->t);
        q->tri_idx_like = run_sql(c->b, "SELECT count(*) FROM tri WHERE body LIKE ?1", p, NULL);
        free(p);
    }
}
