#include "progress.h"

#include <stdio.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void progress_init(progress_t *p, unsigned long long total_bytes, int enabled)
{
    p->enabled = enabled;
    p->start = p->last = now();
    p->total_bytes = total_bytes;
    p->done_bytes = 0;
    p->records = 0;
    p->shown = 0;
}

double progress_elapsed(const progress_t *p)
{
    return now() - p->start;
}

void progress_update(progress_t *p, unsigned long long done_bytes, long records)
{
    p->done_bytes = done_bytes;
    p->records = records;
    if (!p->enabled)
        return;
    double t = now();
    if (t - p->last < 0.1 && done_bytes < p->total_bytes)
        return;
    p->last = t;
    double el = t - p->start;
    double frac = p->total_bytes ? (double)done_bytes / (double)p->total_bytes : 1.0;
    if (frac > 1)
        frac = 1;
    double rate = el > 0 ? (double)done_bytes / el / 1e6 : 0;
    double eta = (frac > 0.001 && el > 0) ? el / frac - el : 0;
    char bar[31];
    int fill = (int)(frac * 30);
    for (int i = 0; i < 30; i++)
        bar[i] = i < fill ? '#' : '-';
    bar[30] = '\0';
    fprintf(stderr, "\r[%s] %3.0f%% %.1f/%.1f MB %ld 条 %.1f MB/s 剩余 %.0f s \033[K", bar,
            frac * 100, done_bytes / 1e6, p->total_bytes / 1e6, records, rate, eta);
    fflush(stderr);
    p->shown = 1;
}

void progress_clear(progress_t *p)
{
    if (p->enabled && p->shown) {
        fprintf(stderr, "\r\033[K");
        fflush(stderr);
        p->shown = 0;
    }
}
