/* Shared by the organisation tests (test_orgload, test_orgcheck, test_orglists,
 * test_orgdoc): loading a corpus into a temporary database the way test_loader.c does
 * (a child process: fresh static state, stderr captured), the fixture corpus
 * tests/fixtures/orgs, and small SQL helpers. Every function is static inline so that a
 * test file using only some of them compiles without warnings. */
#ifndef GONGKAI_ORGTEST_H
#define GONGKAI_ORGTEST_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db.h"
#include "load.h"
#include "xalloc.h"

/* "Today" of every organisation test: after the fixture's as_of (2026-11-01). */
#define OT_TODAY "2026-11-28"

static inline const char *ot_root(void)
{
    const char *r = getenv("GONGKAI_ROOT");
    return r && *r ? r : ".";
}

/* A new empty directory under $GONGKAI_TMP (or /tmp); the caller frees the path. */
static inline char *ot_tmpdir(const char *name)
{
    const char *tmp = getenv("GONGKAI_TMP");
    char *t = xasprintf("%s/%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", name);
    if (!mkdtemp(t)) {
        free(t);
        return NULL;
    }
    return t;
}

static inline char *ot_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf_t b;
    buf_init(&b);
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&b, chunk, k);
    fclose(f);
    if (len)
        *len = b.len;
    return b.s ? buf_take(&b) : xstrdup("");
}

static inline int ot_write(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t n = fwrite(text, 1, strlen(text), f);
    return fclose(f) == 0 && n == strlen(text) ? 0 : -1;
}

/* Loads corpora[0..n) into db in a child process with GONGKAI_TODAY = OT_TODAY, with
 * warnings. Returns
 * the exit status of the load (128 + signal when killed); *log (may be NULL) gets what
 * it wrote to stderr. */
static inline int ot_load(const char *db, int strict, char **corpora, int n, char **log)
{
    char *logpath = xasprintf("%s.log", db);
    pid_t pid = fork();
    if (pid < 0) {
        free(logpath);
        return -1;
    }
    if (pid == 0) {
        int fd = open(logpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        free(logpath); /* the child leaks nothing: valgrind follows it */
        if (fd >= 0) {
            dup2(fd, 2);
            close(fd);
        }
        setenv("GONGKAI_TODAY", OT_TODAY, 1);
        /* not quiet: the warnings are part of what the tests check (stderr is a file,
         * so there is no progress bar) */
        load_opts o = {.db_path = db, .strict = strict, .corpora = corpora, .ncorpora = n};
        _exit(load_run(&o));
    }
    int status;
    waitpid(pid, &status, 0);
    if (log)
        *log = ot_slurp(logpath, NULL);
    unlink(logpath);
    free(logpath);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* tests/fixtures/orgs loaded into DIR/orgs.db (non-strict: the fixture holds rows that
 * must be rejected). Returns the load's exit status; *db_path gets the path. */
static inline int ot_load_fixture(const char *dir, char **db_path, char **log)
{
    char *fixture = xasprintf("%s/tests/fixtures/orgs", ot_root());
    *db_path = xasprintf("%s/orgs.db", dir);
    char *corpora[] = {fixture};
    int rc = ot_load(*db_path, 0, corpora, 1, log);
    free(fixture);
    return rc;
}

/* A corpus (a path under the repository: a directory or a manifest) loaded non-strict into
 * DIR/DBNAME and opened, for a test file's setup. Returns the load's exit status, or -1
 * with the load's messages on stderr when the database does not open. *db_path, *log and
 * *h are set for the caller to free. */
static inline int ot_load_open(const char *dir, const char *corpus, const char *dbname,
                               char **db_path, char **log, gk_db **h)
{
    char *path = xasprintf("%s/%s", ot_root(), corpus);
    *db_path = xasprintf("%s/%s", dir, dbname);
    char *corpora[] = {path};
    int status = ot_load(*db_path, 0, corpora, 1, log);
    free(path);
    char *err = NULL;
    if (db_open(*db_path, h, &err) != 0) {
        fprintf(stderr, "status %d: %s\n%s\n", status, err ? err : "", *log ? *log : "");
        free(err);
        *h = NULL;
        return -1;
    }
    return status;
}

/* Are the files of ../shared/corpus a real-data test reads there (paths relative to
 * ../shared/corpus, NULL-terminated)? When one is missing, says which test data is absent
 * (cmocka prints it) so the skip is never silent. */
static inline int ot_have_shared(const char *const *paths)
{
    for (size_t i = 0; paths[i]; i++) {
        char *p = xasprintf("%s/../shared/corpus/%s", ot_root(), paths[i]);
        int ok = access(p, R_OK) == 0;
        free(p);
        if (!ok) {
            fprintf(stdout, "SKIP: ../shared/corpus/%s is absent (real-data tests need "
                            "../shared next to the repository)\n", paths[i]);
            return 0;
        }
    }
    return 1;
}

/* First column of the first row of sql as an integer (-1 when there is no row). */
static inline long long ot_scalar(sqlite3 *h, const char *sql)
{
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* First column of the first row of sql as new text ("" for NULL, NULL for no row). */
static inline char *ot_text(sqlite3 *h, const char *sql)
{
    sqlite3_stmt *st;
    char *v = NULL;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(st, 0);
        v = xstrdup(t ? (const char *)t : "");
    }
    sqlite3_finalize(st);
    return v;
}

/* The id of the registered (registered = 1) or list-only (0) organisation named name. */
static inline long long ot_org_id(sqlite3 *h, const char *name, int registered)
{
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_prepare_v2(h, "SELECT id FROM org WHERE name = ?1 AND registered = ?2 ORDER BY id",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 2, registered);
        if (sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return v;
}

static inline void ot_rm_rf(const char *dir)
{
    if (!dir || !*dir)
        return;
    char *cmd = xasprintf("rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    free(cmd);
}

/* The fixture loaded into a fresh directory and opened, for a test file's setup. */
typedef struct {
    char *dir, *db_path;
    gk_db *h;
} ot_fixture;

static inline void ot_fixture_close(ot_fixture *f)
{
    db_close(f->h);
    if (f->dir)
        ot_rm_rf(f->dir);
    free(f->dir);
    free(f->db_path);
    memset(f, 0, sizeof *f);
}

/* 0, or -1 with the load's messages on stderr. name names the directory. */
static inline int ot_fixture_open(ot_fixture *f, const char *name)
{
    memset(f, 0, sizeof *f);
    if (!(f->dir = ot_tmpdir(name)))
        return -1;
    char *log = NULL, *err = NULL;
    int rc = ot_load_fixture(f->dir, &f->db_path, &log);
    if (rc != 3 || db_open(f->db_path, &f->h, &err) != 0) {
        fprintf(stderr, "loading the fixture: status %d, %s\n%s\n", rc, err ? err : "",
                log ? log : "");
        free(err);
        free(log);
        ot_fixture_close(f);
        return -1;
    }
    free(log);
    return 0;
}

#endif
