/* ob_report.c: orgbench's report (docs/benchmarks.md "Organisation check" explains it). */
#include "ob.h"

#include "u8.h"

#include <string.h>
#include <time.h>

/* s left-aligned in cols terminal columns (labels hold CJK: printf pads by bytes). */
static void label(FILE *f, const char *s, size_t cols)
{
    size_t w = u8_width(s, strlen(s));
    fprintf(f, "  %s%*s", s, (int)(w < cols ? cols - w : 0), "");
}

static int is_code_class(const char *name)
{
    return !strncmp(name, "code", 4);
}

static void pct_row(FILE *f, const char *what, const ob_pct *p)
{
    fprintf(f, "  %-58s %5zu %8.3f %8.3f %8.3f %8.3f\n", what, p->n, p->p50, p->p95, p->p99,
            p->max);
}

void ob_report(FILE *f, ob_class *cls, size_t ncls, const ob_run *run)
{
    char day[16];
    time_t now = time(NULL);
    strftime(day, sizeof day, "%Y-%m-%d", gmtime(&now));
    fprintf(f, "Organisation check (%s, %ld CPU; database %s, %.1f MB; data as of %s)\n", day,
            run->ncpu, run->db_path, (double)run->db_bytes / 1e6,
            run->as_of ? run->as_of : "?");
    fprintf(f,
            "orgcheck_run() with today = the as-of date, default options; %ld timed checks per "
            "class after up to %d untimed, interleaved across classes; ms\n\n",
            run->reps, OB_WARMUP);
    fprintf(f, "LATENCY\n");
    fprintf(f, "  %-34s %5s %8s %8s %8s %8s %8s %8s  %-14s %s\n", "class", "n", "p50", "p95",
            "p99", "max", "x floor", "scan /", "target", "verdict");
    int pass = 0, miss = 0;
    for (size_t i = 0; i < ncls; i++) {
        const ob_class *c = &cls[i];
        const ob_pct *fl = is_code_class(c->name) ? &run->floor_code : &run->floor_name;
        char xfloor[32] = "-", xscan[32] = "-";
        if (fl->n && fl->p50 > 0)
            snprintf(xfloor, sizeof xfloor, "%.0f", c->lat.p50 / fl->p50);
        if (run->scan.n && !is_code_class(c->name) && c->lat.p50 > 0)
            snprintf(xscan, sizeof xscan, "%.0f", run->scan.p50 / c->lat.p50);
        int ok = c->lat.n && c->lat.p99 <= OB_TARGET_MS;
        ok ? pass++ : miss++;
        label(f, ob_label(c->name), 34);
        fprintf(f, " %5zu %8.3f %8.3f %8.3f %8.3f %8s %8s  %-14s %s\n", c->lat.n, c->lat.p50, c->lat.p95, c->lat.p99, c->lat.max, xfloor, xscan,
                "p99 <= 10 ms", ok ? "PASS" : "MISS");
    }
    fprintf(f, "  (x floor: p50 / p50 of the indexed lookup of the same kind, code or name; "
               "scan /: p50 of the LIKE scan / p50)\n");
    fprintf(f, "  targets: %d PASS, %d MISS\n\n", pass, miss);

    fprintf(f, "BASELINES (same database, same run; ms)\n");
    fprintf(f, "  %-58s %5s %8s %8s %8s %8s\n", "", "n", "p50", "p95", "p99", "max");
    if (run->floor_code.n)
        pct_row(f, "floor, code: SELECT id FROM org WHERE uscc = ?", &run->floor_code);
    if (run->floor_name.n)
        pct_row(f, "floor, name: SELECT org_id FROM org_name WHERE name_key = ?",
                &run->floor_name);
    if (run->scan.n) {
        pct_row(f, "scan: SELECT id FROM org WHERE name LIKE '%'||?||'%'", &run->scan);
        fprintf(f, "  (scan over the %s queries, %.0f rows each on average)\n", run->scan_from,
                run->scan_rows);
    }
    pct_row(f, "db_open (read-only open, stamp check, vocabulary)", &run->open);
    fprintf(f, "\n");

    fprintf(f, "FOUND (%% of the checks of each class; first = the first organisation shown)\n");
    fprintf(f, "  %-34s %6s %6s %6s %6s %6s  %-28s %-12s %4s %4s\n", "", "found", "shown",
            "total", "want", "want", "first matched by", "first is", "reg.", "fix");
    fprintf(f, "  %-34s %6s %6s %6s %6s %6s  %-28s %-12s %4s %4s\n", "class", "", "", "",
            "first", "shown", "E/F/P/X/C/D/S", "L/W/N", "", "");
    for (size_t i = 0; i < ncls; i++) {
        const ob_class *c = &cls[i];
        double n = c->lat.n ? (double)c->lat.n : 1;
        char how[128] = "", ver[64], wf[16] = "-", ws[16] = "-";
        for (int k = ONM_EXACT; k <= ONM_SIMILAR; k++) {
            size_t len = strlen(how);
            snprintf(how + len, sizeof how - len, "%s%.0f", k > ONM_EXACT ? "/" : "",
                     100.0 * (double)c->how[k] / n);
        }
        snprintf(ver, sizeof ver, "%.0f/%.0f/%.0f", 100.0 * (double)c->verdict[0] / n,
                 100.0 * (double)c->verdict[1] / n, 100.0 * (double)c->verdict[2] / n);
        if (c->wanted) {
            snprintf(wf, sizeof wf, "%.0f%%", 100.0 * (double)c->want_first / (double)c->wanted);
            snprintf(ws, sizeof ws, "%.0f%%", 100.0 * (double)c->want_shown / (double)c->wanted);
        }
        label(f, ob_label(c->name), 34);
        fprintf(f, " %5.0f%% %6.1f %6.0f %6s %6s  %-28s %-12s %3.0f%% %3.0f%%\n",
                100.0 * (double)c->found / n, (double)c->subjects / n, (double)c->total / n, wf,
                ws, how, ver, 100.0 * (double)c->registered / n, 100.0 * (double)c->fixes / n);
    }
    fprintf(f, "  found: at least one organisation; shown: organisations returned (at most 50, "
               "mean); total: matched before the cap (mean)\n"
               "  want first / shown: the organisation the query was made from came first / "
               "was among those shown\n"
               "  matched by: Exact, Folded (繁简 全半角), Punctuation/space, prefiX (中国/中华/全国), "
               "Contains, containeD, Similar\n"
               "  first is: Listed now (在列), Was listed (曾列入), Not listed (未列入); reg.: "
               "the first is registered; fix: code typo suggestions made\n\n");

    fprintf(f, "SLOWEST checks per class (ms)\n");
    for (size_t i = 0; i < ncls; i++) {
        const ob_class *c = &cls[i];
        label(f, ob_label(c->name), 34);
        for (int k = 0; k < OB_SLOW && c->slow_q[k]; k++)
            fprintf(f, "  %.1f %s", c->slow_ms[k], c->slow_q[k]);
        fprintf(f, "\n");
    }
    fprintf(f, "\norgbench: warm-up %.1f s, checks %.1f s, baselines %.1f s\n", run->warmup_s,
            run->checks_s, run->base_s);
}
