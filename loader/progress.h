/* A progress bar on stderr while loading: bytes, records, rate and ETA. Silent when
 * stderr is not a terminal, so logs and tests see only the summary. */
#ifndef GONGKAI_PROGRESS_H
#define GONGKAI_PROGRESS_H

#include <stddef.h>

typedef struct {
    int enabled;
    double start, last;
    unsigned long long total_bytes, done_bytes;
    long records;
    int shown; /* a bar is on screen and must be cleared before other output */
} progress_t;

void progress_init(progress_t *p, unsigned long long total_bytes, int enabled);
/* Updates the counters; redraws at most ten times a second. */
void progress_update(progress_t *p, unsigned long long done_bytes, long records);
/* Clears the bar (before printing anything else). */
void progress_clear(progress_t *p);
/* Seconds since progress_init. */
double progress_elapsed(const progress_t *p);

#endif
