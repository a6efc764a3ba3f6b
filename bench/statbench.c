/* statbench: the relief-statistics benchmark's two measuring commands (docs/benchmarks.md
 * "Relief statistics"; driven by bench/stats.sh).
 *
 *   statbench query DB [REPS [SEED]]
 *       Latency of the statistics engine (core/statq.h) on a database loaded from genstats'
 *       corpus, per query class (bench/sb_queries.c: (a) the counties of a province x 12
 *       months, (a') the children of a province, (b) the provinces, (c) a ranking, (d) a
 *       county series, (e) (a) as 同比). REPS queries per class are drawn with SEED
 *       (defaults 1000, 42); the first SB_WARMUP of each class run untimed, then the REPS
 *       timed runs interleaved across classes (round k runs the k-th query of every
 *       class), each engine call timed alone with CLOCK_MONOTONIC and followed by its
 *       floor, one indexed SELECT of the same cells. p50, p95, p99 nearest-rank; PASS/FAIL
 *       against p99 <= SB_TARGET_MS for (a), never in the exit status.
 *
 *   statbench load-floor DIR OUT_DB
 *       The load's baseline: genstats' rows of DIR stored with plain SQLite inserts
 *       (bench/sb_floor.c); key=value lines on stdout. */
#include "sb.h"

#include "xalloc.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void usage(void)
{
    fputs("usage: statbench query DB [REPS [SEED]]\n"
          "       statbench load-floor DIR OUT_DB\n"
          "  DB      a database gongkai load built from genstats' corpus\n"
          "  REPS    timed runs per query class after a warm-up (default 1000)\n"
          "  SEED    seed of the queries drawn (default 42)\n"
          "  DIR     genstats' output directory (DIR/stats/*.csv)\n"
          "  OUT_DB  the floor's database (replaced)\n",
          stderr);
}

/* What the loader's checks found (stat_flag), by kind, with one message each. */
static void flags(FILE *f, gk_db *db)
{
    sqlite3_stmt *st;
    fprintf(f, "FLAGS (the loader's findings, table stat_flag)\n");
    if (sqlite3_prepare_v2(db->h,
                           "SELECT kind, count(*), min(message) FROM stat_flag GROUP BY kind "
                           "ORDER BY 2 DESC",
                           -1, &st, NULL) != SQLITE_OK) {
        fprintf(f, "  cannot read stat_flag: %s\n\n", sqlite3_errmsg(db->h));
        return;
    }
    long long total = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        long long n = sqlite3_column_int64(st, 1);
        total += n;
        fprintf(f, "  %-18s %lld, e.g. %s\n", (const char *)sqlite3_column_text(st, 0), n,
                (const char *)sqlite3_column_text(st, 2));
    }
    sqlite3_finalize(st);
    fprintf(f, "  %lld flags in all%s\n\n", total,
            total ? "" : " (the generated values are consistent: none expected)");
}

static int query(int argc, char **argv)
{
    sb_run run;
    memset(&run, 0, sizeof run);
    run.db_path = argv[2];
    run.reps = argc > 3 ? atol(argv[3]) : 1000;
    run.seed = argc > 4 ? strtoull(argv[4], NULL, 10) : 42;
    if (run.reps < 1) {
        usage();
        return 2;
    }
    gk_db *db = NULL;
    char *err = NULL;
    if (db_open(run.db_path, &db, &err) != 0) {
        fprintf(stderr, "statbench: %s\n", err ? err : "cannot open the database");
        return 1;
    }
    run.as_of = db_meta(db->h, "as_of");

    double t0 = lat_now_ms();
    sb_data d;
    sb_data_read(db, &d);
    size_t ncls;
    sb_class *cls = sb_classes(&d, (size_t)run.reps, run.seed, &ncls);
    for (size_t i = 0; i < ncls; i++) {
        cls[i].ms = xcalloc((size_t)run.reps, sizeof *cls[i].ms);
        cls[i].fms = xcalloc((size_t)run.reps, sizeof *cls[i].fms);
    }
    run.draw_s = (lat_now_ms() - t0) / 1e3;

    t0 = lat_now_ms();
    for (size_t i = 0; i < ncls; i++)
        for (size_t k = 0; k < cls[i].nq && k < SB_WARMUP; k++) {
            sb_run_engine(db, &cls[i], k, 0);
            sb_run_floor(db, &cls[i], k, 0);
        }
    run.warmup_s = (lat_now_ms() - t0) / 1e3;
    t0 = lat_now_ms();
    for (long k = 0; k < run.reps; k++)
        for (size_t i = 0; i < ncls; i++) {
            sb_run_engine(db, &cls[i], (size_t)k, 1);
            sb_run_floor(db, &cls[i], (size_t)k, 1);
        }
    run.run_s = (lat_now_ms() - t0) / 1e3;
    for (size_t i = 0; i < ncls; i++) { /* sorts the timings: nothing needs their order */
        lat_stats(cls[i].ms, cls[i].nms, &cls[i].lat);
        lat_stats(cls[i].fms, cls[i].nfms, &cls[i].floor);
    }

    struct stat st;
    run.db_bytes = stat(run.db_path, &st) == 0 ? (long long)st.st_size : -1;
    run.ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    sb_report(stdout, cls, ncls, &d, &run);
    flags(stdout, db);
    printf("statbench: queries drawn %.2f s, warm-up %.1f s, timed runs %.1f s\n", run.draw_s,
           run.warmup_s, run.run_s);
    sb_classes_free(cls, ncls);
    sb_data_free(&d);
    db_close(db);
    free(run.as_of);
    return 0;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    if (argc >= 3 && argc <= 5 && !strcmp(argv[1], "query"))
        return query(argc, argv);
    if (argc == 4 && !strcmp(argv[1], "load-floor"))
        return sb_load_floor(argv[2], argv[3]);
    usage();
    return 2;
}
