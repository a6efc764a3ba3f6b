/* bq.h: shared by the files of benchq, the query and index measurements of `make bench`
 * (the commands are described in benchq.c; docs/benchmarks.md):
 *
 *   benchq.c        main, the command dispatch, `benchq run` and `benchq exec`
 *   bq_util.c       small helpers: timing, errors, SQL, key=value facts, statistics
 *   bq_baselines.c  `benchq baseline` and the baseline methods (grep, LIKE, instr, trigram)
 *   bq_phases.c     `benchq phases`: the loader's SQL steps replayed
 *   bq_queries.c    our methods; choosing the queries and timing them
 *   bq_report.c     the report of `benchq run` */
#ifndef GK_BENCH_BQ_H
#define GK_BENCH_BQ_H

#include <opencc.h>
#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>

#include "db.h"
#include "vocab.h"

/* ---- bq_util.c: small helpers ------------------------------------------------------- */

double now_ms(void);
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void exec_sql(sqlite3 *db, const char *sql);
double timed_exec(sqlite3 *db, const char *sql);
long long int_of(sqlite3 *db, const char *sql);
long long run_sql(sqlite3 *db, const char *sql, const char *a1, const char *a2);
long long file_size(const char *path);
size_t u8_len(const char *s);
sqlite3 *open_rw(const char *path);
void attach_ro(sqlite3 *db, const char *path, const char *as);
long long index_bytes(sqlite3 *db, const char *schema, const char *table);

/* key=value facts */
typedef struct {
    char **k, **v;
    size_t n, cap;
} kv_t;

void kv_read(kv_t *kv, const char *path);
const char *kv_get(const kv_t *kv, const char *key);
double kv_num(const kv_t *kv, const char *key);

/* statistics */
typedef struct {
    double p50, p95, max;
} lat;

lat summarize(double *v, size_t n);
double median_of(double *v, size_t n);

/* ---- queries: classes, methods, the measured query ---------------------------------- */

enum { NLEN = 5, NFREQ = 4 };
extern const char *const len_names[NLEN];
extern const char *const freq_names[NFREQ];

/* Our methods, timed per typed form. */
enum {
    M_COUNT,      /* (a) count(*) of all matches */
    M_FIRST,      /* (b) first 20, unranked */
    M_RANKED,     /* (c) ranked top 20 */
    M_COUNT_V,    /* (a)-(c) with the vocabulary expansion */
    M_FIRST_V,
    M_RANKED_V,
    M_COUNT_CAP,  /* the console's bounded forms (core/search.h), with vocabulary */
    M_RANKED_WIN,
    M_SEARCH,     /* (d) search_run */
    NM
};

/* Baselines, timed per query string. */
enum { B_GREP_T, B_GREP_TS, B_LIKE_T, B_INSTR_TS, B_TRI_T, B_TRI_TS, NB };
extern const char *const b_names[NB];

typedef struct {
    int lenc, freqc;
    char *s, *t;     /* Simplified and Traditional (OpenCC s2t) forms */
    size_t chars;
    char *fts[2];    /* expression without vocabulary, typed S / T */
    char *fts_v[2];  /* with the database's vocabulary */
    int t_same;      /* the T-typed MATCH expressions are those of the S-typed input */
    long long hits[2], hits_v, search_total[2];
    long long oracle, both, like_t, instr_ts, tri_t, tri_ts, tri_idx_like, grep_t, grep_ts;
    lat ours[2][NM];
    lat base[NB];
    lat pfx_count, pfx_first; /* 1 character, on the prefix='1' variant (benchq phases) */
    long long pfx_hits;
} bq;

typedef struct {
    gk_db *g;          /* the product's connection (db_open) */
    sqlite3 *b;        /* baseline.db, with the gongkai database attached as gk */
    const char *corpus;
    long long units;
    int has_prefix_variant;
} ctx_t;

/* ---- bq_queries.c: our methods, choosing and timing the queries --------------------- */

extern opencc_t s2t; /* OpenCC s2t.json, open during `benchq run` */
void init_sql(void);
char *build_fts(const char *text, const vocab *v);
size_t choose_queries(ctx_t *c, const char *candidates, bq *out);
void time_query(ctx_t *c, bq *q, int reps, int base_reps);

/* ---- bq_baselines.c ----------------------------------------------------------------- */

int cmd_baseline(const char *gk, const char *base);
long long run_base(ctx_t *c, bq *q, int m);

/* ---- bq_phases.c -------------------------------------------------------------------- */

int cmd_phases(const char *gk, const char *base);

/* ---- bq_report.c -------------------------------------------------------------------- */

typedef struct {
    kv_t facts;
    const char *corpus;
    long long units, idx, dbbytes;
    double raw;
    lat open_lat;
    int reps, base_reps;
    bq *qs;
    size_t nq;
    int exact, st_same;
} run_t;

void print_report(FILE *o, run_t *r);

#endif
