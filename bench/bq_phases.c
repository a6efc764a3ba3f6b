/* bq_phases.c: `benchq phases`: the loader's SQL steps replayed in isolation on the same
 * texts (FTS5 rebuild, optimize, integrity-check, the ordered copy, PRAGMA integrity_check),
 * and `zhp`, the same index with prefix='1', which `benchq run` times for 1-character
 * queries. */
#include "bq.h"

#include "xalloc.h"
#include "zh_fts5.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int cmd_phases(const char *gk, const char *base)
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
