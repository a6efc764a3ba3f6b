/* pb_report.c: placebench's report (docs/benchmarks.md "Place look-up" explains it). */
#include "pb.h"

#include "u8.h"

#include <string.h>
#include <time.h>

#define PB_LABEL_COLS 34
#define PB_EXAMPLES 4 /* queries shown per class */

/* s left-aligned in cols terminal columns (labels hold CJK: printf pads by bytes). */
static void label(FILE *f, const char *s, size_t cols)
{
    size_t w = u8_width(s, strlen(s));
    fprintf(f, "  %s%*s", s, (int)(w < cols ? cols - w : 0), "");
}

static void pct_row(FILE *f, const char *what, const pb_pct *p)
{
    fprintf(f, "  %-64s %5zu %8.3f %8.3f %8.3f %8.3f\n", what, p->n, p->p50, p->p95, p->p99,
            p->max);
}

static void latency(FILE *f, const pb_class *cls, size_t ncls, const pb_run *run)
{
    fprintf(f, "LATENCY (ms)\n");
    fprintf(f, "  %-*s %5s %8s %8s %8s %8s %8s %8s  %-14s %s\n", PB_LABEL_COLS, "class", "n",
            "p50", "p95", "p99", "max", "x floor", "scan /", "target", "verdict");
    int pass = 0, miss = 0;
    for (size_t i = 0; i < ncls; i++) {
        const pb_class *c = &cls[i];
        const pb_pct *fl = c->kind == PB_CODE ? &run->floor_code : &run->floor_name;
        char xfloor[32] = "-", xscan[32] = "-";
        if (fl->n && fl->p50 > 0)
            snprintf(xfloor, sizeof xfloor, "%.0f", c->lat.p50 / fl->p50);
        if (run->scan.n && c->kind == PB_NAME && c->lat.p50 > 0)
            snprintf(xscan, sizeof xscan, "%.0f", run->scan.p50 / c->lat.p50);
        int ok = c->lat.n && c->lat.p99 <= PB_TARGET_MS;
        ok ? pass++ : miss++;
        label(f, c->label, PB_LABEL_COLS);
        fprintf(f, " %5zu %8.3f %8.3f %8.3f %8.3f %8s %8s  %-14s %s\n", c->lat.n, c->lat.p50,
                c->lat.p95, c->lat.p99, c->lat.max, xfloor, xscan, "p99 <= 10 ms",
                ok ? "PASS" : "MISS");
    }
    fprintf(f, "  (x floor: p50 / p50 of the indexed lookup of the same kind, code or name "
               "key; scan /: p50 of the LIKE scan / p50, Chinese-name classes)\n");
    fprintf(f, "  targets: %d PASS, %d MISS\n\n", pass, miss);
}

static void baselines(FILE *f, const pb_run *run)
{
    fprintf(f, "BASELINES (same database, same run; ms)\n");
    fprintf(f, "  %-64s %5s %8s %8s %8s %8s\n", "", "n", "p50", "p95", "p99", "max");
    if (run->floor_code.n) {
        pct_row(f, "floor, code: SELECT id FROM division WHERE code = ?", &run->floor_code);
        fprintf(f, "    (found a row: %.0f%%)\n",
                100.0 * (double)run->floor_code_found / (double)run->floor_code.n);
    }
    if (run->floor_name.n) {
        pct_row(f, "floor, name: SELECT division FROM division_key WHERE key = ? AND kind = 0",
                &run->floor_name);
        fprintf(f, "    (found a row: %.0f%%)\n",
                100.0 * (double)run->floor_name_found / (double)run->floor_name.n);
    }
    if (run->scan.n) {
        pct_row(f, "scan: SELECT id FROM division WHERE name LIKE '%'||?||'%'", &run->scan);
        fprintf(f, "    (over the contains queries, %.0f rows each on average)\n",
                run->scan_rows);
    }
    pct_row(f, "db_open (read-only open, stamp check, vocabulary)", &run->open);
    fprintf(f, "\n");
}

static void found(FILE *f, const pb_class *cls, size_t ncls)
{
    static const char reason_letter[PB_REASONS] = {'C', 'N', 'c', 'n', 'P', 'I', 'X', 'K'};
    fprintf(f, "FOUND (timed look-ups of each class)\n");
    fprintf(f, "  %-*s %6s %6s %8s %6s %6s %6s  %s\n", PB_LABEL_COLS, "class", "found", "hits",
            "total", "capped", "src", "src", "first hit by (% of found)");
    fprintf(f, "  %-*s %6s %6s %8s %6s %6s %6s\n", PB_LABEL_COLS, "", "", "", "", "", "shown",
            "first");
    for (size_t i = 0; i < ncls; i++) {
        const pb_class *c = &cls[i];
        double n = c->lat.n ? (double)c->lat.n : 1;
        char shown[16] = "-", first[16] = "-", by[128] = "";
        if (c->identifies) {
            snprintf(shown, sizeof shown, "%.0f%%", 100.0 * (double)c->src_shown / n);
            snprintf(first, sizeof first, "%.0f%%", 100.0 * (double)c->src_first / n);
        }
        for (int k = 0; k < PB_REASONS; k++) {
            if (!c->reason[k])
                continue;
            size_t len = strlen(by);
            snprintf(by + len, sizeof by - len, "%s%c %.0f", len ? ", " : "", reason_letter[k],
                     100.0 * (double)c->reason[k] / (double)(c->found ? c->found : 1));
        }
        label(f, c->label, PB_LABEL_COLS);
        fprintf(f, " %5.0f%% %6.1f %8.0f %5.0f%% %6s %6s  %s\n",
                100.0 * (double)c->found / n, (double)c->hits / n, c->total / n,
                100.0 * (double)c->capped / n, shown, first, by);
    }
    fprintf(f, "  found: at least one hit; hits: returned (at most %d, mean); total: divisions "
               "matched before the limit (mean; an estimate when capped)\n"
               "  capped: the look-up reached its bounds (%d keys, %d rows read); src shown / "
               "first: the row the query was made from was among the hits / the first\n"
               "  first hit by: C code, N name, c code prefix, n name prefix, P pinyin, "
               "I initials, X contains\n\n",
            PLACE_DEFAULT_LIMIT, PLACE_SCAN_KEYS, PLACE_READ_ROWS);
}

static void queries(FILE *f, const pb_class *cls, size_t ncls)
{
    fprintf(f, "QUERIES (drawn per class / candidate rows; the first %d; the slowest, ms)\n",
            PB_EXAMPLES);
    for (size_t i = 0; i < ncls; i++) {
        const pb_class *c = &cls[i];
        label(f, c->label, PB_LABEL_COLS);
        fprintf(f, " %zu / %zu:", c->nq, c->candidates);
        for (size_t k = 0; k < c->nq && k < PB_EXAMPLES; k++)
            fprintf(f, " %s", c->q[k]);
        fprintf(f, "\n  %*s slowest:", PB_LABEL_COLS, "");
        for (int k = 0; k < PB_SLOW && c->slow_q[k]; k++)
            fprintf(f, " %s %.1f", c->slow_q[k], c->slow_ms[k]);
        fprintf(f, "\n");
    }
}

void pb_report(FILE *f, pb_class *cls, size_t ncls, const pb_run *run)
{
    char day[16];
    time_t now = time(NULL);
    strftime(day, sizeof day, "%Y-%m-%d", gmtime(&now));
    fprintf(f,
            "Place look-up (%s, %ld CPU; database %s, %.1f MB, %lld division rows, %lld keys; "
            "data as of %s)\n",
            day, run->ncpu, run->db_path, (double)run->db_bytes / 1e6, run->divisions,
            run->keys, run->as_of && *run->as_of ? run->as_of : "?");
    fprintf(f,
            "place_lookup() with the default options (limit %d, every level, ended codes "
            "included); %ld timed look-ups per class after up to %d untimed, interleaved "
            "across classes; queries drawn from the database with seed %llu\n\n",
            PLACE_DEFAULT_LIMIT, run->reps, PB_WARMUP, run->seed);
    latency(f, cls, ncls, run);
    baselines(f, run);
    found(f, cls, ncls);
    queries(f, cls, ncls);
    fprintf(f, "\nplacebench: queries drawn %.1f s, warm-up %.1f s, look-ups %.1f s, baselines "
               "%.1f s\n",
            run->build_s, run->warmup_s, run->lookups_s, run->base_s);
}
