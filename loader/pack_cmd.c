/* `gongkai pack`: key pairs and signed packages of a built database (docs/packages.md). */
#include "pack.h"

#include "db.h"
#include "pkgtrust.h"
#include "pkgwrite.h"
#include "version.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void usage(FILE *f)
{
    fputs("用法 usage:\n"
          "  gongkai pack --keygen NAME\n"
          "      new signing key pair: NAME.key (secret, mode 0600; keep it offline) and\n"
          "      NAME.pub (give it to every machine that installs your packages)\n"
          "  gongkai [--db PATH] pack --key NAME.key --version V -o FILE [--name TEXT]\n"
          "      [--note TEXT] [--corpus DIR]\n"
          "      package the database (--db, else the configured one) or, with --corpus,\n"
          "      a corpus directory, signed with the secret key\n"
          "  --version V  numbers separated by dots (2026.12.1); installs refuse a version\n"
          "               older than the one installed\n"
          "  --name TEXT  package name (default: the database's or the corpus's name)\n"
          "  --note TEXT  one line shown when the package is checked or installed\n"
          "Install with: gongkai load --package FILE   (check only: --check)\n",
          f);
}

static int write_new(const char *path, const char *text, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) {
        fprintf(stderr, "gongkai pack: %s: %s%s\n", path, strerror(errno),
                errno == EEXIST ? " (not overwritten: remove it first)" : "");
        return -1;
    }
    size_t n = strlen(text);
    int ok = pkg_write_all(fd, text, n) == 0 && fsync(fd) == 0;
    ok &= close(fd) == 0;
    if (!ok) {
        fprintf(stderr, "gongkai pack: writing %s: %s\n", path, strerror(errno));
        unlink(path);
    }
    return ok ? 0 : -1;
}

static int keygen(const char *base)
{
    pkg_pubkey pub;
    pkg_seckey sec;
    pkg_keypair_new(&pub, &sec);
    char *kpath = xasprintf("%s.key", base), *ppath = xasprintf("%s.pub", base);
    char *ktext = pkg_seckey_format(&sec), *ptext = pkg_pubkey_format(&pub);
    sodium_memzero(&sec, sizeof sec);
    int rc = 2;
    if (access(ppath, F_OK) == 0) {
        fprintf(stderr, "gongkai pack: %s exists (not overwritten: remove it first)\n", ppath);
    } else if (write_new(kpath, ktext, 0600) == 0) {
        if (write_new(ppath, ptext, 0644) == 0) {
            char id[PKG_KEYID_HEX];
            pkg_keyid_hex(pub.id, id);
            printf("key %s\n  secret: %s (mode 0600; keep it offline, never in a package)\n"
                   "  public: %s (copy into each installing machine's trusted-keys directory)\n",
                   id, kpath, ppath);
            rc = 0;
        } else {
            unlink(kpath);
        }
    }
    sodium_memzero(ktext, strlen(ktext));
    free(ktext);
    free(ptext);
    free(kpath);
    free(ppath);
    return rc;
}

/* Reads the secret key, refusing one other users can read (as ssh does). */
static int read_seckey(const char *path, pkg_seckey *key)
{
    struct stat st;
    char *text = NULL, *err = NULL;
    size_t len = 0;
    if (stat(path, &st) != 0 || pkg_read_small(path, 4096, &text, &len) != 0) {
        fprintf(stderr, "gongkai pack: %s: %s\n", path, strerror(errno));
        return -1;
    }
    int rc = pkg_seckey_parse(text, len, key, &err);
    sodium_memzero(text, len);
    free(text);
    if (rc != 0) {
        fprintf(stderr, "gongkai pack: %s: %s\n", path, err);
        free(err);
        return -1;
    }
    if (st.st_mode & 077) {
        sodium_memzero(key, sizeof *key);
        fprintf(stderr,
                "gongkai pack: %s can be read by other users (mode %04o): chmod 600 %s, and "
                "consider the key exposed\n",
                path, (unsigned)(st.st_mode & 07777), path);
        return -1;
    }
    return 0;
}

/* "2026-12-07T17:42:03Z", from SOURCE_DATE_EPOCH when set (reproducible packages). */
static char *created_now(void)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    char buf[32];
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return xstrdup(buf);
}

/* The database's own checks, then its name, schema and date for the header. */
static int describe_db(const char *db_path, pkg_header *h)
{
    gk_db *db = NULL;
    char *err = NULL;
    if (db_open(db_path, &db, &err) != 0) {
        fprintf(stderr, "gongkai pack: %s\n", err);
        free(err);
        return -1;
    }
    /* db_open checks small files only; a package is made once and copied many times. */
    sqlite3_stmt *st = NULL;
    int ok = sqlite3_prepare_v2(db->h, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK &&
             sqlite3_step(st) == SQLITE_ROW &&
             !strcmp((const char *)sqlite3_column_text(st, 0), "ok");
    sqlite3_finalize(st);
    if (!ok) {
        fprintf(stderr, "gongkai pack: %s is damaged (quick_check failed); rebuild it\n", db_path);
        db_close(db);
        return -1;
    }
    char *schema = db_meta(db->h, "schema_version");
    h->schema = schema ? atoi(schema) : 0;
    free(schema);
    if (!h->name)
        h->name = db_meta(db->h, "corpus_name");
    h->as_of = db_meta(db->h, "as_of");
    db_close(db);
    if (!h->name)
        h->name = xstrdup("gongkai");
    return 0;
}

int pack_main(int argc, char **argv, const char *db_path)
{
    const char *keygen_base = NULL, *key_path = NULL, *version = NULL, *out = NULL;
    const char *name = NULL, *note = NULL, *corpus = NULL;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = !strcmp(a, "--keygen")    ? &keygen_base
                            : !strcmp(a, "--key")     ? &key_path
                            : !strcmp(a, "--version") ? &version
                            : !strcmp(a, "-o")        ? &out
                            : !strcmp(a, "--name")    ? &name
                            : !strcmp(a, "--note")    ? &note
                            : !strcmp(a, "--corpus")  ? &corpus
                                                      : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        }
        if (!slot || i + 1 >= argc) {
            fprintf(stderr, slot ? "gongkai pack: %s needs a value\n"
                                 : "gongkai pack: unknown argument %s\n",
                    a);
            usage(stderr);
            return 2;
        }
        *slot = argv[++i];
    }
    if (pkg_crypto_init() != 0) {
        fputs("gongkai pack: libsodium failed to initialise\n", stderr);
        return 2;
    }
    if (keygen_base)
        return keygen(keygen_base);
    if (!key_path || !version || !out) {
        fprintf(stderr, "gongkai pack: %s is required\n",
                !key_path ? "--key" : !version ? "--version" : "-o");
        usage(stderr);
        return 2;
    }
    if (!pkg_version_valid(version)) {
        fprintf(stderr, "gongkai pack: --version %s: use numbers separated by dots (2026.12.1)\n",
                version);
        return 2;
    }
    pkg_seckey key;
    if (read_seckey(key_path, &key) != 0)
        return 2;
    pkg_header h;
    memset(&h, 0, sizeof h);
    h.version = xstrdup(version);
    h.name = name ? xstrdup(name) : NULL;
    h.note = note ? xstrdup(note) : NULL;
    h.created = created_now();
    h.tool = xstrdup("gongkai " GONGKAI_VERSION);
    int rc = 2;
    if (corpus) {
        rc = pack_corpus(corpus, out, &h, &key);
    } else {
        h.content = xstrdup("database");
        if (describe_db(db_path, &h) == 0) {
            pkg_source src = {db_path, "gongkai.db"};
            if (pkg_write(out, &h, &src, 1, &key) == 0)
                rc = 0;
        }
    }
    sodium_memzero(&key, sizeof key);
    if (rc == 0) {
        char id[PKG_KEYID_HEX];
        pkg_keyid_hex(h.signer, id);
        printf("%s: %s %s (%s, %zu file%s, %.1f MB), signed with key %s\n", out, h.name,
               h.version, h.content, h.nfiles, h.nfiles == 1 ? "" : "s", h.payload_bytes / 1e6,
               id);
    }
    pkg_header_free(&h);
    return rc;
}
