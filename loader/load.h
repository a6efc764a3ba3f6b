/* The loader: `gongkai load [--db PATH] [--strict] CORPUS...`.
 *
 * Builds a complete new database beside the target (.NAME.load-PID.tmp), verifies it
 * (integrity_check, FTS5 integrity-check, counts), then renames it over the target. The
 * old database is never opened for writing, so Ctrl-C, kill -9 or a full disk at any
 * moment leave it byte-identical. Each kind of source (regulations, vocab, ...) is a
 * load_kind in an ops table (loader/kinds.c). */
#ifndef GONGKAI_LOAD_H
#define GONGKAI_LOAD_H

#include <sqlite3.h>

#include "config.h"
#include "diag.h"
#include "manifest.h"
#include "progress.h"

typedef struct load_ctx load_ctx;

typedef struct {
    const char *name;              /* value of kind= */
    const char *const *keys;       /* section keys allowed besides the common ones; one
                                      ending in '.' allows a family (list.X, basis.X) */
    /* A table kind's field names (NULL-terminated), or NULL: accepts map.FIELD = COLUMN,
     * value.FIELD = TEXT for these fields only, and delimiter= (loader/csvmap.h). */
    const char *const *csv_fields;
    /* Runs once before any file is read (temp tables); may be NULL. */
    int (*begin)(load_ctx *c);
    /* Loads one file (already converted to UTF-8). Reports bad rows through c->d and
     * returns -1 only when the whole file must be rejected. */
    int (*load_file)(load_ctx *c, const char *text, size_t len);
    /* Runs once after every corpus was read (e.g. links versions); may be NULL. */
    int (*finish)(load_ctx *c);
} load_kind;

struct load_ctx {
    sqlite3 *db;
    diag_t *d;
    const manifest *m;         /* current corpus */
    const mf_section *sec;     /* current section */
    const load_kind *kind;
    const char *path;          /* current file, absolute */
    const char *relpath;       /* current file relative to the corpus root (messages) */
    long long source_id;       /* row in source for the current file */
    long records;              /* records loaded so far (all kinds) */
    long staged_docs;          /* rows staged for doc */
    const char *today;         /* YYYY-MM-DD, for statuses such as 尚未生效 */
    void *state[16];           /* per-kind state, indexed by kind position */
};

typedef struct {
    const char *db_path;
    int strict;
    int quiet;
    int verify_full;   /* compare the index with the text even for large loads */
    char **corpora;
    /* Extra meta rows (key, value, key, value, ..., NULL), e.g. the package a corpus came
     * from; may be NULL. */
    const char *const *meta;
    int ncorpora;
} load_opts;

/* Runs a load; returns the exit status: 0 loaded, 3 loaded but some input was rejected,
 * 1 nothing to load, 2 failed (the old database is unchanged in 1 and 2). */
int load_run(const load_opts *o);

/* `gongkai load [--strict] [--quiet] CORPUS...` after the common options (--db, --config)
 * were taken out by the caller; db_path is the resolved target. Returns the exit status. */
int load_main(int argc, char **argv, const char *db_path, const config_t *cfg);

/* Stages one searchable unit; ordering and ranges are assigned when the load finishes.
 * group_key keeps a document's units together; ord is their order inside it. */
int load_stage_doc(load_ctx *c, const char *domain, long long ref_id, int rank_group,
                   const char *date, long long group_key, long ord, const char *title,
                   const char *body);

/* Stages many units at once: select_sql is a SELECT of (domain, ref_id, rank_group, date,
 * group_key, ord, title, body), built by the caller from constants only. Returns 0/-1. */
int load_stage_docs_sql(load_ctx *c, const char *select_sql);

/* Prepares a statement on c->db once per call site: cached in *slot, finalized at the end
 * of the load by load_finalize_statements(). */
sqlite3_stmt *load_stmt(load_ctx *c, sqlite3_stmt **slot, const char *sql);
void load_finalize_statements(void);

/* The kinds table. */
const load_kind *load_kind_find(const char *name);
extern const load_kind *const load_kinds[];

#endif
