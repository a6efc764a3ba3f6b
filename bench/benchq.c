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
#include "db.h"
#include "fold.h"
#include "query.h"
#include "search.h"
#include "xalloc.h"
#include "zh_fts5.h"

#include <errno.h>
#include <opencc.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- small helpers ------------------------------------------------------------------ */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("benchq: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void exec_sql(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        die("SQL failed: %s\n  %s", msg ? msg : sqlite3_errmsg(db), sql);
}

static double timed_exec(sqlite3 *db, const char *sql)
{
    double t0 = now_ms();
    exec_sql(db, sql);
    return (now_ms() - t0) / 1e3;
}

static long long int_of(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        die("SQL failed: %s\n  %s", sqlite3_errmsg(db), sql);
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static long long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

static size_t u8_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

static void fold_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *s = (const char *)sqlite3_value_text(argv[0]);
    if (!s) {
        sqlite3_result_null(ctx);
        return;
    }
    char *f = fold_utf8(s, (size_t)sqlite3_value_bytes(argv[0]));
    sqlite3_result_text(ctx, f, -1, free);
}

static sqlite3 *open_rw(const char *path)
{
    sqlite3 *db;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
        die("cannot open %s: %s", path, sqlite3_errmsg(db));
    if (zh_fts5_register(db) != SQLITE_OK)
        die("cannot register the zh tokenizer");
    sqlite3_create_function(db, "gk_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, fold_sql,
                            NULL, NULL);
    exec_sql(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;"
                 "PRAGMA temp_store=FILE;");
    return db;
}

static void attach_ro(sqlite3 *db, const char *path, const char *as)
{
    char *uri = sqlite3_mprintf("ATTACH 'file:%q?mode=ro' AS %s", path, as);
    exec_sql(db, uri);
    sqlite3_free(uri);
}

static long long index_bytes(sqlite3 *db, const char *schema, const char *table)
{
    char *sql = sqlite3_mprintf("SELECT coalesce(sum(pgsize), 0) FROM dbstat(%Q) "
                                "WHERE name IN ('%q_data', '%q_idx')",
                                schema, table, table);
    long long v = int_of(db, sql);
    sqlite3_free(sql);
    return v;
}

/* ---- benchq baseline ---------------------------------------------------------------- */

static int cmd_baseline(const char *gk, const char *base)
{
    unlink(base);
    sqlite3 *db = open_rw(base);
    attach_ro(db, gk, "gk");
    exec_sql(db, "CREATE TABLE unit(id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL)");
    double copy = timed_exec(db, "INSERT INTO unit SELECT id, title, body FROM gk.doc");
    exec_sql(db, "CREATE VIRTUAL TABLE tri USING fts5(title, body, content='unit', "
                 "content_rowid='id', tokenize='trigram')");
    double tri_build = timed_exec(db, "INSERT INTO tri(tri) VALUES('rebuild')");
    double tri_opt = timed_exec(db, "INSERT INTO tri(tri) VALUES('optimize')");
    exec_sql(db, "CREATE TABLE ufold(id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL)");
    double fold = timed_exec(db, "INSERT INTO ufold SELECT id, gk_fold(title), gk_fold(body) FROM unit");
    printf("unit_copy_s=%.2f\ntri_rebuild_s=%.2f\ntri_optimize_s=%.2f\ntri_index_bytes=%lld\n"
           "fold_copy_s=%.2f\nunit_text_bytes=%lld\n",
           copy, tri_build, tri_opt, index_bytes(db, "main", "tri"), fold,
           int_of(db, "SELECT sum(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))) FROM unit"));
    sqlite3_close(db);
    printf("baseline_db_bytes=%lld\n", file_size(base));
    return 0;
}

/* ---- benchq phases ------------------------------------------------------------------ */

static char *text_of(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    char *v = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        die("SQL failed: %s\n  %s", sqlite3_errmsg(db), sql);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        v = xstrdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return v;
}

/* "CREATE VIRTUAL TABLE name USING fts5(<args>)" of the loaded doc_fts, with the content
 * table renamed from doc to unit (same column names), plus extra options. */
static char *fts_decl(sqlite3 *db, const char *name, const char *extra)
{
    char *sql = text_of(db, "SELECT sql FROM gk.sqlite_master WHERE name = 'doc_fts'");
    if (!sql)
        die("no doc_fts in the loaded database");
    const char *open = strstr(sql, "fts5(");
    const char *close = strrchr(sql, ')');
    if (!open || !close || close < open)
        die("cannot read the doc_fts declaration: %s", sql);
    open += 5;
    buf_t b;
    buf_init(&b);
    buf_printf(&b, "CREATE VIRTUAL TABLE %s USING fts5(", name);
    const char *p = open;
    const char *hit = strstr(p, "content='doc'");
    if (!hit || hit > close)
        die("doc_fts is not an external-content table of doc: %s", sql);
    buf_add(&b, p, (size_t)(hit - p));
    buf_adds(&b, "content='unit'");
    p = hit + strlen("content='doc'");
    buf_add(&b, p, (size_t)(close - p));
    if (extra)
        buf_printf(&b, ", %s", extra);
    buf_adds(&b, ")");
    free(sql);
    return buf_take(&b);
}

/* Copies the loaded index's persistent settings (pgsz, rank ...; the build-time ones are
 * set by rebuild_like_loader). */
static void copy_config(sqlite3 *db, const char *name)
{
    char *sql = sqlite3_mprintf("INSERT OR REPLACE INTO %s_config SELECT k, v FROM gk.doc_fts_config "
                                "WHERE k <> 'version'",
                                name);
    exec_sql(db, sql);
    sqlite3_free(sql);
}

/* The settings finish_docs() in loader/build.c uses while it builds the index (it restores
 * the defaults afterwards, so they cannot be read back from the loaded database). Keep in
 * step with the loader. */
static const char *const loader_build_settings[][2] = {
    {"automerge", "0"}, {"crisismerge", "64"}, {"hashsize", "67108864"}};

static double rebuild_like_loader(sqlite3 *db, const char *name, double *optimize)
{
    for (size_t i = 0; i < sizeof loader_build_settings / sizeof *loader_build_settings; i++) {
        char *set = sqlite3_mprintf("INSERT INTO %s(%s, rank) VALUES(%Q, %s)", name, name,
                                    loader_build_settings[i][0], loader_build_settings[i][1]);
        exec_sql(db, set);
        sqlite3_free(set);
    }
    char *sql = sqlite3_mprintf("INSERT INTO %s(%s) VALUES('rebuild')", name, name);
    double t = timed_exec(db, sql);
    sqlite3_free(sql);
    sql = sqlite3_mprintf("INSERT INTO %s(%s) VALUES('optimize')", name, name);
    *optimize = timed_exec(db, sql);
    sqlite3_free(sql);
    return t;
}

static int cmd_phases(const char *gk, const char *base)
{
    sqlite3 *db = open_rw(base);
    attach_ro(db, gk, "gk");
    exec_sql(db, "DROP TABLE IF EXISTS zhx; DROP TABLE IF EXISTS zhp; DROP TABLE IF EXISTS stage;"
                 "DROP TABLE IF EXISTS ordered;");
    /* the loader's FTS steps on the same texts: the loaded table's declaration and settings */
    char *decl = fts_decl(db, "zhx", NULL);
    exec_sql(db, decl);
    free(decl);
    copy_config(db, "zhx");
    double optimize;
    double rebuild = rebuild_like_loader(db, "zhx", &optimize);
    long long zhx_bytes = index_bytes(db, "main", "zhx");
    double check = timed_exec(db, "INSERT INTO zhx(zhx) VALUES('integrity-check')");
    /* the index-against-text check (rank 1) re-tokenizes every unit: the loader runs it on
     * inputs up to 50 MB (FULL_VERIFY_BYTES in loader/build.c) */
    double check_full = -1;
    if (int_of(db, "SELECT sum(length(CAST(body AS BLOB))) FROM unit") <= 50000000)
        check_full = timed_exec(db, "INSERT INTO zhx(zhx, rank) VALUES('integrity-check', 1)");
    exec_sql(db, "DROP TABLE zhx");
    /* variant kept for `benchq run`: the same index with prefix='1' (1-character queries) */
    decl = fts_decl(db, "zhp", "prefix='1'");
    exec_sql(db, decl);
    free(decl);
    copy_config(db, "zhp");
    double opt_p;
    double rebuild_p = rebuild_like_loader(db, "zhp", &opt_p);
    long long zhp_bytes = index_bytes(db, "main", "zhp");
    /* the ordered copy of staged units into doc (without the parse) */
    exec_sql(db, "CREATE TABLE stage AS SELECT domain, ref_id, rank_group, date, ref_id AS "
                 "group_key, id AS ord, title, body FROM gk.doc ORDER BY random()");
    double order = timed_exec(db, "CREATE TABLE ordered AS SELECT domain, ref_id, rank_group, date, "
                                  "title, body FROM stage ORDER BY domain, rank_group DESC, "
                                  "coalesce(date, ''), group_key, ord DESC");
    exec_sql(db, "DROP TABLE stage; DROP TABLE ordered");
    sqlite3_close(db);

    /* PRAGMA integrity_check of the loaded database, read-only */
    sqlite3 *g;
    if (sqlite3_open_v2(gk, &g, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        die("cannot open %s", gk);
    zh_fts5_register(g);
    double t0 = now_ms();
    sqlite3_stmt *st;
    sqlite3_prepare_v2(g, "PRAGMA integrity_check", -1, &st, NULL);
    while (sqlite3_step(st) == SQLITE_ROW)
        ;
    sqlite3_finalize(st);
    double icheck = (now_ms() - t0) / 1e3;
    sqlite3_close(g);
    printf("zh_rebuild_s=%.2f\nzh_optimize_s=%.2f\nzh_index_bytes=%lld\nzh_fts_check_s=%.2f\n"
           "zh_fts_check_full_s=%.2f\nzh_prefix1_build_s=%.2f\nzh_prefix1_index_bytes=%lld\n"
           "ordered_copy_s=%.2f\nintegrity_check_s=%.2f\n",
           rebuild, optimize, zhx_bytes, check, check_full, rebuild_p + opt_p, zhp_bytes, order,
           icheck);
    return 0;
}

/* ---- key=value facts ---------------------------------------------------------------- */

typedef struct {
    char **k, **v;
    size_t n, cap;
} kv_t;

static void kv_read(kv_t *kv, const char *path)
{
    FILE *f = path ? fopen(path, "r") : NULL;
    if (!f)
        return;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        char *eq = strchr(line, '=');
        if (!eq || line[0] == '#')
            continue;
        *eq = '\0';
        char *v = eq + 1;
        v[strcspn(v, "\r\n")] = '\0';
        kv->k = xgrow(kv->k, &kv->cap, kv->n + 1, sizeof *kv->k);
        kv->v = xrealloc(kv->v, kv->cap * sizeof *kv->v);
        kv->k[kv->n] = xstrdup(line);
        kv->v[kv->n++] = xstrdup(v);
    }
    fclose(f);
}

static const char *kv_get(const kv_t *kv, const char *key)
{
    for (size_t i = kv->n; i-- > 0;)
        if (!strcmp(kv->k[i], key))
            return kv->v[i];
    return NULL;
}

static double kv_num(const kv_t *kv, const char *key)
{
    const char *v = kv_get(kv, key);
    return v && *v ? atof(v) : -1;
}

/* ---- statistics --------------------------------------------------------------------- */

typedef struct {
    double p50, p95, max;
} lat;

static int dcmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static lat summarize(double *v, size_t n)
{
    lat l = {-1, -1, -1};
    if (!n)
        return l;
    qsort(v, n, sizeof *v, dcmp);
    l.p50 = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    /* linearly interpolated (numpy's default): with 15 samples the nearest-rank p95 would
     * always be the maximum */
    double pos = 0.95 * (double)(n - 1);
    size_t k = (size_t)pos;
    l.p95 = k + 1 < n ? v[k] + (pos - (double)k) * (v[k + 1] - v[k]) : v[k];
    l.max = v[n - 1];
    return l;
}

static double median_of(double *v, size_t n)
{
    if (!n)
        return -1;
    qsort(v, n, sizeof *v, dcmp);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

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

/* ---- queries ------------------------------------------------------------------------ */

enum { NLEN = 5, NFREQ = 4 };
static const char *const len_names[NLEN] = {"1", "2", "3", "4", "6-10"};
static const char *const freq_names[NFREQ] = {"high", "mid", "low", "zero"};

/* Our methods, timed per typed form. */
enum {
    M_COUNT,      /* (a) count(*) of all matches */
    M_FIRST,      /* (b) first 20, unranked */
    M_RANKED,     /* (c) ranked top 20 */
    M_COUNT_V,    /* (a)-(c) with the vocabulary expansion */
    M_FIRST_V,
    M_RANKED_V,
    M_COUNT_CAP,  /* the console's bounded forms (core/search.h), with vocabulary */
    M_RANKED_WIN,
    M_SEARCH,     /* (d) search_run */
    NM
};
static char m_sql[NM][256];

static void init_sql(void)
{
    static const char *const base[3] = {
        "SELECT count(*) FROM doc_fts WHERE doc_fts MATCH ?1",
        "SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?1 ORDER BY rowid DESC LIMIT 20",
        "SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?1 ORDER BY rank LIMIT 20",
    };
    for (int m = 0; m < 3; m++) {
        snprintf(m_sql[m], sizeof m_sql[m], "%s", base[m]);
        snprintf(m_sql[m + M_COUNT_V], sizeof m_sql[m], "%s", base[m]);
    }
    snprintf(m_sql[M_COUNT_CAP], sizeof m_sql[0],
             "SELECT count(*) FROM (SELECT 1 FROM doc_fts WHERE doc_fts MATCH ?1 ORDER BY rowid "
             "DESC LIMIT %d)",
             SEARCH_COUNT_CAP + 1);
    /* As search.c ranks: gk_bm25 (core/rank.h) over the newest window; the idf argument is
     * empty here, as search.c passes it for a one-phrase query. */
    snprintf(m_sql[M_RANKED_WIN], sizeof m_sql[0],
             "SELECT rowid FROM (SELECT rowid, gk_bm25(doc_fts, '') AS s FROM doc_fts WHERE "
             "doc_fts MATCH ?1 ORDER BY rowid DESC LIMIT %d) ORDER BY s LIMIT 20",
             SEARCH_RANK_WINDOW);
}

static int uses_vocab(int m)
{
    return m == M_COUNT_V || m == M_FIRST_V || m == M_RANKED_V || m == M_COUNT_CAP ||
           m == M_RANKED_WIN;
}

/* Baselines, timed per query string. */
enum { B_GREP_T, B_GREP_TS, B_LIKE_T, B_INSTR_TS, B_TRI_T, B_TRI_TS, NB };
static const char *const b_names[NB] = {"grep T", "grep T|S", "LIKE T", "instr T|S", "trigram T",
                                        "trigram T|S"};

typedef struct {
    int lenc, freqc;
    char *s, *t;     /* Simplified and Traditional (OpenCC s2t) forms */
    size_t chars;
    char *fts[2];    /* expression without vocabulary, typed S / T */
    char *fts_v[2];  /* with the database's vocabulary */
    int t_same;      /* the T-typed MATCH expressions are those of the S-typed input */
    long long hits[2], hits_v, search_total[2];
    long long oracle, both, like_t, instr_ts, tri_t, tri_ts, tri_idx_like, grep_t, grep_ts;
    lat ours[2][NM];
    lat base[NB];
    lat pfx_count, pfx_first; /* 1 character, on the prefix='1' variant (benchq phases) */
    long long pfx_hits;
} bq;

static int len_class(size_t chars)
{
    if (chars >= 1 && chars <= 4)
        return (int)chars - 1;
    if (chars >= 6 && chars <= 10)
        return 4;
    return -1;
}

static char *build_fts(const char *text, const vocab *v)
{
    query q;
    char *out = NULL;
    if (query_build(text, strlen(text), v, 0, &q) == 0)
        out = xstrdup(q.fts);
    query_free(&q);
    return out;
}

/* Runs sql with ?1 (and ?2) bound; returns count(*) for a one-row count, else the rows. */
static long long run_sql(sqlite3 *db, const char *sql, const char *a1, const char *a2)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        die("SQL failed: %s\n  %s", sqlite3_errmsg(db), sql);
    if (a1)
        sqlite3_bind_text(st, 1, a1, -1, SQLITE_STATIC);
    if (a2)
        sqlite3_bind_text(st, 2, a2, -1, SQLITE_STATIC);
    long long rows = 0, val = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!rows)
            val = sqlite3_column_int64(st, 0);
        rows++;
    }
    if (rc != SQLITE_DONE)
        die("SQL failed: %s\n  %s", sqlite3_errmsg(db), sql);
    int is_count = strstr(sql, "count(*)") != NULL;
    sqlite3_finalize(st);
    return is_count ? val : rows;
}

/* grep -r -c -h -F -e T [-e S] DIR/regs DIR/notices with LC_ALL=C; the sum of the
 * per-file counts of matching lines. */
static long long run_grep(const char *corpus, const char *t, const char *s)
{
    int fd[2];
    if (pipe(fd) != 0)
        die("pipe: %s", strerror(errno));
    pid_t pid = fork();
    if (pid < 0)
        die("fork: %s", strerror(errno));
    if (pid == 0) {
        char *regs = xasprintf("%s/regs", corpus), *notices = xasprintf("%s/notices", corpus);
        const char *argv[12];
        int n = 0;
        argv[n++] = "grep";
        argv[n++] = "-r";
        argv[n++] = "-c";
        argv[n++] = "-h";
        argv[n++] = "-F";
        argv[n++] = "-e";
        argv[n++] = t;
        if (s) {
            argv[n++] = "-e";
            argv[n++] = s;
        }
        argv[n++] = regs;
        argv[n++] = notices;
        argv[n] = NULL;
        dup2(fd[1], 1);
        close(fd[0]);
        close(fd[1]);
        setenv("LC_ALL", "C", 1);
        execvp("grep", (char *const *)argv);
        _exit(127);
    }
    close(fd[1]);
    FILE *f = fdopen(fd[0], "r");
    long long sum = 0;
    char line[64];
    while (fgets(line, sizeof line, f))
        sum += atoll(line);
    fclose(f);
    int status;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
        die("grep failed");
    return sum;
}

typedef struct {
    gk_db *g;          /* the product's connection (db_open) */
    sqlite3 *b;        /* baseline.db, with the gongkai database attached as gk */
    const char *corpus;
    long long units;
    int has_prefix_variant;
} ctx_t;

static long long run_ours(ctx_t *c, bq *q, int typed, int m)
{
    if (m != M_SEARCH)
        return run_sql(c->g->h, m_sql[m], uses_vocab(m) ? q->fts_v[typed] : q->fts[typed], NULL);
    const char *text = typed ? q->t : q->s;
    search_opts o;
    memset(&o, 0, sizeof o);
    o.limit = 20;
    search_result r;
    char *err = NULL;
    if (search_run(c->g, text, strlen(text), &o, &r, &err) < 0)
        die("search_run failed: %s", err ? err : "?");
    long long total = r.total;
    search_result_free(&r);
    return total;
}

static long long run_base(ctx_t *c, bq *q, int m)
{
    int same = !strcmp(q->t, q->s);
    char *p1 = NULL, *p2 = NULL;
    long long n = 0;
    switch (m) {
    case B_GREP_T:
        return run_grep(c->corpus, q->t, NULL);
    case B_GREP_TS:
        return run_grep(c->corpus, q->t, same ? NULL : q->s);
    case B_LIKE_T:
        p1 = xasprintf("%%%s%%", q->t);
        n = run_sql(c->b, "SELECT count(*) FROM unit WHERE title LIKE ?1 OR body LIKE ?1", p1, NULL);
        break;
    case B_INSTR_TS:
        n = same ? run_sql(c->b, "SELECT count(*) FROM unit WHERE instr(title, ?1) OR instr(body, ?1)",
                           q->t, NULL)
                 : run_sql(c->b,
                           "SELECT count(*) FROM unit WHERE instr(title, ?1) OR instr(body, ?1) OR "
                           "instr(title, ?2) OR instr(body, ?2)",
                           q->t, q->s);
        break;
    case B_TRI_T:
    case B_TRI_TS: {
        int both = m == B_TRI_TS && !same;
        if (q->chars >= 3) {
            p1 = both ? xasprintf("\"%s\" OR \"%s\"", q->t, q->s) : xasprintf("\"%s\"", q->t);
            n = run_sql(c->b, "SELECT count(*) FROM tri WHERE tri MATCH ?1", p1, NULL);
        } else {
            /* under 3 characters the trigram index cannot answer LIKE: scan (+col) */
            p1 = xasprintf("%%%s%%", q->t);
            p2 = xasprintf("%%%s%%", q->s);
            n = both ? run_sql(c->b,
                               "SELECT count(*) FROM tri WHERE +title LIKE ?1 OR +body LIKE ?1 OR "
                               "+title LIKE ?2 OR +body LIKE ?2",
                               p1, p2)
                     : run_sql(c->b, "SELECT count(*) FROM tri WHERE +title LIKE ?1 OR +body LIKE ?1",
                               p1, NULL);
        }
        break;
    }
    default:
        break;
    }
    free(p1);
    free(p2);
    return n;
}

/* ---- choosing the queries ----------------------------------------------------------- */

static opencc_t s2t;

static char *to_trad(const char *s)
{
    char *out = opencc_convert_utf8(s2t, s, strlen(s));
    if (!out)
        die("OpenCC conversion failed");
    char *copy = xstrdup(out);
    opencc_convert_utf8_free(out);
    return copy;
}

static int freq_class(long long hits, long long units)
{
    double f = (double)hits / (double)units;
    if (hits == 0)
        return 3;
    if (f > 0.30)
        return 0;
    if (f >= 0.01 && f <= 0.10)
        return 1;
    if (f < 0.001)
        return 2;
    return -1;
}

static size_t choose_queries(ctx_t *c, const char *candidates, bq *out)
{
    FILE *f = fopen(candidates, "r");
    if (!f)
        die("cannot read %s (run bench/gencorpus)", candidates);
    char *pick[NLEN][NFREQ] = {{0}};
    int pick_diff[NLEN][NFREQ] = {{0}};
    char line[512];
    size_t counted = 0;
    double t0 = now_ms();
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        int lc = len_class(u8_len(line));
        if (lc < 0)
            continue;
        int done = 1;
        for (int fc = 0; fc < NFREQ; fc++)
            if (!pick_diff[lc][fc])
                done = 0;
        if (done)
            continue;
        char *fts = build_fts(line, NULL);
        if (!fts)
            continue;
        long long hits = run_sql(c->g->h, m_sql[M_COUNT], fts, NULL);
        free(fts);
        counted++;
        int fc = freq_class(hits, c->units);
        if (fc < 0 || pick_diff[lc][fc])
            continue;
        char *t = to_trad(line);
        int diff = strcmp(t, line) != 0;
        free(t);
        if (!pick[lc][fc] || diff) {
            free(pick[lc][fc]);
            pick[lc][fc] = xstrdup(line);
            pick_diff[lc][fc] = diff;
        }
    }
    fclose(f);
    fprintf(stderr, "benchq: classified %zu candidates in %.1f s\n", counted,
            (now_ms() - t0) / 1e3);
    size_t n = 0;
    for (int lc = 0; lc < NLEN; lc++)
        for (int fc = 0; fc < NFREQ; fc++) {
            if (!pick[lc][fc])
                continue;
            bq *q = &out[n++];
            memset(q, 0, sizeof *q);
            q->lenc = lc;
            q->freqc = fc;
            q->s = pick[lc][fc];
            q->t = to_trad(q->s);
            q->chars = u8_len(q->s);
        }
    return n;
}

/* ---- timing ------------------------------------------------------------------------- */

static void time_query(ctx_t *c, bq *q, int reps, int base_reps)
{
    int nm_active[2][NM];
    for (int ty = 0; ty < 2; ty++)
        for (int m = 0; m < NM; m++) {
            int is_v = m == M_COUNT_V || m == M_FIRST_V || m == M_RANKED_V;
            nm_active[ty][m] = !is_v || strcmp(q->fts_v[ty], q->fts[ty]) != 0;
        }
    /* The Traditional-typed input folds to the same MATCH expression as the Simplified one
     * (checked here): the SQL statements are then identical and are timed once; only
     * search_run, which parses the typed text, is timed again. */
    q->t_same = !strcmp(q->fts[0], q->fts[1]) && !strcmp(q->fts_v[0], q->fts_v[1]);
    if (q->t_same)
        for (int m = 0; m < NM; m++)
            if (m != M_SEARCH)
                nm_active[1][m] = 0;
    /* warm-up, and the result counts */
    for (int ty = 0; ty < 2; ty++)
        for (int m = 0; m < NM; m++) {
            if (!nm_active[ty][m])
                continue;
            long long r = run_ours(c, q, ty, m);
            if (m == M_COUNT)
                q->hits[ty] = r;
            if (m == M_COUNT_V && ty == 0)
                q->hits_v = r;
            if (m == M_SEARCH)
                q->search_total[ty] = r;
        }
    if (!strcmp(q->fts_v[0], q->fts[0]))
        q->hits_v = q->hits[0];
    if (q->t_same)
        q->hits[1] = q->hits[0];
    double *v[2][NM];
    for (int ty = 0; ty < 2; ty++)
        for (int m = 0; m < NM; m++)
            v[ty][m] = xcalloc((size_t)reps, sizeof(double));
    for (int r = 0; r < reps; r++)
        for (int ty = 0; ty < 2; ty++)
            for (int m = 0; m < NM; m++) {
                if (!nm_active[ty][m])
                    continue;
                double t0 = now_ms();
                run_ours(c, q, ty, m);
                v[ty][m][r] = now_ms() - t0;
            }
    for (int ty = 0; ty < 2; ty++)
        for (int m = 0; m < NM; m++) {
            q->ours[ty][m] = nm_active[ty][m] ? summarize(v[ty][m], (size_t)reps)
                             : ty && q->t_same ? q->ours[0][m]
                                               : (lat){-1, -1, -1};
            free(v[ty][m]);
        }

    /* 1 character on the prefix='1' variant, when benchq phases built it */
    q->pfx_count = q->pfx_first = (lat){-1, -1, -1};
    if (q->lenc == 0 && c->has_prefix_variant) {
        static const char *const psql[2] = {
            "SELECT count(*) FROM zhp WHERE zhp MATCH ?1",
            "SELECT rowid FROM zhp WHERE zhp MATCH ?1 ORDER BY rowid DESC LIMIT 20"};
        double *pv[2] = {xcalloc((size_t)reps, sizeof(double)), xcalloc((size_t)reps, sizeof(double))};
        q->pfx_hits = run_sql(c->b, psql[0], q->fts[0], NULL);
        run_sql(c->b, psql[1], q->fts[0], NULL);
        for (int r = 0; r < reps; r++)
            for (int k = 0; k < 2; k++) {
                double t0 = now_ms();
                run_sql(c->b, psql[k], q->fts[0], NULL);
                pv[k][r] = now_ms() - t0;
            }
        q->pfx_count = summarize(pv[0], (size_t)reps);
        q->pfx_first = summarize(pv[1], (size_t)reps);
        free(pv[0]);
        free(pv[1]);
    }

    /* baselines: warm-up (and counts), then interleaved repetitions */
    long long *cnt[NB] = {&q->grep_t, &q->grep_ts, &q->like_t, &q->instr_ts, &q->tri_t, &q->tri_ts};
    for (int m = 0; m < NB; m++)
        *cnt[m] = run_base(c, q, m);
    double *bv[NB];
    for (int m = 0; m < NB; m++)
        bv[m] = xcalloc((size_t)base_reps, sizeof(double));
    for (int r = 0; r < base_reps; r++)
        for (int m = 0; m < NB; m++) {
            double t0 = now_ms();
            run_base(c, q, m);
            bv[m][r] = now_ms() - t0;
        }
    for (int m = 0; m < NB; m++) {
        q->base[m] = summarize(bv[m], (size_t)base_reps);
        free(bv[m]);
    }
    /* correctness, untimed: the folded-substring oracle and the trigram LIKE bug */
    char *fq = fold_utf8(q->s, strlen(q->s));
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->b,
                           "SELECT count(*), coalesce(sum(id IN (SELECT rowid FROM gk.doc_fts WHERE "
                           "doc_fts MATCH ?2)), 0) FROM ufold WHERE instr(title, ?1) OR instr(body, ?1)",
                           -1, &st, NULL) != SQLITE_OK)
        die("oracle: %s", sqlite3_errmsg(c->b));
    sqlite3_bind_text(st, 1, fq, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, q->fts[0], -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW)
        die("oracle: %s", sqlite3_errmsg(c->b));
    q->oracle = sqlite3_column_int64(st, 0);
    q->both = sqlite3_column_int64(st, 1);
    sqlite3_finalize(st);
    free(fq);
    q->tri_idx_like = -1;
    if (q->chars < 3) {
        char *p = xasprintf("%%%s%%", q->t);
        q->tri_idx_like = run_sql(c->b, "SELECT count(*) FROM tri WHERE body LIKE ?1", p, NULL);
        free(p);
    }
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

typedef struct {
    kv_t facts;
    const char *corpus;
    long long units, idx, dbbytes;
    double raw;
    lat open_lat;
    int reps, base_reps;
    bq *qs;
    size_t nq;
    int exact, st_same;
} run_t;

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

    FILE *o = stdout;
    report_header(o, &r);
    report_build(o, &r);
    report_queries(o, &r);
    report_latency(o, &r);
    report_baselines(o, &r);
    report_variant(o, &r);
    report_summary(o, &r);
    report_targets(o, &r);

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
