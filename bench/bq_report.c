/* bq_report.c: the report of `benchq run`: header, BUILD, QUERIES, LATENCY, BASELINES,
 * VARIANT, SUMMARY and TARGETS. */
#include "bq.h"

#include "fold.h"
#include "search.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

/* ---- formatting --------------------------------------------------------------------- */

/* Milliseconds with 2-3 significant digits. */
static const char *ms(double v)
{
    static char ring[32][16];
    static int at;
    char *b = ring[at++ % 32];
    if (v < 0)
        snprintf(b, 16, "–");
    else if (v < 0.1)
        snprintf(b, 16, "%.3f", v);
    else if (v < 10)
        snprintf(b, 16, "%.2f", v);
    else if (v < 100)
        snprintf(b, 16, "%.1f", v);
    else
        snprintf(b, 16, "%.0f", v);
    return b;
}

static const char *ratio(double num, double den)
{
    static char ring[16][16];
    static int at;
    char *b = ring[at++ % 16];
    if (num < 0 || den <= 0)
        snprintf(b, 16, "–");
    else if (num / den >= 100)
        snprintf(b, 16, "%.0f×", num / den);
    else
        snprintf(b, 16, "%.1f×", num / den);
    return b;
}

static const char *pct(long long a, long long b)
{
    static char ring[16][16];
    static int at;
    char *s = ring[at++ % 16];
    if (a < 0 || b <= 0)
        snprintf(s, 16, "–");
    else
        snprintf(s, 16, "%.1f%%", 100.0 * (double)a / (double)b);
    return s;
}

/* ---- the report --------------------------------------------------------------------- */

static void machine_line(FILE *o)
{
    struct utsname u;
    uname(&u);
    char model[256] = "?";
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (f) {
        char line[512];
        while (fgets(line, sizeof line, f))
            if (!strncmp(line, "model name", 10)) {
                char *p = strchr(line, ':');
                if (p) {
                    p += 2;
                    p[strcspn(p, "\n")] = '\0';
                    snprintf(model, sizeof model, "%s", p);
                }
                break;
            }
        fclose(f);
    }
    long mem_mb = sysconf(_SC_PHYS_PAGES) / 1024 * (sysconf(_SC_PAGESIZE) / 1024);
    fprintf(o, "machine: %s %s %s; %s; nproc %ld; %ld MB RAM\n", u.sysname, u.release, u.machine,
            model, sysconf(_SC_NPROCESSORS_ONLN), mem_mb);
}

static const char *fact(const run_t *r, const char *key)
{
    const char *v = kv_get(&r->facts, key);
    return v ? v : "?";
}

static void report_header(FILE *o, const run_t *r)
{
    time_t now = time(NULL);
    char date[64];
    strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", gmtime(&now));
    fprintf(o, "gongkai benchmark report — %s\n", date);
    machine_line(o);
    fprintf(o, "SQLite %s; fold stamp %s; %d repetitions after 1 warm-up (baselines %d)\n",
            sqlite3_libversion(), fold_stamp(), r->reps, r->base_reps);
    fprintf(o,
            "corpus: %s (seed %s): %.1f MB raw UTF-8 (MB = 10^6 bytes), %s files (%s regulation "
            "files in %s works, %s notices; %s Traditional, %s Simplified); %lld search units; "
            "average %s characters per file, %s per unit body (articles %s, records %s)\n",
            r->corpus, fact(r, "seed"), r->raw / 1e6, fact(r, "files"), fact(r, "reg_files"),
            fact(r, "works"), fact(r, "notice_files"), fact(r, "trad_files"), fact(r, "simp_files"),
            r->units, fact(r, "avg_file_chars"), fact(r, "avg_unit_chars"),
            fact(r, "avg_article_chars"), fact(r, "avg_record_chars"));
}

static void report_build(FILE *o, const run_t *r)
{
    const kv_t *f = &r->facts;
    double raw = r->raw, load_s = kv_num(f, "load_s"), rss = kv_num(f, "load_rss_kb");
    double tri_s = kv_num(f, "tri_rebuild_s") + kv_num(f, "tri_optimize_s");
    double tri_b = kv_num(f, "tri_index_bytes");
    fprintf(o, "\nBUILD (one run; ratios over the raw corpus bytes)\n");
    fprintf(o, "  gongkai load        %.1f s = %.2f MB/s; peak RSS %.0f MB (%s)\n", load_s,
            raw / 1e6 / load_s, rss / 1024, fact(r, "rss_from"));
    fprintf(o, "  zh index            %.1f MB = %.2f× raw text (doc_fts_data + doc_fts_idx pages, "
               "dbstat)\n",
            (double)r->idx / 1e6, (double)r->idx / raw);
    fprintf(o, "  database file       %.1f MB = %.2f× raw text (stored unit texts %.1f MB: titles "
               "are repeated per unit)\n",
            (double)r->dbbytes / 1e6, (double)r->dbbytes / raw, kv_num(f, "unit_text_bytes") / 1e6);
    fprintf(o, "  trigram baseline    rebuild+optimize %.1f s = %.2f MB/s; index %.1f MB = %.2f× raw "
               "text\n",
            tri_s, raw / 1e6 / tri_s, tri_b / 1e6, tri_b / raw);
    if (kv_num(f, "zh_rebuild_s") >= 0) {
        double zr = kv_num(f, "zh_rebuild_s"), zo = kv_num(f, "zh_optimize_s");
        /* the loader compares index and text (rank 1) up to 50 MB, else checks the structure */
        int full = kv_num(f, "zh_fts_check_full_s") >= 0;
        double zc = kv_num(f, full ? "zh_fts_check_full_s" : "zh_fts_check_s");
        double ic = kv_num(f, "integrity_check_s");
        double oc = kv_num(f, "ordered_copy_s"), rest = load_s - zr - zo - zc - ic - oc;
        fprintf(o, "  zh index alone      rebuild+optimize %.1f s = %.2f MB/s (the loaded table's "
                   "declaration, the loader's build settings, same texts)\n",
                zr + zo, raw / 1e6 / (zr + zo));
        fprintf(o, "  load, step by step  (replayed on a copy of the texts, %% of the load's wall "
                   "time)\n");
        fprintf(o, "    FTS5 rebuild %.1f s (%.0f%%) · optimize %.1f s (%.0f%%) · FTS5 "
                   "integrity-check (%s) %.1f s (%.0f%%) ·\n    PRAGMA integrity_check %.1f s (%.0f%%) · "
                   "ordered copy into doc %.1f s (%.0f%%) · the rest (read, decode, hash,\n    parse, "
                   "stage, commit) %.1f s (%.0f%%)",
                zr, 100 * zr / load_s, zo, 100 * zo / load_s, full ? "full" : "structure", zc,
                100 * zc / load_s, ic, 100 * ic / load_s, oc, 100 * oc / load_s, rest,
                100 * rest / load_s);
        if (full)
            fprintf(o, "; the structure check alone: %.1f s", kv_num(f, "zh_fts_check_s"));
        fprintf(o, "\n");
        double pb = kv_num(f, "zh_prefix1_index_bytes");
        fprintf(o, "  variant prefix='1'  index %.1f MB = %.2f× raw text (+%.0f%%), rebuild+optimize "
                   "%.1f s (see VARIANT)\n",
                pb / 1e6, pb / raw, 100 * (pb / (double)r->idx - 1), kv_num(f, "zh_prefix1_build_s"));
    }
    fprintf(o, "  db_open             p50 %s ms, max %s ms (register the tokenizer, check the stamp, "
               "load the vocabulary)\n",
            ms(r->open_lat.p50), ms(r->open_lat.max));
}

static void report_queries(FILE *o, run_t *r)
{
    fprintf(o, "\nQUERIES (units hit, of %lld; oracle = units whose folded title or body contains "
               "the folded query;\n  baseline columns: hits and recall against ours; grep counts "
               "matching lines of the raw files, not units)\n",
            r->units);
    fprintf(o, "  %-4s %-4s %-18s %-18s %7s %6s %7s %7s | %-13s %-13s %-13s %-13s | %7s %8s\n", "len",
            "freq", "query S", "query T", "ours", "units", "+vocab", "oracle", "LIKE T",
            "instr T|S", "trigram T", "trigram T|S", "grep T", "grep T|S");
    r->exact = r->st_same = 1;
    for (size_t i = 0; i < r->nq; i++) {
        bq *q = &r->qs[i];
        /* pad by display width: a CJK character is two columns */
        int spad = 18 - 2 * (int)u8_len(q->s), tpad = 18 - 2 * (int)u8_len(q->t);
        char lt[32], it[32], tt[32], tts[32];
        snprintf(lt, sizeof lt, "%lld %s", q->like_t, pct(q->like_t, q->hits[0]));
        snprintf(it, sizeof it, "%lld %s", q->instr_ts, pct(q->instr_ts, q->hits[0]));
        snprintf(tt, sizeof tt, "%lld %s", q->tri_t, pct(q->tri_t, q->hits[0]));
        snprintf(tts, sizeof tts, "%lld %s", q->tri_ts, pct(q->tri_ts, q->hits[0]));
        fprintf(o, "  %-4s %-4s %s%*s %s%*s %7lld %6s %7lld %7lld | %-13s %-13s %-13s %-13s | %7lld %8lld\n",
                len_names[q->lenc], freq_names[q->freqc], q->s, spad > 0 ? spad : 0, "", q->t,
                tpad > 0 ? tpad : 0, "", q->hits[0], pct(q->hits[0], r->units), q->hits_v, q->oracle,
                lt, it, tt, tts, q->grep_t, q->grep_ts);
        if (q->oracle != q->hits[0] || q->both != q->hits[0])
            r->exact = 0;
        if (q->hits[0] != q->hits[1] || q->search_total[0] != q->search_total[1])
            r->st_same = 0;
    }
    for (int lc = 0; lc < NLEN; lc++)
        for (int fc = 0; fc < NFREQ; fc++) {
            int found = 0;
            for (size_t i = 0; i < r->nq; i++)
                if (r->qs[i].lenc == lc && r->qs[i].freqc == fc)
                    found = 1;
            if (!found)
                fprintf(o, "  (no candidate of %s characters in class %s)\n", len_names[lc],
                        freq_names[fc]);
        }
    fprintf(o, "  ours = oracle on every query (the same units, not only as many): %s; Simplified- "
               "and Traditional-typed queries hit the same units: %s\n",
            r->exact ? "yes" : "NO", r->st_same ? "yes" : "NO");
    fprintf(o, "  built-in trigram (SQLite %s), indexed LIKE under 3 characters (no +col) finds:",
            sqlite3_libversion());
    int first = 1;
    for (size_t i = 0; i < r->nq; i++)
        if (r->qs[i].tri_idx_like >= 0) {
            fprintf(o, "%s %s %lld (scan: %lld)", first ? "" : ",", r->qs[i].t,
                    r->qs[i].tri_idx_like, r->qs[i].tri_t);
            first = 0;
        }
    fprintf(o, "\n");
}

static const char *triple(char *buf, size_t n, const lat *l)
{
    snprintf(buf, n, "%s/%s/%s", ms(l->p50), ms(l->p95), ms(l->max));
    return buf;
}

static void report_latency(FILE *o, const run_t *r)
{
    fprintf(o, "\nLATENCY of our index (ms, p50/p95/max; ty S = typed Simplified, T = typed "
               "Traditional)\n"
               "  count = count(*) of all matches; first20 = ORDER BY rowid DESC LIMIT 20; ranked = "
               "ORDER BY rank LIMIT 20;\n"
               "  +vocab = count / ranked p50 with the vocabulary expansion; the console's bounded "
               "forms (search.h, with vocabulary):\n"
               "  count<=%d = count stopping at %d+1, rank<=%d = gk_bm25 over the newest %d matches; "
               "search = search_run, the\n"
               "  console's whole path (count per range, fetch, highlight). A Traditional-typed query "
               "folds to the same MATCH\n"
               "  expression as the Simplified one, so its SQL is the same statement and is timed "
               "once (shown as = S)\n",
            SEARCH_COUNT_CAP, SEARCH_COUNT_CAP, SEARCH_RANK_WINDOW, SEARCH_RANK_WINDOW);
    fprintf(o, "  %-4s %-4s %-2s | %-18s | %-18s | %-18s | %-13s | %-18s | %-18s | %-18s\n", "len",
            "freq", "ty", "count", "first20", "ranked", "+vocab c / r", "count<=cap",
            "rank<=window", "search");
    for (size_t i = 0; i < r->nq; i++)
        for (int ty = 0; ty < 2; ty++) {
            const bq *q = &r->qs[i];
            const lat *l = q->ours[ty];
            char a[48], b[48], c[48], d[48], e[48], f[48], g[48];
            triple(a, sizeof a, &l[M_COUNT]);
            triple(b, sizeof b, &l[M_FIRST]);
            triple(c, sizeof c, &l[M_RANKED]);
            if (l[M_COUNT_V].p50 >= 0)
                snprintf(d, sizeof d, "%s / %s", ms(l[M_COUNT_V].p50), ms(l[M_RANKED_V].p50));
            else
                snprintf(d, sizeof d, "(none)");
            triple(e, sizeof e, &l[M_COUNT_CAP]);
            triple(f, sizeof f, &l[M_RANKED_WIN]);
            triple(g, sizeof g, &l[M_SEARCH]);
            if (ty && q->t_same)
                snprintf(a, sizeof a, "= S"), snprintf(b, sizeof b, "= S"),
                    snprintf(c, sizeof c, "= S"), snprintf(d, sizeof d, "= S"),
                    snprintf(e, sizeof e, "= S"), snprintf(f, sizeof f, "= S");
            fprintf(o, "  %-4s %-4s %-2s | %-18s | %-18s | %-18s | %-13s | %-18s | %-18s | %-18s\n",
                    ty ? "" : len_names[q->lenc], ty ? "" : freq_names[q->freqc], ty ? "T" : "S", a,
                    b, c, d, e, f, g);
        }
}

/* Our p50 of method m, the worse of the two typed forms. */
static double ours_p50(const bq *q, int m)
{
    return q->ours[0][m].p50 > q->ours[1][m].p50 ? q->ours[0][m].p50 : q->ours[1][m].p50;
}

static void report_baselines(FILE *o, const run_t *r)
{
    fprintf(o, "\nBASELINES (ms, p50 / p95 of counting all matches; speed-up = baseline p50 / our "
               "p50, the worse typed form)\n");
    fprintf(o, "  %-4s %-4s |", "len", "freq");
    for (int m = 0; m < NB; m++)
        fprintf(o, " %-12s", b_names[m]);
    fprintf(o, "| %-9s %-9s %-9s\n", "T|S/count", "T|S/first", "T/count");
    for (size_t i = 0; i < r->nq; i++) {
        const bq *q = &r->qs[i];
        fprintf(o, "  %-4s %-4s |", len_names[q->lenc], freq_names[q->freqc]);
        for (int m = 0; m < NB; m++) {
            char a[40];
            snprintf(a, sizeof a, "%s/%s", ms(q->base[m].p50), ms(q->base[m].p95));
            fprintf(o, " %-12s", a);
        }
        fprintf(o, "| %-9s %-9s %-9s\n", ratio(q->base[B_GREP_TS].p50, ours_p50(q, M_COUNT)),
                ratio(q->base[B_GREP_TS].p50, ours_p50(q, M_FIRST)),
                ratio(q->base[B_GREP_T].p50, ours_p50(q, M_COUNT)));
    }
}

static void report_variant(FILE *o, const run_t *r)
{
    int any = 0;
    for (size_t i = 0; i < r->nq; i++)
        if (r->qs[i].pfx_count.p50 >= 0)
            any = 1;
    if (!any)
        return;
    double pb = kv_num(&r->facts, "zh_prefix1_index_bytes");
    fprintf(o, "\nVARIANT: the same index with prefix='1' (%.1f MB = %.2f× raw text), 1-character "
               "queries (ms, p50/p95/max)\n",
            pb / 1e6, pb / r->raw);
    fprintf(o, "  %-4s %-4s %-8s | %-18s | %-18s || as loaded: %-18s | %-18s\n", "len", "freq", "hits",
            "count", "first20", "count", "first20");
    char a[48], b[48], c[48], d[48];
    for (size_t i = 0; i < r->nq; i++) {
        const bq *q = &r->qs[i];
        if (q->pfx_count.p50 < 0)
            continue;
        fprintf(o, "  %-4s %-4s %-8lld | %-18s | %-18s || as loaded: %-18s | %-18s%s\n",
                len_names[q->lenc], freq_names[q->freqc], q->pfx_hits,
                triple(a, sizeof a, &q->pfx_count), triple(b, sizeof b, &q->pfx_first),
                triple(c, sizeof c, &q->ours[0][M_COUNT]), triple(d, sizeof d, &q->ours[0][M_FIRST]),
                q->pfx_hits == q->hits[0] ? "" : "  HITS DIFFER");
    }
}

static void report_summary(FILE *o, const run_t *r)
{
    fprintf(o, "\nSUMMARY by query length (ms; median over the length's queries, all frequencies and "
               "both typed forms, of per-query p50)\n");
    fprintf(o, "  %-22s", "");
    for (int lc = 0; lc < NLEN; lc++)
        fprintf(o, " %9s", len_names[lc]);
    fprintf(o, "\n");
    static const struct {
        const char *name;
        int ours, m;
    } rows[] = {
        {"count (zh)", 1, M_COUNT},       {"first20 (zh)", 1, M_FIRST},
        {"ranked20 (zh)", 1, M_RANKED},   {"count<=cap (console)", 1, M_COUNT_CAP},
        {"rank<=window (console)", 1, M_RANKED_WIN}, {"search_run", 1, M_SEARCH},
        {"grep -F T", 0, B_GREP_T},       {"grep -F -e T -e S", 0, B_GREP_TS},
        {"LIKE T scan", 0, B_LIKE_T},     {"instr T|S scan", 0, B_INSTR_TS},
        {"trigram T", 0, B_TRI_T},        {"trigram T|S", 0, B_TRI_TS},
    };
    double med[NLEN][16];
    for (size_t k = 0; k < sizeof rows / sizeof *rows; k++) {
        fprintf(o, "  %-22s", rows[k].name);
        for (int lc = 0; lc < NLEN; lc++) {
            double v[4 * NFREQ];
            size_t n = 0;
            for (size_t i = 0; i < r->nq; i++) {
                if (r->qs[i].lenc != lc)
                    continue;
                if (rows[k].ours) {
                    v[n++] = r->qs[i].ours[0][rows[k].m].p50;
                    v[n++] = r->qs[i].ours[1][rows[k].m].p50;
                } else {
                    v[n++] = r->qs[i].base[rows[k].m].p50;
                }
            }
            med[lc][k] = median_of(v, n);
            fprintf(o, " %9s", ms(med[lc][k]));
        }
        fprintf(o, "\n");
    }
    fprintf(o, "  %-22s", "grep T|S / count");
    for (int lc = 0; lc < NLEN; lc++)
        fprintf(o, " %9s", ratio(med[lc][7], med[lc][0]));
    fprintf(o, "\n  %-22s", "grep T|S / first20");
    for (int lc = 0; lc < NLEN; lc++)
        fprintf(o, " %9s", ratio(med[lc][7], med[lc][1]));
    fprintf(o, "\n  %-22s", "trigram T|S / count");
    for (int lc = 0; lc < NLEN; lc++)
        fprintf(o, " %9s", ratio(med[lc][11], med[lc][0]));
    fprintf(o, "\n");
}

/* The worst value over the queries of lengths lo..hi (and frequency fc, any if < 0), both
 * typed forms: the largest p50 (p95 when p95 is set), or with speed set the smallest
 * grep -e T -e S p50 / our p50. Returns -1 when no query qualifies. */
static double worst_of(const run_t *r, int lo, int hi, int fc, int m, int p95, int speed,
                       const bq **at)
{
    double w = -1;
    *at = NULL;
    for (size_t i = 0; i < r->nq; i++) {
        const bq *q = &r->qs[i];
        if (q->lenc < lo || q->lenc > hi || (fc >= 0 && q->freqc != fc))
            continue;
        for (int ty = 0; ty < 2; ty++) {
            double v = p95 ? q->ours[ty][m].p95 : q->ours[ty][m].p50;
            if (v < 0)
                continue;
            if (speed)
                v = q->base[B_GREP_TS].p50 / v;
            if (w < 0 || (speed ? v < w : v > w)) {
                w = v;
                *at = q;
            }
        }
    }
    return w;
}

/* "high 38.5 ms 社会救助 · mid 7.0 ms 志愿服务 · low 0.19 ms · zero 0.03 ms" */
static void by_class(char *buf, size_t n, const run_t *r, int lo, int hi, int m, int p95,
                     int speed, double limit)
{
    size_t at = 0;
    buf[0] = '\0';
    for (int fc = 0; fc < NFREQ && at < n; fc++) {
        const bq *q;
        double w = worst_of(r, lo, hi, fc, m, p95, speed, &q);
        if (w < 0)
            continue;
        int bad = speed ? w < limit : w > limit;
        at += (size_t)snprintf(buf + at, n - at, "%s%s %s%s%s%s", at ? " · " : "", freq_names[fc],
                               speed ? ratio(w, 1) : ms(w), speed ? "" : " ms",
                               bad ? " " : "", bad ? q->s : "");
    }
}

static void target_line(FILE *o, int pass, const char *what, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void target_line(FILE *o, int pass, const char *what, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(o, "  %-4s %-52s ", pass ? "PASS" : "MISS", what);
    vfprintf(o, fmt, ap);
    fputc('\n', o);
    va_end(ap);
}

static void report_targets(FILE *o, const run_t *r)
{
    fprintf(o, "\nTARGETS (reported, never asserted; per frequency class the worst query, named "
               "where it misses)\n");
    double ir = (double)r->idx / r->raw;
    if (ir <= 1.2)
        target_line(o, 1, "index ≤ 1.2× raw text", "%.2f×", ir);
    else
        target_line(o, 0, "index ≤ 1.2× raw text", "%.2f× (%.0f%% over)", ir, 100 * (ir / 1.2 - 1));
    double load_s = kv_num(&r->facts, "load_s"), mbs = load_s > 0 ? r->raw / 1e6 / load_s : -1;
    if (mbs < 0)
        target_line(o, 0, "build ≥ 8 MB/s", "not measured");
    else if (mbs >= 8)
        target_line(o, 1, "build ≥ 8 MB/s", "%.2f MB/s (%.1f s)", mbs, load_s);
    else
        target_line(o, 0, "build ≥ 8 MB/s", "%.2f MB/s (%.1f s; 8 MB/s is %.1f s, %.1f× faster)",
                    mbs, load_s, r->raw / 1e6 / 8, 8 / mbs);
    char buf[512];
    const bq *at;
    struct {
        const char *what;
        int lo, hi, m, p95, speed;
        double limit;
    } t[] = {
        {"2-4 characters: count p50 ≤ 2 ms", 1, 3, M_COUNT, 0, 0, 2},
        {"2-4 characters: first-20 p50 ≤ 2 ms", 1, 3, M_FIRST, 0, 0, 2},
        {"2-4 characters: count ≥ 50× grep -e T -e S", 1, 3, M_COUNT, 0, 1, 50},
        {"2-4 characters: first-20 ≥ 50× grep -e T -e S", 1, 3, M_FIRST, 0, 1, 50},
        {"1 character: count p50 ≤ 5 ms", 0, 0, M_COUNT, 0, 0, 5},
        {"1 character: first-20 p50 ≤ 5 ms", 0, 0, M_FIRST, 0, 0, 5},
        {"ranked top 20 p95 ≤ 50 ms, any class", 0, 4, M_RANKED, 1, 0, 50},
        {"ranked top 20 p95 ≤ 50 ms, with vocabulary", 0, 4, M_RANKED_V, 1, 0, 50},
        {"console: capped count p50 ≤ 2 ms, 2-4 chars", 1, 3, M_COUNT_CAP, 0, 0, 2},
        {"console: capped count p50 ≤ 5 ms, 1 char", 0, 0, M_COUNT_CAP, 0, 0, 5},
        {"console: windowed ranking p95 ≤ 50 ms", 0, 4, M_RANKED_WIN, 1, 0, 50},
        {"console: search_run p95 ≤ 50 ms", 0, 4, M_SEARCH, 1, 0, 50},
    };
    for (size_t k = 0; k < sizeof t / sizeof *t; k++) {
        double w = worst_of(r, t[k].lo, t[k].hi, -1, t[k].m, t[k].p95, t[k].speed, &at);
        if (w < 0)
            continue;
        int pass = t[k].speed ? w >= t[k].limit : w <= t[k].limit;
        by_class(buf, sizeof buf, r, t[k].lo, t[k].hi, t[k].m, t[k].p95, t[k].speed, t[k].limit);
        target_line(o, pass, t[k].what, "%s", buf);
    }
    target_line(o, r->exact, "recall and precision = fold oracle", "%s",
                r->exact ? "100% / 100% on every query, S- and T-typed" : "MISMATCH (see QUERIES)");
}

/* All the sections, in order (report_queries sets r->exact and r->st_same for
 * report_targets). */
void print_report(FILE *o, run_t *r)
{
    report_header(o, r);
    report_build(o, r);
    report_queries(o, r);
    report_latency(o, r);
    report_baselines(o, r);
    report_variant(o, r);
    report_summary(o, r);
    report_targets(o, r);
}
