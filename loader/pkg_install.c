/* `gongkai load --package FILE`: verify, then install (see pack.h, docs/packages.md). */
#include "pack.h"

#include "db.h"
#include "fold.h"
#include "load.h"
#include "paths.h"
#include "pkgread.h"
#include "pkgwrite.h"
#include "swap.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The package the installed database came from: name and version, or NULLs (a database
 * built by `gongkai load`, a missing file or one too damaged to say). */
static void installed_package(const char *db_path, char **name, char **version)
{
    *name = *version = NULL;
    sqlite3 *h = NULL;
    if (access(db_path, F_OK) != 0 ||
        sqlite3_open_v2(db_path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(h);
        return;
    }
    *name = db_meta(h, "package_name");
    *version = db_meta(h, "package_version");
    sqlite3_close(h);
    if (!*name || !*version || !pkg_version_valid(*version)) {
        free(*name);
        free(*version);
        *name = *version = NULL;
    }
}

/* 0 to go on; 1 nothing to do (same version); 2 refused (older). */
static int check_version(const pkg_install_opts *o, const pkg_header *h)
{
    char *name = NULL, *version = NULL;
    installed_package(o->db_path, &name, &version);
    int rc = 0;
    if (!name) {
        /* nothing to compare with */
    } else if (strcmp(name, h->name)) {
        fprintf(stderr, "gongkai load: note: the installed database came from package %s %s; "
                        "this is %s\n",
                name, version, h->name);
    } else {
        int cmp = pkg_version_cmp(h->version, version);
        if (cmp < 0 && !o->allow_older) {
            fprintf(stderr,
                    "gongkai load: %s: version %s is older than the installed %s: refused "
                    "(--allow-older installs it anyway)\n",
                    o->package, h->version, version);
            rc = 2;
        } else if (cmp == 0 && !o->allow_older) {
            fprintf(stderr, "gongkai load: %s %s is already installed; nothing changed\n", h->name,
                    h->version);
            rc = 1;
        } else if (cmp < 0) {
            fprintf(stderr, "gongkai load: installing the older version %s over %s, as asked\n",
                    h->version, version);
        }
    }
    free(name);
    free(version);
    return rc;
}

/* ---- a database package ------------------------------------------------------------ */

typedef struct {
    int fd;
    const char *path;
} file_sink;

static int to_file(void *ctx, size_t file, const void *data, size_t n, char **err)
{
    (void)file;
    file_sink *s = ctx;
    if (pkg_write_all(s->fd, data, n) != 0) {
        *err = xasprintf("writing %s: %s", s->path, strerror(errno));
        return -1;
    }
    return 0;
}

static int exec_sql(sqlite3 *h, const char *sql)
{
    return sqlite3_exec(h, sql, NULL, NULL, NULL);
}

/* The extracted database must be one this program opens, and records where it came from.
 * NULL when fine, else the reason (static text or malloc'd into *owned). */
static const char *finish_db(const char *tmp, const pkgread *r, char **owned)
{
    sqlite3 *h = NULL;
    const char *why = NULL;
    if (sqlite3_open_v2(tmp, &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        sqlite3_close(h);
        return "the database in the package cannot be opened";
    }
    sqlite3_stmt *st = NULL;
    int ok = sqlite3_prepare_v2(h, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK &&
             sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) &&
             !strcmp((const char *)sqlite3_column_text(st, 0), "ok");
    sqlite3_finalize(st);
    char *schema = ok ? db_meta(h, "schema_version") : NULL;
    char *stamp = ok ? db_meta(h, "fts_stamp") : NULL;
    if (!ok) {
        why = "the database in the package is damaged (quick_check failed)";
    } else if (!schema || atoi(schema) != r->h.schema) {
        why = "the database's schema differs from what the header says";
    } else if (atoi(schema) != GK_SCHEMA_VERSION) {
        why = *owned = xasprintf("the package holds a schema %s database; this gongkai reads "
                                 "schema %d (ask for a package made by %s, or update gongkai)",
                                 schema, GK_SCHEMA_VERSION,
                                 atoi(schema) < GK_SCHEMA_VERSION ? "a newer gongkai" : "this one");
    } else if (!stamp || strcmp(stamp, fold_stamp())) {
        why = *owned = xasprintf("the database was indexed with another fold table (%s; this "
                                 "gongkai uses %s): ask for a package made by this version",
                                 stamp ? stamp : "none", fold_stamp());
    }
    free(schema);
    free(stamp);
    if (!why) {
        char id[PKG_KEYID_HEX], hex[2 * PKG_SHA256_BYTES + 1];
        pkg_keyid_hex(r->h.signer, id);
        pkg_sha256_hex(r->header_sha256, hex);
        const char *kv[][2] = {{"package_name", r->h.name},       {"package_version", r->h.version},
                               {"package_created", r->h.created}, {"package_signer", id},
                               {"package_sha256", hex}};
        ok = exec_sql(h, "BEGIN") == SQLITE_OK;
        for (size_t i = 0; ok && i < sizeof kv / sizeof *kv; i++) {
            ok = sqlite3_prepare_v2(h, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)",
                                    -1, &st, NULL) == SQLITE_OK;
            if (ok) {
                sqlite3_bind_text(st, 1, kv[i][0], -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 2, kv[i][1], -1, SQLITE_STATIC);
                ok = sqlite3_step(st) == SQLITE_DONE;
            }
            sqlite3_finalize(st);
        }
        ok = ok && exec_sql(h, "COMMIT") == SQLITE_OK;
        if (!ok)
            why = "cannot record the package in the new database (disk full?)";
    }
    if (sqlite3_close(h) != SQLITE_OK && !why)
        why = "closing the new database failed";
    return why;
}

static int install_db(const pkg_install_opts *o, pkgread *r)
{
    const char *tmp = swap_begin(o->db_path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        fprintf(stderr, "gongkai load: cannot create %s: %s; %s was not changed\n", tmp,
                strerror(errno), o->db_path);
        swap_abort();
        return 2;
    }
    file_sink s = {fd, tmp};
    char *err = NULL, *owned = NULL;
    int rc = pkgread_payload(r, to_file, &s, &err);
    if (close(fd) != 0 && rc == 0) {
        err = xasprintf("writing %s: %s", tmp, strerror(errno));
        rc = -1;
    }
    const char *why = rc == 0 ? finish_db(tmp, r, &owned) : err;
    if (!why && swap_commit(o->db_path) != 0) {
        why = owned = xasprintf("cannot replace %s: %s", o->db_path, strerror(errno));
    }
    if (why) {
        fprintf(stderr, "gongkai load: %s\ngongkai load: %s was not changed\n", why, o->db_path);
        swap_abort();
    }
    free(err);
    free(owned);
    return why ? 2 : 0;
}

/* ---- a corpus package ------------------------------------------------------------- */

typedef struct {
    const char *root;
    const pkg_header *h;
    int fd;     /* the file being written, or -1 */
    char *path; /* its path */
} tree_sink;

static int to_tree(void *ctx, size_t file, const void *data, size_t n, char **err)
{
    tree_sink *s = ctx;
    if (!data) { /* a new file: parents first, then the file itself, never through a link */
        if (s->fd >= 0 && close(s->fd) != 0) {
            *err = xasprintf("writing %s: %s", s->path, strerror(errno));
            s->fd = -1;
            return -1;
        }
        free(s->path);
        s->path = xasprintf("%s/%s", s->root, s->h->files[file].path);
        char *dir = xstrdup(s->path);
        *strrchr(dir, '/') = '\0';
        int mk = paths_mkdir_p(dir, 0700);
        free(dir);
        s->fd = mk ? -1 : open(s->path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (s->fd < 0) {
            *err = xasprintf("cannot create %s: %s", s->path, strerror(errno));
            return -1;
        }
        return 0;
    }
    file_sink f = {s->fd, s->path};
    return to_file(&f, file, data, n, err);
}

static int rm_entry(const char *p, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)type;
    (void)ftw;
    return remove(p) == 0 ? 0 : 0; /* keep going: remove what can be removed */
}

static void remove_tree(const char *dir)
{
    nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int install_corpus(const pkg_install_opts *o, pkgread *r)
{
    char *c1 = xstrdup(o->db_path), *c2 = xstrdup(o->db_path);
    const char *dir = dirname(c1), *base = basename(c2);
    char *prefix = xasprintf(".%s.pkg-", base);
    swap_remove_stale(dir, prefix, remove_tree); /* extractions of killed installs */
    free(prefix);
    char *root = xasprintf("%s/.%s.pkg-%ld", dir, base, (long)getpid());
    free(c1);
    free(c2);
    remove_tree(root);
    int rc = 2;
    if (mkdir(root, 0700) != 0) {
        fprintf(stderr, "gongkai load: cannot create %s: %s; %s was not changed\n", root,
                strerror(errno), o->db_path);
        free(root);
        return 2;
    }
    tree_sink s = {root, &r->h, -1, NULL};
    char *err = NULL;
    int prc = pkgread_payload(r, to_tree, &s, &err);
    if (s.fd >= 0 && close(s.fd) != 0 && prc == 0) {
        err = xasprintf("writing %s: %s", s.path, strerror(errno));
        prc = -1;
    }
    free(s.path);
    if (prc != 0) {
        fprintf(stderr, "gongkai load: %s\ngongkai load: %s was not changed\n", err, o->db_path);
    } else {
        char id[PKG_KEYID_HEX], hex[2 * PKG_SHA256_BYTES + 1];
        pkg_keyid_hex(r->h.signer, id);
        pkg_sha256_hex(r->header_sha256, hex);
        const char *meta[] = {"package_name",    r->h.name,    "package_version", r->h.version,
                              "package_created", r->h.created, "package_signer",  id,
                              "package_sha256",  hex,          NULL};
        char *corpora[] = {root, NULL};
        load_opts lo;
        memset(&lo, 0, sizeof lo);
        lo.db_path = o->db_path;
        lo.strict = o->strict;
        lo.quiet = o->quiet;
        lo.verify_full = o->verify_full;
        lo.corpora = corpora;
        lo.ncorpora = 1;
        lo.meta = meta;
        rc = load_run(&lo);
    }
    free(err);
    remove_tree(root);
    free(root);
    return rc;
}

/* ---- the command ------------------------------------------------------------------ */

int pkg_install(const pkg_install_opts *o, const config_t *cfg)
{
    if (pkg_crypto_init() != 0) {
        fputs("gongkai load: libsodium failed to initialise\n", stderr);
        return 2;
    }
    double t0 = now_s();
    char *where = config_trusted_keys(cfg);
    pkg_trust trust;
    pkg_trust_load(&trust, where, stderr);
    free(where);
    pkgread r;
    char *err = NULL;
    int rc = 2;
    if (pkgread_open(&r, o->package, &trust, &err) != 0) {
        fprintf(stderr, "gongkai load: %s\ngongkai load: nothing was changed\n", err);
        goto out;
    }
    char id[PKG_KEYID_HEX];
    pkg_keyid_hex(r.h.signer, id);
    fprintf(stderr, "gongkai load: %s: %s %s (%s, %zu file%s, %.1f MB, made %s%s%s), signed by "
                    "%s (%s)\n",
            o->package, r.h.name, r.h.version, r.h.content, r.h.nfiles, r.h.nfiles == 1 ? "" : "s",
            r.h.payload_bytes / 1e6, r.h.created, r.h.as_of ? ", data as of " : "",
            r.h.as_of ? r.h.as_of : "", id, r.key_file);
    if (r.h.note)
        fprintf(stderr, "gongkai load: note: %s\n", r.h.note);
    if (o->check_only) {
        if (pkgread_payload(&r, NULL, NULL, &err) != 0) {
            fprintf(stderr, "gongkai load: %s\n", err);
            goto out;
        }
        fprintf(stderr, "gongkai load: %s is genuine: signature and %zu checksum%s verified in "
                        "%.2f s; nothing was installed\n",
                o->package, r.h.nfiles, r.h.nfiles == 1 ? "" : "s", now_s() - t0);
        /* What an install would do, without doing it. */
        char *iname = NULL, *iversion = NULL;
        installed_package(o->db_path, &iname, &iversion);
        if (iname && !strcmp(iname, r.h.name)) {
            int cmp = pkg_version_cmp(r.h.version, iversion);
            fprintf(stderr, "gongkai load: installed: %s %s; this package is %s\n", iname, iversion,
                    cmp > 0 ? "newer" : cmp < 0 ? "older (an install would be refused)"
                                                : "the same version");
        } else if (iname) {
            fprintf(stderr, "gongkai load: installed: package %s %s (another name)\n", iname,
                    iversion);
        }
        free(iname);
        free(iversion);
        rc = 0;
        goto out;
    }
    rc = check_version(o, &r.h);
    if (rc != 0) {
        if (rc == 2)
            fprintf(stderr, "gongkai load: nothing was changed\n");
        goto out;
    }
    rc = !strcmp(r.h.content, "database") ? install_db(o, &r) : install_corpus(o, &r);
    if (rc == 0 || rc == 3)
        fprintf(stderr, "gongkai load: installed %s %s into %s in %.2f s\n", r.h.name, r.h.version,
                o->db_path, now_s() - t0);
out:
    free(err);
    pkgread_close(&r);
    pkg_trust_free(&trust);
    return rc;
}
