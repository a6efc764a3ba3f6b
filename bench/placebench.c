/* placebench: latency of the place look-up (core/place.h) on a database of the real
 * division tables, per query class, against baselines measured in the same run
 * (docs/benchmarks.md "Place look-up"; driven by bench/places.sh).
 *
 *   placebench DB [REPS [BASE_REPS [QUERIES [SEED]]]]
 *
 * The queries are drawn from the database itself (bench/pb_queries.c: QUERIES per class,
 * default 500, seeded, so the same database gives the same queries). For each class: a
 * warm-up of up to PB_WARMUP look-ups, then REPS timed look-ups (default 1000; the
 * class's queries in turn, cycling), interleaved across classes (round k runs one
 * look-up of every class), each timed with CLOCK_MONOTONIC around place_lookup() alone
 * with the default options (PLACE_OPTS_INIT). Reported: p50, p95, p99 (nearest rank),
 * max, what was found, and PASS/MISS against p99 <= PB_TARGET_MS. Baselines
 * (bench/pb_base.c): the indexed lookups a look-up cannot beat (the floor) and the LIKE
 * scan a naive tool would run (BASE_REPS, default 20). Targets never change the exit
 * status. */
#include "pb.h"

#include "xalloc.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>




pb_class *pb_find(pb_class *cls, size_t ncls, const char *name)
{
    for (size_t i = 0; i < ncls; i++)
        if (!strcmp(cls[i].name, name))
            return &cls[i];
    return NULL;
}

static void note_slow(pb_class *c, const char *q, double ms)
{
    if (ms <= c->slow_ms[PB_SLOW - 1])
        return;
    int j = PB_SLOW - 1;
    while (j > 0 && ms > c->slow_ms[j - 1]) {
        c->slow_ms[j] = c->slow_ms[j - 1];
        c->slow_q[j] = c->slow_q[j - 1];
        j--;
    }
    c->slow_ms[j] = ms;
    c->slow_q[j] = q;
}

static void one_lookup(gk_db *db, pb_class *c, size_t k, int timed)
{
    const char *q = c->q[k];
    place_opts o = PLACE_OPTS_INIT;
    place_result r;
    char *err = NULL;
    double t0 = lat_now_ms();
    int rc = place_lookup(db, q, &o, &r, &err);
    double ms = lat_now_ms() - t0;
    if (rc != 0) {
        fprintf(stderr, "placebench: look-up of “%s” failed: %s\n", q, err ? err : "?");
        exit(1);
    }
    if (timed) {
        c->ms[c->nms++] = ms;
        note_slow(c, q, ms);
        c->found += r.n > 0;
        c->hits += (long)r.n;
        c->total += (double)r.total;
        c->capped += r.total_capped != 0;
        if (r.n && (unsigned)r.hits[0].reason < PB_REASONS)
            c->reason[r.hits[0].reason]++;
        for (size_t i = 0; i < r.n; i++)
            if (r.hits[i].id == c->src[k]) {
                c->src_shown++;
                c->src_first += i == 0;
                break;
            }
    }
    place_result_free(&r);
    free(err);
}

static long long count_rows(gk_db *db, const char *sql)
{
    sqlite3_stmt *st;
    long long n = -1;
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void usage(void)
{
    fputs("usage: placebench DB [REPS [BASE_REPS [QUERIES [SEED]]]]\n"
          "  DB         a database built by gongkai load with division tables\n"
          "  REPS       timed look-ups per class after a warm-up (default 1000)\n"
          "  BASE_REPS  repetitions of the LIKE scan baseline (default 20)\n"
          "  QUERIES    queries drawn per class from the database (default 500)\n"
          "  SEED       seed of the draw (default 42)\n",
          stderr);
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, ""); /* column widths of the labels (u8_width) */
    if (argc < 2 || argc > 6) {
        usage();
        return 2;
    }
    pb_run run;
    memset(&run, 0, sizeof run);
    run.db_path = argv[1];
    run.reps = argc > 2 ? atol(argv[2]) : 1000;
    run.base_reps = argc > 3 ? atol(argv[3]) : 20;
    run.nqueries = argc > 4 ? atol(argv[4]) : 500;
    run.seed = argc > 5 ? strtoull(argv[5], NULL, 10) : 42;
    if (run.reps < 1 || run.base_reps < 0 || run.nqueries < 1) {
        usage();
        return 2;
    }

    /* db_open, as the console does at startup: 5 times (the last one is kept). */
    gk_db *db = NULL;
    double open_ms[5];
    for (int i = 0; i < 5; i++) {
        char *err = NULL;
        double t0 = lat_now_ms();
        if (db_open(run.db_path, &db, &err) != 0) {
            fprintf(stderr, "placebench: %s\n", err ? err : "cannot open the database");
            return 1;
        }
        open_ms[i] = lat_now_ms() - t0;
        if (i < 4)
            db_close(db);
    }
    lat_stats(open_ms, 5, &run.open);
    run.as_of = db_meta(db->h, "as_of");
    run.divisions = count_rows(db, "SELECT count(*) FROM division");
    run.keys = count_rows(db, "SELECT count(*) FROM division_key");
    if (run.divisions <= 0) {
        fprintf(stderr, "placebench: %s holds no divisions\n", run.db_path);
        return 1;
    }

    double t0 = lat_now_ms();
    size_t ncls;
    pb_class *cls = pb_queries(db, (size_t)run.nqueries, run.seed, &ncls);
    run.build_s = (lat_now_ms() - t0) / 1e3;
    for (size_t i = 0; i < ncls; i++) {
        if (!cls[i].nq) {
            fprintf(stderr, "placebench: no queries for the class %s\n", cls[i].name);
            return 1;
        }
        cls[i].ms = xcalloc((size_t)run.reps, sizeof *cls[i].ms);
    }

    t0 = lat_now_ms();
    for (size_t i = 0; i < ncls; i++)
        for (size_t k = 0; k < cls[i].nq && k < PB_WARMUP; k++)
            one_lookup(db, &cls[i], k, 0);
    run.warmup_s = (lat_now_ms() - t0) / 1e3;
    t0 = lat_now_ms();
    for (long k = 0; k < run.reps; k++)
        for (size_t i = 0; i < ncls; i++)
            one_lookup(db, &cls[i], (size_t)k % cls[i].nq, 1);
    run.lookups_s = (lat_now_ms() - t0) / 1e3;
    for (size_t i = 0; i < ncls; i++) /* sorts the timings: nothing needs their order */
        lat_stats(cls[i].ms, cls[i].nms, &cls[i].lat);

    t0 = lat_now_ms();
    pb_baselines(db, cls, ncls, &run);
    run.base_s = (lat_now_ms() - t0) / 1e3;

    struct stat st;
    run.db_bytes = stat(run.db_path, &st) == 0 ? (long long)st.st_size : -1;
    run.ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    pb_report(stdout, cls, ncls, &run);
    db_close(db);
    pb_queries_free(cls, ncls);
    free(run.as_of);
    return 0;
}
