/* Benchmark timing (bench/latency.h). */
#include "latency.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

double lat_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

void lat_stats(double *v, size_t n, lat_pct *out)
{
    memset(out, 0, sizeof *out);
    out->n = n;
    if (!n)
        return;
    qsort(v, n, sizeof *v, cmp_double);
    static const double p[] = {50, 95, 99};
    double *dst[] = {&out->p50, &out->p95, &out->p99};
    for (int i = 0; i < 3; i++) {
        size_t k = (size_t)((p[i] * (double)n + 99.0) / 100.0);
        *dst[i] = v[(k < 1 ? 1 : k > n ? n : k) - 1];
    }
    out->max = v[n - 1];
    double t = 0;
    for (size_t i = 0; i < n; i++)
        t += v[i];
    out->mean = t / (double)n;
}

double lat_timed_sql(sqlite3 *h, const char *sql, const char *arg, long *rows, const char *who)
{
    double t0 = lat_now_ms();
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "%s: %s: %s\n", who, sql, sqlite3_errmsg(h));
        exit(1);
    }
    sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
    long n = 0;
    while (sqlite3_step(st) == SQLITE_ROW)
        n++;
    sqlite3_finalize(st);
    double ms = lat_now_ms() - t0;
    if (rows)
        *rows += n;
    return ms;
}
