/* orgbench: latency of the organisation check (core/orgcheck.h) on a loaded database, per
 * query class, against baselines measured in the same run (docs/benchmarks.md
 * "Organisation check"; driven by bench/orgs.sh).
 *
 *   orgbench DB QUERIES REPS [BASE_REPS]
 *
 * QUERIES is a file of lines "class<TAB>query[<TAB>want]" (genorgs writes DIR/queries.tsv;
 * want is the code, or for an illegal body the name, of the organisation a right answer
 * shows); classes are reported in the order they first appear. For each class: a warm-up of up to
 * OB_WARMUP checks, then REPS timed checks (the class's queries in turn, cycling when
 * there are fewer), interleaved across classes (round k runs one check of every class),
 * each timed with CLOCK_MONOTONIC around orgcheck_run() alone, with today pinned to the
 * database's as-of date. Reported: p50, p95, p99 (nearest rank), max, what was found, and
 * PASS/MISS against p99 <= OB_TARGET_MS. Baselines (bench/ob_base.c): the indexed lookups
 * a check cannot beat (the floor) and the LIKE scan a naive tool would run (BASE_REPS,
 * default 20). Targets never change the exit status. */
#include "ob.h"

#include "orgcheck.h"
#include "xalloc.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>




/* ---- reading the queries --------------------------------------------------------------- */

static ob_class *find_class(ob_class **cls, size_t *ncls, size_t *cap, const char *name)
{
    for (size_t i = 0; i < *ncls; i++)
        if (!strcmp((*cls)[i].name, name))
            return &(*cls)[i];
    *cls = xgrow(*cls, cap, *ncls + 1, sizeof **cls);
    ob_class *c = &(*cls)[(*ncls)++];
    memset(c, 0, sizeof *c);
    c->name = xstrdup(name);
    return c;
}

static ob_class *read_queries(const char *path, size_t *ncls)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "orgbench: cannot read %s\n", path);
        exit(1);
    }
    ob_class *cls = NULL;
    size_t cap = 0;
    *ncls = 0;
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (!tab || line[0] == '#')
            continue;
        *tab = '\0';
        char *want = strchr(tab + 1, '\t');
        if (want)
            *want++ = '\0';
        ob_class *c = find_class(&cls, ncls, &cap, line);
        c->q = xgrow(c->q, &c->qcap, c->nq + 1, sizeof *c->q);
        c->want = xgrow(c->want, &c->wcap, c->nq + 1, sizeof *c->want);
        c->q[c->nq] = xstrdup(tab + 1);
        c->want[c->nq++] = xstrdup(want ? want : "");
    }
    fclose(f);
    return cls;
}

static void free_classes(ob_class *cls, size_t ncls)
{
    for (size_t i = 0; i < ncls; i++) {
        for (size_t k = 0; k < cls[i].nq; k++) {
            free(cls[i].q[k]);
            free(cls[i].want[k]);
        }
        free(cls[i].q);
        free(cls[i].want);
        free(cls[i].ms);
        free(cls[i].name);
    }
    free(cls);
}

/* ---- the checks ------------------------------------------------------------------------ */

static const char *const class_labels[][2] = {
    {"name_exact", "exact registered name"},
    {"variant", "Traditional / brackets / space"},
    {"prefix", "中国/中华/全国 prefix differs"},
    {"partial", "part of a name (contains)"},
    {"similar", "one character changed (similar)"},
    {"absent", "name not in the data"},
    {"listed_credit", "listed registered org, by name"},
    {"listed_exact", "listed illegal org, by name"},
    {"code_exact", "exact code"},
    {"code_typo", "code, one wrong character"},
    {"code_short", "code, one character short"},
};

const char *ob_label(const char *cls)
{
    for (size_t i = 0; i < sizeof class_labels / sizeof *class_labels; i++)
        if (!strcmp(class_labels[i][0], cls))
            return class_labels[i][1];
    return cls;
}

/* Whether subject s is the one wanted: its code, or (illegal bodies have none) its name. */
static int is_wanted(const oc_subject *s, const char *want)
{
    return (s->uscc && !strcmp(s->uscc, want)) || (s->name && !strcmp(s->name, want));
}

static void one_check(gk_db *db, const oc_opts *o, ob_class *c, size_t k, int timed)
{
    const char *q = c->q[k], *want = c->want[k];
    oc_result r;
    char *err = NULL;
    double t0 = lat_now_ms();
    int rc = orgcheck_run(db, q, o, &r, &err);
    double ms = lat_now_ms() - t0;
    if (rc != 0) {
        fprintf(stderr, "orgbench: check of “%s” failed: %s\n", q, err ? err : "?");
        exit(1);
    }
    if (timed) {
        c->ms = xgrow(c->ms, &c->mscap, c->nms + 1, sizeof *c->ms);
        c->ms[c->nms++] = ms;
        if (ms > c->slow_ms[OB_SLOW - 1]) {
            int j = OB_SLOW - 1;
            while (j > 0 && ms > c->slow_ms[j - 1]) {
                c->slow_ms[j] = c->slow_ms[j - 1];
                c->slow_q[j] = c->slow_q[j - 1];
                j--;
            }
            c->slow_ms[j] = ms;
            c->slow_q[j] = q;
        }
        c->found += r.n > 0;
        c->subjects += r.n;
        c->total += r.total;
        c->fixes += r.nfixes > 0;
        if (*want) {
            c->wanted++;
            c->want_first += r.n && is_wanted(&r.subjects[0], want);
            int shown = 0;
            for (size_t i = 0; i < r.n && !shown; i++)
                shown = is_wanted(&r.subjects[i], want);
            c->want_shown += shown;
        }
        if (r.n) {
            c->how[r.subjects[0].how < ONM_SIMILAR + 1 ? r.subjects[0].how : 0]++;
            c->verdict[r.subjects[0].verdict]++;
            c->registered += r.subjects[0].registered;
        }
    }
    oc_result_free(&r);
    free(err);
}

static void usage(void)
{
    fputs("usage: orgbench DB QUERIES REPS [BASE_REPS]\n"
          "  DB         a database built by gongkai load\n"
          "  QUERIES    lines class<TAB>query[<TAB>want] (genorgs writes DIR/queries.tsv)\n"
          "  REPS       timed checks per class (after a warm-up)\n"
          "  BASE_REPS  repetitions of the LIKE scan baseline (default 20)\n",
          stderr);
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, ""); /* column widths of the labels (u8_width) */
    if (argc < 4 || argc > 5) {
        usage();
        return 2;
    }
    const char *dbpath = argv[1];
    long reps = atol(argv[3]);
    long base_reps = argc > 4 ? atol(argv[4]) : 20;
    if (reps < 1 || base_reps < 0) {
        usage();
        return 2;
    }
    size_t ncls;
    ob_class *cls = read_queries(argv[2], &ncls);
    if (!ncls) {
        fprintf(stderr, "orgbench: no queries in %s\n", argv[2]);
        return 1;
    }
    ob_run run;
    memset(&run, 0, sizeof run);
    run.db_path = dbpath;
    run.reps = reps;
    run.base_reps = base_reps;

    /* db_open, as the console does at startup: 5 times (the first one is kept). */
    gk_db *db = NULL;
    double open_ms[5];
    for (int i = 0; i < 5; i++) {
        char *err = NULL;
        double t0 = lat_now_ms();
        if (db_open(dbpath, &db, &err) != 0) {
            fprintf(stderr, "orgbench: %s\n", err ? err : "cannot open the database");
            return 1;
        }
        open_ms[i] = lat_now_ms() - t0;
        if (i < 4)
            db_close(db);
    }
    lat_stats(open_ms, 5, &run.open);
    run.as_of = db_meta(db->h, "as_of");
    oc_opts o;
    memset(&o, 0, sizeof o);
    o.today = run.as_of; /* the lifecycle as of the data, not the clock */

    double t0 = lat_now_ms();
    for (size_t i = 0; i < ncls; i++)
        for (size_t k = 0; k < cls[i].nq && k < OB_WARMUP; k++)
            one_check(db, &o, &cls[i], k, 0);
    run.warmup_s = (lat_now_ms() - t0) / 1e3;
    t0 = lat_now_ms();
    for (long k = 0; k < reps; k++)
        for (size_t i = 0; i < ncls; i++)
            one_check(db, &o, &cls[i], (size_t)k % cls[i].nq, 1);
    run.checks_s = (lat_now_ms() - t0) / 1e3;
    for (size_t i = 0; i < ncls; i++) /* sorts the timings: nothing needs their order */
        lat_stats(cls[i].ms, cls[i].nms, &cls[i].lat);

    t0 = lat_now_ms();
    ob_baselines(db, cls, ncls, &run);
    run.base_s = (lat_now_ms() - t0) / 1e3;

    struct stat st;
    run.db_bytes = stat(dbpath, &st) == 0 ? (long long)st.st_size : -1;
    run.ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    ob_report(stdout, cls, ncls, &run);
    db_close(db);
    free_classes(cls, ncls);
    free(run.as_of);
    return 0;
}
