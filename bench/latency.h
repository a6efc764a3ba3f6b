/* Timing shared by the look-up benchmarks (orgbench, placebench): a monotonic clock in
 * milliseconds, nearest-rank percentiles of a sample, and one SQL statement timed the
 * way a baseline is (prepare, bind, step to the last row, finalize). */
#ifndef GK_BENCH_LATENCY_H
#define GK_BENCH_LATENCY_H

#include <stddef.h>
#include <sqlite3.h>

typedef struct {
    size_t n;
    double p50, p95, p99, max, mean;
} lat_pct;

double lat_now_ms(void);

/* Sorts v and fills out. */
void lat_stats(double *v, size_t n, lat_pct *out);

/* Runs sql with ?1 = arg; adds the rows it returned to *rows (may be NULL); returns ms.
 * Exits with a message naming who on an error. */
double lat_timed_sql(sqlite3 *h, const char *sql, const char *arg, long *rows, const char *who);

#endif
