/* pb.h: shared by the files of placebench (bench/placebench.c: main, the look-ups;
 * bench/pb_queries.c: the query sets drawn from the database; bench/pb_base.c: the
 * baselines; bench/pb_report.c: the report). docs/benchmarks.md "Place look-up". */
#ifndef GK_BENCH_PB_H
#define GK_BENCH_PB_H

#include <stddef.h>
#include <stdio.h>

#include "db.h"
#include "latency.h"
#include "place.h"

#define PB_TARGET_MS 10.0 /* the target: p99 of a look-up */
#define PB_WARMUP 50      /* untimed look-ups per class first */
#define PB_SLOW 3         /* slowest queries listed per class */
#define PB_REASONS (PLACE_BY_CHILD + 1)

/* How a class's queries are compared with the floor. */
enum pb_kind {
    PB_CODE = 0, /* digits: the code floor */
    PB_NAME,     /* Chinese: the name-key floor, the LIKE scan */
    PB_PINYIN,   /* letters: the name-key floor */
};

typedef lat_pct pb_pct;

typedef struct {
    const char *name;  /* "code6" ... (pb_queries.c's table) */
    const char *label; /* "code exact, 6 digits" ... */
    enum pb_kind kind;
    int identifies;    /* the query names its source row: report whether it was shown */
    char **q;          /* the queries */
    long long *src;    /* per query: the division row it was made from */
    size_t nq;
    size_t candidates; /* rows the class could draw from */
    double *ms;        /* timed look-ups */
    size_t nms;
    pb_pct lat;
    /* what the look-ups found (timed ones) */
    long found, hits, capped, src_shown, src_first;
    double total;
    long reason[PB_REASONS]; /* of the first hit */
    double slow_ms[PB_SLOW];
    const char *slow_q[PB_SLOW];
} pb_class;

typedef struct {
    const char *db_path;
    long reps, base_reps, nqueries;
    unsigned long long seed;
    char *as_of;
    long long db_bytes, divisions, keys;
    long ncpu;
    pb_pct open;
    double build_s, warmup_s, lookups_s, base_s;
    /* baselines */
    pb_pct floor_code, floor_name, scan;
    double scan_rows; /* mean rows the scan returned */
    long floor_code_found, floor_name_found;
} pb_run;

pb_class *pb_find(pb_class *cls, size_t ncls, const char *name);

/* The query classes, each with up to nq queries drawn from db with the seed. Returns the
 * classes (*ncls); exits on a database error. */
pb_class *pb_queries(gk_db *db, size_t nq, unsigned long long seed, size_t *ncls);
void pb_queries_free(pb_class *cls, size_t ncls);

void pb_baselines(gk_db *db, pb_class *cls, size_t ncls, pb_run *run);
void pb_report(FILE *f, pb_class *cls, size_t ncls, const pb_run *run);

#endif
