/* The load pipeline: temp file -> sources -> finish -> order docs -> FTS -> verify ->
 * rename. See load.h for the guarantees. */
#include "load.h"

#include "db.h"
#include "fold.h"
#include "search.h"
#include "swap.h"
#include "textenc.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- statements ------------------------------------------------------------------- */

static sqlite3_stmt **stmt_slots[64];
static size_t nstmt_slots;

sqlite3_stmt *load_stmt(load_ctx *c, sqlite3_stmt **slot, const char *sql)
{
    if (*slot) {
        sqlite3_reset(*slot);
        sqlite3_clear_bindings(*slot);
        return *slot;
    }
    if (sqlite3_prepare_v2(c->db, sql, -1, slot, NULL) != SQLITE_OK) {
        diag_error(c->d, "gongkai", 0, "internal SQL error: %s", sqlite3_errmsg(c->db));
        *slot = NULL;
        return NULL;
    }
    if (nstmt_slots < sizeof stmt_slots / sizeof *stmt_slots)
        stmt_slots[nstmt_slots++] = slot;
    return *slot;
}

void load_finalize_statements(void)
{
    for (size_t i = 0; i < nstmt_slots; i++) {
        sqlite3_finalize(*stmt_slots[i]);
        *stmt_slots[i] = NULL;
    }
    nstmt_slots = 0;
}

int load_stage_doc(load_ctx *c, const char *domain, long long ref_id, int rank_group,
                   const char *date, long long group_key, long ord, const char *title,
                   const char *body)
{
    static sqlite3_stmt *st;
    sqlite3_stmt *s = load_stmt(c, &st,
                                "INSERT INTO temp.doc_stage(domain, ref_id, rank_group, date, "
                                "group_key, ord, title, body) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, domain, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, ref_id);
    sqlite3_bind_int(s, 3, rank_group);
    if (date && *date)
        sqlite3_bind_text(s, 4, date, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 5, group_key);
    sqlite3_bind_int64(s, 6, ord);
    sqlite3_bind_text(s, 7, title, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 8, body ? body : "", -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE) {
        diag_error(c->d, c->relpath ? c->relpath : "gongkai", 0, "cannot store: %s",
                   db_error_text(rc));
        return -1;
    }
    c->staged_docs++;
    return 0;
}

int load_stage_docs_sql(load_ctx *c, const char *select_sql)
{
    char *sql = xasprintf("INSERT INTO temp.doc_stage(domain, ref_id, rank_group, date, "
                          "group_key, ord, title, body) %s",
                          select_sql);
    int rc = sqlite3_exec(c->db, sql, NULL, NULL, NULL);
    free(sql);
    if (rc != SQLITE_OK) {
        diag_error(c->d, "gongkai", 0, "cannot stage search units: %s", sqlite3_errmsg(c->db));
        return -1;
    }
    c->staged_docs += sqlite3_changes(c->db);
    return 0;
}

/* ---- test hooks ------------------------------------------------------------------- */

/* GONGKAI_TEST_FAULT=kill:N|int:N|full:N makes the Nth record kill the process, send it
 * SIGINT, or fill the "disk" (SQLite max_page_count), so tests can prove that an
 * interrupted load leaves the old database unchanged. */
static struct {
    char what[8];
    long at;
} fault;

static void fault_init(void)
{
    const char *f = getenv("GONGKAI_TEST_FAULT");
    if (!f)
        return;
    const char *colon = strchr(f, ':');
    if (!colon || colon - f >= (long)sizeof fault.what)
        return;
    memcpy(fault.what, f, (size_t)(colon - f));
    fault.what[colon - f] = '\0';
    fault.at = strtol(colon + 1, NULL, 10);
}

static void fault_check(load_ctx *c)
{
    if (!fault.at || c->records < fault.at)
        return;
    if (!strcmp(fault.what, "kill"))
        raise(SIGKILL);
    if (!strcmp(fault.what, "int"))
        raise(SIGINT);
    if (!strcmp(fault.what, "full")) {
        sqlite3_exec(c->db, "PRAGMA max_page_count = 1", NULL, NULL, NULL);
        fault.at = 0;
    }
}

/* ---- reading sources -------------------------------------------------------------- */

static char *read_file(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "cannot read: %s", strerror(errno));
        return NULL;
    }
    buf_t b;
    buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        snprintf(err, errlen, "read error: %s", strerror(errno));
        buf_free(&b);
        return NULL;
    }
    *len = b.len;
    if (!b.s)
        buf_add(&b, "", 0);
    return buf_take(&b);
}

static const char *const common_keys[] = {
    "kind", "path", "encoding", "publisher", "url", "source_url", "retrieved", "licence",
    "license", "note", NULL};

static int key_allowed(const load_kind *k, const char *key)
{
    for (size_t i = 0; common_keys[i]; i++)
        if (!strcmp(key, common_keys[i]))
            return 1;
    /* A kind's key ending in '.' is a family ("basis." allows basis.auto_removal). */
    for (size_t i = 0; k->keys && k->keys[i]; i++) {
        size_t n = strlen(k->keys[i]);
        if (n && k->keys[i][n - 1] == '.' ? !strncmp(key, k->keys[i], n) && key[n]
                                          : !strcmp(key, k->keys[i]))
            return 1;
    }
    if (!k->csv_fields)
        return 0;
    if (!strcmp(key, "delimiter"))
        return 1;
    /* map.FIELD / value.FIELD name a field of the kind: a misspelt one would otherwise
     * lose its column without a word. */
    const char *field = !strncmp(key, "map.", 4)     ? key + 4
                        : !strncmp(key, "value.", 6) ? key + 6
                                                     : NULL;
    for (size_t i = 0; field && k->csv_fields[i]; i++)
        if (!strcmp(field, k->csv_fields[i]))
            return 1;
    return 0;
}

static long long insert_source(load_ctx *c, const char *relpath, const char *encoding,
                               const char *data, size_t len)
{
    static sqlite3_stmt *st;
    unsigned char hash[crypto_hash_sha256_BYTES];
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    crypto_hash_sha256(hash, (const unsigned char *)data, len);
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    sqlite3_stmt *s = load_stmt(c, &st,
                                "INSERT INTO source(corpus, section, kind, path, encoding, sha256, "
                                "bytes, publisher, url, retrieved, licence) "
                                "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)");
    if (!s)
        return -1;
    const mf_section *sec = c->sec;
    const char *url = mf_get(sec, "url") ? mf_get(sec, "url") : mf_get(sec, "source_url");
    const char *lic = mf_get(sec, "licence") ? mf_get(sec, "licence") : mf_get(sec, "license");
    sqlite3_bind_text(s, 1, c->m->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, sec->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, c->kind->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, relpath, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, encoding, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, hex, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 7, (sqlite3_int64)len);
    sqlite3_bind_text(s, 8, mf_get(sec, "publisher"), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 9, url, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 10, mf_get(sec, "retrieved"), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 11, lic, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE)
        return -1;
    return sqlite3_last_insert_rowid(c->db);
}

typedef struct {
    char *path;
    const manifest *m;
    const mf_section *sec;
    const load_kind *kind;
    unsigned long long bytes;
} planned_file;

/* SQLite rolls the whole transaction back on a full disk or an I/O error. Then every later
 * file would fail on staging tables that are gone, each with a misleading message: stop at
 * once with one that says what happened. Returns 1 when the load must stop. */
static int transaction_lost(load_ctx *c, const char *file)
{
    if (!sqlite3_get_autocommit(c->db))
        return 0;
    int ec = sqlite3_errcode(c->db);
    diag_error(c->d, file, 0, "%s while writing the new database; stopping (free space and load again)",
               ec == SQLITE_FULL ? "the disk is full" : ec == SQLITE_IOERR ? "a write failed"
                                                                             : "the build was rolled back");
    c->d->stop = 1;
    return 1;
}

/* Reads one file in its encoding and hands it to its kind. */
static int load_one(load_ctx *c, const planned_file *pf)
{
    c->m = pf->m;
    c->sec = pf->sec;
    c->kind = pf->kind;
    c->path = pf->path;
    size_t rootlen = strlen(pf->m->root);
    c->relpath = pf->path + (strncmp(pf->path, pf->m->root, rootlen) ? 0 : rootlen + 1);
    char err[512];
    size_t len;
    char *raw = read_file(pf->path, &len, err, sizeof err);
    if (!raw)
        return diag_error(c->d, c->relpath, 0, "%s", err) ? -1 : 0;
    enum textenc enc = TEXTENC_AUTO;
    const char *encname = mf_get(pf->sec, "encoding");
    if (encname && textenc_parse_name(encname, &enc) != 0) {
        free(raw);
        return diag_error(c->d, pf->m->file, mf_line(pf->sec, "encoding"),
                          "unknown encoding '%s' (auto, utf-8, gb18030, gbk, big5, utf-16)",
                          encname)
                   ? -1
                   : 0;
    }
    textenc_result tr;
    if (textenc_decode(raw, len, enc, &tr, err, sizeof err) != 0) {
        free(raw);
        return diag_error_msg(c->d, c->relpath, err) ? -1 : 0;
    }
    if (tr.warnings) {
        const char *w = strchr(tr.warn_msg, ':');
        diag_warn(c->d, c->relpath, (long)tr.warn_line, "%s%s", w ? w + 2 : tr.warn_msg,
                  tr.warnings > 1 ? " (and more like it)" : "");
    }
    c->source_id = insert_source(c, c->relpath, textenc_name(tr.enc), raw, len);
    free(raw);
    int rc = c->source_id < 0 ? -1 : pf->kind->load_file(c, tr.text, tr.len);
    textenc_result_free(&tr);
    return rc;
}

/* ---- finishing: docs in order, ranges, FTS, verification -------------------------- */

static int exec(load_ctx *c, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(c->db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        diag_error(c->d, "gongkai", 0, "building the database failed: %s (%s)", db_error_text(rc),
                   msg ? msg : "");
        c->d->stop = 1;
    }
    sqlite3_free(msg);
    return rc;
}

static long long count_of(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    long long n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static int finish_docs(load_ctx *c)
{
    /* Domains in reverse display order, so that newest-first (rowid DESC) lists them in
     * display order too. The CASE is built from our own constant names. */
    buf_t order;
    buf_init(&order);
    buf_adds(&order, "CASE domain");
    for (size_t i = 0; search_domain_at(i); i++)
        buf_printf(&order, " WHEN '%s' THEN %zu", search_domain_at(i), i);
    buf_adds(&order, " ELSE 99 END DESC");
    char *sql = xasprintf(
        "INSERT INTO doc(domain, ref_id, rank_group, date, title, body) "
        "SELECT domain, ref_id, rank_group, date, title, body FROM temp.doc_stage "
        "ORDER BY %s, domain DESC, rank_group DESC, coalesce(date, ''), group_key, ord DESC;",
        order.s);
    buf_free(&order);
    int rc = exec(c, sql);
    free(sql);
    if (rc != SQLITE_OK)
        return -1;
    /* The index is built in one pass with a large in-memory hash and no merging until the
     * final optimize (on the 100 MB benchmark: 12 s instead of 29 s), then the defaults
     * are restored. The rank is bm25 with the title (the second column) weighted 3 to 1. */
    if (exec(c, "DROP TABLE temp.doc_stage;"
                "INSERT INTO doc_range SELECT domain, rank_group, min(id), max(id) FROM doc "
                "GROUP BY domain, rank_group;"
                "INSERT INTO doc_fts(doc_fts, rank) VALUES('automerge', 0);"
                "INSERT INTO doc_fts(doc_fts, rank) VALUES('crisismerge', 64);"
                "INSERT INTO doc_fts(doc_fts, rank) VALUES('hashsize', 67108864);"
                "INSERT INTO doc_fts(doc_fts) VALUES('rebuild');"
                "INSERT INTO doc_fts(doc_fts) VALUES('optimize');"
                "INSERT INTO doc_fts(doc_fts, rank) VALUES('automerge', 4);"
                "INSERT INTO doc_fts(doc_fts, rank) VALUES('crisismerge', 16);"
                "INSERT INTO doc_fts(doc_fts, rank) VALUES('hashsize', 1048576);"
                "INSERT INTO doc_fts(doc_fts, rank) VALUES('rank', 'bm25(1.0, 3.0)');") != SQLITE_OK)
        return -1;
    return 0;
}

static int set_meta(load_ctx *c, const char *key, const char *value)
{
    static sqlite3_stmt *st;
    sqlite3_stmt *s = load_stmt(c, &st, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)");
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, value ? value : "", -1, SQLITE_STATIC);
    return sqlite3_step(s) == SQLITE_DONE ? 0 : -1;
}

#define STR_(x) #x
#define STR(x) STR_(x)
#define GK_SCHEMA_STR STR(GK_SCHEMA_VERSION)

/* Inputs up to this size get the full-text index compared with the stored text (every
 * unit tokenized again); larger loads check the index's structure, which takes a third
 * of the time, unless --verify-full is given. */
#define FULL_VERIFY_BYTES (50ull * 1000 * 1000)

static int verify(load_ctx *c, long long staged, int full)
{
    sqlite3_stmt *st;
    int ok = 0;
    if (sqlite3_prepare_v2(c->db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) &&
            !strcmp((const char *)sqlite3_column_text(st, 0), "ok"))
            ok = 1;
        else
            diag_error(c->d, "gongkai", 0, "verification failed: integrity_check: %s",
                       sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "?");
        sqlite3_finalize(st);
    }
    if (!ok)
        return -1;
    /* Each full-text index against its table: compared with every stored text when full,
     * else its structure only. */
    static const char *const fts[] = {"doc_fts", "org_name_fts"};
    for (size_t i = 0; i < sizeof fts / sizeof *fts; i++) {
        char *msg = NULL;
        char *sql = full ? xasprintf("INSERT INTO %s(%s, rank) VALUES('integrity-check', 1)",
                                     fts[i], fts[i])
                         : xasprintf("INSERT INTO %s(%s) VALUES('integrity-check')", fts[i],
                                     fts[i]);
        int rc = sqlite3_exec(c->db, sql, NULL, NULL, &msg);
        free(sql);
        if (rc != SQLITE_OK) {
            diag_error(c->d, "gongkai", 0, "verification failed: full-text index %s: %s", fts[i],
                       msg ? msg : "");
            sqlite3_free(msg);
            return -1;
        }
    }
    long long docs = count_of(c->db, "SELECT count(*) FROM doc");
    long long ranged = count_of(c->db, "SELECT coalesce(sum(hi - lo + 1), 0) FROM doc_range");
    long long indexed = count_of(c->db, "SELECT count(*) FROM doc_fts_docsize");
    long long names = count_of(c->db, "SELECT count(*) FROM org_name");
    long long names_indexed = count_of(c->db, "SELECT count(*) FROM org_name_fts_docsize");
    if (docs != staged || ranged != docs || indexed != docs || names != names_indexed) {
        diag_error(c->d, "gongkai", 0,
                   "verification failed: %lld units staged, %lld stored, %lld in ranges, "
                   "%lld indexed; %lld names, %lld indexed",
                   staged, docs, ranged, indexed, names, names_indexed);
        return -1;
    }
    return 0;
}

/* ---- the run ---------------------------------------------------------------------- */

static char *iso_today(void)
{
    const char *fixed = getenv("GONGKAI_TODAY"); /* tests pin the date */
    if (fixed && strlen(fixed) == 10)
        return xstrdup(fixed);
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    char buf[16];
    strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return xstrdup(buf);
}

static void clear_progress(void *ctx)
{
    progress_clear(ctx);
}

int load_run(const load_opts *o)
{
    if (sodium_init() < 0) {
        fprintf(stderr, "gongkai load: libsodium failed to initialise\n");
        return 2;
    }
    diag_t d;
    diag_init(&d, stderr, o->strict);
    d.quiet = o->quiet;
    progress_t prog;
    fault_init();

    /* 1. Manifests and the files they name: all errors here are found before building. */
    manifest *ms = xcalloc((size_t)o->ncorpora, sizeof *ms);
    planned_file *plan = NULL;
    size_t nplan = 0, plancap = 0;
    unsigned long long total_bytes = 0;
    int bad_manifest = 0;
    for (int i = 0; i < o->ncorpora; i++) {
        if (manifest_load(o->corpora[i], &ms[i], &d) != 0) {
            bad_manifest = 1;
            continue;
        }
        for (size_t s = 0; s < ms[i].n; s++) {
            const mf_section *sec = &ms[i].sections[s];
            const char *kname = mf_get(sec, "kind");
            const load_kind *k = kname ? load_kind_find(kname) : NULL;
            if (!k) {
                buf_t known;
                buf_init(&known);
                for (size_t j = 0; load_kinds[j]; j++)
                    buf_printf(&known, "%s%s", j ? ", " : "", load_kinds[j]->name);
                if (kname)
                    diag_error(&d, ms[i].file, mf_line(sec, "kind"),
                               "unknown kind '%s' in [%s] (known: %s)", kname, sec->name, known.s);
                else
                    diag_error(&d, ms[i].file, sec->line, "section [%s] has no kind (known: %s)",
                               sec->name, known.s);
                buf_free(&known);
                bad_manifest = 1;
                continue;
            }
            for (size_t j = 0; j < sec->nkv; j++)
                if (!key_allowed(k, sec->kv[j].key)) {
                    diag_error(&d, ms[i].file, sec->kv[j].line, "unknown key '%s' for kind %s",
                               sec->kv[j].key, k->name);
                    bad_manifest = 1;
                }
            char **files;
            size_t nfiles;
            if (manifest_files(&ms[i], sec, &files, &nfiles, &d) != 0)
                bad_manifest = 1;
            for (size_t f = 0; f < nfiles; f++) {
                struct stat st;
                plan = xgrow(plan, &plancap, nplan + 1, sizeof *plan);
                plan[nplan] = (planned_file){files[f], &ms[i], sec, k, 0};
                if (stat(files[f], &st) == 0)
                    plan[nplan].bytes = (unsigned long long)st.st_size;
                total_bytes += plan[nplan].bytes;
                nplan++;
            }
            free(files);
        }
    }
    int status = 2;
    load_ctx c;
    memset(&c, 0, sizeof c);
    char *today = iso_today();
    c.today = today;
    c.d = &d;
    /* A manifest error is a mistake in the corpus description, not bad data: load nothing
     * rather than a database that silently lacks a source. */
    if (bad_manifest) {
        fprintf(stderr, "gongkai load: the manifest has errors; nothing was changed\n");
        goto out;
    }

    /* 2. The new file, beside the target so that rename() is atomic (swap.h). */
    const char *tmp_path = swap_begin(o->db_path);
    char *err = NULL;
    if (db_create(tmp_path, &c.db, &err) != SQLITE_OK) {
        fprintf(stderr, "gongkai load: %s\n", err);
        free(err);
        swap_abort();
        goto out;
    }
    exec(&c, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;"
             "PRAGMA locking_mode=EXCLUSIVE; PRAGMA temp_store=FILE;"
             "CREATE TEMP TABLE doc_stage(domain TEXT, ref_id INTEGER, rank_group INTEGER, "
             "date TEXT, group_key INTEGER, ord INTEGER, title TEXT, body TEXT);"
             "BEGIN;");
    for (size_t k = 0; load_kinds[k] && !d.stop; k++)
        if (load_kinds[k]->begin && load_kinds[k]->begin(&c) != SQLITE_OK) {
            diag_error(&d, "gongkai", 0, "cannot prepare the %s loader", load_kinds[k]->name);
            d.stop = 1;
        }
    progress_init(&prog, total_bytes, isatty(2) && !o->quiet);
    d.before_print = clear_progress;
    d.ctx = &prog;

    /* 3. Every file. */
    unsigned long long done = 0;
    for (size_t i = 0; i < nplan && !d.stop; i++) {
        if ((load_one(&c, &plan[i]) != 0 && d.stop) || transaction_lost(&c, c.relpath ? c.relpath : plan[i].path))
            break;
        done += plan[i].bytes;
        progress_update(&prog, done, c.records);
        fault_check(&c);
    }
    /* 4. Indexes, per-kind finishing, then docs, FTS and meta. */
    if (!d.stop && db_create_indexes(c.db, &err) != SQLITE_OK) {
        diag_error(&d, "gongkai", 0, "creating indexes failed: %s", err);
        free(err);
        d.stop = 1;
    }
    for (size_t k = 0; load_kinds[k] && !d.stop; k++)
        if (load_kinds[k]->finish) {
            c.kind = load_kinds[k];
            load_kinds[k]->finish(&c);
        }
    if (!d.stop && c.records == 0) {
        progress_clear(&prog);
        fprintf(stderr, "gongkai load: nothing was loaded; the database was not changed\n");
        status = 1;
        goto fail;
    }
    if (!d.stop)
        finish_docs(&c);
    if (!d.stop) {
        char buf[64];
        char *corpus_names = NULL;
        buf_t names;
        buf_init(&names);
        for (int i = 0; i < o->ncorpora; i++)
            if (ms[i].name)
                buf_printf(&names, "%s%s", names.len ? " + " : "", ms[i].name);
        corpus_names = buf_take(&names);
        const char *as_of = NULL;
        for (int i = 0; i < o->ncorpora; i++)
            if (ms[i].as_of && (!as_of || strcmp(ms[i].as_of, as_of) > 0))
                as_of = ms[i].as_of;
        set_meta(&c, "schema_version", GK_SCHEMA_STR);
        set_meta(&c, "fts_stamp", fold_stamp());
        set_meta(&c, "corpus_name", corpus_names);
        set_meta(&c, "as_of", as_of ? as_of : today);
        set_meta(&c, "built_at", today);
        snprintf(buf, sizeof buf, "%ld", c.records);
        set_meta(&c, "records", buf);
        snprintf(buf, sizeof buf, "%ld", c.staged_docs);
        set_meta(&c, "search_units", buf);
        for (size_t i = 0; o->meta && o->meta[i] && o->meta[i + 1]; i += 2)
            set_meta(&c, o->meta[i], o->meta[i + 1]);
        free(corpus_names);
    }
    load_finalize_statements();
    if (d.stop || exec(&c, "COMMIT") != SQLITE_OK)
        goto fail;

    /* 5. Verify before anything replaces the old database. */
    if (verify(&c, c.staged_docs, o->verify_full || total_bytes <= FULL_VERIFY_BYTES) != 0)
        goto fail;
    progress_clear(&prog);
    if (sqlite3_close(c.db) != SQLITE_OK) {
        fprintf(stderr, "gongkai load: closing the new database failed\n");
        c.db = NULL;
        goto fail;
    }
    c.db = NULL;
    if (swap_commit(o->db_path) != 0) {
        fprintf(stderr, "gongkai load: cannot replace %s: %s\n", o->db_path, strerror(errno));
        goto fail;
    }
    struct stat st;
    stat(o->db_path, &st);
    fprintf(stderr,
            "gongkai load: %ld records, %ld search units from %zu files (%.1f MB) in %.2f s; "
            "%ld rows skipped, %ld errors, %ld warnings -> %s (%.1f MB)\n",
            c.records, c.staged_docs, nplan, total_bytes / 1e6, progress_elapsed(&prog),
            d.skipped, d.errors, d.warnings, o->db_path, st.st_size / 1e6);
    status = (d.errors || bad_manifest) ? 3 : 0;
    if (status)
        fprintf(stderr, "gongkai load: some input was rejected (see above); the rest was loaded\n");
    goto out;

fail:
    load_finalize_statements();
    progress_clear(&prog);
    if (c.db)
        sqlite3_close(c.db);
    c.db = NULL;
    swap_abort();
    if (status == 2)
        fprintf(stderr, "gongkai load: failed; %s was not changed\n", o->db_path);
out:
    for (size_t i = 0; i < nplan; i++)
        free(plan[i].path);
    free(plan);
    for (int i = 0; i < o->ncorpora; i++)
        manifest_free(&ms[i]);
    free(ms);
    free(today);
    return status;
}
