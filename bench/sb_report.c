/* sb_report.c: statbench's report (docs/benchmarks.md "Relief statistics" explains it). */
#include "sb.h"

#include <string.h>
#include <time.h>

#define SB_LABEL_COLS 42

static void latency(FILE *f, const sb_class *cls, size_t ncls)
{
    fprintf(f,
            "LATENCY (ms; the engine, then its floor: one indexed SELECT of the same cells)\n");
    fprintf(f, "  %-*s %5s %7s %7s %7s %7s  %11s %8s  %7s %7s %7s %7s\n", SB_LABEL_COLS,
            "query", "n", "p50", "p95", "p99", "max", "rows x cols", "present", "floor50",
            "floor95", "floor99", "x floor");
    for (size_t i = 0; i < ncls; i++) {
        const sb_class *c = &cls[i];
        double n = c->lat.n ? (double)c->lat.n : 1;
        double rows = (double)c->rows / n, cols = c->rows ? (double)c->cells / (double)c->rows
                                                          : 0;
        char shape[32], xfloor[16] = "-";
        snprintf(shape, sizeof shape, "%.1f x %.0f", rows, cols);
        if (c->floor.n && c->floor.p50 > 0)
            snprintf(xfloor, sizeof xfloor, "%.1f", c->lat.p50 / c->floor.p50);
        fprintf(f, "  %-*s %5zu %7.3f %7.3f %7.3f %7.3f  %11s %7.1f%%  %7.3f %7.3f %7.3f %7s\n",
                SB_LABEL_COLS, c->label, c->lat.n, c->lat.p50, c->lat.p95, c->lat.p99,
                c->lat.max, shape,
                c->cells ? 100.0 * (double)c->present / (double)c->cells : 0.0, c->floor.p50,
                c->floor.p95, c->floor.p99, xfloor);
    }
    fprintf(f, "  (rows x cols: mean shape of the table; present: cells with a value; x floor: "
               "p50 / floor p50)\n\n");
}

static void check(FILE *f, const sb_class *cls, size_t ncls)
{
    fprintf(f, "CELLS (timed runs: cells with a value in the engine's tables, rows the floor "
               "returned)\n");
    for (size_t i = 0; i < ncls; i++) {
        const sb_class *c = &cls[i];
        const char *note = "";
        if (c->kind == SB_YOY)
            note = "  (the floor reads the year before too; a change cell needs both)";
        else if (c->present != c->floor_rows)
            note = "  DIFFERENT";
        fprintf(f, "  %-*s engine %lld, floor %lld%s\n", SB_LABEL_COLS, c->label, c->present,
                c->floor_rows, note);
    }
    fprintf(f, "\n");
}

static void target(FILE *f, const sb_class *cls, size_t ncls)
{
    fprintf(f, "TARGET (issue 6: p99 <= %.0f ms for a province x 12-month table; a figure, "
               "not a test)\n",
            SB_TARGET_MS);
    for (size_t i = 0; i < ncls; i++) {
        const sb_class *c = &cls[i];
        if (c->kind != SB_COUNTIES && c->kind != SB_CHILDREN && c->kind != SB_YOY)
            continue;
        fprintf(f, "  %-*s p99 %.2f ms: %s%s\n", SB_LABEL_COLS, c->label, c->lat.p99,
                c->lat.n && c->lat.p99 <= SB_TARGET_MS ? "PASS" : "FAIL",
                c->kind == SB_COUNTIES ? "  <- the target's query" : "");
    }
    fprintf(f, "\n");
}

static void queries(FILE *f, const sb_class *cls, size_t ncls)
{
    fprintf(f, "QUERIES (the first drawn; the slowest timed, ms)\n");
    for (size_t i = 0; i < ncls; i++) {
        const sb_class *c = &cls[i];
        fprintf(f, "  %-*s %s\n  %*s slowest:", SB_LABEL_COLS, c->label,
                c->nq ? c->q[0].label : "-", SB_LABEL_COLS, "");
        for (int k = 0; k < SB_SLOW && c->slow_q[k]; k++)
            fprintf(f, " %s %.1f", c->slow_q[k], c->slow_ms[k]);
        fprintf(f, "\n");
    }
    if (ncls && cls[0].nq)
        fprintf(f, "  floor of (a), e.g.: %.300s%s\n", cls[0].q[0].floor_sql,
                strlen(cls[0].q[0].floor_sql) > 300 ? " …" : "");
    fprintf(f, "\n");
}

void sb_report(FILE *f, sb_class *cls, size_t ncls, const sb_data *d, const sb_run *run)
{
    char day[16];
    time_t now = time(NULL);
    strftime(day, sizeof day, "%Y-%m-%d", gmtime(&now));
    size_t counties = 0, children = 0;
    for (size_t i = 0; i < d->np; i++) {
        counties += d->p[i].ncounties;
        children += d->p[i].nchildren;
    }
    fprintf(f,
            "Relief statistics queries (%s, %ld CPU; database %s, %.1f MB; %lld values, "
            "%lld regions: %zu provinces, %zu children of provinces, %zu counties; %zu "
            "indicators; monthly %d-01 .. %d-12; data as of %s)\n",
            day, run->ncpu, run->db_path, (double)run->db_bytes / 1e6, d->values, d->regions,
            d->np, children, counties, d->ninds, d->first_year, d->last_year,
            run->as_of && *run->as_of ? run->as_of : "?");
    fprintf(f,
            "core/statq.h with the default units (those the values were published in; "
            "元/人·月 <-> 元/人·年 allowed); %ld timed runs per class after %d untimed, "
            "interleaved across classes, each followed by its floor; queries drawn with seed "
            "%llu (indicator, province, year and month vary per run)\n\n",
            run->reps, SB_WARMUP, run->seed);
    latency(f, cls, ncls);
    target(f, cls, ncls);
    check(f, cls, ncls);
    queries(f, cls, ncls);
}
