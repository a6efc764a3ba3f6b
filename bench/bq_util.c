/* bq_util.c: benchq's small helpers: timing, errors, SQL, key=value facts, statistics. */
#include "bq.h"

#include "fold.h"
#include "xalloc.h"
#include "zh_fts5.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* ---- small helpers ------------------------------------------------------------------ */

double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("benchq: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

void exec_sql(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        die("SQL failed: %s\n  %s", msg ? msg : sqlite3_errmsg(db), sql);
}

double timed_exec(sqlite3 *db, const char *sql)
{
    double t0 = now_ms();
    exec_sql(db, sql);
    return (now_ms() - t0) / 1e3;
}

long long int_of(sqlite3 *db, const char *sql)
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

long long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

size_t u8_len(const char *s)
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

sqlite3 *open_rw(const char *path)
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

void attach_ro(sqlite3 *db, const char *path, const char *as)
{
    char *uri = sqlite3_mprintf("ATTACH 'file:%q?mode=ro' AS %s", path, as);
    exec_sql(db, uri);
    sqlite3_free(uri);
}

long long index_bytes(sqlite3 *db, const char *schema, const char *table)
{
    char *sql = sqlite3_mprintf("SELECT coalesce(sum(pgsize), 0) FROM dbstat(%Q) "
                                "WHERE name IN ('%q_data', '%q_idx')",
                                schema, table, table);
    long long v = int_of(db, sql);
    sqlite3_free(sql);
    return v;
}

/* Runs sql with ?1 (and ?2) bound; returns count(*) for a one-row count, else the rows. */
long long run_sql(sqlite3 *db, const char *sql, const char *a1, const char *a2)
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

/* ---- key=value facts ---------------------------------------------------------------- */

void kv_read(kv_t *kv, const char *path)
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

const char *kv_get(const kv_t *kv, const char *key)
{
    for (size_t i = kv->n; i-- > 0;)
        if (!strcmp(kv->k[i], key))
            return kv->v[i];
    return NULL;
}

double kv_num(const kv_t *kv, const char *key)
{
    const char *v = kv_get(kv, key);
    return v && *v ? atof(v) : -1;
}

/* ---- statistics --------------------------------------------------------------------- */

static int dcmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

lat summarize(double *v, size_t n)
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

double median_of(double *v, size_t n)
{
    if (!n)
        return -1;
    qsort(v, n, sizeof *v, dcmp);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
