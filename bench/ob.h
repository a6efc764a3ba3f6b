/* ob.h: shared by the files of orgbench (bench/orgbench.c: main, the checks; bench/ob_base.c:
 * the baselines; bench/ob_report.c: the report). */
#ifndef GK_BENCH_OB_H
#define GK_BENCH_OB_H

#include <stddef.h>
#include <stdio.h>

#include "latency.h"

#include "db.h"
#include "orgname.h"

#define OB_TARGET_MS 10.0 /* the target: p99 of a check */
#define OB_WARMUP 50      /* untimed checks per class first */
#define OB_SLOW 3         /* slowest queries listed per class */

typedef lat_pct ob_pct;

typedef struct {
    char *name;
    char **q;
    char **want; /* per query: the code (or illegal body's name) a right answer shows, or "" */
    size_t nq, qcap, wcap;
    double *ms; /* timed checks */
    size_t nms, mscap;
    ob_pct lat;
    /* what the checks found */
    long found, subjects, total, fixes, registered;
    long wanted, want_first, want_shown; /* checks with a want; it came first; it was shown */
    long how[ONM_SIMILAR + 1]; /* of the first organisation shown */
    long verdict[3];           /* of the first organisation shown */
    double slow_ms[OB_SLOW];
    const char *slow_q[OB_SLOW];
} ob_class;

typedef struct {
    const char *db_path;
    long reps, base_reps;
    char *as_of;
    long long db_bytes;
    long ncpu;
    ob_pct open;
    double warmup_s, checks_s, base_s;
    /* baselines */
    ob_pct floor_code, floor_name, scan;
    const char *floor_code_from, *floor_name_from, *scan_from;
    double scan_rows; /* mean rows the scan returned */
} ob_run;

/* "exact registered name" for "name_exact" … (the class name when unknown). */
const char *ob_label(const char *cls);
ob_class *ob_find(ob_class *cls, size_t ncls, const char *name);

void ob_baselines(gk_db *db, ob_class *cls, size_t ncls, ob_run *run);
void ob_report(FILE *f, ob_class *cls, size_t ncls, const ob_run *run);

#endif
