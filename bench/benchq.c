/* benchq: the query and index measurements of `make bench` (docs/benchmarks.md).
 *
 *   benchq baseline --db GK.db --base BASE.db
 *       Builds the baseline database: `unit` (a plain copy of every search unit's title and
 *       body), `tri` (built-in trigram FTS5 over unit) and `ufold` (the folded texts, for
 *       the oracle). Prints key=value lines (times in seconds, sizes in bytes).
 *   benchq phases --db GK.db --base BASE.db
 *       Replays the loader's SQL steps in isolation on the same texts, with the loaded
 *       doc_fts's own declaration and the loader's build settings (FTS5 rebuild, optimize,
 *       integrity-check, the ordered copy, PRAGMA integrity_check), and builds `zhp`, the
 *       same index with prefix='1', which `run` times for 1-character queries. Prints
 *       key=value lines.
 *   benchq exec COMMAND [ARG...]
 *       Runs COMMAND and prints its wall time and peak RSS (wait4 rusage) to stderr: the
 *       fallback for /usr/bin/time -v.
 *   benchq run --db GK.db --base BASE.db --corpus DIR [--facts FILE] [--reps N]
 *              [--base-reps N]
 *       Chooses queries from DIR.candidates by the number of units they hit, times them
 *       (1 warm-up, then N repetitions interleaved across methods, default 15; baselines
 *       --base-reps, default 3; median, p95, max) and prints the report, with the figures of
 *       FILE (key=value: load time, peak RSS, the baseline build, the replayed steps) and
 *       PASS/MISS against the targets.
 *
 * Every timing is clock_gettime(CLOCK_MONOTONIC) around prepare + bind + step to the last
 * row + finalize (or around search_run, or around fork/exec/wait of grep). */
#include "bq.h"

#include "db.h"
#include "xalloc.h"
#include "zh_fts5.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- benchq run --------------------------------------------------------------------- */

static int cmd_run(const char *gkpath, const char *basepath, const char *corpus,
                   const char *factspath, int reps, int base_reps)
{
    run_t r;
    memset(&r, 0, sizeof r);
    char *statsp = xasprintf("%s.stats", corpus);
    kv_read(&r.facts, statsp);
    kv_read(&r.facts, factspath);
    free(statsp);
    r.corpus = corpus;
    r.reps = reps;
    r.base_reps = base_reps;

    ctx_t c;
    memset(&c, 0, sizeof c);
    c.corpus = corpus;
    char *err = NULL;
    double t_open[15];
    for (int i = 0; i < 15; i++) {
        gk_db *tmp;
        double t0 = now_ms();
        if (db_open(gkpath, &tmp, &err) != 0)
            die("%s", err);
        t_open[i] = now_ms() - t0;
        db_close(tmp);
    }
    r.open_lat = summarize(t_open, 15);
    if (db_open(gkpath, &c.g, &err) != 0)
        die("%s", err);
    if (sqlite3_open_v2(basepath, &c.b, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
        die("cannot open %s (run benchq baseline first)", basepath);
    zh_fts5_register(c.b);
    attach_ro(c.b, gkpath, "gk");
    c.has_prefix_variant =
        int_of(c.b, "SELECT count(*) FROM main.sqlite_master WHERE name = 'zhp'") > 0;
    s2t = opencc_open("s2t.json");
    if (s2t == (opencc_t)-1)
        die("cannot open OpenCC s2t.json");

    c.units = r.units = int_of(c.g->h, "SELECT count(*) FROM doc");
    r.idx = index_bytes(c.g->h, "main", "doc_fts");
    r.dbbytes = file_size(gkpath);
    r.raw = kv_num(&r.facts, "bytes");
    char *cand = xasprintf("%s.candidates", corpus);
    bq qs[NLEN * NFREQ];
    r.qs = qs;
    r.nq = choose_queries(&c, cand, qs);
    free(cand);
    for (size_t i = 0; i < r.nq; i++)
        for (int ty = 0; ty < 2; ty++) {
            const char *text = ty ? qs[i].t : qs[i].s;
            qs[i].fts[ty] = build_fts(text, NULL);
            qs[i].fts_v[ty] = build_fts(text, c.g->vocab);
        }
    double t0 = now_ms();
    for (size_t i = 0; i < r.nq; i++) {
        fprintf(stderr, "benchq: timing %zu/%zu: %s (%s characters, %s) [%.0f s]\n", i + 1, r.nq,
                qs[i].s, len_names[qs[i].lenc], freq_names[qs[i].freqc], (now_ms() - t0) / 1e3);
        time_query(&c, &qs[i], reps, base_reps);
    }

    print_report(stdout, &r);

    for (size_t i = 0; i < r.nq; i++) {
        free(qs[i].s);
        free(qs[i].t);
        for (int ty = 0; ty < 2; ty++) {
            free(qs[i].fts[ty]);
            free(qs[i].fts_v[ty]);
        }
    }
    opencc_close(s2t);
    sqlite3_close(c.b);
    db_close(c.g);
    return 0;
}

/* ---- benchq exec: wall time and peak RSS of a command (when /usr/bin/time is missing) -- */

static int cmd_exec(char **argv)
{
    double t0 = now_ms();
    pid_t pid = fork();
    if (pid < 0)
        die("fork: %s", strerror(errno));
    if (pid == 0) {
        execvp(argv[0], argv);
        fprintf(stderr, "benchq: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0)
        die("wait4: %s", strerror(errno));
    fprintf(stderr, "wall_s=%.3f\nmaxrss_kb=%ld\n", (now_ms() - t0) / 1e3, ru.ru_maxrss);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* ---- main --------------------------------------------------------------------------- */

static void usage(void)
{
    fputs("usage: benchq baseline --db GK.db --base BASE.db\n"
          "       benchq exec COMMAND [ARG...]   (prints wall_s= and maxrss_kb= to stderr)\n"
          "       benchq phases --db GK.db --base BASE.db\n"
          "       benchq run --db GK.db --base BASE.db --corpus DIR [--facts FILE] [--reps N] "
          "[--base-reps N]\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        usage();
    init_sql();
    if (!strcmp(argv[1], "exec") && argc > 2)
        return cmd_exec(argv + 2);
    const char *cmd = argv[1], *gk = NULL, *base = NULL, *corpus = NULL, *facts = NULL;
    int reps = 15, base_reps = 3;
    for (int i = 2; i < argc; i++) {
        if (i + 1 >= argc)
            usage();
        if (!strcmp(argv[i], "--db"))
            gk = argv[++i];
        else if (!strcmp(argv[i], "--base"))
            base = argv[++i];
        else if (!strcmp(argv[i], "--corpus"))
            corpus = argv[++i];
        else if (!strcmp(argv[i], "--facts"))
            facts = argv[++i];
        else if (!strcmp(argv[i], "--reps"))
            reps = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--base-reps"))
            base_reps = atoi(argv[++i]);
        else
            usage();
    }
    if (!gk || !base || reps < 1 || base_reps < 1)
        usage();
    sqlite3_config(SQLITE_CONFIG_URI, 1);
    if (!strcmp(cmd, "baseline"))
        return cmd_baseline(gk, base);
    if (!strcmp(cmd, "phases"))
        return cmd_phases(gk, base);
    if (!strcmp(cmd, "run") && corpus)
        return cmd_run(gk, base, corpus, facts, reps, base_reps);
    usage();
}
