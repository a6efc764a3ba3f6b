/* sb.h: shared by the files of statbench, the relief-statistics benchmark (bench/stats.sh;
 * docs/benchmarks.md "Relief statistics"):
 *
 *   statbench.c   main: the two commands, the timed loop
 *   sb_queries.c  the query classes drawn from the database, one engine call and its floor
 *   sb_floor.c    the load floor: plain SQLite inserts of the generated rows
 *   sb_report.c   the report */
#ifndef GK_BENCH_SB_H
#define GK_BENCH_SB_H

#include <stddef.h>
#include <stdio.h>

#include "db.h"
#include "latency.h"
#include "statq.h"

#define SB_TARGET_MS 20.0 /* the target: p99 of a province x 12-month table */
#define SB_WARMUP 50      /* untimed runs per class first */
#define SB_SLOW 3         /* slowest queries listed per class */

enum sb_kind {
    SB_COUNTIES = 0, /* (a) the counties of a province x 12 months, one indicator */
    SB_CHILDREN,     /* (a') the children of a province (children_of) x 12 months */
    SB_PROVINCES,    /* (b) the provinces x 12 months */
    SB_RANKING,      /* (c) the provinces ranked for one month */
    SB_SERIES,       /* (d) a county's 36 months for 3 indicators */
    SB_YOY,          /* (e) (a) as 同比 */
    SB_NKIND
};

/* The regions with values, from the database. */
typedef struct {
    char prov[7];
    char **children; /* its children with values, as the engine finds them (div_parent,
                        summaries skipped: cities; a municipality's districts; 省直辖 counties) */
    char **counties; /* every county-level code under it with values */
    size_t nchildren, ncounties;
} sb_province;

typedef struct {
    sb_province *p;
    size_t np;
    char **provinces; /* the np codes, for requests */
    char **inds;      /* indicator codes with values */
    size_t ninds;
    int first_year, last_year; /* whole years of monthly values */
    char first_end[11], last_end[11]; /* last days of the first and last month */
    long long values, regions;
} sb_data;

/* One query of a class: what the engine is asked, and the floor statement. */
typedef struct {
    const char *ind[3];
    size_t nind;
    const sb_province *prov; /* (a), (a'), (e) */
    const char *county;      /* (d) */
    int year, month;
    char from[11], to[11]; /* (d): the last days of the first and last month */
    char label[96];
    char *floor_sql; /* ?1 = floor_arg */
    const char *floor_arg;
} sb_query;

typedef struct {
    enum sb_kind kind;
    const char *name, *label;
    sb_query *q;
    size_t nq;
    double *ms, *fms; /* engine and floor timings */
    size_t nms, nfms;
    lat_pct lat, floor;
    long long cells, present, rows, floor_rows; /* sums over the timed runs */
    double slow_ms[SB_SLOW];
    const char *slow_q[SB_SLOW];
} sb_class;

typedef struct {
    const char *db_path;
    long reps;
    unsigned long long seed;
    long long db_bytes;
    long ncpu;
    char *as_of;
    double draw_s, warmup_s, run_s;
} sb_run;

/* sb_queries.c */
void sb_data_read(gk_db *db, sb_data *d);
void sb_data_free(sb_data *d);
sb_class *sb_classes(const sb_data *d, size_t nq, unsigned long long seed, size_t *ncls);
void sb_classes_free(sb_class *cls, size_t ncls);
/* One engine call, timed alone (the table is freed outside the timing); exits on an error. */
void sb_run_engine(gk_db *db, sb_class *c, size_t k, int timed);
/* The floor of the same query, timed like a baseline (prepare, bind, step, finalize). */
void sb_run_floor(gk_db *db, sb_class *c, size_t k, int timed);

/* sb_floor.c: `statbench load-floor DIR OUT_DB`. Returns the exit status. */
int sb_load_floor(const char *dir, const char *out);

/* sb_report.c */
void sb_report(FILE *f, sb_class *cls, size_t ncls, const sb_data *d, const sb_run *run);

#endif
