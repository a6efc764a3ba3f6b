#include "db.h"

#include "fold.h"
#include "orgstmt.h"
#include "rank.h"
#include "xalloc.h"
#include "zh_fts5.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern const char embedded_schema_sql[];

const char *db_error_text(int rc)
{
    switch (rc & 0xFF) {
    case SQLITE_CORRUPT:
        return "数据库文件已损坏（database file is damaged）；请重新加载：gongkai load";
    case SQLITE_NOTADB:
        return "不是 gongkai 数据库（not a database file）";
    case SQLITE_CANTOPEN:
        return "无法打开数据库文件（cannot open the database file）";
    case SQLITE_INTERRUPT:
        return "查询范围过大，已中止（query interrupted）";
    case SQLITE_FULL:
        return "磁盘已满（disk full）";
    case SQLITE_READONLY:
        return "数据库只读（read-only）";
    case SQLITE_IOERR:
        return "读写错误（I/O error）";
    case SQLITE_NOMEM:
        return "内存不足（out of memory）";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return "数据库正忙（database is busy）";
    default:
        return "查询失败（internal error）";
    }
}

char *db_meta(sqlite3 *h, const char *key)
{
    sqlite3_stmt *st;
    char *v = NULL;
    if (sqlite3_prepare_v2(h, "SELECT value FROM meta WHERE key = ?1", -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        v = xstrdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return v;
}

static int user_version(sqlite3 *h, int *version)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *version = sqlite3_column_int(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

/* The fold stamp, told apart from a read error: SQLITE_OK with *stamp NULL when the meta
 * table or the key is missing (another version), the SQLite error when the file cannot
 * be read (a damaged page must not be reported as "built by another version"). */
static int read_stamp(sqlite3 *h, char **stamp)
{
    *stamp = NULL;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(h, "SELECT value FROM meta WHERE key = 'fts_stamp'", -1, &st,
                                NULL);
    if (rc != SQLITE_OK) {
        int ext = rc & 0xFF;
        /* No meta table: a database of another schema, not an unreadable one. */
        return ext == SQLITE_ERROR ? SQLITE_OK : rc;
    }
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        if (sqlite3_column_text(st, 0))
            *stamp = xstrdup((const char *)sqlite3_column_text(st, 0));
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

/* PRAGMA quick_check (the b-trees' structure, not the index against the text): SQLITE_OK,
 * SQLITE_CORRUPT when it reports a problem, or the error that stopped it. */
static int quick_check(sqlite3 *h)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(h, "PRAGMA quick_check(1)", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *r = (const char *)sqlite3_column_text(st, 0);
        rc = r && !strcmp(r, "ok") ? SQLITE_OK : SQLITE_CORRUPT;
    }
    sqlite3_finalize(st);
    return rc;
}

static void load_corpus_vocab(gk_db *db)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db->h, "SELECT grp, term FROM vocab ORDER BY grp, rowid", -1, &st,
                           NULL) != SQLITE_OK)
        return;
    const char *members[64];
    char *copies[64];
    size_t n = 0;
    long cur = -1;
    for (;;) {
        int rc = sqlite3_step(st);
        long g = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -2;
        if (g != cur && n) {
            vocab_add_group(db->vocab, members, n);
            for (size_t i = 0; i < n; i++)
                free(copies[i]);
            n = 0;
        }
        if (rc != SQLITE_ROW)
            break;
        cur = g;
        if (n < 64 && sqlite3_column_text(st, 1)) {
            copies[n] = xstrdup((const char *)sqlite3_column_text(st, 1));
            members[n] = copies[n];
            n++;
        }
    }
    sqlite3_finalize(st);
}

int db_open(const char *path, gk_db **out, char **err)
{
    *out = NULL;
    if (access(path, F_OK) != 0) {
        *err = xasprintf("没有数据库 %s。先加载语料（create it first）：\n"
                         "  gongkai load --db %s 语料目录\n"
                         "例如演示语料（the demo corpus）：gongkai load --db %s data/demo",
                         path, path, path);
        return -1;
    }
    sqlite3 *h = NULL;
    int rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL);
    if (rc != SQLITE_OK) {
        *err = xasprintf("%s: %s", path, db_error_text(rc));
        sqlite3_close(h);
        return -1;
    }
    if (zh_fts5_register(h) != SQLITE_OK) {
        *err = xasprintf("%s: SQLite 不支持 FTS5（FTS5 is not available）", path);
        sqlite3_close(h);
        return -1;
    }
    int version = -1;
    rc = user_version(h, &version);
    if (rc != SQLITE_OK) {
        *err = xasprintf("%s: %s", path, db_error_text(rc));
        sqlite3_close(h);
        return -1;
    }
    char *stamp = NULL;
    if (version > 0 && (rc = read_stamp(h, &stamp)) != SQLITE_OK) {
        *err = xasprintf("%s: %s", path, db_error_text(rc));
        sqlite3_close(h);
        return -1;
    }
    if (version != GK_SCHEMA_VERSION || !stamp || strcmp(stamp, fold_stamp()) != 0) {
        if (version == 0 && !stamp)
            *err = xasprintf("%s: 不是 gongkai 数据库（not a gongkai database）", path);
        else
            *err = xasprintf("%s: 数据库由另一版本建立（schema %d, %s），本程序需要 schema %d, %s。\n"
                             "请重新加载（rebuild it）：gongkai load --db %s 语料目录",
                             path, version, stamp ? stamp : "无分词器标记", GK_SCHEMA_VERSION,
                             fold_stamp(), path);
        free(stamp);
        sqlite3_close(h);
        return -1;
    }
    free(stamp);
    /* Damage the queries would meet only later (or never report): checked up front on
     * files small enough for it to be quick (about 1 ms per MB). */
    struct stat sb;
    if (stat(path, &sb) == 0 && sb.st_size <= GK_QUICK_CHECK_MAX_BYTES &&
        (rc = quick_check(h)) != SQLITE_OK) {
        *err = xasprintf("%s: %s", path, db_error_text(rc));
        sqlite3_close(h);
        return -1;
    }
    rc = rank_register(h);
    if (rc != SQLITE_OK) {
        *err = xasprintf("%s: %s", path, db_error_text(rc));
        sqlite3_close(h);
        return -1;
    }
    gk_db *db = xcalloc(1, sizeof *db);
    db->h = h;
    db->path = xstrdup(path);
    db->vocab = vocab_new();
    /* Built-in groups first, then the corpus's own additions. */
    const vocab *b = vocab_builtin();
    for (size_t g = 0; g < vocab_group_count(b); g++) {
        const char *members[64];
        size_t n = vocab_group_size(b, g);
        for (size_t i = 0; i < n && i < 64; i++)
            members[i] = vocab_member(b, g, i);
        vocab_add_group(db->vocab, members, n < 64 ? n : 64);
    }
    load_corpus_vocab(db);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(h, "SELECT coalesce(max(id), 0) FROM doc", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            db->nunits = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    *out = db;
    return 0;
}

void db_close(gk_db *db)
{
    if (!db)
        return;
    oc_stmt_release(db->h); /* the organisation check's cached statements */
    sqlite3_close(db->h);
    vocab_free(db->vocab);
    free(db->path);
    free(db);
}

/* data/schema.sql is in two parts: tables, then indexes after this marker. */
#define AFTER_LOAD_MARK "\n-- @after-load"

int db_create(const char *path, sqlite3 **out, char **err)
{
    *out = NULL;
    sqlite3 *h = NULL;
    const char *mark = strstr(embedded_schema_sql, AFTER_LOAD_MARK);
    char *tables = mark ? xstrndup(embedded_schema_sql, (size_t)(mark - embedded_schema_sql))
                        : xstrdup(embedded_schema_sql);
    int rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc == SQLITE_OK)
        rc = zh_fts5_register(h);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(h, tables, NULL, NULL, NULL);
    free(tables);
    if (rc != SQLITE_OK) {
        *err = xasprintf("%s: %s (%s)", path, db_error_text(rc), sqlite3_errmsg(h));
        sqlite3_close(h);
        return rc;
    }
    *out = h;
    return SQLITE_OK;
}

int db_create_indexes(sqlite3 *h, char **err)
{
    const char *mark = strstr(embedded_schema_sql, AFTER_LOAD_MARK);
    if (!mark)
        return SQLITE_OK;
    int rc = sqlite3_exec(h, mark, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        *err = xasprintf("%s (%s)", db_error_text(rc), sqlite3_errmsg(h));
    return rc;
}
