/* hotbench: latency of hotline routing (core/hotroute.h) on a database of the real data
 * (tests/real/hotlines.ini: the NBS 2023 provinces, cities and counties and the 1,377
 * relief stations), driven by bench/hotlines.sh (docs/benchmarks.md "Hotline routing").
 *
 *   hotbench DB [N [SEED]]
 *
 * N counties (default 1000) are drawn from the current level-3 divisions (seeded); each is
 * routed twice, once by its name (hotroute: the place look-up, then the chain) and once by
 * its code (hotroute_code), at a fixed date and time, every service line. Each call is
 * timed with CLOCK_MONOTONIC alone, after a warm-up of 50 calls. The floor, measured in
 * the same run: one indexed SELECT of hotline_area for the county's code. Reported: p50,
 * p95, p99, max per class and PASS/MISS against p99 <= 10 ms (never the exit status). */
#include "hotroute.h"
#include "latency.h"
#include "rng.h"
#include "xalloc.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TARGET_MS 10.0

static void report(const char *name, double *v, size_t n, double floor_p50, long found)
{
    lat_pct p;
    lat_stats(v, n, &p);
    printf("  %-22s %5zu  %6.2f %6.2f %6.2f %6.2f  %6.0fx  %5.1f%%  %s\n", name, p.n, p.p50,
           p.p95, p.p99, p.max, floor_p50 > 0 ? p.p50 / floor_p50 : 0,
           n ? 100.0 * (double)found / (double)n : 0, p.p99 <= TARGET_MS ? "PASS" : "MISS");
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    if (argc < 2) {
        fprintf(stderr, "usage: hotbench DB [N [SEED]]\n");
        return 2;
    }
    size_t want = argc > 2 ? (size_t)atol(argv[2]) : 1000;
    rng_seed(argc > 3 ? (uint64_t)atoll(argv[3]) : 42);
    gk_db *db;
    char *err = NULL;
    if (db_open(argv[1], &db, &err) != 0) {
        fprintf(stderr, "hotbench: %s\n", err);
        return 1;
    }
    /* the counties */
    sqlite3_stmt *q;
    char **codes = NULL, **names = NULL;
    size_t n = 0, cap = 0, cap2 = 0;
    sqlite3_prepare_v2(db->h, "SELECT code, name FROM division WHERE level = 3 AND ended = 0 "
                              "ORDER BY code", -1, &q, NULL);
    while (sqlite3_step(q) == SQLITE_ROW) {
        codes = xgrow(codes, &cap, n + 1, sizeof *codes);
        names = xgrow(names, &cap2, n + 1, sizeof *names);
        codes[n] = xstrdup((const char *)sqlite3_column_text(q, 0));
        names[n] = xstrdup((const char *)sqlite3_column_text(q, 1));
        n++;
    }
    sqlite3_finalize(q);
    long long lines = 0;
    sqlite3_prepare_v2(db->h, "SELECT count(*) FROM hotline", -1, &q, NULL);
    if (sqlite3_step(q) == SQLITE_ROW)
        lines = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    if (!n) {
        fprintf(stderr, "hotbench: no counties in %s\n", argv[1]);
        return 1;
    }
    size_t *pick = xcalloc(want, sizeof *pick);
    for (size_t i = 0; i < want; i++)
        pick[i] = rnd((uint32_t)n);
    double *by_name = xcalloc(want, sizeof(double)), *by_code = xcalloc(want, sizeof(double));
    double *floor_ms = xcalloc(want, sizeof(double));
    long found_name = 0, found_code = 0, own = 0, served_parent = 0, national_only = 0;
    hr_opts o = {NULL, "2026-10-08", 9 * 60 + 30, 0};
    for (size_t i = 0; i < 50 && i < want; i++) { /* warm-up */
        hr_result r;
        hotroute(db, names[pick[i]], &o, &r, &err);
        hr_result_free(&r);
    }
    for (size_t i = 0; i < want; i++) {
        const char *code = codes[pick[i]], *name = names[pick[i]];
        hr_result r;
        double t0 = lat_now_ms();
        if (hotroute(db, name, &o, &r, &err) != 0) {
            fprintf(stderr, "hotbench: %s: %s\n", name, err);
            return 1;
        }
        by_name[i] = lat_now_ms() - t0;
        found_name += r.nlines > 0 && !strcmp(r.division, code);
        hr_result_free(&r);
        t0 = lat_now_ms();
        if (hotroute_code(db, code, &o, &r, &err) != 0) {
            fprintf(stderr, "hotbench: %s: %s\n", code, err);
            return 1;
        }
        by_code[i] = lat_now_ms() - t0;
        found_code += r.nlines > 0;
        int any_own = 0, any_parent = 0;
        for (size_t k = 0; k < r.nlines; k++) {
            any_own |= r.lines[k].reason == HR_SERVES;
            any_parent |= r.lines[k].reason == HR_PARENT;
        }
        own += any_own;
        served_parent += !any_own && any_parent;
        national_only += !any_own && !any_parent && r.nlines;
        hr_result_free(&r);
        floor_ms[i] = lat_timed_sql(db->h, "SELECT hotline_id FROM hotline_area WHERE "
                                           "division_code = ?1", code, NULL, "floor");
    }
    lat_pct fp;
    double *fcopy = xcalloc(want, sizeof(double));
    memcpy(fcopy, floor_ms, want * sizeof(double));
    lat_stats(fcopy, want, &fp);
    printf("Hotline routing: %zu counties drawn from %zu current level-3 divisions; %lld lines\n",
           want, n, lines);
    printf("  at 2026-10-08 09:30, every service line\n\n");
    printf("  %-22s %5s  %6s %6s %6s %6s  %7s  %6s  target p99 <= %.0f ms\n", "class (ms)", "n",
           "p50", "p95", "p99", "max", "x floor", "found", TARGET_MS);
    report("by name (hotroute)", by_name, want, fp.p50, found_name);
    report("by code (hotroute_code)", by_code, want, fp.p50, found_code);
    report("floor: hotline_area", floor_ms, want, 0, (long)want);
    printf("\n  county answers: own line %ld, a city/province line (no own) %ld, national "
           "only %ld, none %ld\n",
           own, served_parent, national_only, (long)want - own - served_parent - national_only);
    printf("  by name: %ld of %zu resolved to the drawn county itself (same-name counties "
           "resolve to the first)\n", found_name, want);
    db_close(db);
    return 0;
}
